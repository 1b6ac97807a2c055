# closures created in a loop see the variable's final value; a default argument or a factory captures the current one
late = []
for i in range(3):
    late.append(lambda: i)
print([f() for f in late])

early = []
for i in range(3):
    early.append(lambda i=i: i)
print([f() for f in early])

def factory(n):
    return lambda: n * n
print([factory(k)() for k in range(4)])

comp = [lambda: j for j in range(3)]
print([f() for f in comp])
