# sys.exc_info() reports the exception being handled, the outer one again after a nested handler ends, and nothing after all handlers
import sys

def name():
    t = sys.exc_info()[0]
    return t.__name__ if t else None

print("start", name())
try:
    raise KeyError("a")
except KeyError:
    print("outer handler", name())
    try:
        raise ValueError("b")
    except ValueError:
        print("inner handler", name())
    print("back in outer", name())
print("after", name())

def in_finally():
    try:
        raise IndexError("c")
    finally:
        print("finally during unwinding", name())

try:
    in_finally()
except IndexError:
    pass
print("end", name())
