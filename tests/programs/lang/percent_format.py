# printf-style % formatting: flags, widths, *, precision, mapping keys, every conversion and its errors
print("%s-%d-%r" % ("x", 3, "q"), "%x %o %e %X" % (255, 8, 1234.5, 255), "%5.2f|%-6s|%6s|%05d|%+d|% d" % (2.5, "ab", "cd", -42, 5, 7))
print("%#x %#o %.3s %c%c %i %u %%" % (255, 8, "abcdef", 65, "é", 3.9, 7), "%(a)s and %(b)03d" % {"a": "A", "b": 7})
print("%*d|%-*d|%.*f" % (5, 1, 4, 2, 2, 3.14159), "%g %G %g" % (1e20, 1e-10, 0.5), "%10.3e" % 12345.678, "%s" % (1,), "%s" % [1, 2])
print("%a" % "é", "%r" % "é", "%3c|" % "x", "%-5d|" % 3, "%.0f %.1f" % (2.5, 0.05), "%d%%" % 50, "%s %s" % (None, True))
for bad in [lambda: "%d" % "x", lambda: "%x" % 1.5, lambda: "%f" % "s", lambda: "%q" % 1, lambda: "%s %s" % (1,), lambda: "%s" % (1, 2), lambda: "abc" % 5, lambda: "%(a)s" % (1,), lambda: "%c" % "ab", lambda: "%" % ()]:
    try:
        print(bad())
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
print("abc" % {}, "%s" % {"k": 1}, "%(k)s" % {"k": 1})
