# an ExitStack callback that raises replaces the body's exception (chaining it as __context__); callbacks registered earlier still run and see the new one
from contextlib import ExitStack

def failing():
    raise ValueError("callback failed")

def observer(t, v, tb):
    print("observer sees", repr(v), "context", repr(v.__context__) if v else None)

try:
    with ExitStack() as stack:
        stack.push(observer)
        stack.callback(failing)
        raise KeyError("body")
except ValueError as e:
    print("final", repr(e), "context", repr(e.__context__))
