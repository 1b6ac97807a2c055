# PEP 479: a StopIteration escaping a generator body becomes RuntimeError with the StopIteration as __cause__; a return is the right way
def leaky(items):
    it = iter(items)
    while True:
        yield next(it)

def careful(items):
    it = iter(items)
    while True:
        try:
            yield next(it)
        except StopIteration:
            return

print(list(careful([1, 2])))
try:
    print(list(leaky([1, 2])))
except RuntimeError as e:
    print("RuntimeError:", e)
    print("cause:", type(e.__cause__).__name__, "context is cause:", e.__context__ is e.__cause__)
