# return inside a with inside a generator runs __exit__ before StopIteration, which carries the returned value
class Res:
    def __enter__(self):
        print("enter")
        return 7
    def __exit__(self, t, v, tb):
        print("exit", t)

def gen(stop_early):
    with Res() as seven:
        yield seven
        if stop_early:
            return "early"
        yield seven * 2
    return "late"

for flag in (True, False):
    g = gen(flag)
    items = []
    try:
        while True:
            items.append(next(g))
    except StopIteration as s:
        print(flag, items, s.value)
