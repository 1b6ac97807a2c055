// The `dis` listing of a module: every code object depth first in co_consts order, each in
// CPython 3.8's dis.disassemble layout (line column from co_lnotab, `>>` jump targets, argument
// reprs by operand kind). Table-driven from compiler/opinfo.ts; it never inspects semantics.

import { Op, OP_COUNT } from "../assembly/shared/opcodes.js";
import { isCode, type CodeObject } from "./code.js";
import { OPS, CMP_OP_NAMES, hasArg } from "./opinfo.js";
import { pyRepr } from "./constrepr.js";

const MAKE_FUNCTION_FLAGS = ["defaults", "kwdefaults", "annotations", "closure"];
const FORMAT_CONVERSIONS = ["", "str", "repr", "ascii"];

export function disassemble(module: CodeObject): string {
  const out: string[] = [];
  walk(module, "", out);
  return out.join("\n");
}

function walk(code: CodeObject, path: string, out: string[]): void {
  out.push(`Disassembly of ${path || "<module>"}:\n${disassembleCode(code)}`);
  for (const c of code.consts) {
    if (isCode(c)) walk(c, path ? `${path}.${c.name}` : c.name, out);
  }
}

/** 3.8's dis.findlinestarts: byte offset → line where a new line starts. */
export function lineStarts(code: CodeObject): Map<number, number> {
  const starts = new Map<number, number>();
  const tab = code.lnotab;
  let lastLine: number | null = null;
  let line = code.firstlineno;
  let addr = 0;
  for (let i = 0; i + 1 < tab.length; i += 2) {
    const byteIncr = tab[i];
    let lineIncr = tab[i + 1];
    if (byteIncr) {
      if (line !== lastLine) {
        starts.set(addr, line);
        lastLine = line;
      }
      addr += byteIncr;
    }
    if (lineIncr >= 0x80) lineIncr -= 0x100;
    line += lineIncr;
  }
  if (line !== lastLine) starts.set(addr, line);
  return starts;
}

interface Decoded {
  offset: number;
  op: number;
  arg: number | null;
}

function decode(code: Uint8Array): Decoded[] {
  const out: Decoded[] = [];
  let ext = 0;
  for (let i = 0; i + 1 < code.length; i += 2) {
    const op = code[i];
    let arg: number | null = null;
    if (op < OP_COUNT && hasArg(op as Op)) {
      arg = code[i + 1] | ext;
      ext = op === Op.EXTENDED_ARG ? arg * 256 : 0;
    } else {
      ext = 0;
    }
    out.push({ offset: i, op, arg });
  }
  return out;
}

export function disassembleCode(code: CodeObject): string {
  const starts = lineStarts(code);
  const instrs = decode(code.code);
  const labels = new Set<number>();
  for (const ins of instrs) {
    if (ins.arg === null || ins.op >= OP_COUNT) continue;
    const kind = OPS[ins.op as Op].arg;
    if (kind === "jrel") labels.add(ins.offset + 2 + ins.arg);
    else if (kind === "jabs") labels.add(ins.arg);
  }
  let maxLine = 0;
  for (const l of starts.values()) maxLine = Math.max(maxLine, l);
  const lineWidth = maxLine >= 1000 ? String(maxLine).length : 3;
  const offsetWidth = code.code.length - 2 >= 10000 ? String(code.code.length - 2).length : 4;
  const cells = [...code.cellvars, ...code.freevars];

  const lines: string[] = [];
  for (const ins of instrs) {
    const line = starts.get(ins.offset);
    if (line !== undefined && ins.offset > 0) lines.push("");
    const fields: string[] = [];
    fields.push(line !== undefined ? String(line).padStart(lineWidth) : " ".repeat(lineWidth));
    fields.push("   ");
    fields.push(labels.has(ins.offset) ? ">>" : "  ");
    fields.push(String(ins.offset).padStart(offsetWidth));
    const name = ins.op < OP_COUNT ? OPS[ins.op as Op].name : `<${ins.op}>`;
    fields.push(name.padEnd(20));
    if (ins.arg !== null) {
      fields.push(String(ins.arg).padStart(5));
      const r = argRepr(code, cells, ins);
      if (r) fields.push(`(${r})`);
    }
    lines.push(fields.join(" ").trimEnd());
  }
  return lines.join("\n") + "\n";
}

function nameAt(list: string[], i: number): string {
  return i < list.length ? list[i] : String(i);
}

function argRepr(code: CodeObject, cells: string[], ins: Decoded): string {
  const arg = ins.arg!;
  switch (OPS[ins.op as Op].arg) {
    case "const":
      return arg < code.consts.length ? pyRepr(code.consts[arg]) : String(arg);
    case "name":
      return nameAt(code.names, arg);
    case "local":
      return nameAt(code.varnames, arg);
    case "free":
      return nameAt(cells, arg);
    case "jrel":
      return `to ${ins.offset + 2 + arg}`;
    case "compare":
      return CMP_OP_NAMES[arg] ?? String(arg);
    case "format": {
      let r = FORMAT_CONVERSIONS[arg & 3];
      if (arg & 4) r += (r ? ", " : "") + "with format";
      return r;
    }
    case "makefn":
      return MAKE_FUNCTION_FLAGS.filter((_, i) => arg & (1 << i)).join(", ");
    default:
      return "";
  }
}
