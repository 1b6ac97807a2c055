# @contextmanager managers used the less common ways: as a method (binding self), as a decorator
# with keyword arguments (each call gets a fresh manager), through ExitStack and explicit
# __enter__/__exit__ calls, a non-generator function, and a generator that yields twice
from contextlib import contextmanager, ExitStack


class Resource:
    def __init__(self, name):
        self.name = name

    @contextmanager
    def opened(self, mode="r"):
        print("open", self.name, mode)
        try:
            yield self.name + ":" + mode
        finally:
            print("close", self.name)


r = Resource("db")
with r.opened() as h:
    print("using", h)
with r.opened(mode="w") as h:
    print("using", h)


@contextmanager
def tagged(tag, sep="-"):
    print("enter", tag + sep)
    yield tag
    print("exit", tag + sep)


@tagged("deco", sep="=")
def work(x):
    print("work", x)
    return x * 2


print(work(1), work(2))

with ExitStack() as stack:
    a = stack.enter_context(tagged("a"))
    b = stack.enter_context(tagged("b", sep="+"))
    print("inside stack", a, b)

cm = tagged("manual")
print("entered", cm.__enter__())
print("exit returned", cm.__exit__(None, None, None))

cm = tagged("raising")
cm.__enter__()
try:
    print("swallowed?", cm.__exit__(KeyError, KeyError("k"), None))
except KeyError as e:
    print("propagated KeyError", e)


@contextmanager
def not_a_generator():
    return iter([1])


with not_a_generator() as v:
    print("iterator manager gives", v)


@contextmanager
def twice():
    yield 1
    yield 2


try:
    with twice():
        pass
except RuntimeError as e:
    print("RuntimeError:", e)

try:
    with twice():
        raise ValueError("body")
except ValueError as e:
    print("the body's error passes through the generator:", e)


@contextmanager
def swallow_value():
    try:
        yield
    except ValueError as e:
        print("swallowed", e)


with swallow_value():
    raise ValueError("v")
print("after swallow")
with swallow_value():
    raise ValueError
print("bare class swallowed too")
