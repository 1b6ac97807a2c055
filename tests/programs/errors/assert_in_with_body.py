# a failing assert inside a with body: __exit__ sees AssertionError and declines; the last line carries the assert message
class Check:
    def __enter__(self):
        return []
    def __exit__(self, t, v, tb):
        print("check exit", t.__name__ if t else None)

with Check() as seen:
    for n in [2, 4, 5, 6]:
        seen.append(n)
        assert n % 2 == 0, "odd value " + str(n)
print("never")
