# with ... as obj.inner.slot stores through an attribute chain; the chain is evaluated after __enter__ returns
class Box:
    pass

class Res:
    def __enter__(self):
        print("enter")
        return "token"
    def __exit__(self, t, v, tb):
        print("exit", holder.inner.slot)

def get_holder():
    print("evaluate target chain")
    return holder

holder = Box()
holder.inner = Box()
holder.inner.slot = "empty"
with Res() as get_holder().inner.slot:
    print("body", holder.inner.slot)
print("after", holder.inner.slot)
