# class features together: __getattr__, __setattr__/__delattr__ overrides with object.__setattr__, __contains__/__getitem__/__bool__, scopes, exceptions' reprs, call-binding errors, f-string floats, decorators
class A:
    """doc"""
    cls_attr = 1
    def __init__(self):
        self.v = 1
    def __getattr__(self, name):
        return "missing:" + name
    def __setattr__(self, name, value):
        object.__setattr__(self, name, value * 2 if isinstance(value, int) else value)
a = A()
print(a.v, a.zz, A.__doc__, a.__class__.__name__, A.__dict__["cls_attr"], a.__dict__)
class B:
    def __delattr__(self, name):
        print("del", name)
    def __contains__(self, x):
        return x == 3
    def __getitem__(self, k):
        return k
    def __bool__(self):
        return False
b = B()
del b.q
print(3 in b, 4 not in b, b[1:5:2], b[1, 2], b[...], not b)
x = 10
def outer():
    y = 1
    def inner():
        nonlocal y
        global x
        y += 1
        x += 1
        return y
    return inner() + inner()
print(outer(), x)
print([(i, j) for i in range(3) for j in range(i) if j % 2 == 0], {k: v for k, v in zip("ab", "cd")}, {c for c in "hello"} == set("helo"))
print(1 < 2 < 3 > 1, 5 if x else 6, (lambda a, b=2, *c, **d: (a, b, c, d))(1, 3, 4, k=5))
print(0b1010 & 0xF | 1 << 3 ^ ~0, -7 >> 1, 7 // 2, -7 // 2, 2 ** -1, 10 % -3, abs(-0.0), 1_000_000)
try:
    try:
        1 / 0
    except ZeroDivisionError as e:
        raise ValueError("wrapped") from e
except ValueError as e:
    print(repr(e), repr(e.__cause__), e.__context__ is e.__cause__, e.args, str(e))
class MyErr(Exception):
    def __init__(self, code):
        super().__init__(f"code {code}")
        self.code = code
try:
    raise MyErr(7)
except Exception as e:
    print(type(e).__name__, e, e.code, e.args, isinstance(e, Exception))
print(repr(KeyError("k")), str(KeyError("k")), repr(ValueError()), str(OSError(2, "nf")), repr(StopIteration(3)))
e = RuntimeError("a", 1)
print(e.args, str(e), BaseException.__name__, issubclass(KeyError, LookupError), issubclass(ZeroDivisionError, ArithmeticError))
def g(*, kw):
    return kw
try:
    g(1)
except TypeError as e:
    print(e)
try:
    g()
except TypeError as e:
    print(e)
def h(a, b):
    pass
for call in [lambda: h(1), lambda: h(1, 2, 3), lambda: h(1, a=2), lambda: h(1, c=2)]:
    try:
        call()
    except TypeError as e:
        print(e)
print(f"{x!r:>6}|{3.14159:.3}|{'s'!s}|{1e-7}|{12345678912345.0}|{0.1+0.2}|{float('nan')}|{-0.0}")
print(str(1e16), str(1.5e-5), repr(100.0), 3 * 1.1, round(1.005, 2), int("0x1f", 16), int("0b11", 0), float(" 2.5 "))
print(isinstance(a, (int, A)), type(a) == A, A.__name__, A.__mro__[-1], A.__bases__, object.__subclasses__ if False else "")
class C:
    count = 0
    @classmethod
    def make(cls):
        cls.count += 1
        return cls()
    @staticmethod
    def s(v):
        return v + 1
    @property
    def p(self):
        return "prop"
print(C.make().p, C.count, C.s(1), C().s(2), type(C.__dict__["s"]).__name__)
class Frozen:
    def __init__(self, v):
        super().__setattr__("v", v)
    def __setattr__(self, name, value):
        raise AttributeError(f"{name} is read-only")
    def __delattr__(self, name):
        raise AttributeError(f"cannot delete {name}")
f = Frozen(3)
print(f.v)
for act in [lambda: setattr(f, "v", 4), lambda: delattr(f, "v")]:
    try:
        act()
    except AttributeError as e:
        print(e)
class Log:
    def __setattr__(self, name, value):
        print("set", name, value)
        object.__setattr__(self, name, value)
class Child(Log):
    def __init__(self):
        self.a = 1
c = Child()
c.b = 2
print(c.a, c.b, sorted(vars(c)))
object.__delattr__(c, "a")
print(hasattr(c, "a"))
try:
    object.__setattr__(c, 1, 2)
except TypeError as e:
    print(e)
