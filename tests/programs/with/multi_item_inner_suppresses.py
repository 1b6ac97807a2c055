# in a multi-item with, an inner manager that suppresses hides the exception from the outer one, which then gets Nones
class M:
    def __init__(self, name, swallow):
        self.name = name
        self.swallow = swallow
    def __enter__(self):
        return self
    def __exit__(self, t, v, tb):
        print(self.name, "exit", t.__name__ if t else None, v)
        return self.swallow

with M("outer", False), M("middle", False), M("inner", True):
    print("body")
    raise IndexError("deep")
print("after 1")

with M("outer", True), M("middle", False), M("inner", False):
    raise IndexError("shallow")
print("after 2")
