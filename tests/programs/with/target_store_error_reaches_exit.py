# an error while storing the as-target (item assignment on a tuple) happens inside the block, so __exit__ sees and may suppress it
class Res:
    def __enter__(self):
        print("enter")
        return 5
    def __exit__(self, t, v, tb):
        print("exit", t.__name__ if t else None, v)
        return t is TypeError

frozen = (1, 2)
with Res() as frozen[0]:
    print("body never runs")
print("after", frozen)
