# evaluation order of a multi-item with: expression 1, __enter__ 1, store target 1, then expression 2 and so on; never all expressions first
class Res:
    def __init__(self, name):
        print("  init", name)
        self.name = name
    def __enter__(self):
        print("  enter", self.name)
        return self
    def __exit__(self, t, v, tb):
        print("  exit", self.name)

def key(name):
    print("  store target", name)
    return name

def make(name):
    print("  evaluate", name)
    return Res(name)

slots = {}
with make("A") as slots[key("first")], make("B") as slots[key("second")]:
    print("  body", sorted(slots))
