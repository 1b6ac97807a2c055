# f-string format specs in the documented subset: width, alignment, d, zero padding (also of negatives), .Nf with half-even rounding
name = "ab"
n = 42
neg = -7
pi = 3.14159265
print(f"[{name:>6}] [{name:<6}] [{name:^6}] [{name:^7}]")
print(f"[{n:5d}] [{n:05d}] [{neg:05d}] [{n:<5}] [{n:>3}] [{n:1d}]")
print(f"[{pi:.2f}] [{pi:8.3f}] [{pi:<8.1f}] [{-pi:.0f}] [{2.5:.0f}] [{0.125:.2f}] [{1.005:.2f}]")
print(f"{n}{n}{'-'}{n!r:>4}")
print(f"{{literal braces}} {n * 2} {name + '!'} {[1, 2][1]}")
print(f"{1e-5} {1e16} {0.1 + 0.2} {True} {None} {-0.0}")
