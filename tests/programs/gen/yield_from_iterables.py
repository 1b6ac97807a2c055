# yield from works on any iterable (list, range, string, a generator expression, a user iterator) and returns None for them
class Countdown:
    def __init__(self, n):
        self.n = n
    def __iter__(self):
        return self
    def __next__(self):
        if self.n == 0:
            raise StopIteration
        self.n -= 1
        return self.n

def chain():
    r = yield from [1, 2]
    print("  list gave", r)
    yield from range(3, 5)
    yield from "ab"
    yield from (x * 10 for x in range(2))
    yield from Countdown(3)

print(list(chain()))
