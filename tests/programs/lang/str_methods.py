# the most common str methods: strip with and without chars, split with separator and maxsplit, join, find/count, replace, case, predicates
s = "  Hello, World  "
print(repr(s.strip()), repr(s.lstrip()), repr(s.rstrip()), repr("xxabcxx".strip("x")), repr("--a-".rstrip("-")))
print("a,b,,c".split(","), "a b  c\n".split(), "a,b,c".split(",", 1), "".split(), "".split(","))
print("-".join(["x", "y", "z"]), "".join(reversed("abc")), ", ".join(str(n) for n in range(3)))
print("banana".find("an"), "banana".find("an", 2), "banana".find("x"), "banana".count("a"), "banana".count("an"))
print("aaa".replace("a", "b"), "aaa".replace("a", "b", 2), "Hello".upper(), "Hello".lower(), "hello world".title())
print("123".isdigit(), "12a".isdigit(), "".isdigit(), "abc".isalpha(), "ab1".isalpha())
print("file.txt".endswith((".py", ".txt")), "file.txt".startswith("fi"), len("caf\u00e9"), "caf\u00e9"[-1])
print("x" * 3, "ab" < "b", "Z" < "a", "ab" in "cabd", "abc"[::-1], "hello"[1:-1])
