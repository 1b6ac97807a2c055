# __exit__ receives (type, value, traceback) for errors raised by the interpreter itself: KeyError, IndexError, TypeError, ZeroDivisionError
class Show:
    def __enter__(self):
        return self
    def __exit__(self, t, v, tb):
        print(t.__name__, repr(v), type(v) is t, tb is not None, v.args)
        return True

d = {"a": 1}
with Show():
    d["b"]
with Show():
    [1, 2, 3][7]
with Show():
    len(5)
with Show():
    1 // 0
with Show():
    int("x1")
