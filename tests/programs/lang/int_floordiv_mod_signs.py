# // and % floor toward negative infinity for every sign combination, divmod agrees, and int() truncates toward zero
for a in (7, -7):
    for b in (2, -2):
        q, r = divmod(a, b)
        print(a, b, a // b, a % b, q, r, q * b + r == a)
print(-1 // 10, -1 % 10, 1 // -10, 1 % -10)
print(int(-3.7), int(3.7), int(-0.5))
print(7.5 // 2, -7.5 // 2, 7.5 % -2, -7.5 % 2)
print(divmod(-9.0, 4))
for bad in [(1, 0), (1.0, 0)]:
    try:
        bad[0] // bad[1]
    except ZeroDivisionError as e:
        print("ZeroDivisionError:", e)
try:
    5 % 0
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
