// The compiler's intermediate form between codegen and the assembler: basic blocks of
// instructions whose jumps point at blocks, as in CPython 3.8's compile.c. Codegen builds it,
// assemble.ts lays it out; nothing here knows about the AST.

import type { Op } from "../assembly/shared/opcodes.js";
import type { Position } from "./code.js";

export interface Instr {
  op: Op;
  arg: number;
  /** The jump target, for jump instructions. */
  target: Block | null;
  /** Set only on the first instruction after a line change (3.8's i_lineno), else 0. */
  lineno: number;
  pos: Position;
}

export class Block {
  readonly instrs: Instr[] = [];
  /** The block that follows this one in layout order (CPython's b_next). */
  next: Block | null = null;
  /** A RETURN_VALUE was emitted into this block (3.8's b_return). */
  hasReturn = false;
  /** Offset in 2-byte code units, set by the assembler. */
  offset = 0;
  startDepth = -1;
}
