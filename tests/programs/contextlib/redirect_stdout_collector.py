# redirect_stdout sends print output to any object with write(); sys.stdout is restored afterwards, also after an exception
import sys
from contextlib import redirect_stdout

class Collector:
    def __init__(self):
        self.parts = []
    def write(self, text):
        self.parts.append(text)
        return len(text)

box = Collector()
original = sys.stdout
with redirect_stdout(box) as target:
    print("hidden", 1, 2)
    print("second", end="!")
    print("same object:", target is box)
print("restored:", sys.stdout is original)
print("collected:", box.parts)

other = Collector()
try:
    with redirect_stdout(other):
        print("before error")
        raise RuntimeError("x")
except RuntimeError:
    print("after error, restored:", sys.stdout is original)
print("".join(other.parts), end="")
