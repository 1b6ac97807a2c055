// The compiled form of one function, class body or module: CPython 3.8's code object fields
// plus a positions table for tracebacks. Codegen produces these, the code image carries them
// to the VM, and the disassembler prints them.

import type { ConstValue } from "./ast.js";

/** Where one instruction came from, like CPython 3.11's co_positions (0 = unknown). */
export interface Position {
  line: number;
  col: number;
  endLine: number;
  endCol: number;
}

export interface CodeObject {
  kind: "code";
  name: string;
  qualname: string;
  filename: string;
  firstlineno: number;
  argcount: number;
  posonlyargcount: number;
  kwonlyargcount: number;
  nlocals: number;
  stacksize: number;
  /** CodeFlag bits. */
  flags: number;
  /** CPython 3.8 wordcode: (op, arg) byte pairs, EXTENDED_ARG prefixes for args > 255. */
  code: Uint8Array;
  consts: CodeConst[];
  names: string[];
  varnames: string[];
  freevars: string[];
  cellvars: string[];
  /** CPython 3.8 co_lnotab (byte-offset increment, line increment pairs): what dis prints. */
  lnotab: Uint8Array;
  /** One entry per 2-byte code unit: the 3.11-style source span tracebacks report. */
  positions: Position[];
}

export type CodeConst = ConstValue | CodeObject;

export function isCode(value: CodeConst): value is CodeObject {
  return typeof value === "object" && value !== null && (value as CodeObject).kind === "code";
}
