# yield from forwards throw() to the inner generator; if the inner one handles it, the outer keeps going, otherwise it surfaces in the outer
def inner():
    try:
        yield "inner 1"
    except KeyError:
        print("  inner handled KeyError")
    yield "inner 2"
    return "inner done"

def outer():
    try:
        r = yield from inner()
        print("  yield from gave", r)
    except ValueError as e:
        print("  outer caught", e)
    yield "outer end"

g = outer()
print(next(g))
print(g.throw(KeyError("k")))
print(g.throw(ValueError("v")))
print(next(g, "exhausted"))
