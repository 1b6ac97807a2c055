# Dumps CPython's own `ast.parse` of a file as JSON in the shape of compiler/ast.ts, so tests
# (and codegen work) can compare against the reference parser. Columns become code-point
# offsets; ints, floats and Ellipsis are tagged because JSON cannot carry them exactly.
import ast, json, sys

def main(path):
    src = open(path, encoding="utf-8").read()
    lines = src.splitlines(True)
    tree = ast.parse(src, filename=path)

    def col(lineno, byte_col):
        if lineno is None or byte_col is None:
            return byte_col
        if lineno - 1 >= len(lines):
            return byte_col
        return len(lines[lineno - 1].encode("utf-8")[:byte_col].decode("utf-8", "replace"))

    def const(v):
        if v is None or isinstance(v, (bool, str)):
            return v
        if isinstance(v, int):
            return {"$int": str(v)}
        if isinstance(v, float):
            return {"$float": repr(v)}
        if v is Ellipsis:
            return {"$ellipsis": True}
        raise SystemExit("unsupported constant %r" % (v,))

    def conv(node):
        if isinstance(node, list):
            return [conv(n) for n in node]
        if isinstance(node, (ast.expr_context, ast.boolop, ast.operator, ast.unaryop, ast.cmpop)):
            return type(node).__name__
        if not isinstance(node, ast.AST):
            return node
        out = {"kind": type(node).__name__}
        for field in node._fields:
            if field in ("type_comment", "type_ignores", "kind") and not isinstance(node, ast.Constant):
                continue
            if isinstance(node, ast.Constant) and field == "kind":
                continue
            v = getattr(node, field, None)
            out[field] = const(v) if isinstance(node, ast.Constant) and field == "value" else conv(v)
        if hasattr(node, "lineno"):
            out["lineno"] = node.lineno
            out["col_offset"] = col(node.lineno, node.col_offset)
            out["end_lineno"] = node.end_lineno
            out["end_col_offset"] = col(node.end_lineno, node.end_col_offset)
        return out

    json.dump(conv(tree), sys.stdout)

main(sys.argv[1])
