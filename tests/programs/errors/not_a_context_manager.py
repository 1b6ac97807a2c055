# using a plain value as a context manager is a TypeError naming its type, reported at the with line
def run(resource):
    with resource as r:
        print("using", r)

print("start")
run([1, 2, 3])
