import sys
def w1(a, b):
    with a as x, b as y:
        return x + y
def w2(a):
    with a as (x, [y, *z]):
        pass
def w3(a):
    with a as x.y:
        with a as x[0]:
            with a as x[1:2]:
                pass
def w4(a):
    while True:
        with a:
            if a: continue
            if a: break
            return 5
def w5(a):
    try:
        with a:
            raise ValueError
    except ValueError:
        with a:
            return 1
    finally:
        with a:
            pass
def w6(a):
    for i in a:
        with a:
            try:
                with a:
                    continue
            finally:
                break
def r1(e):
    raise
def r2(e):
    raise e
def r3(e):
    raise e from None
def r4(e):
    raise e(1) from e
def rets(a):
    if a:
        return
    elif not a:
        return None
    return ...
