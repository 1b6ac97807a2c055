# everyday builtins and str/list/dict idioms mixed together, iterator type names, numeric edge cases
l = [5, 3, 8]
print(l.sort() is None, sorted(l, key=None), len.__name__ if hasattr(len, "__name__") else "")
print(list(range(3)) * 2, [0] * 3, "ab" * 2, (1,) * 2)
d = {"b": 2, "a": 1}
print(sorted(d.items()), max(d, key=d.get), list(d), dict(sorted(d.items())), {**d}, d.items() & {("a", 1)} if False else "")
print(str.upper("x"), type([].append).__name__ if False else "", int("7"))
s = "Hello, World"
print(s.lower().count("l"), s[::-1], s.split(", "), s.find("World"), s.replace("l", "L", 1), s.title(), s.center(20, "*"))
print(" ".join(w.capitalize() for w in "the quick fox".split()), "x".join("abc"), ",".join([]))
print(list(enumerate(["a", "b"], 1)), dict(enumerate("ab")), list(zip(*[[1, 2], [3, 4]])))
print(any(x > 2 for x in [1, 3]), all(isinstance(x, int) for x in [1, 2]), sum(x * x for x in range(4)), min((3, "c"), (1, "z")))
print(sorted(["b", "A", "c"], key=str.lower), sorted([(2, "b"), (1, "b"), (2, "a")]), sorted("bca", reverse=True))
import sys
print(isinstance(sys.exc_info(), tuple), hasattr(sys, "stdout"), type(iter(range(3))).__name__)
print(type(zip()).__name__, type(map(str, [])).__name__, type(enumerate([])).__name__, type(reversed([])).__name__, type(filter(None, [])).__name__)
print(repr(zip) if False else "", callable(zip), isinstance(range(3), range), type(range(3)).__name__, type({}.keys()).__name__)
print(hash((1, "a")) == hash((1, "a")), hash(frozenset()) == hash(frozenset()), type(hash("x")).__name__)
print(divmod(-7, 2), divmod(7, 0.5), 5 % 0.3 < 0.3, round(7.5), round(8.5), round(-0.5), round(2.5, 0), round(1234, -2))
print(int(-3.9), int("-12"), float("-inf") < 0, 1e308 * 10, -1e308 * 10, 0.1 * 3, 1 / 3, 2 / 1, 7 / 7)
print(ord("A"), chr(0x1F600), "é".encode if False else "", len("😀"), "😀"[0], "a😀b"[1:], "日本"[::-1])
