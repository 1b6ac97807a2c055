# an exception raised in a with body inside an except handler carries the handled exception as __context__, and __exit__ receives it that way
class Inspect:
    def __enter__(self):
        return self
    def __exit__(self, t, v, tb):
        print("exit got", repr(v), "context", repr(v.__context__))
        return isinstance(v, TypeError)

try:
    raise KeyError("first")
except KeyError:
    with Inspect():
        raise TypeError("second")
    print("handler continues after the suppressed TypeError")
    try:
        with Inspect():
            raise ValueError("third")
    except ValueError as e:
        print("caught", repr(e), "context", repr(e.__context__))
