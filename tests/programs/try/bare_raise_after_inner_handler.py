# a bare raise after a nested try/except has finished re-raises the outer handler's exception, not the inner one
def work():
    try:
        raise ValueError("outer problem")
    except ValueError:
        try:
            raise KeyError("inner problem")
        except KeyError as inner:
            print("handled inner", repr(inner))
        raise

try:
    work()
except Exception as e:
    print("re-raised:", repr(e), "context:", e.__context__)
