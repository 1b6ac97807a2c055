# an exception raised in finally replaces the pending one; the pending one becomes its __context__
def work():
    try:
        raise ValueError("first")
    finally:
        raise KeyError("second")

try:
    work()
except ValueError:
    print("wrong")
except KeyError as e:
    print("caught", repr(e), "context", repr(e.__context__), "cause", e.__cause__)
