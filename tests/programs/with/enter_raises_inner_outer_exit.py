# when an inner manager's __enter__ raises, its __exit__ is never called but the outer manager's __exit__ sees the exception
class M:
    def __init__(self, name, fail=False):
        self.name = name
        self.fail = fail
    def __enter__(self):
        print("enter", self.name)
        if self.fail:
            raise RuntimeError("enter failed: " + self.name)
        return self
    def __exit__(self, t, v, tb):
        print("exit", self.name, t.__name__ if t else None, v)
        return False

try:
    with M("outer"):
        print("in outer")
        with M("inner", fail=True):
            print("never")
        print("never either")
except RuntimeError as e:
    print("caught", e)
