# 120 recursive frames, each inside its own with: an exception at the bottom unwinds every __exit__ in LIFO order, and a catch midway stops it
class Depth:
    current = 0
    deepest = 0
    resumed = 0
    def __init__(self, level):
        self.level = level
    def __enter__(self):
        Depth.current += 1
        Depth.deepest = max(Depth.deepest, Depth.current)
        return self.level
    def __exit__(self, t, v, tb):
        Depth.current -= 1
        if t is not None and self.level == 40:
            print("level 40 stops", t.__name__, v, "depth now", Depth.current)
            return True

def descend(level):
    with Depth(level) as here:
        if here == 120:
            raise OverflowError("bottom reached")
        descend(here + 1)
        Depth.resumed += 1
    return "unwound to " + str(level)

print(descend(1))
print("current", Depth.current, "deepest", Depth.deepest, "resumed", Depth.resumed)
