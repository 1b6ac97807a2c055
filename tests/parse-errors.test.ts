// Bad input: CPython 3.11's SyntaxError/IndentationError (type, line, message) for the corpus's
// syntax_* programs and for snippets of our own, and a named refusal for valid Python outside
// the subset. Errors that CPython raises after parsing (in its compiler) must parse cleanly here.
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { describe, expect, it } from "vitest";
import { PySyntaxError } from "../compiler/errors.js";
import { parse } from "../compiler/parser.js";
import { cpythonCheck, pyFiles, sharedDir, UNSUPPORTED_BUT_PARSED } from "./support/parsecheck.js";

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
