# a starred target after with ... as collects the remaining items into a list, at the front, middle or end
class Give:
    def __init__(self, value):
        self.value = value
    def __enter__(self):
        return self.value
    def __exit__(self, t, v, tb):
        return False

with Give(range(5)) as (head, *rest):
    print(head, rest)
with Give((1, 2, 3, 4)) as (first, *middle, last):
    print(first, middle, last)
with Give("z") as (*front, end):
    print(front, end)
