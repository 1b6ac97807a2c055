// Basic blocks → a finished CodeObject, in CPython 3.8's order: max stack depth over the
// blocks, layout with iterative EXTENDED_ARG sizing, wordcode + co_lnotab + positions, then
// 3.8's peephole pass over the wordcode (which also rewrites lnotab and positions).

import { Op } from "../assembly/shared/opcodes.js";
import type { CodeConst, CodeObject, Position } from "./code.js";
import type { Block } from "./ir.js";
import { OPS, hasArg, stackEffect } from "./opinfo.js";
import { truthyConst } from "./constrepr.js";

/** The code object's own fields the codegen decides, plus the basic blocks to lay out. */
export type AssembleInput = Pick<
  CodeObject,
  | "name" | "qualname" | "filename" | "firstlineno" | "argcount" | "posonlyargcount" | "kwonlyargcount"
  | "flags" | "consts" | "names" | "varnames" | "freevars" | "cellvars"
> & { entry: Block };

const isJrel = (op: Op) => OPS[op].arg === "jrel";
const isJabs = (op: Op) => OPS[op].arg === "jabs";

function instrSize(arg: number): number {
  return arg <= 0xff ? 1 : arg <= 0xffff ? 2 : arg <= 0xffffff ? 3 : 4;
}

export function assemble(input: AssembleInput): CodeObject {
  const blocks: Block[] = [];
  for (let b: Block | null = input.entry; b; b = b.next) blocks.push(b);

  let firstlineno = input.firstlineno;
  if (!firstlineno) {
    const first = input.entry.instrs[0];
    firstlineno = first && first.lineno ? first.lineno : 1;
  }

  const stacksize = stackDepth(input.entry);
  layout(blocks);
  const emitted = emit(blocks, firstlineno);
  const consts = input.consts.slice();
  const opt = peephole(emitted, consts);

  return {
    kind: "code",
    name: input.name,
    qualname: input.qualname,
    filename: input.filename,
    firstlineno,
    argcount: input.argcount,
    posonlyargcount: input.posonlyargcount,
    kwonlyargcount: input.kwonlyargcount,
    nlocals: input.varnames.length,
    stacksize,
    flags: input.flags,
    code: opt.code,
    consts,
    names: input.names,
    varnames: input.varnames,
    freevars: input.freevars,
    cellvars: input.cellvars,
    lnotab: opt.lnotab,
    positions: opt.positions,
  };
}

// ---- stack depth (3.8's stackdepth over the unoptimised blocks) ----

function stackDepth(entry: Block): number {
  const work: Block[] = [];
  let maxDepth = 0;
  const push = (b: Block, depth: number) => {
    if (b.startDepth < depth) {
      b.startDepth = depth;
      work.push(b);
    }
  };
  push(entry, 0);
  while (work.length) {
    const b = work.pop()!;
    let depth = b.startDepth;
    let fallsThrough = true;
    for (const instr of b.instrs) {
      const after = depth + stackEffect(instr.op, instr.arg, false);
      if (after > maxDepth) maxDepth = after;
      if (instr.target) {
        const atTarget = depth + stackEffect(instr.op, instr.arg, true);
        if (atTarget > maxDepth) maxDepth = atTarget;
        push(instr.target, atTarget);
      }
      depth = after;
      const op = instr.op;
      if (op === Op.JUMP_ABSOLUTE || op === Op.JUMP_FORWARD || op === Op.RETURN_VALUE || op === Op.RAISE_VARARGS) {
        fallsThrough = false;
        break;
      }
    }
    if (fallsThrough && b.next) push(b.next, depth);
  }
  return maxDepth;
}

// ---- layout ----

function layout(blocks: Block[]): void {
  // Jump arguments depend on offsets, which depend on EXTENDED_ARG prefixes: iterate.
  for (const b of blocks) for (const i of b.instrs) if (i.target) i.arg = 0;
  for (;;) {
    let total = 0;
    for (const b of blocks) {
      b.offset = total;
      for (const i of b.instrs) total += instrSize(i.arg);
    }
    let changed = false;
    for (const b of blocks) {
      let pc = b.offset;
      for (const i of b.instrs) {
        const size = instrSize(i.arg);
        pc += size;
        if (i.target) {
          let arg = i.target.offset;
          if (isJrel(i.op)) arg -= pc;
          arg *= 2;
          i.arg = arg;
          if (instrSize(arg) !== size) changed = true;
        }
      }
    }
    if (!changed) return;
  }
}

