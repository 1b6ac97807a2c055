# managers inherit __enter__/__exit__ from a base class; an override can extend them through super()
class Base:
    def __enter__(self):
        print("Base enter", type(self).__name__)
        return self
    def __exit__(self, t, v, tb):
        print("Base exit", t.__name__ if t else None)
        return False

class Child(Base):
    pass

class Quiet(Base):
    def __exit__(self, t, v, tb):
        result = super().__exit__(t, v, tb)
        print("Quiet exit, base said", result)
        return t is not None and issubclass(t, ArithmeticError)

with Child() as c:
    print("child body", isinstance(c, Base))
with Quiet():
    1 / 0
print("after quiet")
try:
    with Quiet():
        [][0]
except IndexError:
    print("IndexError passed through Quiet")
