// Checks a CodeObject tree before the VM runs it, so code that did not come from our compiler
// cannot make the VM read out of bounds: opcodes, operand ranges, jump targets, EXTENDED_ARG
// form, and stack depth (never negative, never above co_stacksize) along every path.

import { Op, OP_COUNT } from "../assembly/shared/opcodes.js";
import { isCode, type CodeObject } from "./code.js";
import { CodeImageError } from "./codeimage.js";
import { OPS, CMP_OP_NAMES, hasArg, stackEffect } from "./opinfo.js";

export class CodeVerifyError extends CodeImageError {
  constructor(
    readonly codeName: string,
    readonly offset: number,
    readonly detail: string,
  ) {
    super(`code object '${codeName}'${offset >= 0 ? ` at offset ${offset}` : ""}: ${detail}`);
    this.name = "CodeVerifyError";
  }
}

interface Ins {
  /** Offset of the first byte, EXTENDED_ARG prefixes included (where jumps land). */
  start: number;
  /** Offset of the opcode itself. */
  at: number;
  op: Op;
  arg: number;
  next: number;
}

/** Verifies `code` and every code object among its constants. Throws CodeVerifyError. */
export function verify(code: CodeObject): void {
  verifyOne(code, code.qualname || code.name);
  for (const c of code.consts) if (isCode(c)) verify(c);
}

function verifyOne(code: CodeObject, label: string): void {
  const fail = (offset: number, detail: string): never => {
    throw new CodeVerifyError(label, offset, detail);
  };
  const bytes = code.code;
  if (bytes.length === 0 || bytes.length % 2) fail(-1, `code length ${bytes.length} is not a positive even number`);
  if (code.positions.length !== bytes.length / 2) fail(-1, `positions table has ${code.positions.length} entries for ${bytes.length / 2} code units`);
  if (code.lnotab.length % 2) fail(-1, "line table has odd length");
  if (code.nlocals !== code.varnames.length) fail(-1, `nlocals ${code.nlocals} != ${code.varnames.length} varnames`);
  if (code.argcount + code.kwonlyargcount > code.varnames.length) fail(-1, "more arguments than local names");
  if (!(code.stacksize >= 0)) fail(-1, "negative stacksize");

  // Decode, checking opcodes, EXTENDED_ARG chains and operand ranges.
  const instrs: Ins[] = [];
  const byStart = new Map<number, Ins>();
  const ncells = code.cellvars.length + code.freevars.length;
  let start = 0;
  let ext = 0;
  for (let i = 0; i < bytes.length; i += 2) {
    const op = bytes[i];
    if (op >= OP_COUNT) fail(i, `unknown opcode ${op}`);
    if (op === Op.EXTENDED_ARG) {
      if (i + 2 >= bytes.length) fail(i, "EXTENDED_ARG at the end of the code");
      const nextOp = bytes[i + 2];
      if (nextOp >= OP_COUNT || !hasArg(nextOp as Op)) fail(i, "EXTENDED_ARG not followed by an instruction with an argument");
      if (i - start >= 6) fail(i, "more than three EXTENDED_ARG prefixes");
      ext = (ext | bytes[i + 1]) * 256;
      continue;
    }
    const arg = hasArg(op as Op) ? ext | bytes[i + 1] : 0;
    ext = 0;
    const ins: Ins = { start, at: i, op: op as Op, arg, next: i + 2 };
    instrs.push(ins);
    byStart.set(start, ins);
    start = i + 2;
    checkOperand(code, ins, ncells, fail);
  }
  for (const ins of instrs) {
    const t = jumpTarget(ins);
    if (t === null) continue;
    if (t < 0 || t >= bytes.length) fail(ins.at, `${OPS[ins.op].name} jumps to ${t}, outside the code (length ${bytes.length})`);
    if (!byStart.has(t)) fail(ins.at, `${OPS[ins.op].name} jumps to ${t}, inside an instruction`);
  }

  checkStack(code, instrs, byStart, fail);
}

function jumpTarget(ins: Ins): number | null {
  const kind = OPS[ins.op].arg;
  if (kind === "jrel") return ins.next + ins.arg;
  if (kind === "jabs") return ins.arg;
  return null;
}

function isTerminal(op: Op): boolean {
  return op === Op.RETURN_VALUE || op === Op.JUMP_ABSOLUTE || op === Op.JUMP_FORWARD || op === Op.RAISE_VARARGS;
}

