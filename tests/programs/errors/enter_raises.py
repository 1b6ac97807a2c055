# __enter__ raising: the traceback shows the with line and then the __enter__ frame; __exit__ is never called
class Locked:
    def __enter__(self):
        raise RuntimeError("resource is locked")
    def __exit__(self, t, v, tb):
        print("exit must not run")

def use():
    print("about to enter")
    with Locked():
        print("inside")

use()
