# __enter__/__exit__ are found on the type: instance attributes of those names are ignored, class-level lambdas and assigned functions work
class Plain:
    pass

class Lam:
    __enter__ = lambda self: "from lambda"
    __exit__ = lambda self, t, v, tb: print("lambda exit", t)

def outside_exit(self, t, v, tb):
    print("outside exit", self.tag)

class Late:
    def __init__(self):
        self.tag = "late"
    def __enter__(self):
        return self.tag

p = Plain()
p.__enter__ = lambda: print("instance enter")
p.__exit__ = lambda *a: print("instance exit")
try:
    with p:
        print("never")
except TypeError as e:
    print("TypeError", "context manager protocol" in str(e))

with Lam() as value:
    print(value)

try:
    with Late():
        pass
except TypeError as e:
    print("TypeError before assignment", "__exit__" in str(e))
Late.__exit__ = outside_exit
with Late() as tag:
    print("body", tag)
