"""Writes NAME.dis next to each NAME.py here: CPython 3.8's dis of the module code object and
of every nested one (depth first, co_consts order), headed like ../../../shared/dis-golden.

Usage: python3.8 gen38.py      (must be CPython 3.8; the listings are its facts, not ours)
"""
import dis, glob, io, os, re, sys

assert sys.version_info[:2] == (3, 8), "run with CPython 3.8"

def listing(code, path, parts):
    out = io.StringIO()
    dis.disassemble(code, file=out)
    parts.append("Disassembly of %s:\n%s" % (path or "<module>", re.sub(r" at 0x[0-9a-f]+", " at 0x?", out.getvalue())))
    for const in code.co_consts:
        if hasattr(const, "co_code"):
            listing(const, path + "." + const.co_name if path else const.co_name, parts)

here = os.path.dirname(os.path.abspath(__file__))
for src in sorted(glob.glob(os.path.join(here, "*.py"))):
    if src.endswith("gen38.py"):
        continue
    name = os.path.basename(src)
    parts = []
    listing(compile(open(src, encoding="utf-8").read(), name, "exec"), "", parts)
    with open(src[:-3] + ".dis", "w", encoding="utf-8") as f:
        f.write("\n".join(parts))
