# a return in finally replaces the try block's return value, even though the try's value was computed first
def pick():
    try:
        print("computing try value")
        return compute("try")
    finally:
        print("finally runs")
        return "finally"

def compute(x):
    print("compute", x)
    return x

print(pick())
