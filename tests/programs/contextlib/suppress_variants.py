# suppress() with several types, subclasses of a listed type, nothing raised, and a type that is not listed
from contextlib import suppress

with suppress(KeyError, ZeroDivisionError):
    print("raising")
    1 // 0
    print("not reached")
print("after 1")

with suppress(LookupError):
    [][5]
print("after 2 (IndexError is a LookupError)")

with suppress(ValueError):
    print("nothing raised")
print("after 3")

try:
    with suppress(KeyError):
        int("seven")
except ValueError as e:
    print("not suppressed:", e)

with suppress():
    print("suppress() with no types is allowed")
