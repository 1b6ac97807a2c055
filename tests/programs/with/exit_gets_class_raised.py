# raising a class (not an instance) in the body hands __exit__ a fresh instance with empty args; subclasses arrive as their own type
class AppError(Exception):
    pass

class DiskError(AppError):
    pass

class Catch:
    def __enter__(self):
        return self
    def __exit__(self, t, v, tb):
        print(t.__name__, isinstance(v, t), v.args, issubclass(t, AppError))
        return issubclass(t, AppError)

with Catch():
    raise AppError
with Catch():
    raise DiskError("sector", 7)
try:
    with Catch():
        raise ValueError
except ValueError as e:
    print("escaped", type(e).__name__, e.args)
