# a return in finally discards an exception in flight, including one raised from an except handler
def quiet(kind):
    try:
        if kind == 1:
            raise ValueError("from try")
        try:
            raise KeyError("inner")
        except KeyError:
            raise TypeError("from handler")
    finally:
        return "swallowed " + str(kind)

print(quiet(1))
print(quiet(2))
