# close() runs the finally clause of the paused generator; a return in the GeneratorExit handler ends it quietly
def with_finally():
    try:
        yield "a"
        yield "b"
    finally:
        print("  finally on close")

def returns_on_exit():
    try:
        yield 1
    except GeneratorExit:
        print("  got GeneratorExit")
        return "ignored value"

g = with_finally()
print(next(g))
print(g.close())
h = returns_on_exit()
next(h)
print(h.close())
u = with_finally()
u.close()
print("closing an unstarted generator runs nothing")
