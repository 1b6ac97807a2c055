def f(a):
    if a and b or c:
        return 1
    return 2
    x = 3
def g(a):
    x = (a,
         b)
    y = f(a,
          b).c(
          d)
    return [i for i in a
            if i]
