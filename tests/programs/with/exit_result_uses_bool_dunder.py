# the truth of __exit__'s result is decided by the result's __bool__ or __len__, and only when an exception is in flight
class Verdict:
    def __init__(self, answer):
        self.answer = answer
    def __bool__(self):
        print("  __bool__ asked ->", self.answer)
        return self.answer

class Sized:
    def __init__(self, n):
        self.n = n
    def __len__(self):
        print("  __len__ asked ->", self.n)
        return self.n

class M:
    def __init__(self, result):
        self.result = result
    def __enter__(self):
        return self
    def __exit__(self, t, v, tb):
        return self.result

for result in [Verdict(True), Verdict(False), Sized(3), Sized(0)]:
    try:
        with M(result):
            raise ValueError(type(result).__name__)
        print("suppressed")
    except ValueError as e:
        print("propagated", e)

print("normal exit:")
with M(Verdict(False)):
    pass
print("no truth test on the normal path")
