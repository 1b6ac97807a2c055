# parameters: defaults evaluated once at def time (a shared mutable default), keyword-only after *args, **kwargs ordering, call errors
def append_to(value, bucket=[]):
    bucket.append(value)
    return bucket

print(append_to(1), append_to(2), append_to(3, []))

def f(a, b=2, *rest, key, flag=False, **extra):
    return (a, b, rest, key, flag, extra)

print(f(1, key="k"))
print(f(1, 2, 3, 4, key="k", flag=True, z=1, y=2))
print(f(*[1, 2], **{"key": 0, "w": 9}))
for call in [lambda: f(1), lambda: f(1, 2, key=1, a=5), lambda: f(key=1), lambda: append_to(), lambda: append_to(1, 2, 3)]:
    try:
        call()
    except TypeError as e:
        print("TypeError:", e)

