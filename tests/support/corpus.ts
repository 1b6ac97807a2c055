// The shared program corpora, and which of their files CPython 3.11 rejects at compile time
// (their .err ends in a SyntaxError/IndentationError report), for the compiler's tests.
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";

export const shared = fileURLToPath(new URL("../../../shared/", import.meta.url));

export const corpusDirs = ["conformance/programs", "language/programs", "language/errors"].map((d) => shared + d + "/");

export function pyFiles(dir: string): string[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith(".py"))
    .sort()
    .map((f) => dir + f);
}

export interface ExpectedSyntaxError {
  type: string;
  lineno: number;
  msg: string;
  report: string;
}

/** The compile-time error CPython reports for `path`, or null if it compiles. */
export function expectedSyntaxError(path: string): ExpectedSyntaxError | null {
  const errPath = path.replace(/\.py$/, ".err");
  if (!existsSync(errPath)) return null;
  const err = readFileSync(errPath, "utf-8");
  if (err.includes("Traceback (most recent call last)")) return null;
  const last = err.trimEnd().split("\n").pop()!;
  const m = /^(SyntaxError|IndentationError): (.*)$/.exec(last);
  const line = /line (\d+)/.exec(err);
  if (!m || !line) return null;
  return { type: m[1], msg: m[2], lineno: Number(line[1]), report: err };
}
