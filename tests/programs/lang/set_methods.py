# set operations and methods, always printed through sorted(): union/intersection/difference/symmetric difference, subset tests, mutation
a = {1, 2, 3, 4}
b = {3, 4, 5}
print(sorted(a | b), sorted(a & b), sorted(a - b), sorted(a ^ b))
print(sorted(a.union([9])), sorted(a.intersection(b, {4})), sorted(a.difference(b)), sorted(a.symmetric_difference(b)))
print({1, 2} <= a, {1, 2} < {1, 2}, a.issubset(range(10)), a.issuperset({1}), a.isdisjoint({7}))
s = set()
s.add(3)
s.add(3)
s.update("ab", [1])
s.discard("zz")
s.remove("a")
print(sorted(s, key=str), len(s), 3 in s, "a" in s)
try:
    s.remove("missing")
except KeyError as e:
    print("KeyError:", e)
print(set("hello") == set("olleh"), sorted(set([3, 1, 3, 2])), len({1, 1.0, True}))
seen = set()
order = []
for ch in "abracadabra":
    if ch not in seen:
        seen.add(ch)
        order.append(ch)
print(order)
print(sorted({x % 3 for x in range(10)}), s.pop() in {1, 3, "b"})
