# dict methods and behaviour: get/setdefault/pop/popitem/update, insertion order after delete and re-insert, views, comparison
d = {"b": 2, "a": 1}
d["c"] = 3
print(d, list(d), list(d.values()), list(d.items()))
print(d.get("z"), d.get("z", 0), d.setdefault("a", 100), d.setdefault("n", []), d)
d["n"].append(1)
print(d.pop("b"), d.pop("missing", "default"), d)
del d["a"]
d["a"] = "again"
print(d)
print(d.popitem(), d)
d.update({"x": 1}, y=2)
d.update([("z", 3)])
print(d)
keys = d.keys()
d["late"] = True
print(list(keys), "late" in keys, len(d))
try:
    d.pop("missing")
except KeyError as e:
    print("KeyError:", e)
print({1: "a", 2: "b"} == {2: "b", 1: "a"}, dict(zip("ab", [1, 2])), dict(a=1), {**d, "c": 3}["c"])
counts = {}
for ch in "mississippi":
    counts[ch] = counts.get(ch, 0) + 1
print(counts, sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))
print({1: "int", 1.0: "float", True: "bool"})
