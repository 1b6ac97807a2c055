# an uncaught exception raised without arguments prints just its type name on the last line
class Stop(Exception):
    pass

def halt():
    print("halting")
    raise Stop

halt()
