# __new__: super().__new__/object.__new__, singletons, non-instance results skip __init__, __init__ returning non-None, __new__ assigned after class creation
class N:
    def __new__(cls, *a):
        print("new", cls.__name__, a)
        return super().__new__(cls)
    def __init__(self, x):
        self.x = x
n = N(5)
print(n.x, type(n).__name__)
class Sub(N):
    def __init__(self, x, y=0):
        super().__init__(x)
        self.y = y
s = Sub(1, 2)
print(s.x, s.y, isinstance(s, N))
class Single:
    _inst = None
    def __new__(cls):
        if cls._inst is None:
            cls._inst = object.__new__(cls)
        return cls._inst
    def __init__(self):
        print("init Single")
print(Single() is Single())
class Other:
    def __new__(cls, v):
        return v * 2
print(Other(21), type(Other("a")).__name__)
class Plain:
    pass
p = Plain.__new__(Plain)
print(type(p).__name__, isinstance(object.__new__(Plain), Plain))
class BadInit:
    def __new__(cls):
        return object.__new__(cls)
    def __init__(self):
        return 5
try:
    BadInit()
except TypeError as e:
    print(e)
try:
    object.__new__(3)
except TypeError as e:
    print(e)
class Late:
    pass
Late.__new__ = staticmethod(lambda cls: "late new")
print(Late())
