# PEP 343 example 2, "opened": a file is closed when the block ends, however it ends.
# The file is simulated in memory so the example runs anywhere.

class FakeFile:
    def __init__(self, name, lines):
        self.name = name
        self.lines = lines
        self.closed = False

    def readlines(self):
        return list(self.lines)

    def close(self):
        self.closed = True
        print("closed", self.name)


class opened:
    def __init__(self, name):
        self.file = FakeFile(name, ["alpha\n", "beta\n", "gamma\n"])

    def __enter__(self):
        print("opened", self.file.name)
        return self.file

    def __exit__(self, type, value, tb):
        self.file.close()


with opened("/etc/passwd") as f:
    for line in f.readlines():
        print(line.rstrip())

for stop_at in ["beta", "nothing"]:
    with opened("notes.txt") as f:
        for line in f.readlines():
            if line.rstrip() == stop_at:
                print("found", stop_at)
                break
