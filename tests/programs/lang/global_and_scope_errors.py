# global rebinds module names from functions; assigning anywhere in a function makes a name local (UnboundLocalError before it)
total = 0
def add(n):
    global total
    total += n

def make_new():
    global created
    created = "made inside a function"

def shadow():
    total = "local"
    return total

def broken():
    print(total)
    total = 1

add(5)
add(6)
make_new()
print(total, created, shadow(), total)
try:
    broken()
except UnboundLocalError as e:
    print("UnboundLocalError:", e)
try:
    print(undefined_name)
except NameError as e:
    print("NameError:", e)
