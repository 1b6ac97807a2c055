# ExitStack.callback runs callbacks last-in first-out with their positional and keyword arguments and returns the callback
from contextlib import ExitStack

def report(name, *, level="info"):
    print("callback", name, level)

with ExitStack() as stack:
    got = stack.callback(report, "first")
    stack.callback(report, "second", level="warn")
    stack.callback(print, "plain print", "with", "args")
    print("body ends; callback returned the function:", got is report)
print("after")
