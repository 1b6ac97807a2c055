# a @contextmanager generator's finally clause runs whether the body completes, raises, or returns from the enclosing function
from contextlib import contextmanager

@contextmanager
def section(name):
    print("begin", name)
    try:
        yield name.upper()
    finally:
        print("end", name)

with section("plain") as label:
    print("body", label)

try:
    with section("failing"):
        raise ValueError("inside")
except ValueError as e:
    print("propagated", e)

def early():
    with section("returning"):
        return "value from body"
print(early())
