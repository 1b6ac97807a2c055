# a KeyError raised in a method called from a with body: frames for the module, the method, and its helper; repr of the key
class Registry:
    def __init__(self):
        self.items = {"alpha": 1}
    def lookup(self, name):
        return self._get(name)
    def _get(self, name):
        return self.items[name]

class Session:
    def __enter__(self):
        return Registry()
    def __exit__(self, t, v, tb):
        print("session closed")

with Session() as reg:
    print(reg.lookup("alpha"))
    print(reg.lookup("beta"))
