# a broad sweep of builtins, conversions, slicing, call forms and user dunders used together
print(min([3, 1, 2], key=lambda x: -x), max([], default=5), min(4, 2, 8), max("abc", key=ord), min([], default=None))
print(sum([1, 2], 10), sum([0.5, 0.25]), divmod(7, -2), divmod(7.5, 2), round(2.675, 2), round(3.5), round(-2.5), abs(-3.2))
print(all([]), any([0, ""]), isinstance(3, (str, int)), issubclass(bool, int), int("12"), int("ff", 16), int(3.9), float("1e3"), str(12.0))
print(chr(233), ord("é"), hex(255), bin(-5), oct(8), getattr(1, "x", "dflt"), hasattr("a", "upper"), callable(len))
print(list(range(10, 0, -3)), range(5)[-1], 3 in range(5), range(0, 10, 2).index(4), len(range(1, 10, 2)))
print(sorted("hello"), sorted([3, 1, 2], reverse=True), list(reversed(sorted({3: 1, 1: 2}))))
print(repr("a'b\"c\n"), "%s-%d-%r" % ("x", 3, "q"))
print(int("  42  "), int("-0"), float("inf"), float("-nan") != float("nan"), 10 ** 20 if False else 2 ** 62, 7 // -2, -7 % 3, 1e300 * 1e10)
print(pow(2, 10), pow(2, 10, 1000), pow(2, -1), bool([]), bool(0.0), tuple("ab"), list({1: 2}), dict(zip("ab", [1, 2])))
print(str(True), int(True), True + True, None is None, type(None).__name__, [] == [], () == (), [1] is [1])
print(iter([1]).__next__() if False else "", next(iter([]), "empty"), list(iter([1, 2])))
print("{} {!r} {:>5}".format(1, "a", "b"), format(3.14159, ".2f"), format(42, "08b"), f"{'x':*^7}", f"{3.0:g}")
x = [1, 2, 3, 4, 5]
print(x[1:4], x[::2], x[::-1], x[-2:], x[:-2], x[10:], "abcdef"[1:5:2])
x[1:3] = [9]; print(x); del x[::2]; print(x)
a, *b, c = range(5); print(a, b, c)
print(id(x) == id(x), hash(1) == hash(1.0), hash("a") == hash("a"), len({1: 2, 1.0: 3}))
print(isinstance(True, int), type(True) is bool, 1 == 1.0, "a" < "b", (1, 2) < (1, 3), [1, 2] < [1, 2, 0])
print(globals().get("zzz"), "x" in globals(), locals() is not None)
print(list(map(str.upper, ["a", "b"])), list(map(int, "123")), str.join(",", ["a", "b"]), "".join(reversed("abc")))
print(int.__name__, str.__name__, type(len).__name__, (lambda: 0).__name__, print.__name__)
def f(a, b=2, *args, c, d=4, **kw):
    return a, b, args, c, d, kw
print(f(1, c=3), f(1, 2, 3, 4, c=5, e=6), f(*[1, 2], **{"c": 3}))
class P:
    def __init__(self, x): self.x = x
    def __repr__(self): return f"P({self.x})"
    def __eq__(self, o): return isinstance(o, P) and o.x == self.x
    def __hash__(self): return hash(self.x)
    def __lt__(self, o): return self.x < o.x
print(sorted([P(3), P(1)]), P(1) == P(1), {P(1), P(1)}, max(P(2), P(5)), P(1) in [P(1)], vars(P(7)))
