# a return value is fixed before finally runs: rebinding the variable in finally does not change it, mutating the object does
def rebind():
    x = "original"
    try:
        return x
    finally:
        x = "changed"

def mutate():
    items = ["original"]
    try:
        return items
    finally:
        items.append("added in finally")

print(rebind())
print(mutate())
