// Compile-stage SyntaxErrors (scope analysis and codegen; parse-stage ones belong to the
// parser's tests): every such program in ../shared/language/errors gives CPython 3.11's report,
// a set of snippets is checked against python3 itself, and unsupported constructs are refused.
import { afterAll, describe, expect, it } from "vitest";
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { compile } from "../compiler/compile.js";
import { PySyntaxError } from "../compiler/errors.js";
import { expectedSyntaxError, pyFiles, shared } from "./support/corpus.js";

function compileError(path: string): PySyntaxError {
  const name = path.split("/").pop()!;
  try {
    compile(readFileSync(path, "utf-8"), name);
  } catch (e) {
    if (e instanceof PySyntaxError) return e;
    throw e;
  }
  throw new Error(`${name} compiled without error`);
}

/** Whether CPython's parser accepts the file (so any error is a compile-stage one). */
function parses(path: string): boolean {
  try {
    execFileSync("python3", ["-c", "import ast,sys; ast.parse(open(sys.argv[1]).read())", path], { stdio: "pipe" });
    return true;
  } catch {
    return false;
  }
}

describe("compile-stage errors in language/errors", () => {
  const files = pyFiles(shared + "language/errors/").filter(
    (p) => p.split("/").pop()!.startsWith("syntax_") && expectedSyntaxError(p) !== null && parses(p),
  );
  it("finds them", () => expect(files.length).toBeGreaterThan(0));
  for (const path of files) {
    it(path.split("/").pop()!, () => {
      const want = expectedSyntaxError(path)!;
      const err = compileError(path);
      expect(err.type).toBe(want.type);
      expect(err.lineno).toBe(want.lineno);
      expect(err.msg).toBe(want.msg);
      expect(err.report()).toBe(want.report);
    });
  }
});

const nest = (n: number, line: (i: number) => string, body = "pass") => {
  let src = "def f(x):\n";
  for (let i = 0; i < n; i++) src += "    ".repeat(i + 1) + line(i) + "\n";
  return src + "    ".repeat(n + 1) + body + "\n";
};

const SNIPPETS: Record<string, string> = {
  global_after_use: "def f():\n    print(x)\n    global x\n",
  global_after_assign: "def f():\n    x = 1\n    global x\n",
  global_param: "def f(x):\n    global x\n",
  nonlocal_after_assign: "def g():\n    x = 0\n    def f():\n        x = 1\n        nonlocal x\n",
  nonlocal_after_use: "def g():\n    x = 0\n    def f():\n        print(x)\n        nonlocal x\n",
  nonlocal_no_binding: "def g():\n    def f():\n        nonlocal zz\n        zz = 1\n",
  nonlocal_module: "x = 1\nnonlocal x\n",
  nonlocal_and_global: "def g():\n    x = 1\n    def f():\n        global x\n        nonlocal x\n",
  yield_module: "x = 1\nyield x\n",
  yield_class: "class C:\n    yield 1\n",
  yield_listcomp: "def f():\n    return [(yield i) for i in range(3)]\n",
  return_module: "print(1)\nreturn 2\n",
  return_class: "class C:\n    return 1\n",
  break_module: "if True:\n    break\n",
  break_in_function_in_loop: "for i in range(3):\n    def f():\n        break\n",
  continue_module: "continue\n",
  continue_in_finally_ok_but_class: "while True:\n    class C:\n        continue\n",
  blocks_for_20_ok: nest(20, (i) => `for i${i} in x:`),
  blocks_for_21: nest(21, (i) => `for i${i} in x:`),
  blocks_while_21: nest(21, (i) => `while x${i}:`),
  blocks_with_21: nest(21, (i) => `with x${i}:`),
  blocks_with_items: nest(10, (i) => `with a${i}, b${i}:`, "with c:\n" + "    ".repeat(12) + "pass"),
  blocks_try_21: nestedTry(21),
  blocks_try_20_ok: nestedTry(20),
  blocks_handler_19: nest(19, (i) => `for i${i} in x:`, block(20, ["try:", " pass", "except E:", " pass"])),
  blocks_handler_18: nest(18, (i) => `for i${i} in x:`, block(19, ["try:", " pass", "except E as e:", " pass"])),
  blocks_handler_17_ok: nest(17, (i) => `for i${i} in x:`, block(18, ["try:", " pass", "except E as e:", " for y in x:", "  pass"])),
  blocks_finally_19: nest(19, (i) => `for i${i} in x:`, block(20, ["try:", " pass", "finally:", " for z in x:", "  pass"])),
  default_except_not_last: "try:\n    pass\nexcept:\n    pass\nexcept ValueError:\n    pass\n",
  starred_twice: "a, *b, *c = range(5)\n",
  starred_alone: "*a = range(5)\n",
  starred_load: "x = *a\n",
};

