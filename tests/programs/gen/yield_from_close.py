# close() on a generator delegating with yield from closes the inner generator first, then the outer one's finally runs
def inner():
    try:
        yield 1
        yield 2
    finally:
        print("  inner finally")

def outer():
    try:
        yield from inner()
    finally:
        print("  outer finally")

g = outer()
print(next(g))
g.close()
print("closed")
