# an exit pushed with ExitStack.push can suppress: callbacks pushed before it then see no exception
from contextlib import ExitStack

def watcher(name):
    def exit_fn(t, v, tb):
        print(name, "sees", t.__name__ if t else None)
    return exit_fn

def absorb(t, v, tb):
    print("absorb sees", t.__name__ if t else None)
    return True

with ExitStack() as stack:
    stack.push(watcher("pushed first"))
    stack.push(absorb)
    stack.push(watcher("pushed last"))
    raise KeyError("hidden")
print("exception suppressed")
