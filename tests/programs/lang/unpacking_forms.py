# unpacking: swaps, nested targets, starred targets in every position, star in calls and displays, and the error messages
a, b = 1, 2
a, b = b, a
print(a, b)
(p, q), r = "xy", 3
print(p, q, r)
first, *mid, last = range(6)
print(first, mid, last)
*init, tail = [1]
print(init, tail)
print([*range(3), *"ab"], (*[1, 2],), {**{"a": 1}, "b": 2, **{"a": 3}})
def f(*args, **kw):
    return args, kw
print(f(*[1, 2], 3, *(4,), k=1, **{"z": 2}))
for i, (ch, n) in enumerate([("a", 1), ("b", 2)]):
    print(i, ch, n)
for attempt in ["abc", "a", [1, 2, 3, 4]]:
    try:
        x, y, z = attempt
        print("ok", x, y, z)
    except ValueError as e:
        print("ValueError:", e)
try:
    m, *n, o = [1]
except ValueError as e:
    print("ValueError:", e)
