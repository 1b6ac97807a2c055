// Parser vs CPython 3.11: every corpus program (enumerated from the shared folders) and a set of
// tricky snippets of our own must give exactly the tree `ast.parse` gives, positions included.
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "../compiler/parser.js";
import { cpythonAst } from "./support/pyast.js";
import { cpythonCheck, firstDifference, pyFiles, sharedDir } from "./support/parsecheck.js";

const CORPUS_DIRS = ["conformance/programs", "language/programs", "language/errors", "dis-golden"];

/**
 * In errors/unsupported/ these are valid for the parser (later stages refuse them); every other
 * file there is rejected at parse time, which tests/parse-errors.test.ts checks.
 */
export const UNSUPPORTED_BUT_PARSED = ["multiple_inheritance_mro.py", "import_os.py", "from_import_unknown.py"];

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
