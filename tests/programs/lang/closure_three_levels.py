# a free variable is resolved through two enclosing functions; nonlocal in the innermost rebinds the outermost variable
def outer():
    trail = "o"
    def middle():
        def inner():
            nonlocal trail
            trail += "i"
            return trail
        inner()
        return inner
    fn = middle()
    fn()
    return trail, fn

value, fn = outer()
print(value)
print(fn())
