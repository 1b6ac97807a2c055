# pow (modular and negative exponents), ascii, globals/locals/vars in module, function and class scopes
print(pow(2, 10), pow(2, 10, 1000), pow(2, -1), pow(3, -1, 7), pow(-2, 3, 5), pow(2, 5, -7), pow(7, 0, 1), pow(2.0, 3), pow(12345678901, 98765, 1000000007))
for bad in [lambda: pow(2, 3, 0), lambda: pow(2.0, 3, 5), lambda: pow(2, -1, 4), lambda: pow(1)]:
    try:
        bad()
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
print(ascii("é€😀 x"), ascii(["ñ", 1]), ascii("plain"))
g = 5
print(globals()["g"], "pow" in globals(), locals()["g"])
def f(a, b=2):
    c = a + b
    def inner():
        return c
    return sorted(locals().items(), key=lambda kv: kv[0])
print([(k, v if not callable(v) else "fn") for k, v in f(1)])
def h():
    x = 1
    y = 2
    def k():
        return x
    z = 3
    return sorted(vars())
print(h())
class C:
    a = 1
    def __init__(self):
        self.z = 9
print(vars(C())["z"], "a" in vars(C), vars(C())["z"])
try:
    vars(1)
except TypeError as e:
    print(e)
