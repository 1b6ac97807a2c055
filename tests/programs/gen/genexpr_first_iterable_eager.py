# a generator expression evaluates its first iterable immediately but everything else lazily; errors in the first show at creation
def source(tag, items):
    print("  building", tag)
    return items

gen = (x + y for x in source("outer", [1, 2]) for y in source("inner", [10, 20]) if y > 10)
print("created")
print(list(gen))
print(list(gen))

try:
    bad = (x for x in 5)
except TypeError as e:
    print("at creation:", e)

lazy = (1 // x for x in [1, 0])
print("lazy created")
print(next(lazy))
try:
    next(lazy)
except ZeroDivisionError as e:
    print("on second item:", e)
