# del on names, list items and slices, dict keys and attributes; deleting again raises the matching error
x = 1
del x
try:
    x
except NameError as e:
    print("NameError:", e)
items = list(range(6))
del items[0], items[-1]
del items[::2]
print(items)
d = {"a": 1, "b": 2}
del d["a"]
print(d)
try:
    del d["a"]
except KeyError as e:
    print("KeyError:", e)

class K:
    shared = "class level"
k = K()
k.shared = "instance level"
del k.shared
print(k.shared)
try:
    del k.shared
except AttributeError as e:
    print("AttributeError:", e)
try:
    del items[10]
except IndexError as e:
    print("IndexError:", e)
