# generator expressions as call arguments: a bare genexpr argument, early stops in any/all/next, and late binding of an outer loop variable in nested genexprs
def noisy(items):
    for x in items:
        print("  produce", x)
        yield x

print(sum(x * x for x in range(5)))
print(any(x > 1 for x in noisy([0, 2, 5])))
print(all(x < 1 for x in noisy([0, 2, 5])))
print(next(x for x in noisy("abc") if x != "a"))
print(max((len(w), w) for w in ["pear", "fig", "apple"]))
print(sorted((n % 3, n) for n in range(6)))
gens = [(i * k for k in range(3)) for i in range(3)]
print([list(g) for g in gens])
g = (c.upper() for c in "hey")
print(list(zip(g, g)))
