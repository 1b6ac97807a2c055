# __exit__ is looked up once when the with starts: replacing it on the class inside the body affects only later with statements
class M:
    def __enter__(self):
        return self
    def __exit__(self, t, v, tb):
        print("original exit")

def replacement(self, t, v, tb):
    print("replacement exit")

with M():
    M.__exit__ = replacement
    print("rebound inside body")
with M():
    print("second with")
