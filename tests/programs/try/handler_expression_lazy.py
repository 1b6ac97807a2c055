# except clause expressions are evaluated only when reached, in order, and stop at the first match
def kind(name, cls):
    print("  evaluating", name)
    return cls

try:
    raise IndexError("x")
except kind("first", KeyError):
    print("no")
except kind("second", LookupError):
    print("matched second")
except kind("third", IndexError):
    print("no")
