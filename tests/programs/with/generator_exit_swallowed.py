# a manager that suppresses GeneratorExit inside a generator: close() is fine if the generator then returns, a RuntimeError if it yields again
class Swallow:
    def __enter__(self):
        return self
    def __exit__(self, t, v, tb):
        print("exit got", t.__name__ if t else None)
        return True

def returns_after():
    with Swallow():
        yield "a"
    print("after with, returning")

def yields_again():
    with Swallow():
        yield "b"
    yield "again"

g = returns_after()
print(next(g))
g.close()
print("closed cleanly")

h = yields_again()
print(next(h))
try:
    h.close()
except RuntimeError as e:
    print("RuntimeError:", e)
