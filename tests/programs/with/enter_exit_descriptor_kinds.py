# special-method lookup goes through descriptors: staticmethod and classmethod work as __enter__/__exit__, and a callable object stored on the class is called unbound
class Static:
    @staticmethod
    def __enter__():
        print("static enter, no self")
        return "static"
    @classmethod
    def __exit__(cls, t, v, tb):
        print("classmethod exit on", cls.__name__, t)

class ExitObject:
    def __call__(self, t, v, tb):
        print("callable object called with", t.__name__ if t else None, "and no manager")
        return True

class UsesObject:
    def __enter__(self):
        return self
    __exit__ = ExitObject()

with Static() as s:
    print("body", s)
with UsesObject():
    raise KeyError("suppressed by the callable object")
print("done")
