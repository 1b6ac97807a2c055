# break from inside three nested with blocks in a for loop: exits run innermost first, once each, and the loop else is skipped
class Tag:
    def __init__(self, name):
        self.name = name
    def __enter__(self):
        print("enter", self.name)
        return self.name
    def __exit__(self, t, v, tb):
        print("exit", self.name, t, v, tb)

for i in range(3):
    with Tag("a") as a:
        with Tag("b") as b:
            with Tag("c") as c:
                print("body", i, a + b + c)
                if i == 1:
                    break
    print("after withs", i)
else:
    print("else not reached")
print("done", i)