function checkOperand(code: CodeObject, ins: Ins, ncells: number, fail: (o: number, d: string) => never): void {
  const { op, arg } = ins;
  const name = OPS[op].name;
  const limit = (n: number, what: string) => {
    if (arg >= n) fail(ins.at, `${name} argument ${arg} out of range (${n} ${what})`);
  };
  switch (OPS[op].arg) {
    case "const":
      return limit(code.consts.length, "constants");
    case "name":
      return limit(code.names.length, "names");
    case "local":
      return limit(code.varnames.length, "local names");
    case "free":
      return limit(ncells, "cell and free variables");
    case "compare":
      return limit(CMP_OP_NAMES.length - 1, "comparisons");
    case "format":
      return limit(8, "format flags");
    case "makefn":
      return limit(16, "function flags");
    default:
      if (op === Op.RAISE_VARARGS) limit(3, "raise forms");
      if (op === Op.POP_FINALLY) limit(2, "forms");
      return;
  }
}

/** Ops whose jump enters a finally body or exception handler: paths of different (counted)
 * depth meet there by design, as in CPython's own stack-depth computation. */
function entersHandler(op: Op): boolean {
  return op === Op.SETUP_FINALLY || op === Op.SETUP_WITH || op === Op.CALL_FINALLY;
}

function checkStack(
  code: CodeObject,
  instrs: Ins[],
  byStart: Map<number, Ins>,
  fail: (o: number, d: string) => never,
): void {
  const handlerEntry = new Set<number>();
  for (const ins of instrs) {
    const t = jumpTarget(ins);
    if (t !== null && entersHandler(ins.op)) handlerEntry.add(t);
  }
  // Phase 1: the largest counted depth at each reachable instruction (CPython's rule).
  const depthAt = new Map<number, number>();
  const work: number[] = [];
  const reach = (target: number, depth: number) => {
    const seen = depthAt.get(target);
    if (seen === undefined || seen < depth) {
      if (depth > code.stacksize + 64) fail(target, `stack depth grows without bound`);
      depthAt.set(target, depth);
      work.push(target);
    }
  };
  reach(0, 0);
  while (work.length) {
    const ins = byStart.get(work.pop()!)!;
    const depth = depthAt.get(ins.start)!;
    const taken = jumpTarget(ins);
    if (taken !== null) reach(taken, depth + stackEffect(ins.op, ins.arg, true));
    if (!isTerminal(ins.op) && byStart.has(ins.next)) reach(ins.next, depth + stackEffect(ins.op, ins.arg, false));
  }
  // Phase 2: every edge, checked against those depths.
  for (const ins of instrs) {
    const depth = depthAt.get(ins.start);
    if (depth === undefined) continue; // unreachable
    const name = OPS[ins.op].name;
    const after = depth + stackEffect(ins.op, ins.arg, false);
    if (after < 0 || depth + minPop(ins) < 0) fail(ins.at, `stack underflow (${name} at depth ${depth})`);
    if (after > code.stacksize) fail(ins.at, `stack depth ${after} exceeds stacksize ${code.stacksize}`);
    const edge = (target: number, d: number) => {
      if (d < 0) fail(ins.at, `stack underflow on jump (${name} at depth ${depth})`);
      if (d > code.stacksize) fail(ins.at, `stack depth ${d} exceeds stacksize ${code.stacksize}`);
      const there = depthAt.get(target)!;
      if (there !== d && !handlerEntry.has(target)) {
        fail(target, `inconsistent stack depth where paths meet (${there} and ${d}, from offset ${ins.at})`);
      }
    };
    const taken = jumpTarget(ins);
    if (taken !== null) edge(taken, depth + stackEffect(ins.op, ins.arg, true));
    if (!isTerminal(ins.op)) {
      // 3.8 leaves unreachable code after the last return; reachable code must not fall off.
      if (!byStart.has(ins.next)) fail(ins.at, `execution can run off the end of the code (${name})`);
      edge(ins.next, after);
    }
  }
}

/** Values an instruction reads below the top before pushing (beyond its net effect). */
function minPop(ins: Ins): number {
  switch (ins.op) {
    case Op.ROT_TWO:
    case Op.DUP_TOP_TWO:
      return -2;
    case Op.ROT_THREE:
      return -3;
    case Op.ROT_FOUR:
      return -4;
    case Op.DUP_TOP:
    case Op.UNARY_POSITIVE:
    case Op.UNARY_NEGATIVE:
    case Op.UNARY_NOT:
    case Op.UNARY_INVERT:
    case Op.GET_ITER:
    case Op.GET_YIELD_FROM_ITER:
    case Op.LOAD_ATTR:
    case Op.YIELD_VALUE:
    case Op.LOAD_METHOD:
    case Op.UNPACK_SEQUENCE:
    case Op.UNPACK_EX:
      return -1;
    default:
      return 0;
  }
}