interface Emitted {
  /** One entry per 2-byte code unit: [op, arg byte]. */
  ops: number[];
  args: number[];
  positions: Position[];
  lnotab: number[];
}

function emit(blocks: Block[], firstlineno: number): Emitted {
  const ops: number[] = [];
  const args: number[] = [];
  const positions: Position[] = [];
  const lnotab: number[] = [];
  let lastLine = firstlineno;
  let lastOffset = 0; // code units
  for (const b of blocks) {
    for (const i of b.instrs) {
      if (i.lineno) {
        let dBytes = (ops.length - lastOffset) * 2;
        let dLine = i.lineno - lastLine;
        if (dBytes !== 0 || dLine !== 0) {
          while (dBytes > 255) {
            lnotab.push(255, 0);
            dBytes -= 255;
          }
          if (dLine < -128 || dLine > 127) {
            const k = dLine < 0 ? -128 : 127;
            const n = dLine < 0 ? Math.floor(-dLine / 128) : Math.floor(dLine / 127);
            dLine -= n * k;
            lnotab.push(dBytes, k & 0xff);
            dBytes = 0;
            for (let j = 1; j < n; j++) lnotab.push(0, k & 0xff);
          }
          lnotab.push(dBytes, dLine & 0xff);
          lastLine = i.lineno;
          lastOffset = ops.length;
        }
      }
      const size = instrSize(i.arg);
      for (let k = size - 1; k >= 1; k--) {
        ops.push(Op.EXTENDED_ARG);
        args.push((i.arg >>> (8 * k)) & 0xff);
        positions.push(i.pos);
      }
      ops.push(i.op);
      args.push(hasArg(i.op) ? i.arg & 0xff : 0);
      positions.push(i.pos);
    }
  }
  return { ops, args, positions, lnotab };
}

// ---- peephole (3.8's PyCode_Optimize, on code units) ----

interface Optimised {
  code: Uint8Array;
  lnotab: Uint8Array;
  positions: Position[];
}

const CONDITIONAL_JUMPS = new Set<number>([Op.POP_JUMP_IF_FALSE, Op.POP_JUMP_IF_TRUE, Op.JUMP_IF_FALSE_OR_POP, Op.JUMP_IF_TRUE_OR_POP]);
const jumpsOnTrue = (op: number) => op === Op.POP_JUMP_IF_TRUE || op === Op.JUMP_IF_TRUE_OR_POP;
const unconditional = (op: number) => op === Op.JUMP_ABSOLUTE || op === Op.JUMP_FORWARD;

function finish(e: Emitted): Optimised {
  const code = new Uint8Array(e.ops.length * 2);
  for (let i = 0; i < e.ops.length; i++) {
    code[2 * i] = e.ops[i];
    code[2 * i + 1] = e.args[i];
  }
  return { code, lnotab: Uint8Array.from(e.lnotab), positions: e.positions };
}

