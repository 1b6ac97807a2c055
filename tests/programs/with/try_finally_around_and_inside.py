# ordering of a with and try/finally nested both ways: a finally inside the body runs before __exit__, one around it after; a finally that raises reaches __exit__
class M:
    def __enter__(self):
        print("  enter")
        return self
    def __exit__(self, t, v, tb):
        print("  exit", t.__name__ if t else None, v)
        return t is OSError

def inside(fail_in_finally):
    with M():
        try:
            print("  body")
            raise ValueError("body error")
        finally:
            print("  inner finally")
            if fail_in_finally:
                raise OSError("finally error")
    return "inside finished"

def around():
    try:
        with M():
            return "returned from body"
    finally:
        print("  outer finally")

print(inside(True))
try:
    inside(False)
except ValueError as e:
    print("propagated", e)
print(around())
