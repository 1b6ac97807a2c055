# augmented assignment evaluates the target's container and index once; += mutates lists in place but rebinds ints, strs and tuples
def idx(i):
    print("  index", i)
    return i

data = [10, 20, 30]
data[idx(1)] += 5
print(data)
grid = {"a": [1, 2]}
grid["a"][idx(0)] *= 7
print(grid)

alias = data
data += [40]
print(alias is data, alias)
text = "ab"
same = text
text += "c"
print(same, text)
tup = (1,)
other = tup
tup += (2,)
print(other, tup)

class Counter:
    total = 0
c = Counter()
c.total += 1
print(c.total, Counter.total)
n = 7
n //= 2; n **= 3; n -= 1; n %= 10; n <<= 2; n |= 1; n ^= 3; n &= 14; n >>= 1
print(n)
