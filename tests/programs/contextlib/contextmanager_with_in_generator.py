# a @contextmanager generator can itself hold a with statement around its yield; both cleanups run in the right order on error
from contextlib import contextmanager

class Lock:
    def __enter__(self):
        print("lock acquired")
        return self
    def __exit__(self, t, v, tb):
        print("lock released", t.__name__ if t else None)

@contextmanager
def locked_section():
    with Lock():
        print("section start")
        yield "held"
        print("section end (normal path only)")

with locked_section() as state:
    print("body", state)

try:
    with locked_section():
        raise OSError("disk")
except OSError as e:
    print("outside", e)
