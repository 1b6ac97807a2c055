# PEP 343 example 9, "nested": several managers entered left to right and exited right to
# left; an exception suppressed by an inner __exit__ is invisible to the outer ones.

class Tag:
    def __init__(self, name, swallow=False):
        self.name = name
        self.swallow = swallow

    def __enter__(self):
        print("<" + self.name + ">")
        return self

    def __exit__(self, type, value, tb):
        print("</" + self.name + ">", "saw", type.__name__ if type else None)
        return self.swallow


with Tag("html"), Tag("body"), Tag("p") as p:
    print("text inside", p.name)

with Tag("outer"), Tag("inner", swallow=True):
    raise ValueError("handled by inner")
print("after: the outer manager saw no exception")
