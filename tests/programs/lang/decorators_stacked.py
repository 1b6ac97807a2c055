# decorators apply bottom-up and run at definition time; a decorator factory with arguments; decorating a method and a class
def trace(label):
    print("making decorator", label)
    def decorate(fn):
        print("decorating", fn.__name__, "with", label)
        def wrapper(*args, **kwargs):
            print("  enter", label)
            result = fn(*args, **kwargs)
            print("  leave", label)
            return result
        return wrapper
    return decorate

@trace("outer")
@trace("inner")
def add(a, b=1):
    return a + b

print(add(2, b=3))

def register(cls):
    cls.registered = True
    return cls

@register
class Thing:
    @trace("method")
    def go(self, n):
        return n * 2

print(Thing.registered, Thing().go(21))
