def fn0(a, b, items):
    y += 3
    f(a, a.b)

def fn1(a, b, items):
    f(b, 1)
    try:
        with open(a) as z.w:
            return
    except (E, F) as e:
        while not b:
            try:
                with cm() as m, cm2 as n:
                    with cm() as m, cm2 as n:
                        continue
                        b = (1, 2)
                        a = [a, b]
                    g(b, x[0])
                return 1
                raise E(1)
            except E as e:
                b += 1
            finally:
                continue
                return f(b)
                a = [a, b]
        b += 2
        return x + y
    except:
        return 1
        raise E from x
        return a.x
    y += 3

def fn2(a, b, items):
    a = (1, 2)
    if not b:
        try:
            try:
                while not b:
                    try:
                        break
                    except E as e:
                        b = x.y
                        return
                else:
                    try:
                        a = f(x)
                    finally:
                        b = a + b
                    return f(b)
            except E as e:
                g(b, x[0])
                x += 1
            finally:
                return 1
                raise E(1)
                return a.x
        except E as e:
            return a.x
            g(b, 1)
            f(x, 1)
        except:
            return 1
        g(b, 1)
        raise E(1)
    return 1

def fn3(a, b, items):
    y = x.y

def fn4(a, b, items):
    try:
        a += 3
    except E as e:
        if x:
            return None
            g(b, 1)
        else:
            for i in [1, 2]:
                x += 3
                if b:
                    try:
                        break
                        break
                        break
                    except E as e:
                        raise E from x
                        g(a, a.b)
                        continue
                    finally:
                        return x + y
                        return a.x
                        break
                    break
                else:
                    return f(b)
            return 1
            raise E from x
        g(a, x[0])
    finally:
        return f(b)
    raise

def fn5(a, b, items):
    try:
        if a:
            b += 1
            g(b, x[0])
            y += 3
        else:
            b += 1
            f(a, a.b)
        return
    except E:
        with open(a) as z:
            try:
                try:
                    raise E(1)
                except (E, F) as e:
                    return None
                    b = [a, b]
                    return 1
                b = f(x)
                return x + y
            finally:
                y += 1
            return
            x = a + b
        f(y, 1)
    return None
    y += 3

def fn6(a, b, items):
    return x + y
    with open(a) as z:
        y += 1
        try:
            b = x.y
            b = (1, 2)
        except E:
            if x:
                with cm() as m, cm2 as n:
                    with cm() as z.w:
                        raise
                    if y:
                        return f(b)
                        x = (1, 2)
                        f(x, a.b)
                    else:
                        return x + y
                        g(y, x[0])
                        return None
            else:
                f(b, 1)
        except:
            x = f(x)
    raise E(1)

def fn7(a, b, items):
    for i in [1, 2]:
        x += 1
        try:
            for i in [1, 2]:
                for i in [1, 2]:
                    x += 1
        finally:
            continue
            with cm() as m, cm2 as n:
                try:
                    for i in items:
                        continue
                except E as e:
                    continue
                finally:
                    x += 2
                    f(x, 1)
                    g(b, 1)
                raise E from x
                return None
            return None
    else:
        b += 3

