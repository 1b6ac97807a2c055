# str() prefers __str__, repr() and containers use __repr__, f-strings use format (str) unless !r; a class without __str__ falls back to __repr__
class Both:
    def __str__(self):
        return "str-form"
    def __repr__(self):
        return "Both()"

class ReprOnly:
    def __repr__(self):
        return "<ReprOnly>"

b = Both()
r = ReprOnly()
print(b, r)
print(str(b), repr(b), str(r))
print([b, r], (b,), {"k": b})
print(f"{b} {b!r} {b!s} {r} {r!r}")
print(f"[{'text'!r}] [{7!r}] [{'q'}]")
