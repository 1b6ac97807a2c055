# a @contextmanager generator that catches the body's exception and does not re-raise suppresses it; one that does not catch lets it through
from contextlib import contextmanager

@contextmanager
def tolerant(kind):
    try:
        yield
    except kind as e:
        print("handled", type(e).__name__, e)
    print("after the handler")

with tolerant(KeyError):
    {}["nope"]
print("continued 1")

try:
    with tolerant(KeyError):
        [][1]
except IndexError as e:
    print("not handled:", e)
