# list methods and operations: insert/pop/remove/index/count, sort with key and reverse (stable), slicing assignment, del, copy vs alias
items = [5, 3, 8, 3]
items.append(1)
items.insert(0, 9)
items.insert(-1, 7)
print(items, items.pop(), items.pop(0), items)
items.remove(3)
print(items, items.index(3), items.count(3))
words = ["bb", "a", "ccc", "dd", "e"]
print(sorted(words, key=len), sorted(words, key=len, reverse=True))
words.sort()
print(words, words.reverse(), words)
nums = list(range(10))
nums[2:5] = ["x"]
print(nums)
nums[::3] = [0, 0, 0]
print(nums)
del nums[1:3]
del nums[-1]
print(nums)
alias = nums
copy = nums.copy()
alias.append("new")
print(len(nums), len(copy), nums is alias, nums == copy)
nested = [[0] * 2] * 2
nested[0][0] = 1
print(nested, [[0] * 2 for _ in range(2)])
try:
    [].pop()
except IndexError as e:
    print("IndexError:", e)
try:
    [1].remove(2)
except ValueError as e:
    print("ValueError:", e)
print([1, 2] + [3], [0] * 3, [3, 1, 2] < [3, 2], list("hi"), [1, [2]] == [1, [2]])
