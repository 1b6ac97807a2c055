// Parser vs CPython 3.11: every corpus program (enumerated from the shared folders) and a set of
// tricky snippets of our own must give exactly the tree `ast.parse` gives, positions included.
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "../compiler/parser.js";
import { cpythonAst } from "./support/pyast.js";
import { cpythonCheck, firstDifference, pyFiles, sharedDir, UNSUPPORTED_BUT_PARSED } from "./support/parsecheck.js";

const CORPUS_DIRS = ["conformance/programs", "language/programs", "language/errors", "dis-golden"];

function expectSameTree(path: string): void {
  const ours = parse(readFileSync(path, "utf-8"), basename(path));
  const theirs = cpythonAst(path);
  expect(firstDifference(ours, theirs)).toBeNull();
}

describe("corpus language/errors/unsupported (parsed ones)", () => {
  const files = pyFiles(sharedDir("language/errors/unsupported")).filter((f) => UNSUPPORTED_BUT_PARSED.includes(basename(f)));
  it("has all three", () => expect(files.length).toBe(UNSUPPORTED_BUT_PARSED.length));
  it.each(files.map((f) => [basename(f), f]))("%s", (_name, path) => expectSameTree(path));
});

describe.each(CORPUS_DIRS)("corpus %s", (dir) => {
  const files = pyFiles(sharedDir(dir));
  it("is not empty", () => expect(files.length).toBeGreaterThan(0));
  // Files CPython cannot parse are the parse-errors test's business; python3 decides which.
  const parsable = files.filter((f) => cpythonCheck(f, "parse").ok);
  it.each(parsable.map((f) => [basename(f), f]))("%s", (_name, path) => expectSameTree(path));
});

