# an exception thrown into a generator that does not catch it propagates out of throw() and leaves the generator finished
def simple():
    try:
        yield 1
        yield 2
    finally:
        print("  cleanup")

g = simple()
print(next(g))
try:
    g.throw(KeyError("k"))
except KeyError as e:
    print("propagated", repr(e))
print(next(g, "finished"))
try:
    g.throw(IndexError("late"))
except IndexError as e:
    print("throw into finished generator raises directly:", repr(e))
