# in uses __contains__ when present; otherwise it iterates and compares with ==, which calls __eq__; != is derived from __eq__
class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y
    def __eq__(self, other):
        print("  eq", self.x, self.y)
        return isinstance(other, Point) and self.x == other.x and self.y == other.y
    def __repr__(self):
        return "Point(" + str(self.x) + ", " + str(self.y) + ")"

class EvenNumbers:
    def __contains__(self, n):
        return n % 2 == 0

pts = [Point(0, 0), Point(1, 2), Point(3, 4)]
print(Point(1, 2) in pts)
print(Point(1, 2) != Point(1, 2), Point(1, 2) != Point(2, 1))
print(pts.index(Point(3, 4)), pts.count(Point(0, 0)))
print(4 in EvenNumbers(), 7 in EvenNumbers(), 7 not in EvenNumbers())
print(Point(0, 0) == "origin")
