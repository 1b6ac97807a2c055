# a bare raise inside __exit__ re-raises the exception that is unwinding through the with; the same instance arrives outside
class Reraise:
    def __enter__(self):
        return self
    def __exit__(self, t, v, tb):
        print("exit: re-raising", t.__name__)
        raise

err = LookupError("lost key")
try:
    with Reraise():
        raise err
except LookupError as caught:
    print("same instance:", caught is err, caught)
