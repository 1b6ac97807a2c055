# a class with only __getitem__ is iterable (old sequence protocol: indexes from 0 until IndexError) and supports in
class Squares:
    def __init__(self, n):
        self.n = n
    def __getitem__(self, i):
        if i >= self.n:
            raise IndexError(i)
        print("  getitem", i)
        return i * i

sq = Squares(4)
print(sq[2])
print(list(sq))
print(9 in sq)
for value in Squares(2):
    print("loop", value)
