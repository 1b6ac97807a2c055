# a generator whose body is a with: exhausting it runs __exit__ once with Nones before StopIteration carries the return value
class Res:
    def __init__(self):
        self.exits = 0
    def __enter__(self):
        return self
    def __exit__(self, t, v, tb):
        self.exits += 1
        print("exit", t, "count", self.exits)

r = Res()

def numbers(n):
    with r:
        for i in range(n):
            yield i * i
        return "total " + str(n)

g = numbers(3)
print(list(g))
g = numbers(2)
while True:
    try:
        print("got", next(g))
    except StopIteration as stop:
        print("return value:", stop.value)
        break
print("exits:", r.exits)
