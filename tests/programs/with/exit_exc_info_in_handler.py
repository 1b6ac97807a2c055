# inside an except handler, a with that exits normally sees the handled exception in sys.exc_info(); one that raises sees its own
import sys

class Peek:
    def __init__(self, label):
        self.label = label
    def __enter__(self):
        return self
    def __exit__(self, t, v, tb):
        now = sys.exc_info()[1]
        print(self.label, "args:", repr(v), "exc_info:", repr(now))
        return True

try:
    raise KeyError("handled")
except KeyError:
    with Peek("normal"):
        pass
    with Peek("raising"):
        raise IndexError("inner")
    print("after, exc_info:", repr(sys.exc_info()[1]))
print("outside, exc_info:", sys.exc_info())
