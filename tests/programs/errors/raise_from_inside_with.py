# raise ... from inside a with body: the report shows the cause, "The above exception was the direct cause...", then the new error
class Step:
    def __enter__(self):
        return self
    def __exit__(self, t, v, tb):
        print("step exit", t.__name__ if t else None)

class ConfigError(Exception):
    pass

def parse(text):
    with Step():
        try:
            return int(text)
        except ValueError as e:
            raise ConfigError("bad number: " + text) from e

print(parse("12"))
print(parse("twelve"))
