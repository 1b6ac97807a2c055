# if __bool__ of __exit__'s result raises, that error propagates with the body's exception as its __context__
class Broken:
    def __bool__(self):
        raise RuntimeError("cannot decide")

class M:
    def __enter__(self):
        return self
    def __exit__(self, t, v, tb):
        print("exit with", t.__name__)
        return Broken()

try:
    with M():
        raise KeyError("original")
except RuntimeError as e:
    print("caught", e, "context:", repr(e.__context__))
except KeyError:
    print("wrong: the KeyError escaped")
