# sys data attributes and plain object() instances (no attribute stores)
import sys
print(sys.maxsize, sys.version_info[:2] >= (3, 8), sys.byteorder, sys.maxunicode, sys.maxsize - 1)
o = object()
for f in [lambda: setattr(o, "x", 1), lambda: o.__setattr__("y", 2) if False else delattr(o, "x"), lambda: o.x]:
    try:
        f()
    except AttributeError as e:
        print("AttributeError", e)