/** Lines after the first indented by their leading spaces (one per level) below `level`. */
function block(level: number, lines: string[]): string {
  return lines
    .map((l, i) => {
      const depth = l.length - l.trimStart().length;
      return (i === 0 ? "" : "    ".repeat(level + depth)) + l.trimStart();
    })
    .join("\n");
}

function nestedTry(n: number): string {
  let src = "def f():\n";
  for (let i = 0; i < n; i++) src += "    ".repeat(i + 1) + "try:\n";
  src += "    ".repeat(n + 1) + "pass\n";
  for (let i = n; i > 0; i--) src += "    ".repeat(i) + "finally:\n" + "    ".repeat(i + 1) + "pass\n";
  return src;
}

describe("compile-stage errors match python3", () => {
  const dir = mkdtempSync(join(tmpdir(), "withvm-errors-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  for (const [name, source] of Object.entries(SNIPPETS)) {
    if (!source) continue;
    it(name, () => {
      const path = join(dir, `${name}.py`);
      writeFileSync(path, source);
      if (!parses(path)) {
        // A parse-stage error is the parser's business; say so rather than pass silently.
        console.log(`${name}: rejected by CPython's parser, not a compile-stage case`);
        return;
      }
      let stderr = "";
      try {
        execFileSync("python3", [path], { stdio: "pipe", cwd: dir });
      } catch (e) {
        stderr = String((e as { stderr: Buffer }).stderr);
      }
      let ours: PySyntaxError | null = null;
      try {
        compile(source, `${name}.py`);
      } catch (e) {
        if (!(e instanceof PySyntaxError)) throw e;
        ours = e;
      }
      const cpython = /^SyntaxError: /m.test(stderr) ? stderr.slice(stderr.indexOf(`  File "`)) : null;
      if (cpython === null) {
        expect(ours?.report() ?? null).toBeNull();
        return;
      }
      expect(ours).not.toBeNull();
      expect(ours!.report()).toBe(cpython.replaceAll(path, `${name}.py`));
    });
  }
});

describe("unsupported constructs", () => {
  it("multiple inheritance is refused at the class statement", () => {
    const path = shared + "language/errors/unsupported/multiple_inheritance_mro.py";
    const err = compileError(path);
    expect(err.type).toBe("SyntaxError");
    expect(err.msg).toBe("multiple inheritance is not supported by withvm");
    const line = readFileSync(path, "utf-8").split("\n").findIndex((l) => l.startsWith("class Child(Left, Right)")) + 1;
    expect(err.lineno).toBe(line);
  });
  const refuse: Record<string, [string, string]> = {
    class_keywords: ["class C(metaclass=M):\n    pass\n", "class keywords are not supported by withvm"],
    star_import: ["from contextlib import *\n", "'from ... import *' is not supported by withvm"],
    relative_import: ["from . import x\n", "relative imports are not supported by withvm"],
  };
  const dir = mkdtempSync(join(tmpdir(), "withvm-unsupported-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  for (const [name, [source, msg]] of Object.entries(refuse)) {
    it(name, () => {
      const path = join(dir, `${name}.py`);
      writeFileSync(path, source);
      const err = compileError(path);
      expect(err.msg).toBe(msg);
      expect(err.lineno).toBe(1);
    });
  }
});
