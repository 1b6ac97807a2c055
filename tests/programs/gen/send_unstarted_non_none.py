# sending a non-None value to a generator that has not started is a TypeError; send(None) starts it like next()
def echo():
    received = yield "ready"
    while True:
        received = yield "got " + str(received)

g = echo()
try:
    g.send(5)
except TypeError as e:
    print("TypeError:", e)
print(g.send(None))
print(g.send(5))
print(next(g))
print(g.send("x"))
g.close()
