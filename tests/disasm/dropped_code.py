def f(a):
    if 0:
        import os.path as p
        from q import r
        a.b.c(d, e=g)
        assert h, i
        local = 5
        print(local, j)
        def inner(): return k
        class C: pass
        x: int = 3
    while 0:
        m.n = o
    if 1:
        pass
    else:
        z = zz
    return a
if False:
    v.w = u
    import sys
    y: int = 1
