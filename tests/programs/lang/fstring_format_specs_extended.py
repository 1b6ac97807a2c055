# f-string specs beyond the basics: a fill character, an explicit sign, and width/precision taken from nested replacement fields
name = "ab"
n = 42
pi = 3.14159265
print(f"[{name:*^7}] [{name:->5}] [{n:_<6}] [{n:0>4}]")
print(f"[{n:+d}] [{-n:+d}] [{pi:+.1f}] [{n: d}]")
width = 7
prec = 2
print(f"[{pi:{width}.{prec}f}] [{name:>{width}}] [{n:0{width}d}]")
