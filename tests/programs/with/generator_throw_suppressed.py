# throw() into a generator paused inside a with that suppresses: the generator resumes after the with and throw() returns its next yield
class Absorb:
    def __enter__(self):
        return self
    def __exit__(self, t, v, tb):
        print("exit got", repr(v))
        return t is ValueError

def worker():
    with Absorb():
        yield "inside"
        print("never")
    yield "after with"
    with Absorb():
        yield "second"
    yield "end"

g = worker()
print(next(g))
print(g.throw(ValueError("stop that")))
print(next(g))
try:
    g.throw(KeyError("not absorbed"))
except KeyError as e:
    print("propagated", repr(e))
print(next(g, "exhausted"))
