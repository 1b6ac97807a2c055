# truth testing uses __bool__ when defined, otherwise __len__, otherwise the object is true; len() calls __len__
class Bag:
    def __init__(self, items):
        self.items = list(items)
    def __len__(self):
        return len(self.items)

class Flag:
    def __init__(self, on):
        self.on = on
    def __bool__(self):
        return self.on
    def __len__(self):
        return 99

class Plain:
    pass

for obj in [Bag([]), Bag("ab"), Flag(False), Flag(True), Plain()]:
    print(type(obj).__name__, bool(obj), "yes" if obj else "no", not obj)
print(len(Bag("xyz")), len(Flag(False)))
print(Bag([]) or "fallback", Bag([1]) and "second")
