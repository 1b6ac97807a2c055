# except clauses are tried in order; a tuple matches any member or subclass; the first match wins even if a later one is more specific
class Base(Exception):
    pass

class Leaf(Base):
    pass

def classify(exc):
    try:
        raise exc
    except (KeyError, IndexError) as e:
        return "lookup tuple: " + type(e).__name__
    except Base:
        return "Base clause: " + type(exc).__name__
    except Leaf:
        return "Leaf clause (unreachable)"
    except Exception as e:
        return "generic: " + type(e).__name__

for exc in [KeyError("k"), IndexError(), Leaf(), Base(), ZeroDivisionError(), LookupError()]:
    print(classify(exc))
