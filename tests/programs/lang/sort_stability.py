# sorting: stability with key and reverse, __lt__-only objects, mixed-type errors, modification during sort
import sys
recs = [(i % 7, i) for i in range(200)]
a = sorted(recs, key=lambda r: r[0])
b = sorted(recs, key=lambda r: r[0], reverse=True)
print(a[:5], a[-3:], b[:5], b[-3:])
words = "the Quick brown fox Jumps over the lazy dog THE end".split()
print(sorted(words, key=str.lower), sorted(words, key=len, reverse=True))
class V:
    def __init__(self, v, tag):
        self.v, self.tag = v, tag
    def __lt__(self, o):
        return self.v < o.v
    def __repr__(self):
        return f"{self.v}{self.tag}"
vs = [V(i % 3, chr(97 + i)) for i in range(9)]
print(sorted(vs), sorted(vs, reverse=True))
l = [5, 2, 9, 1]
l.sort(reverse=True)
print(l, sorted([]), sorted([1]), sorted([2, 1]), sorted((3, 1, 2)), sorted({"b": 1, "a": 2}))
try:
    sorted([1, "a", 2])
except TypeError as e:
    print(e)
lst = [3, 1, 2]
def bad(x):
    if x == 2:
        lst.append(9)
    return x
try:
    lst.sort(key=bad)
except ValueError as e:
    print(e)
print(sorted(range(100, 0, -1))[:3], sorted([0.5, -1, 3, 2.5]), sorted([[2, 1], [1, 9], [1, 2]]))
