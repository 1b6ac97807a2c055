# an exception caught by a try inside the with body never reaches __exit__, which gets Nones; the handler's variable is gone afterwards
class Watch:
    def __enter__(self):
        return self
    def __exit__(self, t, v, tb):
        print("exit", t, v, tb)

with Watch():
    try:
        raise ValueError("handled inside")
    except ValueError as err:
        print("handled", err)
    try:
        print(err)
    except NameError as gone:
        print("after the handler:", gone)
print("done")
