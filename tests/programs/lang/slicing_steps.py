# slices with negative indices and steps, out-of-range bounds, on lists, tuples, strings and range objects
s = "abcdefgh"
print(s[::2], s[1::2], s[::-1], s[-3:], s[:-3], s[-1:-4:-1], s[5:1:-2], s[10:], s[-100:2])
nums = list(range(10))
print(nums[7:2:-1], nums[::-3], nums[-2::-4], nums[3:3], nums[::100])
t = tuple(nums)
print(t[1:4], t[-1], type(t[::2]).__name__)
r = range(0, 20, 3)
print(list(r[::-1]), r[2], list(r[1:4]), len(r[::2]))
try:
    nums[::0]
except ValueError as e:
    print("ValueError:", e)
try:
    t[10]
except IndexError as e:
    print("IndexError:", e)
try:
    s[8]
except IndexError as e:
    print("IndexError:", e)
