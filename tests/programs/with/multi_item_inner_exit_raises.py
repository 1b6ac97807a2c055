# an inner __exit__ that raises a new exception: the outer __exit__ receives the new one, whose __context__ is the body's exception
class Replace:
    def __enter__(self):
        return self
    def __exit__(self, t, v, tb):
        print("inner exit got", t.__name__ if t else None)
        raise ValueError("from inner exit")

class Outer:
    def __enter__(self):
        return self
    def __exit__(self, t, v, tb):
        print("outer exit got", t.__name__, v, "context:", repr(v.__context__))
        return True

with Outer(), Replace():
    raise KeyError("body")
print("suppressed by outer")

with Outer(), Replace():
    print("normal body")
print("again")
