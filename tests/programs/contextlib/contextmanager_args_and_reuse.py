# a @contextmanager function takes positional and keyword arguments, and each call makes a fresh manager that can be used once
from contextlib import contextmanager

@contextmanager
def tagged(tag, *, depth=1, **attrs):
    opening = "<" + tag + "".join(" " + k + "=" + str(v) for k, v in attrs.items()) + ">"
    print("  " * depth + opening)
    yield depth + 1
    print("  " * depth + "</" + tag + ">")

with tagged("html", depth=0) as d1:
    with tagged("body", depth=d1, id="main") as d2:
        with tagged("p", depth=d2, cls="note", lang="en"):
            print("    " * 1 + "  text")

cm = tagged("once")
with cm:
    pass
try:
    with cm:
        pass
except Exception as e:
    print("reuse fails with", type(e).__name__)
