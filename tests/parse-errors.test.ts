// Bad input: CPython 3.11's SyntaxError/IndentationError (type, line, message) for the corpus's
// syntax_* programs and for snippets of our own, and a named refusal for valid Python outside
// the subset. Errors that CPython raises after parsing (in its compiler) must parse cleanly here.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { PySyntaxError } from "../compiler/errors.js";
import { parse } from "../compiler/parser.js";
import { cpythonAst } from "./support/pyast.js";
import { cpythonCheck, firstDifference, pyFiles, sharedDir, UNSUPPORTED_BUT_PARSED, type PyCompileResult } from "./support/parsecheck.js";

/**
 * Messages CPython raises in its compiler or symbol table, not its parser: parse() must accept
 * these programs and leave the error to scope analysis / codegen.
 */
const COMPILE_STAGE_MESSAGES = [
  /^'return' outside function$/,
  /^'break' outside loop$/,
  /^'continue' not properly in loop$/,
  /^'yield' outside function$/,
  /^nonlocal declaration not allowed at module level$/,
  /^too many statically nested blocks$/,
  /^duplicate argument '.*' in function definition$/,
  /^keyword argument repeated: /,
  /^can't use starred expression here$/,
  /^starred assignment target must be in a list or tuple$/,
  /^multiple starred expressions in assignment$/,
  /^name '.*' is (parameter|assigned to before|used prior to) .*(global|nonlocal) declaration$/,
  /^no binding for nonlocal '.*' found$/,
];

function isCompileStage(msg: string): boolean {
  return COMPILE_STAGE_MESSAGES.some((re) => re.test(msg));
}

function parseError(source: string, filename: string): PySyntaxError {
  try {
    parse(source, filename);
  } catch (e) {
    if (e instanceof PySyntaxError) return e;
    throw e;
  }
  throw new Error("parse() accepted the program");
}

const withoutCarets = (text: string): string =>
  text.split("\n").filter((line) => !/^\s*[~^]+\s*$/.test(line)).join("\n");

describe("corpus syntax_*.py", () => {
  const files = pyFiles(sharedDir("language/errors")).filter((f) => basename(f).startsWith("syntax_"));
  it("is not empty", () => expect(files.length).toBeGreaterThan(0));
  it.each(files.map((f) => [basename(f), f]))("%s", (name, path) => {
    const err = readFileSync(path.replace(/\.py$/, ".err"), "utf-8");
    const lines = err.trimEnd().split("\n");
    const [type, ...rest] = lines[lines.length - 1].split(": ");
    const msg = rest.join(": ");
    const lineno = Number(/line (\d+)/.exec(lines[0])![1]);
    const source = readFileSync(path, "utf-8");
    // Cross-check the message table against CPython itself: ast.parse fails iff parse-stage.
    expect(cpythonCheck(path, "parse").ok).toBe(isCompileStage(msg));
    if (isCompileStage(msg)) {
      expect(() => parse(source, name)).not.toThrow();
      return;
    }
    const e = parseError(source, name);
    expect({ type: e.type, lineno: e.lineno, msg: e.msg }).toEqual({ type, lineno, msg });
    expect(withoutCarets(e.report())).toBe(withoutCarets(err));
  });
});

describe("errors/unsupported", () => {
  const NAMES: Record<string, string> = {
    "async_def.py": "'async def'",
    "match_statement.py": "'match' statements",
    "walrus_comprehension.py": "assignment expressions (:=)",
    "except_star.py": "'except*'",
  };
  const files = pyFiles(sharedDir("language/errors/unsupported")).filter((f) => !UNSUPPORTED_BUT_PARSED.includes(basename(f)));
  it("covers every rejected file", () => expect(files.map((f) => basename(f)).sort()).toEqual(Object.keys(NAMES).sort()));
  it.each(files.map((f) => [basename(f), f]))("%s is refused by name", (name, path) => {
    const e = parseError(readFileSync(path, "utf-8"), name);
    expect(e.type).toBe("SyntaxError");
    expect(e.msg).toMatch(/ (is|are) not supported by withvm$/);
    expect(e.msg).toContain(NAMES[name]);
  });
});

