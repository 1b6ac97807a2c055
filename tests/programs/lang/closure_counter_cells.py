# closures made by separate calls have separate cells; nonlocal rebinding is seen by every closure sharing the cell
def make_counter(start):
    count = start
    def bump(by=1):
        nonlocal count
        count += by
        return count
    def peek():
        return count
    return bump, peek

bump_a, peek_a = make_counter(0)
bump_b, peek_b = make_counter(100)
bump_a()
bump_a(5)
bump_b()
print(peek_a(), peek_b())
print(bump_a(), bump_b(10))
