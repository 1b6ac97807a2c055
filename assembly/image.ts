// Reads the code image (layout documented in compiler/codeimage.ts) into VM code objects and
// converts CPython 3.8 wordcode to 32-bit units op:8|arg:24: EXTENDED_ARG folded (its units
// become NOP), every jump resolved to an absolute unit index. One unit per 2-byte code unit, so
// unit index * 2 is the CPython offset that tracebacks, `dis` and `trace` talk about.
// src/ verifies the image first; this reader still bounds-checks so it never reads out of range.

import { Value, NONE, TRUE, FALSE, NULL, ERR, ELLIPSIS_V, mkPtr, mkFloat, ptrOf, isPtr } from "./value";
import { gcAlloc, HDR, rawAlloc, objType } from "./heap";
import { T_code, T_str, T_frozenset, newTuple, tupSet, tupLen, tupGet, intern, newStr, mkInt, newDictOf,
  dictSet, strEq } from "./objects";
import { Op, FIRST_OP_WITH_ARG, OP_COUNT, Cmp } from "./shared/opcodes";

// code object: +16 units +20 unit count +24 consts +28 names +32 varnames +36 freevars
// +40 cellvars (tuples) +44 name +48 qualname +52 filename (strs) +56 positions (16 B per unit:
// line, col, endLine, endCol) +60 argcount +64 posonly +68 kwonly +72 nlocals +76 stacksize
// +80 flags +84 firstlineno +88 max blocks +92 frame bytes +96 ncells +100 nfree
// +104 cell-to-argument map (i32 per cell, -1 if not an argument; 0 when no cell is one)
// +108 preorder index of this code object in its image (the host maps it back for `trace`)
// +112 LOAD_GLOBAL inline caches (u64 per unit, TLSF, 0 until the first LOAD_GLOBAL runs)
export const CODE_SIZE: usize = 128;
@inline export function codeGlobalCache(c: usize): usize { return <usize>load<u32>(c, 112); }
// +116 argument count when a call with exactly that many positional arguments needs no binding
// work (no cells, free vars, keyword-only, *args or **kwargs), else 0xFFFFFFFF
// +120 offset of the fast locals from the frame start (FRAME_HDR + block stack)
// +124 the same count for a plain function (not a generator): its call pushes a frame and
// nothing else, so the dispatch loop does it inline (pushPlainFrame in vm.ts)
@inline export function codeSimpleArgc(c: usize): u32 { return load<u32>(c, 116); }
@inline export function codePlainArgc(c: usize): u32 { return load<u32>(c, 124); }
@inline export function codeLocalsOffset(c: usize): u32 { return load<u32>(c, 120); }
@inline export function codeUnits(c: usize): usize { return <usize>load<u32>(c, 16); }
@inline export function codeNUnits(c: usize): u32 { return load<u32>(c, 20); }
@inline export function codeConsts(c: usize): usize { return <usize>load<u32>(c, 24); }
@inline export function codeNames(c: usize): usize { return <usize>load<u32>(c, 28); }
@inline export function codeVarnames(c: usize): usize { return <usize>load<u32>(c, 32); }
@inline export function codeFreevars(c: usize): usize { return <usize>load<u32>(c, 36); }
@inline export function codeCellvars(c: usize): usize { return <usize>load<u32>(c, 40); }
@inline export function codeName(c: usize): usize { return <usize>load<u32>(c, 44); }
@inline export function codeQualname(c: usize): usize { return <usize>load<u32>(c, 48); }
@inline export function codeFilename(c: usize): usize { return <usize>load<u32>(c, 52); }
@inline export function codePositions(c: usize): usize { return <usize>load<u32>(c, 56); }
@inline export function codeArgcount(c: usize): u32 { return load<u32>(c, 60); }
@inline export function codePosonly(c: usize): u32 { return load<u32>(c, 64); }
@inline export function codeKwonly(c: usize): u32 { return load<u32>(c, 68); }
@inline export function codeNlocals(c: usize): u32 { return load<u32>(c, 72); }
@inline export function codeStacksize(c: usize): u32 { return load<u32>(c, 76); }
@inline export function codeFlags(c: usize): u32 { return load<u32>(c, 80); }
@inline export function codeFirstline(c: usize): u32 { return load<u32>(c, 84); }
@inline export function codeMaxBlocks(c: usize): u32 { return load<u32>(c, 88); }
@inline export function codeFrameBytes(c: usize): u32 { return load<u32>(c, 92); }
@inline export function codeNCells(c: usize): u32 { return load<u32>(c, 96); }
@inline export function codeNFree(c: usize): u32 { return load<u32>(c, 100); }
@inline export function codeCell2Arg(c: usize): usize { return <usize>load<u32>(c, 104); }

