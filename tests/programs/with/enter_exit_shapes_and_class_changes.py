# __enter__/__exit__ in every shape the VM's fast paths must tell apart: generator functions
# (calling them returns a generator, which is truthy), defaults, *args, and a class whose
# methods are replaced between two `with` statements on the same instance.
class GenEnter:
    def __enter__(self):
        yield 1
    def __exit__(self, *exc):
        print("GenEnter exit", exc[0])

with GenEnter() as g:
    print("as", type(g).__name__, next(g))


class GenExit:
    def __enter__(self):
        return "entered"
    def __exit__(self, t, v, tb):
        print("never runs: this only makes a generator")
        yield

with GenExit() as e:
    print(e)
    raise ValueError("swallowed: a generator object is truthy")
print("after GenExit")


class Defaults:
    def __enter__(self, extra=5):
        return extra
    def __exit__(self, t, v, tb, more="m"):
        print("Defaults exit", t, more)

with Defaults() as d:
    print("Defaults as", d)


class Star:
    def __enter__(*args):
        return len(args)
    def __exit__(self, *exc):
        print("Star exit", len(exc))
        return True

with Star() as n:
    print("Star as", n)
    1 / 0
print("after Star")


class Changing:
    def __enter__(self):
        print("first enter")
        return self
    def __exit__(self, t, v, tb):
        print("first exit")

c = Changing()
for round in range(2):
    with c:
        print("body", round)
    if round == 0:
        def enter2(self):
            print("second enter")
            return 2
        Changing.__enter__ = enter2
    if round == 1:
        def exit2(self, t, v, tb, extra):
            print("unreachable")
        Changing.__exit__ = exit2

try:
    with c:
        print("body with a 5-argument __exit__")
except TypeError as exc:
    print("TypeError:", exc)


class Sub(Defaults):
    pass

with Sub() as s:
    print("Sub as", s)
