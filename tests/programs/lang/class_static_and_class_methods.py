# classmethod receives the class it was called through (a subclass too); staticmethod receives nothing extra; both work via instances
class Money:
    rate = 1
    def __init__(self, cents):
        self.cents = cents
    @classmethod
    def from_units(cls, units):
        return cls(units * 100 * cls.rate)
    @staticmethod
    def valid(cents):
        return cents >= 0
    def __repr__(self):
        return type(self).__name__ + "(" + str(self.cents) + ")"

class Points(Money):
    rate = 3

print(Money.from_units(2), Points.from_units(2))
m = Money(5)
print(m.from_units(1), m.valid(-1), Points.valid(4))
print(type(Points.from_units(1)).__name__)
