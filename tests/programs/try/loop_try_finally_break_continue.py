# break and continue inside a try body run the finally clause on the way out; return inside a loop inside try runs it once
def scan(items):
    log = []
    for x in items:
        try:
            if x < 0:
                continue
            if x == 0:
                break
            log.append(x)
        finally:
            log.append("f" + str(x))
    return log

def first_big(items):
    try:
        for x in items:
            if x > 10:
                return x
    finally:
        print("  first_big finally")

print(scan([3, -1, 4, 0, 5]))
print(first_big([1, 20, 30]))
print(first_big([1]))
