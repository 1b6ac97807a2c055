# bound methods of another object stored as __enter__/__exit__ on a class are not re-bound: they run on their own object, not the manager
class Logger:
    def __init__(self, name):
        self.name = name
    def opened(self):
        print("bound enter of", self.name)
        return self.name
    def closed(self, t, v, tb):
        print("bound exit of", self.name, t.__name__ if t else None)
        return t is KeyError

shared = Logger("shared")

class Borrowed:
    __enter__ = shared.opened
    __exit__ = shared.closed

with Borrowed() as got:
    print("body", got)
with Borrowed():
    raise KeyError("suppressed through the borrowed method")
print("after")

class Own:
    def __init__(self, name):
        self.name = name
    def __enter__(self):
        return self.name
    def __exit__(self, t, v, tb):
        print("own exit of", self.name)

manager = Own("m")
enter_now = manager.__enter__
print("explicit protocol calls:", enter_now(), manager.__exit__(None, None, None))
