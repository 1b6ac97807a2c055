# a with inside a finally clause while an exception is pending: __exit__ gets Nones but sys.exc_info() shows the pending exception
import sys

class Peek:
    def __enter__(self):
        return self
    def __exit__(self, t, v, tb):
        info = sys.exc_info()
        print("exit args", t, v)
        print("exc_info", info[0].__name__ if info[0] else None, info[1])

try:
    try:
        raise ValueError("pending")
    finally:
        with Peek():
            print("in finally body")
except ValueError as e:
    print("still propagated:", e)

try:
    pass
finally:
    with Peek():
        print("finally without exception")
