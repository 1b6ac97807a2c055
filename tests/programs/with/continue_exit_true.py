# continue inside a with whose __exit__ returns True: the continue still happens (a truthy result only matters for exceptions)
class Yes:
    def __enter__(self):
        return self
    def __exit__(self, t, v, tb):
        print("  exit sees", t)
        return True

seen = []
for n in range(5):
    with Yes():
        if n % 2 == 0:
            continue
        seen.append(n)
        print("  kept", n)
    print("  tail", n)
else:
    print("else runs", seen)
