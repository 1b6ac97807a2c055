# an uncaught error raised by __exit__ after a normal exit: the module frame points at the with line, then the __exit__ frame
class Closer:
    def __enter__(self):
        print("enter")
        return self
    def __exit__(self, t, v, tb):
        print("exit", t)
        raise OSError("flush failed")

with Closer():
    print("first body line")
    print("last body line")
print("never")
