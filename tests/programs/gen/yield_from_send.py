# yield from passes send() values straight to the inner generator and evaluates to the inner generator's return value
def inner():
    got = []
    while True:
        value = yield len(got)
        if value == "stop":
            return got
        got.append(value)

def outer():
    result = yield from inner()
    print("  inner returned", result)
    yield "outer after"

g = outer()
print(next(g))
print(g.send("a"))
print(g.send("b"))
print(g.send("stop"))
print(next(g, "end"))
