# the return expression is evaluated before __exit__ runs: __exit__ rebinding a global or a local cell does not change the value returned
counter = 10

class Bump:
    def __enter__(self):
        return self
    def __exit__(self, t, v, tb):
        global counter
        print("exit sees counter", counter)
        counter = 99

def read():
    with Bump():
        return counter + 1

print(read(), counter)

def nested():
    box = ["before"]
    class Change:
        def __enter__(self):
            return box
        def __exit__(self, t, v, tb):
            box[0] = "after"
    with Change() as b:
        return b[0], b
print(nested())
