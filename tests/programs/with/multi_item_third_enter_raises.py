# with A, B, C where C.__enter__ raises: B and A exit (in that order) with the exception, C never exits, the body never runs
class M:
    def __init__(self, name, fail=False):
        self.name = name
        self.fail = fail
    def __enter__(self):
        print("enter", self.name)
        if self.fail:
            raise KeyError(self.name)
        return self.name.upper()
    def __exit__(self, t, v, tb):
        print("exit", self.name, t.__name__ if t else None)

try:
    with M("a") as a, M("b") as b, M("c", fail=True) as c:
        print("body", a, b, c)
except KeyError as e:
    print("caught", repr(e))
print(a, b)
try:
    print(c)
except NameError as e:
    print("NameError", e)
