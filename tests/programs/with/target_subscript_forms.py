# with ... as d[key] and as lst[-1] store through subscripts; the key expression is evaluated after __enter__
class Res:
    def __init__(self, value):
        self.value = value
    def __enter__(self):
        print("enter", self.value)
        return self.value
    def __exit__(self, t, v, tb):
        print("exit", self.value)

def key(k):
    print("key", k)
    return k

d = {}
slots = [0, 0, 0]
with Res("alpha") as d[key("a")]:
    print(d)
with Res(42) as slots[-1]:
    print(slots)
with Res("x") as d[key("b")], Res("y") as slots[0]:
    print(d, slots)
