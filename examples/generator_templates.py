# PEP 343's examples in their original form: generator templates turned into context managers
# by @contextmanager (locked, opened, transaction, stdout_redirected), plus closing from
# contextlib. Resources are simulated so the example runs anywhere.
import sys
from contextlib import contextmanager, closing


class Lock:
    def acquire(self):
        print("  lock acquired")

    def release(self):
        print("  lock released")


@contextmanager
def locked(lock):
    lock.acquire()
    try:
        yield
    finally:
        lock.release()


@contextmanager
def transaction(log):
    log.append("begin")
    try:
        yield log
    except:
        log.append("rollback")
        raise
    else:
        log.append("commit")


class Writer:
    def __init__(self):
        self.text = ""

    def write(self, s):
        self.text += s


@contextmanager
def stdout_redirected(new_stdout):
    save_stdout = sys.stdout
    sys.stdout = new_stdout
    try:
        yield None
    finally:
        sys.stdout = save_stdout


class Page:
    def close(self):
        print("  page closed")


print("locked:")
with locked(Lock()):
    print("  critical section")

print("transaction:")
log = []
with transaction(log):
    log.append("insert 1")
try:
    with transaction(log):
        log.append("insert 2")
        raise ValueError("duplicate key")
except ValueError as e:
    log.append("error: " + str(e))
print(" ", log)

print("stdout_redirected:")
out = Writer()
with stdout_redirected(out):
    print("this goes to the writer")
print("  captured:", repr(out.text))

print("closing:")
with closing(Page()) as page:
    print("  using", type(page).__name__)
