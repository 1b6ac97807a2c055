# finally clauses of nested try statements across three frames run innermost first, on both return and exception paths
def inner(fail):
    try:
        try:
            if fail:
                raise ArithmeticError("bottom")
            return "inner ok"
        finally:
            print("  inner finally 1")
    finally:
        print("  inner finally 2")

def middle(fail):
    try:
        return inner(fail)
    finally:
        print("  middle finally")

def outer(fail):
    try:
        return middle(fail)
    except ArithmeticError as e:
        return "outer caught " + str(e)
    finally:
        print("  outer finally")

print(outer(False))
print(outer(True))
