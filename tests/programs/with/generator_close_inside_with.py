# close() on a generator paused inside a with: __exit__ receives GeneratorExit, and the generator's finally runs after it
class Res:
    def __enter__(self):
        print("open")
        return self
    def __exit__(self, t, v, tb):
        print("exit", t.__name__ if t else None, isinstance(v, GeneratorExit))

def reader():
    try:
        with Res():
            yield 1
            yield 2
            print("never")
    finally:
        print("generator finally")

g = reader()
print(next(g))
g.close()
print("closed")
g.close()
print("second close is a no-op")
try:
    next(g)
except StopIteration:
    print("exhausted after close")
