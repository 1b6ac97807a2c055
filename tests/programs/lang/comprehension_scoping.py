# comprehension variables do not leak; the first iterable is evaluated in the enclosing scope; nested and conditional forms
x = "outer x"
squares = [x * x for x in range(5)]
print(x, squares)

n = 3
grid = [[r * n + c for c in range(n)] for r in range(n)]
print(grid)
flat = [v for row in grid for v in row if v % 2]
print(flat)
pairs = [(a, b) for a in range(3) for b in range(a)]
print(pairs)
print({w: len(w) for w in ["aa", "b", "aa"]})
print(sorted({c.lower() for c in "HeLLo"}))
print([y if y > 2 else -y for y in range(5)])

class Holder:
    values = [1, 2, 3]
    doubled = [v * 2 for v in values]
print(Holder.doubled)
