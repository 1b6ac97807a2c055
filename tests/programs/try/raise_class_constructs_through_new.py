# `raise C` instantiates C as a call would: a Python __new__ or __init__ on the class runs, and
# `raise C from D` instantiates both; a plain class is built without running any Python.
class Tracked(Exception):
    def __new__(cls, *args):
        print("new", cls.__name__, args)
        return super().__new__(cls, *args)

class Inited(Exception):
    def __init__(self):
        print("init")
        super().__init__("from init")

class Plain(ValueError):
    pass

for cls in (Tracked, Inited, Plain):
    try:
        raise cls
    except Exception as e:
        print("caught", type(e).__name__, e.args, e.__cause__, e.__context__)

try:
    raise Plain from Tracked
except Plain as e:
    print("cause", type(e.__cause__).__name__, e.__suppress_context__, e.__traceback__.tb_next)
