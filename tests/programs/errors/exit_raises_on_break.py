# __exit__ raises while a break leaves the with block inside a loop: the traceback points at the with line in the loop
class Once:
    def __init__(self):
        self.used = False
    def __enter__(self):
        if self.used:
            print("reused")
        self.used = True
        return self
    def __exit__(self, t, v, tb):
        raise ValueError("exit on break")

for i in range(3):
    print("iteration", i)
    with Once():
        if i == 1:
            break
        print("body", i)