function peephole(e: Emitted, consts: CodeConst[]): Optimised {
  const { positions, lnotab } = e;
  const ops = e.ops.slice();
  const args = e.args.slice();
  const len = ops.length;
  // 3.8 leaves code alone when a line-table offset step needed splitting.
  for (let j = 0; j < lnotab.length; j += 2) if (lnotab[j] === 255) return finish(e);

  const getArg = (i: number): number => {
    let arg = args[i];
    let k = i - 1;
    let shift = 8;
    while (k >= 0 && ops[k] === Op.EXTENDED_ARG) {
      arg |= args[k] << shift;
      shift += 8;
      k--;
    }
    return arg >>> 0;
  };
  const jumpTarget = (i: number): number => {
    const a = getArg(i) / 2;
    return isJrel(ops[i] as Op) ? a + i + 1 : a;
  };
  const findOp = (i: number): number => {
    while (i < len && ops[i] === Op.EXTENDED_ARG) i++;
    return i;
  };
  const fillNops = (from: number, to: number) => {
    for (let k = from; k < to; k++) {
      ops[k] = Op.NOP;
      args[k] = 0;
    }
  };
  const writeOpArg = (at: number, op: number, arg: number, size: number) => {
    for (let k = size - 1; k >= 1; k--) {
      ops[at] = Op.EXTENDED_ARG;
      args[at] = (arg >>> (8 * k)) & 0xff;
      at++;
    }
    ops[at] = op;
    args[at] = arg & 0xff;
  };
  /** Rewrites the op at i (with its prefixes) to `arg`; -1 if it no longer fits. */
  const setArg = (i: number, arg: number): number => {
    const cur = getArg(i);
    if (cur === arg) return i;
    const curLen = instrSize(cur);
    const newLen = instrSize(arg);
    if (curLen < newLen) return -1;
    writeOpArg(i + 1 - curLen, ops[i], arg, newLen);
    fillNops(i + 1 - curLen + newLen, i + 1);
    return i - curLen + newLen;
  };
  /** Writes op+arg right-aligned in [start, end), NOPs before it; -1 if it does not fit. */
  const copyOpArg = (start: number, op: number, arg: number, end: number): number => {
    const size = instrSize(arg);
    if (start + size > end) return -1;
    writeOpArg(end - size, op, arg, size);
    fillNops(start, end - size);
    return end - 1;
  };

  // Basic-block numbering from the original jump targets.
  const blockNo = new Uint32Array(len);
  for (let i = 0; i < len; i++) {
    const op = ops[i] as Op;
    if (hasArg(op) && (isJrel(op) || isJabs(op))) {
      const t = jumpTarget(i);
      if (t < len) blockNo[t] = 1;
    }
  }
  for (let i = 0, n = 0; i < len; i++) {
    n += blockNo[i];
    blockNo[i] = n;
  }
  const sameBlock = (a: number, b: number) => blockNo[a] === blockNo[b];

  let cumlc = 0;
  let lastlc = 0;
  for (let i = findOp(0); i < len; ) {
    const opcode = ops[i];
    let opStart = i;
    while (opStart >= 1 && ops[opStart - 1] === Op.EXTENDED_ARG) opStart--;
    let nexti = i + 1;
    while (nexti < len && ops[nexti] === Op.EXTENDED_ARG) nexti++;
    const nextop = nexti < len ? ops[nexti] : -1;
    lastlc = cumlc;
    cumlc = 0;

    switch (opcode) {
      case Op.LOAD_CONST: {
        cumlc = lastlc + 1;
        if (nextop !== Op.POP_JUMP_IF_FALSE || !sameBlock(opStart, i + 1)) break;
        // LOAD_CONST <true> POP_JUMP_IF_FALSE: the jump is never taken.
        if (truthyConst(consts[getArg(i)])) {
          fillNops(opStart, nexti + 1);
          cumlc = 0;
        }
        break;
      }
      case Op.BUILD_TUPLE: {
        // (BUILD_LIST + UNPACK_SEQUENCE is left alone by 3.8.)
        const j = getArg(i);
        if (j > 0 && lastlc >= j) {
          const h = lastConstsStart(ops, opStart, j);
          if (sameBlock(h, opStart)) {
            // LOAD_CONST c1 … LOAD_CONST cn BUILD_TUPLE n → LOAD_CONST (c1, …, cn)
            const items: CodeConst[] = [];
            for (let k = 0, pos = h; k < j; k++, pos++) {
              pos = findOp(pos);
              while (ops[pos] !== Op.LOAD_CONST) pos = findOp(pos + 1);
              items.push(consts[getArg(pos)]);
            }
            const index = consts.length;
            consts.push({ tuple: items as never[] });
            if (copyOpArg(h, Op.LOAD_CONST, index, i + 1) >= 0) cumlc = 1;
            break;
          }
        }
        if (nextop !== Op.UNPACK_SEQUENCE || !sameBlock(opStart, i + 1) || j !== getArg(nexti)) break;
        if (j < 2) {
          fillNops(opStart, nexti + 1);
        } else if (j === 2) {
          ops[opStart] = Op.ROT_TWO;
          args[opStart] = 0;
          fillNops(opStart + 1, nexti + 1);
        } else if (j === 3) {
          ops[opStart] = Op.ROT_THREE;
          args[opStart] = 0;
          ops[opStart + 1] = Op.ROT_TWO;
          args[opStart + 1] = 0;
          fillNops(opStart + 2, nexti + 1);
        }
        break;
      }
      case Op.JUMP_IF_FALSE_OR_POP:
      case Op.JUMP_IF_TRUE_OR_POP: {
        const tgt = findOp(getArg(i) / 2);
        const j = ops[tgt];
        if (CONDITIONAL_JUMPS.has(j)) {
          let h: number;
          let newOp: number = opcode;
          if (jumpsOnTrue(j) === jumpsOnTrue(opcode)) {
            // The second jump is taken whenever the first is: go straight to its target.
            h = setArg(i, getArg(tgt));
          } else {
            // The second jump is never taken after the first: skip it, popping the value.
            h = setArg(i, (tgt + 1) * 2);
            newOp = opcode === Op.JUMP_IF_TRUE_OR_POP ? Op.POP_JUMP_IF_TRUE : Op.POP_JUMP_IF_FALSE;
          }
          if (h >= 0) {
            nexti = h;
            ops[nexti] = newOp;
            break;
          }
        }
        jumpToJump(i, opStart);
        break;
      }
      case Op.POP_JUMP_IF_FALSE:
      case Op.POP_JUMP_IF_TRUE:
      case Op.JUMP_FORWARD:
      case Op.JUMP_ABSOLUTE:
        jumpToJump(i, opStart);
        break;
      case Op.RETURN_VALUE: {
        // Code after a return, up to the next jump target, is unreachable. 3.8 keeps an
        // END_FINALLY (it marks a finally body's end for f_lineno jumps) and a SETUP_FINALLY.
        let h = i + 1;
        while (h < len && sameBlock(i, h) && ops[h] !== Op.END_FINALLY) {
          if (ops[h] === Op.SETUP_FINALLY) {
            while (h > i + 1 && ops[h - 1] === Op.EXTENDED_ARG) h--;
            break;
          }
          h++;
        }
        if (h > i + 1) {
          fillNops(i + 1, h);
          nexti = findOp(h);
        }
        break;
      }
    }
    i = nexti;
  }

  function jumpToJump(i: number, opStart: number): void {
    let opcode = ops[i];
    const tgt = findOp(jumpTarget(i));
    if (unconditional(opcode) && ops[tgt] === Op.RETURN_VALUE) {
      // A jump to a return is just a return.
      ops[opStart] = Op.RETURN_VALUE;
      args[opStart] = 0;
      fillNops(opStart + 1, i + 1);
    } else if (unconditional(ops[tgt])) {
      // A jump to an unconditional jump goes straight to its target.
      let arg = jumpTarget(tgt);
      if (opcode === Op.JUMP_FORWARD) opcode = Op.JUMP_ABSOLUTE;
      else if (!isJabs(opcode as Op)) {
        if (arg < i + 1) return;
        arg -= i + 1;
      }
      copyOpArg(opStart, opcode, arg * 2, i + 1);
    }
  }

  // Remove NOPs, fixing jump targets; an instruction never shrinks (EXTENDED_ARG 0 stays).
  const newIndex = new Uint32Array(len + 1);
  let nops = 0;
  for (let i = 0; i < len; i++) {
    newIndex[i] = i - nops;
    if (ops[i] === Op.NOP) nops++;
  }
  newIndex[len] = len - nops;
  if (nops === 0) return finish({ ops, args, positions, lnotab });

  const outOps: number[] = [];
  const outArgs: number[] = [];
  const outPos: Position[] = [];
  for (let i = 0; i < len; i++) {
    const opStart = i;
    let arg = args[i];
    while (ops[i] === Op.EXTENDED_ARG) {
      i++;
      arg = (arg << 8) | args[i];
    }
    const op = ops[i];
    if (op === Op.NOP) continue;
    if (isJabs(op as Op)) {
      arg = newIndex[arg / 2] * 2;
    } else if (isJrel(op as Op)) {
      arg = (newIndex[arg / 2 + i + 1] - newIndex[i] - 1) * 2;
    }
    const ilen = i - opStart + 1;
    if (instrSize(arg) > ilen) return finish(e);
    const pos = positions[i];
    for (let k = ilen - 1; k >= 1; k--) {
      outOps.push(Op.EXTENDED_ARG);
      outArgs.push((arg >>> (8 * k)) & 0xff);
      outPos.push(pos);
    }
    outOps.push(op);
    outArgs.push(arg & 0xff);
    outPos.push(pos);
  }

  // Line table: same line steps, offsets mapped through the NOP removal.
  const newLnotab = lnotab.slice();
  let origOffset = 0;
  let lastOffset = 0;
  for (let j = 0; j < newLnotab.length; j += 2) {
    origOffset += lnotab[j];
    const newOffset = newIndex[origOffset / 2] * 2;
    newLnotab[j] = newOffset - lastOffset;
    lastOffset = newOffset;
  }
  return finish({ ops: outOps, args: outArgs, positions: outPos, lnotab: newLnotab });
}

/** Start of the n LOAD_CONSTs before `i` (skipping NOPs), including their EXTENDED_ARGs. */
function lastConstsStart(ops: number[], i: number, n: number): number {
  for (;;) {
    i--;
    if (ops[i] === Op.LOAD_CONST) {
      if (--n === 0) {
        while (i > 0 && ops[i - 1] === Op.EXTENDED_ARG) i--;
        return i;
      }
    }
  }
}

