"""Module doc."""
import sys
import os.path
import os.path as osp
from contextlib import contextmanager, suppress as sup
x: int = 5
y: "str"
class A:
    """Class doc."""
    z: int = 3
    __private = 1
    def m(self, __a, *args, b=1, c, **kw) -> int:
        return self.__private + __a
    @property
    def p(self):
        return __class__
    def sup(self):
        return super().sup()
def deco(f): return f
@deco
@deco
def decorated(a, b=2, *c, d=3, e, **f):
    "doc"
    def inner():
        nonlocal a
        a += 1
        return a, b
    return inner
lam = lambda a, b=1, *c, d, **e: (a, b, c, d, e)
gen = (i * 2 for i in range(10) if i if i > 2 for j in range(i))
dc = {k: v for k, v in {}.items()}
sc = {i for i in [1, 2, 3]}
def f(*a, **k):
    f(*a, 1, 2, *a, 3, k=1, **k, j=2)
    f(1, *a)
    f(**k)
    f(a=1, **k)
    f(a=1, b=2, **k, c=3, d=4)
    print({**k}, {1: 2, **k}, {**k, 3: 4}, {1: 2, 3: 4}, {a: 1, 2: 3}, [*a], (*a,), {*a}, {1, *a, 2})
    x = a[1:2, 3], a[1:2:3, ::], a[...], a[1, 2], a[-1:], a[:-1]
    a[1:2] = 1
    del a[1:2], a.b, a[1], x
    a.b += 1
    a[1:2] += 3
    a[x] **= 2
    return x
