# throw() raises at the paused yield; if the generator catches it, throw() returns the next yielded value
def resilient():
    n = 0
    while n < 3:
        try:
            yield n
        except ValueError as e:
            print("  generator caught", e)
            yield "recovered from " + str(e)
        n += 1

g = resilient()
print(next(g))
print(g.throw(ValueError("bad")))
print(next(g))
print(next(g))
print(next(g, "done"))
