# a with whose __exit__ suppressed one error runs normally afterwards; a later uncaught IndexError shows only its own traceback
class Swallow:
    def __enter__(self):
        return self
    def __exit__(self, t, v, tb):
        return True

with Swallow():
    raise KeyError("swallowed")
print("after the swallowed error")
values = [1, 2]
print(values[2])
