# less common str methods: rsplit, partition, rfind/index, zfill, center/ljust/rjust, capitalize/swapcase, splitlines, isalnum/isspace
print("a,b,c".rsplit(",", 1), "a b c".rsplit(None, 1), "key=value=more".partition("="), "no-sep".partition("="))
print("banana".rfind("an"), "banana".index("na"), "banana".rindex("na"))
try:
    "banana".index("z")
except ValueError as e:
    print("ValueError:", e)
print("42".zfill(5), "-42".zfill(5), "ab".center(6, "."), "ab".center(5), "ab".ljust(4, "_"), "ab".rjust(4))
print("hello".capitalize(), "HeLLo".swapcase(), "line1\nline2\n".splitlines(), "a\r\nb".splitlines())
print("ab1".isalnum(), "   ".isspace(), "".isspace(), "abc".islower(), "ABC".isupper(), "Title Case".istitle())
