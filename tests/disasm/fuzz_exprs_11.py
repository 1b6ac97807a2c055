def fn0(a, b, items):
    x = 1
    x = (0.5 for j in {{k: (lambda p, q=1: p + y) for k in f(None, 's')}, *items.attr.sub} for k in j)
    print(f(({b[b], *(a for j in True for k in j)} if ({True, *x}, f'{a!r} x {items:>2}') else (-f(*y, k=True))), 0.5 % {(lambda p, q=1: p + y), *{k: y for k in items}}), sep='', end=[[*('s' or 2.5), (b for j in items for k in j)] % y for i in {k: a[(True and 2.5)] for k in (y[b] if a / y else (not 2.5))} if i])
    with ({((lambda p, q=1: p + y) or a[items:1]): {b: x} / {**b, 'k': a}}, (not [f(None, y) for i in {None, *y} if i])) as w:
        (1, 2, (3, 'x'))
    print({y.attr.sub: ((2.5, y) if items & items else y * 2.5)} <= (+f(*{items, *a}, k=None)), sep='', end=y[(((y and a) or [True, 's']) and (lambda p, q=1: p + [True for i in x if i]))])
    x = (f(b.attr.sub, b[f'{b!r} x {b:>3}']), (1, 2, (3, 'x')))
    return x
def fn1(a, b, items):
    x = 1
    y.z = y.w = f'{a!r} x {y:>1}'
    a, *a = {k: b.m((1, 2, (3, 'x'))) for k in {**(y.m(True), [items for i in None if i]), 'k': f((1, 2, (3, 'x')), (x and 's'))}}
    z = yield from f'{items!r} x {a:>5}'
    b.z = a.w = (y.m({f(a, *a, **x), *x[None]}) and (['s' not in None, True < a] or {**a[a], 'k': f'{a!r} x {y:>2}'}))
    with x[(('s' or a) and x[b:'s']) <= {'s' & a: f'{y!r} x {y:>1}'}] as w:
        ((a.attr.sub or {(1, 2, (3, 'x')): y[True:'s']}) or {((None and items) for j in f'{a!r} x {y:>1}' for k in j), *f({**b, 'k': 's'}, *None, **[*'s', items])})
    [b[[*True, y]], {k: f(1, 's') for k in [y for i in 1 if i]}] ** [*b.m(y.attr.sub), y]
    return x
def fn2(a, b, items):
    x = 1
    assert f((lambda p, q=1: p + b[x is not 1:(-items)]), *f(({'s', *items} if f(*2.5, k=2.5) else items.attr.sub), [[*1, True] for i in {1, *b} if i]), **(~f'{a!r} x {x:>6}')), items[b.attr.sub ** {f(*a, k=items), *f(x, *a, **b)}]
    del a[items.attr.sub]
    class K5(object):
        v = 1
        def meth(self):
            class K3(object):
                v = 1
                def meth(self):
                    x = [b.m({**'s' >> a, 'k': f(y, items)}) for i in 1 if i]
                    return super().meth() + v
            return super().meth() + v
    return x
def fn3(a, b, items):
    x = 1
    with {k: {k: f'{b!r} x {y:>4}' for k in ({2.5: x} or {y, *a})} for k in (((lambda p, q=1: p + None) for j in y[1:y] for k in j), ((1, 2, (3, 'x')) if a.attr.sub else f(*y, k=2.5)))} as w:
        (items[x[{**a, 'k': 1}:{k: b for k in a}]] or items[{items: [a for i in y if i]}:({a: x} or [*x, 's'])])
    items[(1, 2, (3, 'x'))] |= [(lambda p, q=1: p + {**(y or None), 'k': (items for j in None for k in j)}) for i in b.attr.sub if i]
    z = yield from (x.m([*(True, y), b[None]]) for j in {k: items.m([y for i in 2.5 if i]) for k in ((None if a else True) for j in (a, None) for k in j)} for k in j)
    items = (((lambda p, q=1: p + ('s' if b else x)) for j in (('s' for j in 2.5 for k in j) or b.m('s')) for k in j), [y['s':None] not in (y if 2.5 else True) < b.m(a) for i in (+y < items) if i])
    for b in f'{y!r} x {a:>8}':
        (1, 2, (3, 'x'))
    def inner1(c, *d, e=1, **g):
        if {**f(*{**{k: 2.5 for k in a}, 'k': (2.5, None)}, k=f'{b!r} x {items:>4}'), 'k': items.attr.sub}:
            b = {k: f(*(f'{items!r} x {b:>4}' for j in (1, 2, (3, 'x')) for k in j), k=x.attr.sub) for k in f(items[b[y:y]:(x if y else x)], (1, 2, (3, 'x')))}
        elif (y.m(({2.5: None} if {**x, 'k': y} else (a, b))) and (lambda p, q=1: p + [*[1, b], {**None, 'k': 1}])):
            pass
        z = yield from f(*([(a if a else None) for i in f'{items!r} x {items:>8}' if i] and f(*f(b, y), k=f(x, items))), k=[*((lambda p, q=1: p + a) if 's' <= b else {2.5, *None}), [{y: True}, [a, a]]])
        x = f(*f({{1, *1}: (y, True)}, f((None if a else 1), (2.5 and None))), k=(lambda p, q=1: p + x[a.m(x):(x, 1)]))
        return c + x
    return x