export function codeLineAt(c: usize, unit: u32): u32 {
  if (unit >= codeNUnits(c)) unit = codeNUnits(c) - 1;
  return load<u32>(codePositions(c) + (<usize>unit << 4));
}

/** Frame header size; the block stack, locals, cells and value stack follow it (vm.ts). */
export const FRAME_HDR: u32 = 48;
/** Slack above the compiler's stack depth: the VM pushes a callable and args for __exit__. */
export const STACK_SLACK: u32 = 8;

let codeIndex: u32 = 0;
let sawBigConst = false;
/** Private unit op (not in opcodes.ts, never in images): LOAD_CONST of an int beyond 64 bits,
 * which raises OverflowError when executed, as withvm ints are 64-bit. */
export const LOAD_BIG_CONST: u32 = 255;

// Fused units (private, never in images): the loader retags the FIRST unit of a fixed sequence
// with one of these and leaves the following units as they were. vm.ts run() executes the whole
// sequence in one dispatch when nothing in it can fail, and otherwise executes only that first
// instruction, like step(), which treats each fused unit as its first instruction. So a jump
// into the middle of a sequence, a trace, or a traceback sees the ordinary instructions.
// Numbered right after the opcode table so run()'s switch stays dense.
/** POP_BLOCK BEGIN_FINALLY WITH_CLEANUP_START: the normal exit of a `with` body. */
export const FUSED_WITH_EXIT: u32 = OP_COUNT;
/** WITH_CLEANUP_FINISH END_FINALLY (or POP_FINALLY 0, after a break, continue or return out of
 * the body): what follows every __exit__ call. */
export const FUSED_WITH_FINISH: u32 = OP_COUNT + 1;
/** FOR_ITER STORE_FAST: a for loop over one local name. */
export const FUSED_FOR_ITER_STORE: u32 = OP_COUNT + 2;
/** DUP_TOP LOAD_GLOBAL COMPARE_OP(exception match) POP_JUMP_IF_FALSE: an `except Name:`. */
export const FUSED_EXCEPT_GLOBAL: u32 = OP_COUNT + 3;
/** POP_TOP POP_TOP POP_TOP: the exception record dropped by an `except` without `as`. */
export const FUSED_POP_THREE: u32 = OP_COUNT + 4;
/** LOAD_FAST RETURN_VALUE and LOAD_CONST RETURN_VALUE (3.12 made the latter RETURN_CONST). */
export const FUSED_RETURN_FAST: u32 = OP_COUNT + 5;
export const FUSED_RETURN_CONST: u32 = OP_COUNT + 6;
/** SETUP_WITH POP_TOP: `with cm:` without a target; __enter__'s result is never pushed. */
export const FUSED_WITH_ENTER_POP: u32 = OP_COUNT + 7;
@inline export function codeImageIndex(c: usize): u32 { return load<u32>(c, 108); }
let rp: usize = 0;
let rend: usize = 0;
export let loadError: i32 = 0; // 0 ok, 1 truncated, 2 bad constant, 3 int constant beyond 64 bits

