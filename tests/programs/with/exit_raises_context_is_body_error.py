# __exit__ raising during exception unwinding: the new exception replaces the old one and chains it as __context__, not __cause__
class Faulty:
    def __enter__(self):
        return self
    def __exit__(self, t, v, tb):
        raise RuntimeError("exit failed while handling " + t.__name__)

try:
    with Faulty():
        {}["missing"]
except KeyError:
    print("wrong handler")
except RuntimeError as e:
    print(e)
    print("context", repr(e.__context__))
    print("cause", e.__cause__, "suppress", e.__suppress_context__)

try:
    with Faulty():
        raise ValueError("x") from TypeError("root")
except RuntimeError as e:
    print(repr(e.__context__), repr(e.__context__.__cause__))
