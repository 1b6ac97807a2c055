# for/else and while/else: else runs when the loop ends without break, including a loop that runs zero times
def find(items, target):
    for i, item in enumerate(items):
        if item == target:
            print("  found at", i)
            break
    else:
        print("  not found")

find([1, 2, 3], 2)
find([1, 2, 3], 9)
find([], 1)

n = 10
steps = 0
while n != 1:
    n = n // 2 if n % 2 == 0 else 3 * n + 1
    steps += 1
else:
    print("collatz steps", steps)

k = 0
while k < 100:
    k += 7
    if k % 5 == 0:
        break
else:
    print("never")
print("stopped at", k)
while False:
    pass
else:
    print("else of a loop that never ran")
