# super() walks a three-level single-inheritance chain; each __init__ and describe() adds to its parent's work
class Shape:
    def __init__(self, name):
        self.name = name
        self.steps = ["Shape"]
    def describe(self):
        return "shape " + self.name

class Polygon(Shape):
    def __init__(self, name, sides):
        super().__init__(name)
        self.sides = sides
        self.steps.append("Polygon")
    def describe(self):
        return super().describe() + " with " + str(self.sides) + " sides"

class Square(Polygon):
    def __init__(self, size):
        super().__init__("square", 4)
        self.size = size
        self.steps.append("Square")
    def describe(self):
        return super().describe() + " of size " + str(self.size)

sq = Square(3)
print(sq.describe())
print(sq.steps)
print(isinstance(sq, Shape), issubclass(Square, Polygon), issubclass(Shape, Square))
print(type(sq).__name__, type(sq) is Square, type(sq) is Polygon)