/** Bad input of our own; CPython's parser (ast.parse) is the oracle for type, line and message. */
const BAD_SNIPPETS: string[] = [
  // assignment targets
  "f() = 1", "x = f() = 1", "1 = x", "None = 1", "True = 1", "... = 1", "(a, 1) = x", "[a, f()] = 1",
  "a, f() = 1", "f(), a = 1", "x + 1 = 2", "lambda: 1 = 2", "a < b = 1", "not a = 1", "x = yield = 1",
  "f() += 1", "a, b += 1", "[a] += 1", "del f()", "del *a", "del a + 1", "del (a, f())",
  "for f() in x: pass", "for x + 1 in y: pass", "with a as f(): pass", "[x for f() in y]",
  "a if b else c = 1", "{a: b} = 1", "{a} = 1", "f'{x}' = 1", "'s' = 1", "[x for x in y] = 1", "(x for x in y) = 1",
  "a.b: int = 1\n(a, b): int", "[a]: int", "a, b: int", "f(): int",
  // missing colons and blocks
  "if x\n  pass", "while x\n  pass", "for x in y\n  pass", "def f()\n  pass", "def f() -> x pass", "class A\n  pass",
  "with a as b\n  pass", "try\n  pass", "try:\n  pass\nexcept\n  pass", "try:\n  pass\nfinally\n  pass",
  "if x:\n  pass\nelse\n  pass", "if x:\n  pass\nelif y\n  pass",
  "if x:\npass", "while x:\npass", "for x in y:\npass", "def f():\npass", "class A:\npass", "with a:\npass",
  "try:\npass", "try:\n  x\nexcept:\npass", "try:\n  x\nfinally:\npass", "if x:\n  pass\nelse:\npass",
  "if x:\n  pass\nelif y:\npass", "for x in y:\n  pass\nelse:\npass", "try:\n  x\nexcept E as e:\npass",
  "if x:\n", "if x:", "def f():\n  # only a comment\n", "try:\n  pass\n", "try:\n  pass\nx = 1",
  // indentation
  "x = 1\n  y = 2", "if x:\n    a\n  b", "def f():\n  x = 1\n y = 2", "\tif x:\n", "  x = 1",
  "if x:\n  a\n    b", "if x:\n\tpass\n        pass",
  // brackets
  "x = (1, 2", "x = [1,\n2,\n", "x = {", "x = )", "x = ]", "x = (]", "x = (\n]", "f(a, b))",
  "x = (1 2\ny = 3", "x = (1 2", "foo(a b)", "[a b]", "x = [1, 2 3]", "{1: 2 3: 4}", "f(a, b c)",
  // tokens
  "a $ b", "a ? b", "a ! b", "a € b", "x = 1_", "x = 1__0", "x = 012", "x = 0b12", "x = 0o8", "x = 0x", "x = 0xg",
  "x = 1e", "x = 1e+", "x = 1abc", "x = 1.5_", "x = \\ 1", "x = 1 \\", "x = 'abc", "x = \"abc\ny = 1",
  "x = '''abc\n\ny = 1", "x = \"\"\"abc", "x = 'a\\\nb", "x = = 1\ny = \"abc", "x = '\\x4'", "x = '\\u12'",
  "x = '\\U0011ffff'", "x = 'a' b'b'", "x = b'a' f'{b}'",
  // f-strings
  "f'{}'", "f'{ }'", "f'{a!x}'", "f'{a'", "f'}'", "f'{a b}'", "f'{a!}'", "f'{a:{b:{c}}}'", "f'{#}'",
  "f'{a)}'", "f'{(a}'", "f'{a['", "f'{\"a}'", "f'{lambda: 1}'", "f'{a!r=}'",
  // calls and parameters
  "f(a=1, b)", "f(**a, b)", "f(**a, *b)", "f(x for x in y, 1)", "f(1, x for x in y)", "f(a.b=1)", "f(a=)", "f(*)",
  "f(a, *)", "f(1=2)", "f(True=1)", "def f(a=1, b): pass", "def f(*): pass", "def f(*, **k): pass", "def f(**k, a): pass",
  "def f(a, /, b, /): pass", "def f(*, a, /): pass", "def f(*a, *b): pass", "def f(/): pass", "def f(*a=1): pass",
  "def f(**k=1): pass", "def f(a=): pass", "lambda a=1, b: 0", "lambda *: 0", "def f(a b): pass", "def f(1): pass",
  "def f:\n  pass", "def (): pass", "class (A): pass", "class A(: pass",
  // expressions
  "x = 1 if y", "x = a if b else", "x = not", "x = 1 +", "x = 5 ^", "x = yield from", "x = [i for i in]",
  "x = {1: }", "x = {1:2, 3}", "x = [x, y for x, y in z]", "x = (a, b for a, b in c)", "x.1", "x = a..b",
  "x = (yield) = 1", "x = *", "print 'x'", "print x, y", "exec 'x'", "x = 1; ;", "x = a b", "if x = 1: pass",
  "if f() = 1: pass", "while x = 1: pass", "x = [a = 1]", "x = {a = 1}", "x = (a.b = 1)", "a := 1", "(a.b := 1)",
  "x = lambda: yield", "import", "import a.b as", "import a as b.c", "from . import", "from x import a,",
  "from x import (a, b", "from x import *, a", "from x import a as", "global", "global x,", "del", "assert",
  "raise x from", "return x y", "pass pass", "else: pass", "elif x: pass", "except: pass", "finally: pass",
  "x = 1 = 2", "@\ndef f(): pass", "@dec\nx = 1", "with a b: pass", "with (a as b) as c: pass",
  "for x in y pass", "for in y: pass", "for x y: pass", "try:\n  x\nexcept A, B:\n  pass",
  "try:\n  x\nelse:\n  pass", "try:\n  x\nexcept:\n  pass\nexcept A:\n  pass\nfinally:\n  pass\nelse:\n  pass",
  "if x:\n  pass\nelse:\n  pass\nelse:\n  pass", "class A(x for x in y): pass", "nonlocal", "x = [1, 2,, 3]",
  "f(,)", "x = (,)", "x = a[]", "x = a[1:2:3:4]", "def f(a, a=1, *, b, **c, d): pass", "x = 1 if 2 else",
];

