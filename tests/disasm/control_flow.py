def f(a, b):
    while a:
        if b:
            break
        elif a > 3:
            continue
        else:
            a -= 1
    else:
        print("done")
    while True:
        a += 1
        if a: break
    while 1:
        pass
    if 0:
        print("never")
    else:
        print("always")
    if True:
        x = 1
    else:
        x = 2
    for i in range(3):
        for j in range(i):
            if j:
                return j
    else:
        pass
    assert a, "msg"
    assert a
    assert not (a or b)
    if not a and b or not (a and not b):
        pass
    x = a if not b else (b if a else 3)
    y = 1 < a < b < 3
    if 1 < a < 3:
        pass
    if a < b or a in (1, 2, 3) and b not in [4, 5]:
        pass
    z = not a in b
    w = not a is b
    r = (a is not None) and (b is None)
    return x, y, z, w, r
def g():
    try:
        pass
    except:
        raise
    try:
        a = 1
    except (ValueError, TypeError) as e:
        raise RuntimeError("x") from e
    except Exception:
        raise RuntimeError("y") from None
    else:
        b = 2
    finally:
        c = 3
    for i in range(3):
        try:
            continue
        except:
            break
        finally:
            pass
    with open("a") as f, open("b") as (g, h):
        for line in f:
            if line:
                continue
            return line
    with open("x"):
        try:
            return 1
        finally:
            print(1)
