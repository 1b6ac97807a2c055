# nullcontext yields its argument and suppresses nothing; closing calls close() on the way out, also on error
from contextlib import nullcontext, closing

class Conn:
    def __init__(self, name):
        self.name = name
    def close(self):
        print("close", self.name)

with nullcontext(42) as v:
    print("nullcontext gave", v)
with nullcontext() as nothing:
    print("default", nothing)
try:
    with nullcontext("x"):
        raise ValueError("passes through")
except ValueError as e:
    print("nullcontext did not suppress:", e)

with closing(Conn("db")) as c:
    print("using", c.name)
try:
    with closing(Conn("cache")):
        raise KeyError("lost")
except KeyError:
    print("closing did not suppress")