describe("bad snippets of our own match CPython", () => {
  const dir = mkdtempSync(join(tmpdir(), "withvm-bad-"));
  it.each(BAD_SNIPPETS.map((s, k) => [JSON.stringify(s), s, k] as const))("%s", (_label, source, k) => {
    const path = join(dir, `bad${k}.py`);
    writeFileSync(path, source);
    const cpython = cpythonCheck(path, "parse");
    expect(cpython.ok).toBe(false);
    const e = parseError(source, `bad${k}.py`);
    // CPython raises TabError, a subclass of IndentationError that our error type folds in.
    const type = cpython.type === "TabError" ? "IndentationError" : cpython.type;
    expect({ type: e.type, lineno: e.lineno, msg: e.msg }).toEqual({ type, lineno: cpython.lineno, msg: cpython.msg });
  });
});

/**
 * Light fuzzing: every corpus program cut at random points and with single characters replaced.
 * parse() must only ever return a tree or throw PySyntaxError (never crash or hang), must accept
 * exactly what CPython accepts (bar constructs we refuse by name), and should report CPython's
 * error. The error comparison allows a small share of misses: CPython's PEG parser picks among
 * its specialised messages by backtracking order, which a one-pass parser can only approximate.
 */
describe("fuzzed corpus programs", () => {
  const files = ["conformance/programs", "language/programs", "language/errors", "dis-golden"].flatMap((d) => pyFiles(sharedDir(d)));
  let seed = 20261122;
  const random = (n: number): number => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed % n;
  };
  const INSERTS = ["(", ")", ":", '"', "'", " ", "\n", "\t", "#", "\\", "=", "x", "1", "{", "}", "[", "]", ",", ".", "@", "*", "$", "é", "f", "if ", "    ", "not ", "lambda ", "yield ", "for ", "else", "'''", "f'{", "}'"];
  const cases: string[] = [];
  for (const f of files) {
    const src = readFileSync(f, "utf-8");
    for (let k = 0; k < 8; k++) cases.push(src.slice(0, random(src.length)));
    for (let k = 0; k < 12; k++) {
      const at = random(src.length);
      cases.push(src.slice(0, at) + INSERTS[random(INSERTS.length)] + src.slice(at + random(3)));
    }
  }

  it("agrees with CPython", () => {
    const dir = mkdtempSync(join(tmpdir(), "withvm-fuzz-"));
    const paths = cases.map((c, k) => {
      const path = join(dir, `case${k}.py`);
      writeFileSync(path, c);
      return path;
    });
    const batch = fileURLToPath(new URL("./support/pybatch.py", import.meta.url));
    const verdicts: PyCompileResult[] = [];
    for (let k = 0; k < paths.length; k += 400) {
      const out = execFileSync("python3", [batch, ...paths.slice(k, k + 400)], { encoding: "utf-8", maxBuffer: 1 << 26 });
      verdicts.push(...out.trim().split("\n").map((line) => JSON.parse(line) as PyCompileResult));
    }
    expect(verdicts.length).toBe(cases.length);
    const misses: string[] = [];
    let rejected = 0;
    cases.forEach((source, k) => {
      const started = performance.now();
      let error: PySyntaxError | null = null;
      try {
        parse(source, "case.py");
      } catch (e) {
        if (!(e instanceof PySyntaxError)) throw new Error(`${paths[k]}: ${String(e)}`);
        error = e;
      }
      expect(performance.now() - started, paths[k]).toBeLessThan(2000);
      const py = verdicts[k];
      if (error?.msg.endsWith("not supported by withvm")) return;
      expect(error === null, `${paths[k]}: ours ${error?.msg}, CPython ${py.msg}`).toBe(py.ok);
      if (!error) return;
      rejected++;
      const type = py.type === "TabError" ? "IndentationError" : py.type;
      if (error.type !== type || error.lineno !== py.lineno || error.msg !== py.msg) {
        misses.push(`${paths[k]}: ours ${error.type}:${error.lineno}: ${error.msg} | CPython ${py.type}:${py.lineno}: ${py.msg}`);
      }
    });
    expect(rejected).toBeGreaterThan(cases.length / 3);
    // Mutants CPython accepts must also give its exact tree (a sample, one python3 run each).
    const accepted = paths.filter((_p, k) => verdicts[k].ok);
    for (const path of accepted.filter((_p, k) => k % 8 === 0)) {
      const ours = parse(readFileSync(path, "utf-8"), "case.py");
      expect(firstDifference(ours, cpythonAst(path)), path).toBeNull();
    }
    // Lines and types must always agree; only a message may differ, rarely.
    expect(misses.filter((m) => !/ours (\w+):(\d+):.*\| CPython \1:\2:/.test(m))).toEqual([]);
    expect(misses.length, misses.join("\n")).toBeLessThan(rejected / 100);
  });
});

