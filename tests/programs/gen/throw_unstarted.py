# throw() into a generator that never started raises at once without running any of its body, and the generator is then finished
def body():
    print("  body started")
    try:
        yield 1
    except ValueError:
        print("  never: the try was not entered")

g = body()
try:
    g.throw(ValueError("early"))
except ValueError as e:
    print("raised", e)
print(next(g, "finished"))