/** Programs of the same kinds as the corpus, written to stress spacing, nesting and positions. */
const SNIPPETS: Record<string, string> = {
  literals: `x = 0x_1F + 0o17 + 0b1010 + 1_000_000 + 0
y = 1.5 + .5 + 5. + 1e10 + 1E-3 + 1_0.0_1e+1_0 + 0e0 + 00 + 0.0
s = 'a' "b" '''c''' """d""" r'\\n' R"\\t" u'u' U"x"
e = "\\n\\t\\\\\\'\\"\\a\\b\\f\\v\\r\\x41\\u00e9\\U0001F600\\101\\7\\q\\
continued"
n = None, True, False, ...
`,
  fstrings: `a = f'a{b!r:>{w}}c' 'd' f"{e=}"
b = f"{x = }" f"{y!s}" F"{z!a:^10}"
c = f"{x=!r:>4}" f''
d = f"" ""
e = "" f"{x}" "a" f"b"
g = f"{x:{'a'}{y}z}" rf"\\d{x}" fR'{x}\\n'
h = f"a{{b}}\\n{x!a}}}{{"
i = f"{ {1: 2}[1] }" f"{a, b}" f"{(a, b)}" f"{[1, 2][0]:05d}"
j = f'''multi
  {y}
line {z:>{width}.{prec}f}'''
k = f"{x:}" f"{'nested' + f'{y}'}" f"{(lambda: 1)}"
def gen():
    yield f"{(yield)}" f"{yield}"
l = f"{3.14:.2f}" f"{x!r}" f"{ x }" f"{x=:.2f}"
m = f"caf\\u00e9 {x}" f"é{y}"
`,
  fstring_spec_spans: `b = f"{x}" f"{z:^10}" "tail"
c = f"{x}" f"{z:^10}{y:>3}" f"{q:{w}}" f"{e:ab{r}c}"
d = (f"{x}"
  f"{z:^10{w}}"
  "tail")
`,
  strings_unicode: `s = "héllo wörld"; t = 'π' + "😀" + x
print("日本語", s)
`,
  operators: `x = a + b - c * d / e // f % g ** h @ i
y = -a ** -b, ~a, +a, not a
z = a << 1 >> 2 & 3 | 4 ^ 5
w = a < b <= c > d >= e == f != g in h not in i is j is not k
v = a and b or c and not d or e
u = (a + b) * c, (a)(b), (a).b, (a)[b], ((a)) + 1
t = a if b else c if d else e
q = lambda: 0
r = lambda x, y=1, *a, k, m=2, **kw: x
p = lambda x, /, y: x
`,
  calls_subscripts: `f()
f(a, b, *c, d=1, **e)
f(*a, *b, k=1, *c, **d, **e)
f(x for x in y)
f((x for x in y), z)
f(a)(b)(c).d[e][f:g][::h][i:j:k][l, m:n, ...]
a[1:2, 3]
a[:]
a[::]
a[b:]
a[:, None]
a[*b]
a[(1, 2)]
obj.method(
    arg1,
    arg2,
)
`,
  displays: `l = [], [1], [1, 2,], [*a, *b], [[1], [2]]
t = (), (1,), (1, 2), 1, 2
s = {1}, {1, 2, *a}
d = {}, {1: 2}, {**a, 'b': 3, **c}, {1: 2, 3: 4,}
c = [x for x in y if x if z for w in x], {x for x in y}, {k: v for k, v in d.items()}
g = (x for x in y)
n = [[x * y for x in range(3)] for y in range(3)]
m = [(a, b) for a, *b in c]
`,
  assignments: `a = 1
a = b = c = 1
a, b = 1, 2
(a, b) = [c, d] = e
a, *b = c
[a, [b, *c]] = d
a.b = c[d] = e
x += 1; y -= 2; z *= 3; w /= 4; v //= 5; u %= 6; t **= 7; s >>= 8; r <<= 9; q &= 1; p |= 2; o ^= 3; n @= 4
a.b += 1
a[1] += 2
x: int
x: int = 5
(y): int = 1
a.b: str
a[0]: int = 1
x = yield
x = yield 1, 2
x = yield from y
x = *a, *b
`,
  statements: `import sys
import a.b.c as d, e
from contextlib import contextmanager, suppress
from . import x
from .. import (y, z,)
from .m import *
from ...pkg.mod import a as b
global g1, g2
del a, b[1], c.d, (e, f), [g]
del (a)
del a,
assert x
assert x, "msg"
raise
raise E
raise E("x") from None
pass; pass;
if x: pass
elif y: pass
else: pass
while x: break
else: continue
for x in y: pass
else: pass
for x, y in z: pass
for (x, y), *z in w: pass
for x, in y: pass
for x in y, z: pass
`,
  compound: `@decorator
@decorator.attr(1)
@a[0].b
def f(a, b=1, *args, c, d=2, **kwargs) -> int:
    """doc"""
    return a

def g(a, b, /, c, *, d): return

def h(x,): pass

def k(*, a=1, b): pass

def m(a=1, /, b=2, *c): pass

class A: pass

class B(A, metaclass=M, **kw):
    x = 1

    def method(self):
        nonlocal_thing = 1

@dataclass
class C(Base):
    pass

def outer():
    x = 0
    def inner():
        nonlocal x
        global y
        x += 1
        yield x
        yield
        yield from inner()
        return (yield)
    return inner
`,
  try_with: `try:
    pass
except ValueError:
    pass
except (TypeError, KeyError) as e:
    pass
except:
    pass
else:
    pass
finally:
    pass

try: x
finally: y

with a: pass
with a as b: pass
with a as b, c as d: pass
with a as (b, c): pass
with a as [b, c]: pass
with a as b.c, d as e[0]: pass
with (a, b): pass
with (a as b, c as d): pass
with (a as b, c as d,): pass
with (a, b) as c: pass
with (a) as b: pass
with (a): pass
with (yield): pass
with (a for a in b): pass
with (
    open() as f,
    other() as g,
):
    pass
`,
  layout: `# comment
x = 1  # trailing comment

if x:
    # comment in block

    y = 2
	# tab-indented comment
    z = (1 +
         2)
    w = 1 + \\
        2
def f(
    a,
    b,
):
    return [
        1,
        2,
    ]
if a:
        deep = 1
        if b:
                deeper = 2
else:
  shallow = 3
x = 1;
y = {
}
`,
  tabs: "if x:\n\ty = 1\n\tif z:\n\t\tw = 2\n",
  soft_keywords: `match = 3
match(x)
match.attr = 1
match[0] = 2
case = 4
_ = match + case
print(match, case)
def match(): pass
match = [1, 2]
`,
  no_trailing_newline: "x = 1\nif x:\n    y = 2",
  only_comments: "# just a comment\n",
  empty: "",
  crlf: "x = 1\r\nif x:\r\n    y = 2\r\n",
  walrus_free_conditions: `while (line := 1) is None: pass`.replace(/.*/, "while (x) is None: pass"),
  multiline_expr: `result = round(
    ratio(a,
          b),
    2,
)
value = (
    first
    + second
)
call = f(
    a
)(b)
`,
  strings_multiline: `s = """line one
line two "quoted" \\
continued"""
t = ('implicit '
     'concatenation '
     f'with {field}')
`,
};

describe("snippets of our own", () => {
  const dir = mkdtempSync(join(tmpdir(), "withvm-parser-"));
  it.each(Object.entries(SNIPPETS))("%s", (name, source) => {
    const path = join(dir, `${name}.py`);
    writeFileSync(path, source);
    expect(cpythonCheck(path, "parse")).toEqual({ ok: true });
    expectSameTree(path);
  });
});
