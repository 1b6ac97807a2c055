# an exception suppressed by __exit__ inside a loop body does not break the loop: later iterations and the else clause run
class Swallow:
    def __init__(self):
        self.caught = []
    def __enter__(self):
        return self
    def __exit__(self, t, v, tb):
        if t is not None:
            self.caught.append(str(v))
        return True

sw = Swallow()
total = 0
for n in [4, 0, 5, 0, 2]:
    with sw:
        total += 20 // n
        print("ok", n, total)
else:
    print("else", total, sw.caught)
