def gen(n):
    x = yield
    y = yield n
    z = yield from range(n)
    return (yield)
async_ = 1
def nest():
    a = 1
    b = 2
    class C:
        a = 3
        def m(self):
            return a, b
        def n(self):
            return __class__
        x = [a for _ in range(2)]
        y = b
    return C
def outer():
    x = 1
    def mid():
        def inner():
            return x
        return inner
    return mid
def g(a):
    global gg
    gg = a
    del gg
    l = [a for a in range(3)]
    return [[y for y in range(x)] for x in range(a)]
i = 0
i += 1
print(f"{i!s:{i}} {i!a} {i=}")
t = 1,
u = ()
v = (1, 2) + (3,)
w = "ab" * 3
q = 2 ** 100
qq = 2 ** 200
s = -5 % 3, 7 // -2, 1 / 4, 3 - 2.5, 1 << 3, ~5, not 1, -(-1), +True
e = ...
fl = 1e16, 1.5e-5, 0.1, 1e100, -0.0, 0.0, float("inf")
c = "a" "b", 'it\'s', "q\"q", "\t\n\x00\u1234\xff"
bs = "x"[0], (1, 2)[1], "abc"[-1]
