// Shared by the parser tests: lists corpus .py files, asks python3 whether it can compile a file,
// and reports the first difference between two syntax trees as a readable path.
import { execFileSync } from "node:child_process";
import { readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";

/**
 * In errors/unsupported/ these are valid for the parser (later stages refuse them); every other
 * file there is rejected at parse time, which tests/parse-errors.test.ts checks.
 */
export const UNSUPPORTED_BUT_PARSED = ["multiple_inheritance_mro.py", "import_os.py", "from_import_unknown.py"];

/** The shared corpus folders, resolved next to this checkout. */
export function sharedDir(rel: string): string {
  return fileURLToPath(new URL(`../../../shared/${rel}`, import.meta.url));
}

/** Every .py file directly inside `dir`, sorted. */
export function pyFiles(dir: string): string[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith(".py"))
    .sort()
    .map((f) => `${dir}/${f}`);
}

const CHECK = `
import sys
p = sys.argv[1]
mode = sys.argv[2]
try:
    src = open(p, encoding="utf-8").read()
    if mode == "parse":
        import ast; ast.parse(src, p)
    else:
        compile(src, p, "exec")
    print("OK")
except SyntaxError as e:
    print(type(e).__name__); print(e.lineno); print(e.offset); print(e.msg)
`;

export interface PyCompileResult {
  ok: boolean;
  type?: string;
  lineno?: number;
  offset?: number;
  msg?: string;
}

/** CPython 3.11's verdict on a file: `parse` stops after ast.parse, `compile` runs codegen too. */
export function cpythonCheck(path: string, mode: "parse" | "compile"): PyCompileResult {
  const out = execFileSync("python3", ["-c", CHECK, path, mode], { encoding: "utf-8" }).split("\n");
  if (out[0] === "OK") return { ok: true };
  return { ok: false, type: out[0], lineno: Number(out[1]), offset: Number(out[2]), msg: out.slice(3).join("\n").replace(/\n$/, "") };
}

/** The first difference between two trees, as `path: ours vs theirs`, or null. */
export function firstDifference(ours: unknown, theirs: unknown, path = ""): string | null {
  if (typeof ours !== typeof theirs || Array.isArray(ours) !== Array.isArray(theirs)) {
    return `${path}: ${show(ours)} vs ${show(theirs)}`;
  }
  if (ours !== null && typeof ours === "object" && theirs !== null) {
    const a = ours as Record<string, unknown>;
    const b = theirs as Record<string, unknown>;
    const here = typeof a.kind === "string" ? `${path}<${a.kind}@${String(a.lineno)}:${String(a.col_offset)}>` : path;
    for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) {
      const d = firstDifference(a[key], b[key], `${here}.${key}`);
      if (d) return d;
    }
    return null;
  }
  if (ours === theirs || (Number.isNaN(ours) && Number.isNaN(theirs))) return null;
  return `${path}: ${show(ours)} vs ${show(theirs)}`;
}

function show(v: unknown): string {
  if (typeof v === "bigint") return `${v}n`;
  if (typeof v === "symbol") return v.toString();
  if (typeof v === "object" && v !== null) return JSON.stringify(v, (_k, x) => (typeof x === "bigint" ? `${x}n` : x)).slice(0, 120);
  return JSON.stringify(v) ?? String(v);
}
