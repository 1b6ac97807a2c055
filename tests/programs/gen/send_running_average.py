# a coroutine-style generator keeps state across send() calls; the value of a yield expression is what send() passed in
def averager():
    total = 0.0
    count = 0
    average = None
    while True:
        value = yield average
        if value is None:
            return (count, average)
        total += value
        count += 1
        average = total / count

avg = averager()
next(avg)
for v in [10, 20, 5, 1]:
    print(avg.send(v))
try:
    avg.send(None)
except StopIteration as stop:
    print("final", stop.value)
