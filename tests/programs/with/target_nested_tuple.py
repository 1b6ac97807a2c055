# with ... as (a, (b, c)) unpacks __enter__'s result into a nested tuple target; a list target works too
class Pair:
    def __init__(self, value):
        self.value = value
    def __enter__(self):
        return self.value
    def __exit__(self, *exc):
        print("exit", exc)

with Pair((1, (2, 3))) as (a, (b, c)):
    print(a, b, c)
with Pair(["x", "yz"]) as [first, (second, third)]:
    print(first, second, third)
with Pair("ab") as (p, q):
    print(q, p)
