# list/dict/set method completeness: sort key/reverse, dict.fromkeys, update forms, dict |, set in-place ops and updates, frozenset hashing and equality
# list
l = [3, 1, 2]
l.sort(key=lambda x: -x); print(l)
l.sort(reverse=True); print(l)
pairs = [(1, "b"), (0, "a"), (1, "a"), (0, "b")]
print(sorted(pairs, key=lambda p: p[0]), sorted(pairs, key=lambda p: p[0], reverse=True))
l = [1, 2, 3, 2]
print(l.index(2), l.index(2, 2), l.count(2), l.copy(), l * 2, 2 * l)
l.insert(-1, 9); l.insert(100, 8); l.insert(-100, 7); print(l)
l.extend(range(2)); l.extend("ab"); print(l)
l.remove(9); print(l.pop(), l.pop(0), l)
l += [5]; l *= 2; print(l, len(l))
l.reverse(); print(l); l.clear(); print(l)
print([1, 2] < [1, 3], [1, 2] == [1, 2], [[1]] + [[2]], max([1, 5, 2]), min("bca"), [1, 2, 3][::-1])
try: [].pop()
except IndexError as e: print(e)
try: [1].index(5)
except ValueError as e: print(e)
try: [1].remove(5)
except ValueError as e: print(e)
# dict
d = {"a": 1}
d.update({"b": 2}, c=3); d.update([("d", 4)]); d.update(e=5); print(d)
print(d.setdefault("a", 9), d.setdefault("z"), d)
print(dict.fromkeys("ab"), dict.fromkeys(["x", "y"], 0), d.get("q"), d.get("q", 7), d.pop("z"), d.pop("q", None))
print(d.popitem(), d, list(d.keys()), list(d.values())[:2], list(d.items())[:1])
print(dict(a=1, b=2), dict([("a", 1)], b=2), dict({"a": 1}), {**d, "n": 1}, d | {"x": 1})
d |= {"y": 2}; print(d)
print("a" in d, len(d), d == dict(d), d.copy() is d)
try: {}.popitem()
except KeyError as e: print("KeyError", e)
try: d["missing"]
except KeyError as e: print("KeyError", e)
del d["a"]; print(d)
print(sorted({3: 1, 1: 2}), list(reversed({1: 2, 3: 4})), {1: 2}.items() == {1: 2}.items())
# set
s = {1, 2, 3}; t = {2, 3, 4}
print(s | t, s & t, s - t, s ^ t, s.union([9]), s.intersection([1, 9]), s.difference([1]), s.symmetric_difference([1, 9]))
print(s <= t, {1} <= s, {1} < s, s >= {1}, s > s, s.isdisjoint({7}), s.issubset(range(5)), s.issuperset([1]))
u = set(s); u |= {7}; u &= {1, 7, 2}; u -= {2}; u ^= {9}; print(sorted(u))
u.update([10], [11]); u.intersection_update([1, 10, 11]); u.difference_update([10]); u.symmetric_difference_update([12]); print(sorted(u))
fs = frozenset([1, 2]); print(fs, fs | {3}, type(fs | {3}).__name__, sorted({3} | fs), type({3} | fs).__name__, hash(fs) == hash(frozenset([2, 1])), fs == {1, 2})
print({fs: 1}[frozenset({1, 2})], frozenset(), set(), len(fs), 1 in fs, sorted(fs.union([0])), fs.copy() == fs)
s.add(5); s.discard(99); s.remove(5); print(s, s.pop() in {1, 2, 3})
try: set().pop()
except KeyError as e: print("KeyError", e)
try: {1}.remove(2)
except KeyError as e: print("KeyError", e)
print({1, 2} == frozenset({1, 2}), set("aab") == {"a", "b"}, {x % 3 for x in range(10)})
print(s.union(), s.intersection({1}, {1, 2}), s.difference({1}, {2}))
