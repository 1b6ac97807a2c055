# nested redirect_stdout: the inner target receives output while active, then the outer one again, then the real stdout
from contextlib import redirect_stdout

class Sink:
    def __init__(self, name):
        self.name = name
        self.text = ""
    def write(self, s):
        self.text += s

outer = Sink("outer")
inner = Sink("inner")
with redirect_stdout(outer):
    print("to outer 1")
    with redirect_stdout(inner):
        print("to inner")
    print("to outer 2")
print("to terminal")
print(repr(outer.text))
print(repr(inner.text))
