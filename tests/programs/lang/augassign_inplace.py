# augmented assignment: sets and dicts mutate in place, __iop__ before __op__, errors name the augmented operator
s = {1, 2}
alias = s
s |= {3}
s -= {1}
s &= {2, 3, 4}
s ^= {5}
print(alias is s, sorted(alias))
d = {"a": 1}
dd = d
d |= {"b": 2}
print(dd is d, dd)
try:
    s |= [1]
except TypeError as e:
    print(e)
class Acc:
    def __init__(self):
        self.items = []
    def __iadd__(self, other):
        self.items.append(other)
        return self
    def __add__(self, other):
        return "plain add"
    def __ior__(self, other):
        return NotImplemented
    def __or__(self, other):
        return "fell back to or"
a = Acc()
b = a
a += 1
a += 2
print(a is b, a.items)
a |= 3
print(a)
class P:
    def __add__(self, o):
        return 1 + "x"
p = P()
for f in [lambda: p + 1]:
    try:
        f()
    except TypeError as e:
        print(e)
x = 1
try:
    x += "a"
except TypeError as e:
    print(e)
try:
    x **= None
except TypeError as e:
    print(e)
try:
    p2 = P()
    p2 += 1
except TypeError as e:
    print(e)
l = [1]
m = l
l += (2, 3)
print(m is l, l)
t = (1,)
u = t
t += (2,)
print(t is u, t, u)
