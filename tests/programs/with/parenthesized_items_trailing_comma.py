# the parenthesized multi-line form with a trailing comma: each item is its own manager, entered in order and exited in reverse
class Named:
    def __init__(self, name):
        self.name = name
    def __enter__(self):
        print("enter", self.name)
        return self.name
    def __exit__(self, t, v, tb):
        print("exit", self.name)

with (
    Named("first") as one,
    Named("second"),
    Named("third") as three,
):
    print("body", one, three)

with (Named("solo")):
    print("a parenthesized single manager")
