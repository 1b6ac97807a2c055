# a class with __iter__ returning a separate iterator object can be looped over twice; builtins consume it like a list
class Span:
    def __init__(self, lo, hi):
        self.lo = lo
        self.hi = hi
    def __iter__(self):
        return SpanIter(self.lo, self.hi)

class SpanIter:
    def __init__(self, cur, hi):
        self.cur = cur
        self.hi = hi
    def __iter__(self):
        return self
    def __next__(self):
        if self.cur >= self.hi:
            raise StopIteration
        self.cur += 1
        return self.cur - 1

s = Span(2, 6)
print(list(s), list(s))
print(sum(s), max(s), sorted(s, reverse=True))
print([a * b for a, b in zip(s, Span(10, 20))])
it = iter(s)
print(next(it), next(it), list(it), next(it, "empty"))
a, b, *rest = Span(0, 5)
print(a, b, rest)
print(3 in s, 9 in s)
