# float repr uses the shortest round-trip digits and switches to exponent form below 1e-4 and from 1e16; mixed int/float arithmetic
values = [0.1, 1 / 3, 2 / 3, 1e-4, 1e-5, 123456789012345.6, 1e15, 1e16, 1.5e300 * 1e8, -0.0, 100.0, 3.0 * 1.1, 2 ** 0.5]
for v in values:
    print(repr(v), str(v))
print(1 / 4, 7 / 7, 10 / 4, -10 / 4, 2 ** -1, 3 * 1.0)
print(0.1 + 0.2 == 0.3, abs(0.1 + 0.2 - 0.3) < 1e-9, 1e308 * 10)
print(float("1_000.5"), float(" -2.5 "), float("inf") > 1e308, int(1e15), round(2.675, 2))
print(round(0.5), round(1.5), round(-2.5), round(7.25, 1), round(1234, -2), round(3.7))
try:
    int(float("inf"))
except OverflowError as e:
    print("OverflowError:", e)
try:
    1.0 / 0
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
