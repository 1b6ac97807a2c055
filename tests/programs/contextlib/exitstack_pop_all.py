# ExitStack.pop_all moves the callbacks to a new stack, so leaving the original with runs nothing; close() runs them later
from contextlib import ExitStack

def opened(name):
    print("opened", name)
    return name

def make_pair():
    with ExitStack() as stack:
        a = opened("a")
        stack.callback(print, "released", a)
        b = opened("b")
        stack.callback(print, "released", b)
        transferred = stack.pop_all()
    print("setup finished, nothing released yet")
    return transferred

later = make_pair()
later.close()
print("closed")
later.close()
print("closing again does nothing")
