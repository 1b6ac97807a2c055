def only_doc():
    "just a doc"
def only_pass():
    pass
def ann(a):
    x: int
    y: int = a
    a.b: int = 1
    a[0]: str
    return y
def fstr(x, w, p):
    return f"{x:{w}.{p}}" f"{x!r:>{w}}" f"{{}}" f"{x}{w}" f"a{x}b" f""
class M:
    "mdoc"
    def m(self):
        def inner():
            return super().m() + __class__.x
        return inner
    def n(self):
        return [super().n() for _ in ()]
def handler(items):
    for i in items:
        try:
            pass
        except ValueError as e:
            with i:
                break
        except Exception:
            raise
        else:
            return 1
        finally:
            del i
def chain(d, k, v):
    d[k] = d[v] = d.x = k
    d[k][v] += 1
    d.x.y -= 2
    d[1:2][::-1] *= 3
    return d
def defaults(a=lambda: x, b=[i for i in range(3)], *, c=(1, 2), d={1: 2}):
    return [lambda: i for i in range(3)]
def closures():
    fs = []
    for i in range(3):
        def f(i=i):
            return i
        fs.append(f)
    return [g() for g in fs]
def genexp_nest(m):
    return list((x, y) for x in m for y in x if y if x)
def comp_cell():
    x = 1
    return [x + y for y in range(x)]
def nested_comp_cell():
    y = 2
    return {k: [y for _ in range(k)] for k in range(y)}