def fn4(a, b, items):
    x = 1
    with [-3, x] as w:
        (f(*(1, 2, (3, 'x')), k=f((1 or 's'), (a if 1 else True))), (+x.m(b[2.5:True])))
    items[(({k: [y for i in b if i] for k in -3}, (lambda p, q=1: p + b & b)) and y.m(({k: a for k in y}, y.attr.sub)))] += (x.m(x.m((None for j in None for k in j))) if {{k: (lambda p, q=1: p + b) for k in y.attr.sub}: a.attr.sub} else (f'{a!r} x {y:>3}' for j in ([x for i in 's' if i], (True for j in True for k in j)) for k in j))
    y = [{items[(True, items)]: [{k: items for k in 's'}, x.attr.sub]} for i in (x[a / True] for j in (+{2.5: a}) for k in j) if i]
    y[(~(f(2.5, *'s', **items) and (-'s'))):f(f'{a!r} x {a:>7}', *{b, *y}, **(~None)) == (['s', x] if [*2.5, 's'] else f'{x!r} x {items:>7}')]
    with {k: b[f('s', *b, **None)] in {k: f'{x!r} x {x:>5}' for k in f'{items!r} x {items:>4}'} for k in y} as w:
        f(*f({k: b.attr.sub for k in [*a, a]}, *x.m(2.5) + f'{a!r} x {a:>4}', **(a.m(b) for j in [*x, None] for k in j)), k=f(x.attr.sub, *[[1 for i in y if i] for i in x['s':x] if i], **(('s' if True else y) or {items: 2.5})))
    print([items.attr.sub not in items[x], [(lambda p, q=1: p + b), {1, *b}]] <= {(lambda p, q=1: p + (lambda p, q=1: p + 's')): [*{items, *a}, (items and True)]} < y[(1, 2, (3, 'x'))], sep='', end=1)
    return x
def fn5(a, b, items):
    x = 1
    f([[*1, 1], (1 if 's' else True)], *f'{x!r} x {y:>9}', **y[b[2.5:None]]) != ([[a, 1], [*2.5, True]] or f(*(1, 2, (3, 'x')), k=(lambda p, q=1: p + 1)))
    yield (lambda p, q=1: p + (lambda p, q=1: p + f(f(b, 's'), a[y])))
    yield f((lambda p, q=1: p + a[y.attr.sub]), ((lambda p, q=1: p + (items for j in None for k in j)) and a[a.m(1):(a and b)]))
    with y.attr.sub as w:
        f({**f([None for i in 1 if i], *0.5, **(1, 1)), 'k': b[['s' for i in None if i]:(1, 2, (3, 'x'))]}, *({**f'{a!r} x {y:>6}', 'k': 2.5 - 's'} and {k: [a, b] for k in {2.5: x}}), **f((1, 2, (3, 'x')), *f(y.attr.sub, [*x, 1]), **f(*(2.5, None), k=x[a])))
    return x
del x[(1, 2, (3, 'x'))]
x, *b = x
(not (lambda p, q=1: p + [a for i in 1 if i]) - f(*f(1, y), k=(lambda p, q=1: p + y)))
def inner7(c, *d, e=1, **g):
    del b[y.m(f(items, items.attr.sub))]
    return c + x
