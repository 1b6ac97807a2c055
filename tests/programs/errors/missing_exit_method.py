# a manager without __exit__ is rejected at the with line with CPython 3.11's TypeError, before __enter__ runs
class HalfManager:
    def __enter__(self):
        print("enter must not run")
        return self

print("before")
with HalfManager():
    print("inside")
