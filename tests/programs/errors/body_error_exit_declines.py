# an error in a nested with body passes through two managers that decline it; the traceback has no frame for either __exit__
class Audit:
    def __init__(self, name):
        self.name = name
    def __enter__(self):
        return self
    def __exit__(self, t, v, tb):
        print("audit", self.name, "saw", t.__name__ if t else None)
        return False

def divide(a, b):
    with Audit("outer"):
        with Audit("inner"):
            return a // b

print(divide(7, 2))
print(divide(1, 0))
