# Each construct the VM runs through a fused or inline fast path, in the shapes that must fall
# back to the general path: subclass and tuple matches in `except`, a global rebound between
# iterations, loops over non-range iterables, managers that are not plain classes, finally
# blocks entered by return/break/continue, and __enter__ at the recursion limit.
from contextlib import contextmanager, nullcontext


class Base(Exception):
    pass


class Derived(Base):
    pass


class CM:
    def __enter__(self):
        return self

    def __exit__(self, t, v, tb):
        return False


class Quiet(CM):
    def __exit__(self, t, v, tb):
        return t is not None and issubclass(t, KeyError)


cm = CM()
caught = []
for exc in [Base, Derived, KeyError, ValueError, Derived("x")]:
    for i in range(2):
        try:
            with cm:
                raise exc
        except Base:
            caught.append("Base")
        except (KeyError, IndexError):
            caught.append("Key/Index")
        except Exception as e:
            caught.append(type(e).__name__)
print(caught)

# the global an `except` names is rebound between iterations
Target = KeyError
seen = []
for i in range(4):
    try:
        raise KeyError(i) if i % 2 == 0 else IndexError(i)
    except Target:
        seen.append(("target", i))
    except LookupError:
        seen.append(("lookup", i))
    Target = IndexError if Target is KeyError else KeyError
print(seen)


@contextmanager
def tagged(tag, log):
    log.append("enter " + tag)
    try:
        yield tag
    finally:
        log.append("exit " + tag)


log = []
for item in ["a", "b"]:
    with tagged(item, log) as t:
        log.append("body " + t)
    with nullcontext(item) as same:
        log.append("null " + same)
for key, value in {"k": 1}.items():
    with Quiet():
        log.append(key + str(value))
        raise KeyError(key)
print(log)


def leave(how):
    out = []
    for i in range(3):
        try:
            with cm:
                if how == "return" and i == 1:
                    return out + ["returned"]
                if how == "break" and i == 1:
                    break
                if how == "continue":
                    continue
                out.append(i)
        finally:
            out.append("finally %d" % i)
    return out


for how in ["return", "break", "continue"]:
    print(how, leave(how))


def nested_return():
    with cm:
        try:
            with Quiet():
                return "inner"
        finally:
            print("finally after inner return")


print(nested_return())


class Deep:
    def __init__(self, n):
        self.n = n

    def __enter__(self):
        if self.n:
            with Deep(self.n - 1):
                pass
        return self

    def __exit__(self, *exc):
        return False


try:
    with Deep(5000):
        pass
except RecursionError as e:
    print("RecursionError:", e)
with Deep(5) as d:
    print("depth ok", d.n)
