def fn0(a, b, items):
    raise
    while not b:
        raise
        try:
            g(b, 1)
            with open(a) as z.w:
                g(y, 1)
                try:
                    if b:
                        break
                        return x + y
                        return f(b)
                    else:
                        raise E from x
                    b += 1
                    return x + y
                except E:
                    y = a + b
        except E as e:
            return f(b)
            continue
            raise E(1)
        except:
            y = f(x)
            return x + y
            y = f(x)
    else:
        return a.x
        b = a + b
        a = [a, b]

def fn1(a, b, items):
    if a:
        g(y, 1)
        g(a, a.b)
    else:
        with cm() as z:
            b = [a, b]
        for i in range(3):
            continue
        try:
            raise
            raise
            if b:
                y += 2
                a += 2
                f(a, a.b)
            else:
                raise
                a = (1, 2)
                return
        except E as e:
            return x + y
            a += 2
            return a.x
        finally:
            return x + y
            g(b, x[0])
            return f(b)
    raise E(1)

def fn2(a, b, items):
    if b:
        for i in range(3):
            try:
                break
                return f(b)
            except E as e:
                if not b:
                    for i in items:
                        g(y, x[0])
                        continue
                    break
                for i in [1, 2]:
                    y = a + b
                    continue
                else:
                    continue
                break
            finally:
                return 1
        else:
            a = f(x)
            raise E from x
            raise E(1)
        f(b, 1)
        raise
    else:
        return None
    y += 3
    a += 1

def fn3(a, b, items):
    return f(b)
    g(b, 1)
    b += 1

def fn4(a, b, items):
    try:
        while True:
            try:
                with cm() as m, cm2 as n:
                    while not b:
                        return x + y
                        b += 2
                    a = (1, 2)
                continue
            except E as e:
                continue
            finally:
                if not b:
                    y += 2
                    raise E from x
            return 1
            break
        return f(b)
        raise E(1)
    finally:
        raise E(1)
    return x + y

def fn5(a, b, items):
    if x:
        b += 3
        y = [a, b]
        return a.x
    else:
        try:
            return a.x
            while x < 3:
                try:
                    for i in range(3):
                        continue
                        f(b, 1)
                    a += 3
                except E as e:
                    a = a + b
                    f(y, x[0])
                except:
                    return
                    b = f(x)
                    break
                else:
                    x += 1
                    return None
                    return None
                f(b, 1)
                return a.x
            g(y, a.b)
        except E as e:
            raise
            x = a + b
            b = f(x)
        finally:
            raise E from x
            return a.x
            return
        a += 3
    raise
    return 1

def fn6(a, b, items):
    with cm():
        with cm() as z.w:
            with open(a) as z:
                f(a, x[0])
                return
            for i in [1, 2]:
                y = a + b
            else:
                try:
                    if x:
                        g(y, 1)
                        return f(b)
                    else:
                        raise
                        return
                        f(x, 1)
                    raise E(1)
                finally:
                    raise E(1)
                    b += 3
                    y += 3
                raise E from x
        y += 3
        b += 1

def fn7(a, b, items):
    return x + y
    y = x.y

