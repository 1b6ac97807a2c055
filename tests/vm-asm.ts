// A tiny assembler for VM tests that must not depend on the compiler: builds CodeObjects from
// (opname, arg) lists with symbolic labels, CPython 3.8 encoding (EXTENDED_ARG, byte offsets).
import type { Op } from "../assembly/shared/opcodes.js";
import { OPS, opByCpythonName } from "../compiler/opinfo.js";
import type { CodeObject, CodeConst, Position } from "../compiler/code.js";

export type Instr = [keyof typeof Op | `label:${string}`, (number | string)?, number?];

export interface AsmOptions {
  name?: string;
  filename?: string;
  consts?: CodeConst[];
  names?: string[];
  varnames?: string[];
  freevars?: string[];
  cellvars?: string[];
  argcount?: number;
  kwonlyargcount?: number;
  flags?: number;
  stacksize?: number;
  firstlineno?: number;
}

export function asm(instrs: Instr[], o: AsmOptions = {}): CodeObject {
  // two passes: label offsets assume no EXTENDED_ARG (tests keep args < 256)
  const labels = new Map<string, number>();
  let off = 0;
  for (const [op] of instrs) {
    if (op.startsWith("label:")) labels.set(op.slice(6), off);
    else off += 2;
  }
  const bytes: number[] = [];
  const positions: Position[] = [];
  let line = o.firstlineno ?? 1;
  for (const [op, a, ln] of instrs) {
    if (op.startsWith("label:")) continue;
    const code = opByCpythonName(op);
    if (code === undefined) throw new Error(`unknown opcode ${op}`);
    const kind = OPS[code].arg;
    let arg = 0;
    if (typeof a === "string") {
      const target = labels.get(a);
      if (target === undefined) throw new Error(`no label ${a}`);
      arg = kind === "jrel" ? target - (bytes.length + 2) : target;
    } else if (a !== undefined) arg = a;
    if (arg > 255 || arg < 0) throw new Error(`arg ${arg} out of range for the test assembler`);
    if (ln !== undefined) line = ln;
    bytes.push(code, arg);
    positions.push({ line, col: 0, endLine: line, endCol: 0 });
  }
  const varnames = o.varnames ?? [];
  return {
    kind: "code",
    name: o.name ?? "<module>",
    qualname: o.name ?? "<module>",
    filename: o.filename ?? "test.py",
    firstlineno: o.firstlineno ?? 1,
    argcount: o.argcount ?? 0,
    posonlyargcount: 0,
    kwonlyargcount: o.kwonlyargcount ?? 0,
    nlocals: varnames.length,
    stacksize: o.stacksize ?? 16,
    flags: o.flags ?? 0,
    code: new Uint8Array(bytes),
    consts: o.consts ?? [null],
    names: o.names ?? [],
    varnames,
    freevars: o.freevars ?? [],
    cellvars: o.cellvars ?? [],
    lnotab: new Uint8Array(0),
    positions,
  };
}
