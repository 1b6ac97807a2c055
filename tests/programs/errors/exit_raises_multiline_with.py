# a with statement spread over several lines: an error from __exit__ is reported at the first line of the with statement
class Res:
    def __init__(self, name):
        self.name = name
    def __enter__(self):
        return self
    def __exit__(self, t, v, tb):
        if self.name == "b":
            raise KeyError(self.name)

print("start")
with Res("a") as a, \
        Res("b") as b, \
        Res("c") as c:
    print("body", a.name, b.name, c.name)
