# return inside a with whose __exit__ returns True: the return value is kept and the code after the with is not run
class Yes:
    def __enter__(self):
        return "res"
    def __exit__(self, t, v, tb):
        print("exit", t, v)
        return True

def f(x):
    with Yes() as r:
        if x:
            return r + "-early"
        print("not returning")
    return "late"

print(f(True))
print(f(False))
