# instances with __call__ are callable with positional, keyword and star arguments, and work where functions are expected
class Multiplier:
    def __init__(self, factor):
        self.factor = factor
        self.calls = 0
    def __call__(self, value, *extra, offset=0):
        self.calls += 1
        return value * self.factor + sum(extra) + offset

triple = Multiplier(3)
print(triple(2), triple(2, 1, 1), triple(2, offset=10))
print(list(map(triple, [1, 2, 3])))
print(sorted([3, -5, 1], key=Multiplier(-1)))
args = (4, 5)
print(triple(*args, **{"offset": 1}))
print(triple.calls)
