# StopIteration.value is None for a bare return or falling off the end, and carries the value of return expr, even a tuple
def none_end():
    yield 1

def bare():
    yield 1
    return

def tupled():
    yield 1
    return 2, 3

for gen in (none_end(), bare(), tupled()):
    next(gen)
    try:
        next(gen)
    except StopIteration as s:
        print(repr(s.value), s.args)
