# a @contextmanager generator that raises a different exception from its handler replaces the body's one, chained by __context__
from contextlib import contextmanager

class StorageError(Exception):
    pass

@contextmanager
def translate():
    try:
        yield
    except KeyError as e:
        raise StorageError("missing " + str(e))

try:
    with translate():
        {}["row"]
except StorageError as e:
    print(type(e).__name__, e, "context", repr(e.__context__))
