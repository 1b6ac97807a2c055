# __exit__ raising while a continue leaves the block ends the loop: later iterations and the loop else do not run
class Fragile:
    def __init__(self, limit):
        self.limit = limit
        self.uses = 0
    def __enter__(self):
        self.uses += 1
        return self.uses
    def __exit__(self, t, v, tb):
        print("exit", self.uses, t)
        if self.uses == self.limit:
            raise OSError("worn out after " + str(self.uses))

f = Fragile(3)
try:
    for i in range(10):
        with f as use:
            if use < 100:
                continue
            print("never")
    else:
        print("else never")
except OSError as e:
    print("caught", e, "context", e.__context__, "i =", i)
