def fn0(a, b, items):
    x = 1
    y, *items = {(lambda p, q=1: p + x[{k: 2.5 for k in 2.5}:f'{a!r} x {y:>1}']), *(y.m(None) + items[2.5:y] if f({k: None for k in 1}, *{y, *a}, **(1 for j in 1 for k in j)) else f'{x!r} x {items:>4}')}
    a.z = b.w = a[[(lambda p, q=1: p + (None, None)), a.m(b.attr.sub)]:{**b[[b for i in 2.5 if i]:f'{x!r} x {x:>4}'], 'k': (x.m(None) for j in (lambda p, q=1: p + a) for k in j)}]
    del x[(lambda p, q=1: p + -3)]
    if (1, 2, (3, 'x')):
        items = f(f'{a!r} x {b:>7}', *[items.m((x for j in 's' for k in j)) for i in f(None, b) - items.m(True) if i], **([{1: a} for i in f'{x!r} x {items:>9}' if i] for j in [*[1 for i in a if i], (lambda p, q=1: p + y)] for k in j))
    elif f(*[{{**x, 'k': x}: [y for i in x if i]}, (True not in None if y.m(a) else a.attr.sub)], k={([a, items] and x is not y): [{k: 's' for k in True} for i in (lambda p, q=1: p + a) if i]}):
        pass
    return x
