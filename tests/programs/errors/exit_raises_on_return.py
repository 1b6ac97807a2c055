# __exit__ raises while a return leaves the with block: the return is abandoned and the traceback shows the with line of that function
class Flaky:
    def __enter__(self):
        return self
    def __exit__(self, t, v, tb):
        print("exit during return")
        raise RuntimeError("could not release")

def compute():
    with Flaky():
        print("computing")
        return 42

print(compute())
