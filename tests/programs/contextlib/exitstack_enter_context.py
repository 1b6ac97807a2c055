# ExitStack.enter_context returns the __enter__ result and exits managers in reverse order, even when the body raises
from contextlib import ExitStack

class Res:
    def __init__(self, name):
        self.name = name
    def __enter__(self):
        print("open", self.name)
        return self.name + "-handle"
    def __exit__(self, t, v, tb):
        print("close", self.name, t.__name__ if t else None)

try:
    with ExitStack() as stack:
        handles = [stack.enter_context(Res(n)) for n in ["a", "b", "c"]]
        print(handles)
        raise RuntimeError("boom")
except RuntimeError as e:
    print("propagated", e)