def fn1(a, b, items):
    x = 1
    b[(a[f'{b!r} x {a:>7}':(b // a if (items for j in y for k in j) else f'{items!r} x {b:>9}')] for j in (lambda p, q=1: p + items) for k in j)] += (lambda p, q=1: p + [items[(-2.5):{1: items}] for i in (lambda p, q=1: p + 0.5) if i])
    def inner2(c, *d, e=1, **g):
        nonlocal x
        y, *y = {(lambda p, q=1: p + {k: b for k in items}): {**[None for i in b if i], 'k': y}} % b[{True - 's', *{items, *None}}:[*{**a, 'k': None}, f(*items, k=a)]]
        print(items.m([((b or None), (1, 2, (3, 'x'))) for i in [(lambda p, q=1: p + items), {y: b}] if i]), sep='', end=({k: y[items[1:b]] for k in (f'{y!r} x {x:>1}' or (lambda p, q=1: p + a))} if (x.attr.sub, b.m(b['s'])) else [*y[0.5], a[True is not a < 's':{k: 's' for k in True}]]))
        x = x.m((a[f(2.5, 1)] if [{y: None} for i in (lambda p, q=1: p + None) if i] else x.m((a for j in True for k in j))))
        return c + x
    return x
def fn2(a, b, items):
    x = 1
    x = f'{items!r} x {items:>8}'
    def inner8(c, *d, e=1, **g):
        nonlocal x
        assert (+f'{b!r} x {items:>2}'), [{(+{x, *True}): (True * b, (2.5 for j in a for k in j))} for i in ([(1, 2, (3, 'x')) for i in {1, *b} if i], {k: (b, b) for k in {2.5: None}}) if i]
        items, *b = [*[[{True, *b} for i in (None, None) if i] for i in y[(1, 2, (3, 'x')):f(*1, k=2.5)] if i], ({**'s', 'k': 1} <= y.m(b) and (f'{a!r} x {items:>4}', {k: y for k in None}))]
        if {**items, 'k': {k: f'{a!r} x {items:>1}' for k in b[[y for i in 2.5 if i]]}}:
            items = [(lambda p, q=1: p + (True, y)) | ([b, 1] for j in (x and y) for k in j) for i in f((None == x < x or [b, 2.5]), items[b.attr.sub]) if i]
        elif [*[b, x.attr.sub], ((+(x for j in 1 for k in j)) if (y[None:None] or {k: None for k in 2.5}) else y.attr.sub)]:
            pass
        return c + x
    assert [*{(1, 2, (3, 'x')): [y % a for i in f'{y!r} x {a:>8}' if i]}, None], ((y[(1, 2, (3, 'x')):(~x)] if [*{'s': None}, [None for i in b if i]] else f(f(*a, k=None), *[1 for i in x if i], **[*x, items])) if ((~(-items)) or f(*(y for j in 1 for k in j), k=[x, y])) else {f'{a!r} x {x:>5}', *{(2.5 if 2.5 else 1): 0.5}})
    if (not f(y.m((-2.5)), *f(*-3, k=[None, b]), **[(1, 2, (3, 'x')), f'{x!r} x {y:>2}'])):
        a = [a.m(f(f(*y, k=2.5), [y for i in items if i])) for i in (f'{items!r} x {a:>5}' if (y for j in None for k in j) else ['s', y]) % ((not 1), (1 for j in a for k in j)) if i]
    elif (a[f'{b!r} x {items:>1}'] + ((lambda p, q=1: p + a) for j in ('s', y) for k in j) if (y.m({k: 1 for k in a}) and items[{**items, 'k': a}]) else f'{y!r} x {y:>7}'):
        pass
    with (1, 2, (3, 'x')) as w:
        a[y.m([(2.5 if 2.5 else x), a[a]]):(lambda p, q=1: p + [*(lambda p, q=1: p + y), None != b < 2.5])]
    return x
def fn3(a, b, items):
    x = 1
    with {(lambda p, q=1: p + (1, 2, (3, 'x'))): -3 is not b.m(b) < f(True, *x, **b) < (None if x else True) in (lambda p, q=1: p + True)} as w:
        [f'{items!r} x {a:>3}' for i in f'{items!r} x {items:>3}' if i]
    f((items['s'] is not {True, *items} if {f'{b!r} x {a:>7}', *['s' for i in 2.5 if i]} else x[(items for j in items for k in j):(2.5, a)]), *f'{items!r} x {x:>3}', **{((b if True else a), [1, True]), *x})
    x = [f(f'{a!r} x {y:>8}', {**b[items:items], 'k': y[b:y]}), [*f(f'{b!r} x {x:>4}', {None, *1}), {k: 1 for k in b} == f(True, y)]]
    def inner8(c, *d, e=1, **g):
        class K8(object):
            v = 1
            def meth(self):
                print(b.attr.sub, sep='', end=(~(x, [f'{b!r} x {b:>7}' for i in (1, 2, (3, 'x')) if i])))
                return super().meth() + v
        class K0(object):
            v = 1
            def meth(self):
                for items in ((a.m(None != items) and items.m([b, 2.5])) for j in [items.attr.sub, f(x[True], *[*1, True], **(+items))] for k in j):
                    {1, *b}
                return super().meth() + v
            def meth(self):
                items[f(x.m(a.m(b[a])), items)] -= f(*[*[[b for i in 2.5 if i] for i in a.attr.sub if i], items.attr.sub], k=({items: y} if {y: b} else f(*y, k=None)) <= ({items: 1} for j in [b, b] for k in j))
                return super().meth() + v
        return c + x
    del b[b]
    return x
def fn4(a, b, items):
    x = 1
    z = yield from None
    with [f((~y[items]), *None, **(-y.m(None))) for i in f({k: {k: 's' for k in items} for k in y[None:y]}, *f'{x!r} x {items:>4}', **(lambda p, q=1: p + f(y, y))) if i] as w:
        a
    return x
def fn5(a, b, items):
    x = 1
    with f'{items!r} x {items:>5}' as w:
        (1, 2, (3, 'x'))
    def inner4(c, *d, e=1, **g):
        def inner9(c, *d, e=1, **g):
            for items in f((1, 2, (3, 'x')), 1):
                [f(f([*'s', b], (not 's')), {**{items, *True}, 'k': ('s' if items else 1)}), b[{**{b: items}, 'k': f'{y!r} x {x:>8}'}]]
            if f(f(f([y, items], (+True)), *[1 + items for i in items.m(2.5) if i], **'str'), f({{a, *b}, *(1, 2, (3, 'x'))}, *(1, 2, (3, 'x')) is {x, *y} < [*'s', None], **{k: (None if a else None) for k in {None, *'s'}})):
                items = f(f(y, x.m(f(*None, k='s'))), {k: (1, 2, (3, 'x')) for k in y.m(x.m(None))})
            elif (f(items, *f((+y), *{**'s', 'k': b}, **items[y:1]), **a.attr.sub) if items.m(f(x.m(x), (1, 2, (3, 'x')))) else f((f(a, None) and f'{items!r} x {items:>2}'), a[b[b:'s']])):
                pass
            if (b[(lambda p, q=1: p + 0.5)] if f'{b!r} x {b:>4}' else {**(f(True, *items, **items) for j in [*'s', a] for k in j), 'k': b[(1, 2, (3, 'x'))]}):
                a = {f(y.m(f(*'s', k=a)), [b.attr.sub, (None, x)]): f(f(f'{a!r} x {b:>6}', f'{y!r} x {x:>5}'), a.attr.sub)}
            elif b[(not b[y[x]])]:
                pass
            return c + x
        items[y[x[f'{a!r} x {x:>1}']]] += f'{items!r} x {y:>9}'
        return c + x
    return x
assert (([*None, y], {k: None for k in 2.5}), {**{None, *x}, 'k': y.m(1)}) not in (({x: b}, (1, 2, (3, 'x'))) if {f(y, *a, **items): (a for j in 1 for k in j)} else ((items for j in y for k in j), a.m(a))) < f'{x!r} x {x:>2}', [*[x.m(None) for i in [f(*a, k=items), [y for i in b if i]] if i], {k: b[(items, True)] for k in {**f(*None, k=items), 'k': x}}]
x[y.m((x[x] if (y, y) else x)) <= items[{items, *a} <= [*None, y] < f(*'s', k=2.5)]] *= x[{(b if 1 else items): (y for j in True for k in j)}:(1, 2, (3, 'x'))] ^ f([*'s', None], *{**y, 'k': a}, **(1, 2, (3, 'x'))) == (lambda p, q=1: p + 1) / [*1, y] < [f(*2.5, k=x), {True, *True}]
a.z = y.w = {f({a: {True: None}}, *([y for i in 2.5 if i] and (1, 2, (3, 'x'))), **f('s', *None, **a) >> y[1]), *items[{**[*None, None], 'k': (True, y)}]}
class K0(object):
    v = 1
    def meth(self):
        y.z = items.w = {[((2.5 for j in x for k in j), {1: a}) for i in {**{k: 1 for k in None}, 'k': (1, 2, (3, 'x'))} if i], *(None if [{k: 2.5 for k in items}, a != a] else {**b.m(1), 'k': f'{x!r} x {b:>9}'})}
        return super().meth() + v