/** Valid Python (ast.parse accepts it) outside the subset: refused at parse time, by name. */
const UNSUPPORTED_SNIPPETS: [string, string][] = [
  ["async def f():\n    pass\n", "'async def'"],
  ["@dec\nasync def f():\n    pass\n", "'async def'"],
  ["def f():\n    return await g()\n", "'await'"],
  ["async with a:\n    pass\n", "'async with'"],
  ["async for x in y:\n    pass\n", "'async for'"],
  ["def f():\n    return [x async for x in y]\n", "asynchronous comprehensions"],
  ["match x:\n    case 1:\n        pass\n", "'match' statements"],
  ["match (x, y):\n    case _:\n        pass\n", "'match' statements"],
  ["match x, y:\n    case _:\n        pass\n", "'match' statements"],
  ["match -x:\n    case _:\n        pass\n", "'match' statements"],
  ["if (n := 10) > 5:\n    pass\n", "assignment expressions (:=)"],
  ["print([y := 1, y])\n", "assignment expressions (:=)"],
  ["f(x := 1)\n", "assignment expressions (:=)"],
  ["try:\n    pass\nexcept* ValueError:\n    pass\n", "'except*'"],
  ["x = b'bytes'\n", "bytes literals"],
  ["x = b'a' rb'b'\n", "bytes literals"],
  ["x = 1j\n", "complex literals"],
  ["x = 2.5e3J\n", "complex literals"],
  ["x = '\\N{BULLET}'\n", "\\N{...} escapes"],
];

describe("unsupported snippets are refused by name", () => {
  const dir = mkdtempSync(join(tmpdir(), "withvm-unsupported-"));
  it.each(UNSUPPORTED_SNIPPETS.map(([source, name], k) => [JSON.stringify(source), source, name, k] as const))("%s", (_label, source, name, k) => {
    const path = join(dir, `u${k}.py`);
    writeFileSync(path, source);
    expect(cpythonCheck(path, "parse")).toEqual({ ok: true });
    const e = parseError(source, `u${k}.py`);
    expect(e.msg).toBe(`${name} ${name.endsWith("s") ? "are" : "is"} not supported by withvm`);
  });
});

describe("runaway nesting stops with a SyntaxError, never a JS stack overflow", () => {
  const DEEP = [
    "x = " + "-".repeat(20000) + "x",
    "x = " + "not ".repeat(20000) + "x",
    "x = " + "lambda: ".repeat(5000) + "x",
    "x = " + "(".repeat(199) + ")".repeat(199),
    "x = " + "(".repeat(5000) + ")".repeat(5000),
    "x = " + "[".repeat(5000),
    "x = " + "a.".repeat(20000) + "a",
    "x = " + "1 + ".repeat(20000) + "1",
    "x = " + "f(".repeat(150) + ")".repeat(150),
    "x = " + "y if z else ".repeat(3000) + "w",
    Array.from({ length: 120 }, (_, k) => " ".repeat(k) + "if x:").join("\n") + "\n" + " ".repeat(120) + "pass\n",
    "x = f'" + "{".repeat(50) + "x" + "}".repeat(50) + "'",
  ];
  it.each(DEEP.map((s) => [s.slice(0, 40), s] as const))("%s…", (_label, source) => {
    try {
      parse(source, "deep.py");
    } catch (e) {
      expect(e).toBeInstanceOf(PySyntaxError);
    }
  });
});