@inline function ok(n: usize): bool {
  if (rp + n > rend) { loadError = 1; return false; }
  return true;
}
function rU8(): u32 { if (!ok(1)) return 0; let v = load<u8>(rp); rp += 1; return v; }
function rU32(): u32 { if (!ok(4)) return 0; let v = load<u32>(rp); rp += 4; return v; }
function rStr(): usize {
  let n = <usize>rU32();
  if (!ok(n)) return 0;
  let s = newStr(rp, n);
  rp += n;
  return intern(s);
}
function rStrTuple(): usize {
  let n = rU32();
  if (loadError != 0 || <usize>n * 4 > rend - rp) { loadError = 1; return 0; }
  let t = newTuple(n);
  for (let i: u32 = 0; i < n; i++) {
    let s = rStr();
    if (loadError != 0) return 0;
    tupSet(t, i, mkPtr(s));
  }
  return t;
}

function rConst(depth: i32): Value {
  let tag = rU8();
  if (loadError != 0) return NONE;
  switch (tag) {
    case 0: return NONE;
    case 1: return FALSE;
    case 2: return TRUE;
    case 3: { if (!ok(8)) return NONE; let v = load<i64>(rp); rp += 8; return mkInt(v); }
    case 4: {
      // beyond i64: kept as its decimal str; a top-level one becomes LOAD_BIG_CONST (below)
      let s = rStr();
      sawBigConst = true;
      return s == 0 ? NONE : mkPtr(s);
    }
    case 5: { if (!ok(8)) return NONE; let v = load<f64>(rp); rp += 8; return mkFloat(v); }
    case 6: { let s = rStr(); return s == 0 ? NONE : mkPtr(s); }
    case 7: case 8: {
      let n = rU32();
      if (loadError != 0 || <usize>n > rend - rp) { loadError = 1; return NONE; }
      let t = newTuple(n);
      for (let i: u32 = 0; i < n; i++) {
        let v = rConst(depth + 1);
        if (loadError != 0) return NONE;
        tupSet(t, i, v);
      }
      if (tag == 7) return mkPtr(t);
      let fs = newDictOf(T_frozenset);
      for (let i: u32 = 0; i < n; i++) dictSet(fs, tupGet(t, i), NONE);
      return mkPtr(fs);
    }
    case 9: return ELLIPSIS_V;
    case 10: { let c = readCode(depth + 1); return c == 0 ? NONE : mkPtr(c); }
  }
  loadError = 2;
  return NONE;
}

/** True for ops whose argument is a jump relative to the next instruction (CPython 3.8). */
function isRelJump(op: u32): bool {
  return op == Op.FOR_ITER || op == Op.JUMP_FORWARD || op == Op.SETUP_FINALLY || op == Op.SETUP_WITH || op == Op.CALL_FINALLY;
}
function isAbsJump(op: u32): bool {
  return op == Op.JUMP_ABSOLUTE || op == Op.POP_JUMP_IF_FALSE || op == Op.POP_JUMP_IF_TRUE ||
    op == Op.JUMP_IF_FALSE_OR_POP || op == Op.JUMP_IF_TRUE_OR_POP;
}

@inline function unitOp(units: usize, i: u32): u32 { return load<u32>(units + (<usize>i << 2)) & 0xFF; }

