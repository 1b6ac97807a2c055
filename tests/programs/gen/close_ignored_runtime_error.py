# a generator that catches GeneratorExit and yields again makes close() raise RuntimeError; raising another exception propagates it
def stubborn():
    try:
        yield "first"
    except GeneratorExit:
        print("  refusing to close")
    yield "still here"
    print("  resumed after the failed close")

def raises_instead():
    try:
        yield 1
    except GeneratorExit:
        raise ValueError("raised during close")

g = stubborn()
next(g)
try:
    g.close()
except RuntimeError as e:
    print("RuntimeError:", e)
print(next(g, "finished"))

h = raises_instead()
next(h)
try:
    h.close()
except ValueError as e:
    print("ValueError:", e)
print(next(h, "h finished"))
