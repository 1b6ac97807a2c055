def f(a,
      b=[1,
         2],
      *,
      c={"k":
         3}):
    with open(a) as x, \
         open(b) as y:
        pass
    with (open(a)) as z:
        pass
    d = {
        "a": a,
        "b": [b,
              c],
    }
    if (a and
            b or
            c):
        return (a
                + b)
    while (a <
           b):
        a = a.strip(
        ).lower(
        ).upper()
    e = a.b.c.d(
        1)(2)(
        3)
    g = [
        x
        for x in a
        if x
    ]
    return f"""{a}
{b}""", lambda: (
        a)
@f(
    1)
@f
class Q(
        object):
    x = (1,
         2)
x = (1 +
     2 +
     f(3))
y = [1,
     2][
     0]
assert (x,
        y)