/** Retags the first unit of each fusable sequence (see FUSED_WITH_EXIT). */
function fuseUnits(units: usize, n: u32): void {
  for (let i: u32 = 0; i < n; i++) {
    let w = load<u32>(units + (<usize>i << 2));
    let op = w & 0xFF;
    let fused: u32 = 0;
    if (op == Op.POP_BLOCK && i + 2 < n && unitOp(units, i + 1) == Op.BEGIN_FINALLY &&
        unitOp(units, i + 2) == Op.WITH_CLEANUP_START) fused = FUSED_WITH_EXIT;
    else if (op == Op.WITH_CLEANUP_FINISH && i + 1 < n && (unitOp(units, i + 1) == Op.END_FINALLY ||
        load<u32>(units + (<usize>(i + 1) << 2)) == Op.POP_FINALLY)) fused = FUSED_WITH_FINISH;
    else if (op == Op.FOR_ITER && i + 1 < n && unitOp(units, i + 1) == Op.STORE_FAST) fused = FUSED_FOR_ITER_STORE;
    else if (op == Op.DUP_TOP && i + 3 < n && unitOp(units, i + 1) == Op.LOAD_GLOBAL &&
        load<u32>(units + (<usize>(i + 2) << 2)) == (Op.COMPARE_OP | (<u32>Cmp.EXC_MATCH << 8)) &&
        unitOp(units, i + 3) == Op.POP_JUMP_IF_FALSE) fused = FUSED_EXCEPT_GLOBAL;
    else if (op == Op.POP_TOP && i + 2 < n && unitOp(units, i + 1) == Op.POP_TOP && unitOp(units, i + 2) == Op.POP_TOP) fused = FUSED_POP_THREE;
    else if (op == Op.LOAD_FAST && i + 1 < n && unitOp(units, i + 1) == Op.RETURN_VALUE) fused = FUSED_RETURN_FAST;
    else if (op == Op.LOAD_CONST && i + 1 < n && unitOp(units, i + 1) == Op.RETURN_VALUE) fused = FUSED_RETURN_CONST;
    else if (op == Op.SETUP_WITH && i + 1 < n && unitOp(units, i + 1) == Op.POP_TOP) fused = FUSED_WITH_ENTER_POP;
    if (fused != 0) store<u32>(units + (<usize>i << 2), (w & 0xFFFFFF00) | fused);
  }
}

