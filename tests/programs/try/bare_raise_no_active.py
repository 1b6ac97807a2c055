# a bare raise with no exception being handled is a RuntimeError; after a handler finishes there is again nothing to re-raise
def reraise():
    raise

try:
    reraise()
except RuntimeError as e:
    print("RuntimeError:", e)

try:
    raise ValueError("done with")
except ValueError:
    pass
try:
    reraise()
except RuntimeError as e:
    print("again:", e)
