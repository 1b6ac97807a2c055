# Parses many files with CPython's ast.parse in one process (for fuzz tests): prints one JSON line
# per file, {"ok": true} or the SyntaxError's type, line and message.
import ast, json, sys, warnings

warnings.simplefilter("ignore")

for path in sys.argv[1:]:
    try:
        with open(path, encoding="utf-8") as f:
            ast.parse(f.read(), path)
        print(json.dumps({"ok": True}))
    except SyntaxError as e:
        print(json.dumps({"ok": False, "type": type(e).__name__, "lineno": e.lineno, "msg": e.msg}))
    except (ValueError, UnicodeDecodeError) as e:
        print(json.dumps({"ok": False, "type": type(e).__name__, "lineno": 0, "msg": str(e)}))
