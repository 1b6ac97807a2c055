# a generator that tries to advance itself while running gets ValueError: generator already executing
def selfish():
    yield "first"
    yield next(me)

me = selfish()
print(next(me))
try:
    next(me)
except ValueError as e:
    print("ValueError:", e)
print(next(me, "finished after the error"))