function readCode(depth: i32): usize {
  if (depth > 200) { loadError = 2; return 0; }
  let c = gcAlloc(CODE_SIZE, T_code);
  store<u32>(c, codeIndex++, 108);
  store<u32>(c, <u32>rStr(), 44);
  store<u32>(c, <u32>rStr(), 48);
  store<u32>(c, <u32>rStr(), 52);
  store<u32>(c, rU32(), 84); // firstlineno
  store<u32>(c, rU32(), 60);
  store<u32>(c, rU32(), 64);
  store<u32>(c, rU32(), 68);
  store<u32>(c, rU32(), 72);
  store<u32>(c, rU32(), 76);
  store<u32>(c, rU32(), 80);
  let codeLen = <usize>rU32();
  if (loadError != 0 || !ok(codeLen)) return 0;
  let nunits = <u32>(codeLen >> 1);
  let units = rawAlloc(<usize>nunits << 2 | 4);
  let ext: u32 = 0;
  let setups: u32 = 0;
  for (let i: u32 = 0; i < nunits; i++) {
    let op = <u32>load<u8>(rp + (<usize>i << 1));
    let arg = ext | <u32>load<u8>(rp + (<usize>i << 1) + 1);
    if (op == Op.EXTENDED_ARG) {
      ext = arg << 8;
      store<u32>(units + (<usize>i << 2), Op.NOP);
      continue;
    }
    ext = 0;
    if (op < <u32>FIRST_OP_WITH_ARG) arg = 0;
    else if (isRelJump(op)) arg = i + 1 + (arg >> 1);
    else if (isAbsJump(op)) arg = arg >> 1;
    if (op == Op.SETUP_FINALLY || op == Op.SETUP_WITH) setups++;
    if ((isRelJump(op) || isAbsJump(op)) && arg > nunits) { loadError = 2; return 0; }
    store<u32>(units + (<usize>i << 2), op | (arg << 8));
  }
  rp += codeLen;
  fuseUnits(units, nunits);
  store<u32>(c, <u32>units, 16);
  store<u32>(c, nunits, 20);
  let nconst = rU32();
  if (loadError != 0 || <usize>nconst > rend - rp) { loadError = 1; return 0; }
  let consts = newTuple(nconst);
  store<u32>(c, <u32>consts, 24);
  for (let i: u32 = 0; i < nconst; i++) {
    sawBigConst = false;
    let v = rConst(depth);
    if (loadError != 0) return 0;
    if (sawBigConst) {
      // inside a tuple constant there is no unit to retag: refuse the image instead
      if (!isPtr(v) || objType(ptrOf(v)) != T_str) { loadError = 3; return 0; }
      for (let u: u32 = 0; u < nunits; u++) {
        let w = load<u32>(units + (<usize>u << 2));
        if ((w & 0xFF) == Op.LOAD_CONST && (w >> 8) == i) store<u32>(units + (<usize>u << 2), LOAD_BIG_CONST | (i << 8));
      }
    }
    tupSet(consts, i, v);
  }
  store<u32>(c, <u32>rStrTuple(), 28);
  store<u32>(c, <u32>rStrTuple(), 32);
  store<u32>(c, <u32>rStrTuple(), 36);
  store<u32>(c, <u32>rStrTuple(), 40);
  if (loadError != 0) return 0;
  let lnLen = <usize>rU32();
  if (!ok(lnLen)) return 0;
  rp += lnLen;
  if (!ok(<usize>nunits << 4)) return 0;
  let pos = rawAlloc(<usize>nunits << 4 | 16);
  memory.copy(pos, rp, <usize>nunits << 4);
  rp += <usize>nunits << 4;
  store<u32>(c, <u32>pos, 56);
  // Each SETUP_* instruction can own at most one live block at a time in structured 3.8 code
  // (its EXCEPT_HANDLER replaces it), so their count bounds the block stack; CPython's cap is 20.
  let maxBlocks = setups < 20 ? setups : 20;
  store<u32>(c, maxBlocks, 88);
  let ncells = tupLen(codeCellvars(c)), nfree = tupLen(codeFreevars(c));
  store<u32>(c, ncells, 96);
  store<u32>(c, nfree, 100);
  let slots = codeNlocals(c) + ncells + nfree + codeStacksize(c) + STACK_SLACK;
  store<u32>(c, FRAME_HDR + maxBlocks * 16 + slots * 8, 92);
  store<u32>(c, FRAME_HDR + maxBlocks * 16, 120);
  let simple = ncells == 0 && nfree == 0 && codeKwonly(c) == 0 && (codeFlags(c) & 0xC) == 0; // no VARARGS/VARKEYWORDS
  store<u32>(c, simple ? codeArgcount(c) : 0xFFFFFFFF, 116);
  store<u32>(c, simple && (codeFlags(c) & 0x20) == 0 ? codeArgcount(c) : 0xFFFFFFFF, 124); // not GENERATOR
  if (ncells > 0) {
    let map = rawAlloc(<usize>ncells << 2);
    let any = false;
    let nargs = codeArgcount(c) + codeKwonly(c) + ((codeFlags(c) & 4) != 0 ? 1 : 0) + ((codeFlags(c) & 8) != 0 ? 1 : 0);
    for (let i: u32 = 0; i < ncells; i++) {
      let idx: i32 = -1;
      for (let j: u32 = 0; j < nargs && j < tupLen(codeVarnames(c)); j++) {
        if (strEq(ptrOf(tupGet(codeCellvars(c), i)), ptrOf(tupGet(codeVarnames(c), j)))) { idx = <i32>j; break; }
      }
      if (idx >= 0) any = true;
      store<i32>(map + (<usize>i << 2), idx);
    }
    store<u32>(c, any ? <u32>map : 0, 104);
  }
  return c;
}

/** Reads a module code object from [ptr, ptr+len) (header included); 0 and loadError on failure. */
export function loadImage(ptr: usize, len: usize, indexBase: u32 = 0): usize {
  loadError = 0;
  codeIndex = indexBase; // bundled modules number their code from LIBRARY_INDEX (trace skips them)
  if (len < 16) { loadError = 1; return 0; }
  rp = ptr + 16;
  rend = ptr + len;
  let c = readCode(0);
  if (loadError != 0) return 0;
  return c;
}
