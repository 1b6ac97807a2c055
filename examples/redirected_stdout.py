# PEP 343 example 5, "stdout_redirected": print goes to another writer inside the block,
# and sys.stdout is restored afterwards even when the block raises.
import sys


class Collector:
    def __init__(self):
        self.parts = []

    def write(self, text):
        self.parts.append(text)


class stdout_redirected:
    def __init__(self, new_stdout):
        self.new_stdout = new_stdout

    def __enter__(self):
        self.save_stdout = sys.stdout
        sys.stdout = self.new_stdout

    def __exit__(self, type, value, tb):
        sys.stdout = self.save_stdout


log = Collector()
with stdout_redirected(log):
    print("Hello world")
    print("captured", 42)

try:
    with stdout_redirected(log):
        print("before the error")
        raise KeyError("boom")
except KeyError:
    pass

print("collected:", "".join(log.parts).split("\n"))
