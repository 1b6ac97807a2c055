// Runs tests/support/pyast.py under python3 (CPython 3.11) and revives its JSON into our AST
// types: the reference parse that parser tests compare with.
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { ELLIPSIS, type Module } from "../../compiler/ast.js";

const script = fileURLToPath(new URL("./pyast.py", import.meta.url));

export function cpythonAst(path: string): Module {
  const json = execFileSync("python3", [script, path], { encoding: "utf-8", maxBuffer: 64 << 20 });
  return JSON.parse(json, (_key, value) => {
    if (value && typeof value === "object" && !Array.isArray(value)) {
      if ("$int" in value) return BigInt(value.$int);
      if ("$float" in value) return parseFloatRepr(value.$float);
      if ("$ellipsis" in value) return ELLIPSIS;
    }
    return value;
  }) as Module;
}

function parseFloatRepr(repr: string): number {
  if (repr === "inf") return Infinity;
  if (repr === "-inf") return -Infinity;
  if (repr === "nan") return NaN;
  return Number(repr);
}
