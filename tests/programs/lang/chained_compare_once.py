# a chained comparison evaluates each middle operand once and stops at the first false link; and/or return an operand, not a bool
def v(x):
    print("  eval", x)
    return x

print(v(1) < v(2) < v(3))
print(v(3) < v(2) < v(1))
print(v(1) == v(1) != v(2) >= v(0))
five = 5
print(1 < 2 > 0 < five is not None, 1 < five < 3)
print(0 or "" or [] or "last", 1 and "a" and 0 and "never", None or 0, "x" and None)
print(not 0, not [1], (not "") == True, 2 in [1, 2] in [[1, 2]])
print((1, 2, 3) < (1, 3), [1, 2] < [1, 2, 0], "abc" < "abd", (1, "a") == (1, "a"))
print(True + True, True * 10, False - 1, 5 if 0 else 6, "a" if [0] else "b")
