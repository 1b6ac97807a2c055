# a single with statement with twenty items: all enter left to right, all exit right to left, and a break leaves all twenty
class Item:
    def __init__(self, n, out):
        self.n = n
        self.out = out
    def __enter__(self):
        self.out.append(self.n)
        return self.n
    def __exit__(self, t, v, tb):
        self.out.append(-self.n)

def run(out):
    L = lambda n: Item(n, out)
    with L(1), L(2), L(3), L(4), L(5), L(6), L(7), L(8), L(9), L(10), L(11), L(12), L(13), L(14), L(15), L(16), L(17), L(18), L(19) as a, L(20) as b:
        return a + b

out = []
print(run(out))
print(out)
