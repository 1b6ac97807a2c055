# str methods beyond the basics: slice ranges, rsplit/partition, padding, non-ASCII case mapping and classes, argument errors
print("a,b,c".rsplit(",", 1), "a b  c ".rsplit(None, 1), " a b c".rsplit(), "a,b".rsplit(","))
print("key=value=more".partition("="), "no-sep".partition("="), "a=b=c".rpartition("="), "abc".rpartition("x"))
print("banana".rfind("an"), "banana".index("na"), "banana".rindex("na"), "banana".find("a", 2), "banana".find("a", -2, -1))
print("banana".count("a", 2), "banana".count(""), "abc".count("", 1, 2), "abc".find("", 3), "abc".find("", 4), "abc".rfind(""))
print("42".zfill(5), "-42".zfill(5), "+x".zfill(4), "ab".center(6, "."), "ab".center(5), "abc".center(6, "é"), "ab".ljust(4, "_"), "ab".rjust(4))
print("hello world".capitalize(), "HeLLo".swapcase(), "line1\nline2\n".splitlines(), "a\r\nb\rc\x0bd".splitlines(), "a\nb\n".splitlines(True))
print("ab1".isalnum(), "   ".isspace(), "".isspace(), "abc".islower(), "ABC".isupper(), "Title Case".istitle(), "Title case".istitle())
print("straße".upper(), "ÀÉÎ".lower(), "éa".title(), "ǆx".title(), "ß".title(), "ΣΑΣ".lower(), "Straße".casefold(), "éÀ".swapcase())
print("é".isupper(), "É".isupper(), "é".islower(), "١٢".isdecimal(), "²".isdigit(), "²".isdecimal(), "½".isnumeric(), "一".isnumeric(), "\xa0\u3000".isspace(), "Été".istitle())
print("a\tb\tc".expandtabs(), "ab\tc\nx\ty".expandtabs(4), "abc".startswith("b", 1), "abc".endswith("b", 0, 2), "abc".startswith(("x", "a")), "abc".startswith("", 4))
print("prefix-x".removeprefix("prefix-"), "x.py".removesuffix(".py"), "x".removesuffix(""), "  é x é ".strip(), "xyéax".strip("xé"), "ab".replace("", "-"), "aaa".replace("a", "b", 2))
print("éa,bé".split(","), "a\xa0b c".split(), "a b c".split(maxsplit=1), "日本語".find("語"), "日本語".rfind("本", 0, 2), "ÀB".isascii(), "AB".isascii())
for bad in [lambda: "a".find(1), lambda: "a".zfill("x"), lambda: "a".center(3, "ab"), lambda: "a".startswith(1), lambda: "a".split(1), lambda: "a".partition(""), lambda: "a".removeprefix(1), lambda: "a".strip(1), lambda: "a".replace(1, ""), lambda: "a".upper(1), lambda: "a".index("b"), lambda: "a".rindex("b"), lambda: "a".find(), lambda: "a".find("a", "x"), lambda: "a".startswith(("b", 1)), lambda: "a".center(3, 1), lambda: "a".count(), lambda: "a".startswith(), lambda: "a".zfill(), lambda: "a".center(), lambda: "a".rsplit(",", "x"), lambda: "a".partition()]:
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)
