# the name bound by except ... as is deleted when the handler ends, even if it existed before the try
e = "outer value"
try:
    raise ValueError("inner")
except ValueError as e:
    print("in handler:", e)
try:
    print(e)
except NameError as problem:
    print("NameError:", problem)

def local_case():
    err = 1
    try:
        1 / 0
    except ZeroDivisionError as err:
        pass
    try:
        return err
    except UnboundLocalError as problem:
        return "UnboundLocalError: " + str(problem)

print(local_case())
