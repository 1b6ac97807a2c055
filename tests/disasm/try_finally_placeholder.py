def f(x):
    try:
        return x.y
    finally:
        return 2
def g(x):
    for i in x:
        try:
            break
        finally:
            continue
def h(x):
    try:
        pass
    except E as e:
        return e.z
    except F:
        return x.q
def k(x):
    try:
        return x.y
    except E as e:
        return 1
    finally:
        print(x)
