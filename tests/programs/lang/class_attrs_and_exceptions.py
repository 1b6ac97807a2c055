# class attributes are shared until an instance assigns its own; exception subclasses with custom __init__ and __str__
class Config:
    defaults = {"mode": "fast"}
    level = 1

a = Config()
b = Config()
a.level = 5
a.defaults["extra"] = True
print(a.level, b.level, Config.level, b.defaults)
Config.level = 2
print(a.level, b.level)

class ParseError(ValueError):
    def __init__(self, line, reason):
        super().__init__(line, reason)
        self.line = line
        self.reason = reason
    def __str__(self):
        return "line " + str(self.line) + ": " + self.reason

try:
    raise ParseError(3, "unexpected token")
except ValueError as e:
    print(e, "|", e.args, "|", repr(e.reason), isinstance(e, ParseError))

class Plain(Exception):
    pass
print(str(Plain()), repr(Plain("a")), str(Plain("a", 1)), repr(KeyError("k")), str(KeyError("k")))
