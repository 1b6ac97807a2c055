# raising something that is not an exception, or using one as a cause, is a TypeError with CPython's wording
for thing in [42, "text", None]:
    try:
        raise thing
    except TypeError as e:
        print(e)

try:
    raise ValueError("v") from 7
except TypeError as e:
    print(e)

class NotAnError:
    pass

try:
    raise NotAnError
except TypeError as e:
    print(e)
