# PEP 343 example 1, "locked": a template that holds a lock for the duration of a block.
# The lock is a stand-in that records what happens to it (withvm has no threads).

class Lock:
    def __init__(self, name):
        self.name = name
        self.held = False

    def acquire(self):
        print("acquire", self.name)
        self.held = True

    def release(self):
        print("release", self.name)
        self.held = False


class locked:
    def __init__(self, lock):
        self.lock = lock

    def __enter__(self):
        self.lock.acquire()

    def __exit__(self, type, value, tb):
        self.lock.release()


balance_lock = Lock("balance")
balance = 100

with locked(balance_lock):
    balance -= 30
    print("inside: held =", balance_lock.held, "balance =", balance)

try:
    with locked(balance_lock):
        raise ValueError("overdrawn")
except ValueError as e:
    print("caught", e, "- held =", balance_lock.held)
