# lazy zip/enumerate/map/filter/reversed
def count(n=0):
    while True:
        yield n
        n += 1

class Counter:
    def __init__(self):
        self.i = 0
    def __iter__(self):
        return self
    def __next__(self):
        self.i += 1
        print("next", self.i)
        if self.i > 4:
            raise StopIteration
        return self.i

it = iter([1, 2, 3, 4, 5])
print(list(zip(it, it)))
print(list(zip([1, 2, 3], "ab")), list(zip()), list(zip(range(3))))
z = zip(Counter(), "xy")
print("made zip")
print(next(z))
print(list(z))
e = enumerate(Counter(), 10)
print("made enumerate", type(e).__name__)
print(next(e), next(e))
print(list(enumerate("abc", start=1)))
m = map(lambda x: x * 2, Counter())
print("made map", type(m).__name__)
print(next(m))
print(list(map(lambda a, b: a + b, [1, 2, 3], [10, 20])))
f = filter(lambda x: x % 2, Counter())
print("made filter", type(f).__name__)
print(list(f))
print(list(filter(None, [0, 1, "", "a", None, [], [0]])))
print(list(zip(count(), "abc")), next(map(str, count(5))))
for i, x in enumerate(count()):
    if i > 3:
        break
    print(i, x)
lst = [1, 2, 3]
r = reversed(lst)
print(type(r).__name__ if False else "rev", next(r))
lst.append(4)
print(list(r))
print(list(reversed((1, 2, 3))), list(reversed("héllo")), list(reversed(range(1, 10, 3))), list(reversed(range(0))), list(reversed({"a": 1, "b": 2})))
class Seq:
    def __len__(self):
        return 3
    def __getitem__(self, i):
        return i * 10
class Rev:
    def __reversed__(self):
        return iter("zyx")
print(list(reversed(Seq())), list(reversed(Rev())))
it = iter(zip("ab", "cd"))
print(iter(it) is it, next(it))
for bad in [lambda: reversed({1, 2}), lambda: reversed(5), lambda: zip(1), lambda: map(len), lambda: filter(None), lambda: enumerate(), lambda: enumerate([], "x"), lambda: reversed(), lambda: next(map(int, ["x"]))]:
    try:
        bad()
    except Exception as ex:
        print(type(ex).__name__, ex)
d = dict(zip("abc", range(3)))
print(d, sum(map(len, ["ab", "c"])), sorted(filter(lambda x: x > 1, {3, 1, 2})), "-".join(map(str, range(3))))
print(max(enumerate("bca"), key=lambda p: p[1]), min(zip([3, 1], "ab")))
a, b = zip(*[(1, "a"), (2, "b")])
print(a, b, tuple(enumerate("xy")), set(map(abs, [-1, 1])))
