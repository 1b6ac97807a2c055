// The interpreter: frames on one contiguous frame stack, the per-frame block stack, the single
// non-recursive dispatch loop (execute) and the one unwinding path (unwind). Hot registers
// (pc, sp, frame, units, locals base, consts) live in wasm locals and are reloaded after every
// frame switch; cold work is in separate helpers (vm-core-measurements.md §1, §3). Never mark a
// helper `@inline(never)`: asc ignores the argument and force-inlines it into execute (it did
// so with unwind, doRaise, traceStep and the error builders, which slowed every dispatch).
//
// frame: +0 code +4 pc (next unit) +8 sp (address) +12 back +16 nblocks +20 flags +24 globals
//        +28 locals dict (0 = fast locals only) +32 function +36 pending with-handler (unit+1)
//        +40 u64 extra (the instance an __init__ frame returns)
//        +48 blocks (16 B: kind, handler unit, level address) then locals, cells, value stack

import { Value, NONE, NULL, TRUE, FALSE, ERR, NOTIMPL, isPtr, isSmallInt, isFloat, ptrOf, mkPtr,
  mkSmallInt, smallIntVal, fitsSmall, floatVal, mkFloat, mkBool, isBool } from "./value";
import { objType, bytesSinceGC, gcThreshold, rawAlloc, objAux, setObjAux, allObjects, safepointCountdown } from "./heap";
import * as O from "./objects";
import { K, typeOf, typeKind, typeName, typeEnter, typeExit, typeInit, lookupType, T_function,
  T_method, T_builtin, T_type, T_str, T_tuple, T_list, T_dict, T_int, T_rangeiter, T_seqiter,
  T_staticmethod, T_classmethod, funcCode, funcGlobals, funcDefaults, funcKwDefaults, funcClosure,
  funcQualname, boundSelf, boundFunc, builtinId, builtinSelf, tupLen, tupGet, tupSet, newTuple,
  dictGetStr, dictGet, dictSet, newCell, cellGet, cellSet, listLen, listGet, newList, listAppend,
  excTb, setExcTb, setExcCause, setExcSuppress, setExcContext, isSubtype, newInstance, strLen,
  strData, typeFlags, TF_BUILTIN, TF_EXC, TF_WITH_FAST, dictLen, dictUsed, entryKey, entryVal, newDict, strCps } from "./objects";
import * as I from "./image";
import { Op, Cmp, CodeFlag } from "./shared/opcodes";
import { curExc, setCurExc, clearCurExc, raiseText, raiseBuilt, raiseTypeObj, raiseValue, raiseStr,
  E_TypeError, E_NameError, E_UnboundLocalError, E_RecursionError, E_RuntimeError, E_SystemError,
  E_ValueError, E_StopIteration, E_AssertionError, E_MemoryError, isExcType, isExcInstance,
  E_BaseException, E_ModuleNotFoundError, E_OverflowError, raiseMemoryError } from "./errors";
import * as P from "./ops";
import { Bin } from "./ops";
import * as N from "./names";
import { importModule } from "./modules";
import { yieldFromStep, yfValue, gcmType, gcmEnter, gcmExit } from "./generators";
import { hostTraceStep } from "./host";
import { sbMark, sbText, sbStr, sbInt, sbTake, sbByte, sbBase, sbReset } from "./strbuf";
import { callBuiltin, constructBuiltin, builtinsDict, sysModule, OBJECT_INIT_ID, EXC_INIT_ID, FIRST_METHOD_ID,
  formatValue } from "./builtins";
import { collect, collectNested } from "./gc";
import { newViaDunder } from "./morebuiltins";
import { pollEntry, entryCountdown, safepointClockOk, armSafepoint, executionAborted, abortException } from "./limits";

export const F_ENTRY: u32 = 1;  // returning (or unwinding) out of this frame leaves execute()
export const F_INIT: u32 = 2;   // an __init__ frame: must return None; the caller gets `extra`
export const F_GEN: u32 = 4;    // a generator's frame while it runs; `extra` is the generator

/** In a frame's pending with-handler (+36): the SETUP_WITH was fused with the POP_TOP after it
 * (image.ts FUSED_WITH_ENTER_POP), so __enter__'s RETURN_VALUE skips it instead of pushing. */
const PENDING_DISCARD: u32 = 0x80000000;
const B_FINALLY: u32 = 1;       // SETUP_FINALLY / SETUP_WITH
const B_EXCEPT: u32 = 2;        // EXCEPT_HANDLER, made only by unwind()

export let frameBase: usize = 0;
export let frameEnd: usize = 0;
export let frameTop: usize = 0;   // first free byte of the frame stack
export let curFrame: usize = 0;   // innermost frame (GC and nested calls start here)
export let depth: i32 = 0;
export let recursionLimit: i32 = 1000;
/** The exception being handled (sys.exc_info()[1]) or NONE. */
export let handledExc: Value = NONE;
/** >0 while native code is on the wasm stack under a nested execute: no GC then. */
export let nativeDepth: i32 = 0;
/** Set by re-raising ops so unwind() adds no traceback entry for this frame. */
let reraising = false;

let argScratch: usize = 0;
let argTop: usize = 0;
let argEnd: usize = 0;

export function vmInit(frameBytes: usize): void {
  frameBase = heap.alloc(frameBytes);
  frameEnd = frameBase + frameBytes;
  frameTop = frameBase;
  argScratch = heap.alloc(256 * 1024);
  argTop = argScratch;
  argEnd = argScratch + 256 * 1024;
}
export function setRecursionLimit(n: i32): void { recursionLimit = n; }
export function setHandledExc(v: Value): void { handledExc = v; }

/** Scratch argument vectors for natives calling back into Python (never GC roots: GC is
 * off while natives run). Release in LIFO order. */
export function nestedArgs(n: u32): usize {
  let p = argTop;
  argTop += <usize>n << 3;
  if (argTop > argEnd) { argTop = p; return 0; }
  return p;
}
export function releaseNestedArgs(n: u32): void { argTop -= <usize>n << 3; }

/** Resets frame and scratch state after an aborted run so the VM stays usable. */
// setters for modules.ts / generators.ts, which run nested code like callNested does
export function setCurFrame(f: usize): void { curFrame = f; }
export function setNativeDepth(n: i32): void { nativeDepth = n; }

export function vmReset(): void {
  frameTop = frameBase;
  curFrame = 0;
  depth = 0;
  nativeDepth = 0;
  argTop = argScratch;
  spareExit = 0;
  handledExc = NONE;
  reraising = false;
}

@inline function frameCode(f: usize): usize { return <usize>load<u32>(f); }
@inline function frameLocalsBase(f: usize, code: usize): usize { return f + I.FRAME_HDR + (<usize>I.codeMaxBlocks(code) << 4); }
@inline export function frameBack(f: usize): usize { return <usize>load<u32>(f, 12); }

// ---- frames and argument binding --------------------------------------------------------------

/** Allocates and initialises a frame for `code`; 0 with RecursionError/MemoryError raised. */
function newFrame(code: usize, globals: usize, localsDict: usize, fn: usize): usize {
  if (!pollEntry()) return 0;
  let size = <usize>I.codeFrameBytes(code);
  let f = frameTop;
  if (depth >= recursionLimit || f + size > frameEnd) {
    raiseText(E_RecursionError, "maximum recursion depth exceeded");
    return 0;
  }
  frameTop = f + size;
  depth++;
  store<u32>(f, <u32>code);
  store<u32>(f, 0, 4);
  store<u32>(f, <u32>curFrame, 12);
  store<u32>(f, 0, 16);
  store<u32>(f, 0, 20);
  store<u32>(f, <u32>globals, 24);
  store<u32>(f, <u32>localsDict, 28);
  store<u32>(f, <u32>fn, 32);
  store<u32>(f, 0, 36);
  store<u64>(f, NONE, 40);
  let lb = frameLocalsBase(f, code);
  let nslots = I.codeNlocals(code) + I.codeNCells(code) + I.codeNFree(code);
  for (let i: u32 = 0; i < nslots; i++) store<u64>(lb + (<usize>i << 3), NULL);
  store<u32>(f, <u32>(lb + (<usize>nslots << 3)), 8);
  return f;
}

function popFrame(f: usize): void {
  frameTop = f;
  depth--;
}

function argError(fn: usize, mark: u32): i32 {
  raiseBuilt(E_TypeError, mark);
  return -1;
}
function sbFuncName(fn: usize): void {
  sbStr(funcQualname(fn));
  sbText("()");
}
function reportMissing(fn: usize, code: usize, lb: usize, from: u32, to: u32, kind: string): i32 {
  let missing: u32 = 0;
  for (let i = from; i < to; i++) if (load<u64>(lb + (<usize>i << 3)) == NULL) missing++;
  let m = sbMark();
  sbFuncName(fn);
  sbText(" missing ");
  sbInt(missing);
  sbText(" required ");
  sbText(kind);
  sbText(missing == 1 ? " argument: " : " arguments: ");
  let k: u32 = 0;
  for (let i = from; i < to; i++) {
    if (load<u64>(lb + (<usize>i << 3)) != NULL) continue;
    if (k > 0) sbText(missing == 2 ? " and " : k == missing - 1 ? ", and " : ", ");
    sbText("'");
    sbStr(ptrOf(tupGet(I.codeVarnames(code), i)));
    sbText("'");
    k++;
  }
  return argError(fn, m);
}

/** Binds (self?, args, kwargs) into the fast locals of frame f: CPython's rules and messages. */
function bindArgs(f: usize, fn: usize, code: usize, self: Value, args: usize, nargs: u32, kwnames: usize): i32 {
  let lb = frameLocalsBase(f, code);
  let argc = I.codeArgcount(code), kwonly = I.codeKwonly(code), flags = I.codeFlags(code);
  let extraSelf: u32 = self != NULL ? 1 : 0;
  let nkw: u32 = kwnames != 0 ? tupLen(kwnames) : 0;
  let npos = nargs - nkw + extraSelf;
  // positional
  let take = npos < argc ? npos : argc;
  for (let i: u32 = 0; i < take; i++) {
    let v = extraSelf != 0 ? (i == 0 ? self : load<u64>(args + (<usize>(i - 1) << 3))) : load<u64>(args + (<usize>i << 3));
    store<u64>(lb + (<usize>i << 3), v);
  }
  let slot = argc + kwonly;
  if ((flags & CodeFlag.VARARGS) != 0) {
    let n = npos > argc ? npos - argc : 0;
    let t = newTuple(n);
    if (t == 0) return -1;
    for (let i: u32 = 0; i < n; i++) {
      let j = argc + i;
      tupSet(t, i, extraSelf != 0 ? (j == 0 ? self : load<u64>(args + (<usize>(j - 1) << 3))) : load<u64>(args + (<usize>j << 3)));
    }
    store<u64>(lb + (<usize>slot << 3), mkPtr(t));
    slot++;
  } else if (npos > argc) {
    let defs = funcDefaults(fn);
    let nd: u32 = defs != 0 ? tupLen(defs) : 0;
    let m = sbMark();
    sbFuncName(fn);
    sbText(" takes ");
    if (nd > 0) { sbText("from "); sbInt(argc - nd); sbText(" to "); }
    sbInt(argc);
    sbText(argc == 1 && nd == 0 ? " positional argument but " : " positional arguments but ");
    sbInt(npos);
    sbText(npos == 1 ? " was given" : " were given");
    return argError(fn, m);
  }
  let kwdict: usize = 0;
  if ((flags & CodeFlag.VARKEYWORDS) != 0) {
    kwdict = newDict();
    if (kwdict == 0) return -1;
    store<u64>(lb + (<usize>slot << 3), mkPtr(kwdict));
  }
  // keywords
  let names = I.codeVarnames(code);
  for (let k: u32 = 0; k < nkw; k++) {
    let key = ptrOf(tupGet(kwnames, k));
    let v = load<u64>(args + (<usize>(nargs - nkw + k) << 3));
    let found: i32 = -1;
    for (let i = I.codePosonly(code); i < argc + kwonly; i++) {
      let nm = ptrOf(tupGet(names, i));
      if (nm == key || O.strEq(nm, key)) { found = <i32>i; break; }
    }
    if (found < 0) {
      if (kwdict != 0) { if (!dictSet(kwdict, mkPtr(key), v)) return -1; continue; }
      let m = sbMark();
      sbFuncName(fn);
      sbText(" got an unexpected keyword argument '");
      sbStr(key);
      sbText("'");
      return argError(fn, m);
    }
    let at = lb + (<usize>found << 3);
    if (load<u64>(at) != NULL) {
      let m = sbMark();
      sbFuncName(fn);
      sbText(" got multiple values for argument '");
      sbStr(key);
      sbText("'");
      return argError(fn, m);
    }
    store<u64>(at, v);
  }
  // defaults for missing positionals
  if (npos < argc || nkw > 0) {
    let defs = funcDefaults(fn);
    let nd: u32 = defs != 0 ? tupLen(defs) : 0;
    for (let i: u32 = 0; i < argc; i++) {
      let at = lb + (<usize>i << 3);
      if (load<u64>(at) != NULL) continue;
      if (i + nd >= argc) store<u64>(at, tupGet(defs, i + nd - argc));
    }
    for (let i: u32 = 0; i < argc; i++) {
      if (load<u64>(lb + (<usize>i << 3)) == NULL) return reportMissing(fn, code, lb, 0, argc, "positional");
    }
  }
  if (kwonly > 0) {
    let kd = funcKwDefaults(fn);
    for (let i = argc; i < argc + kwonly; i++) {
      let at = lb + (<usize>i << 3);
      if (load<u64>(at) != NULL) continue;
      if (kd != 0) {
        let v = dictGetStr(kd, ptrOf(tupGet(names, i)));
        if (v != NULL) { store<u64>(at, v); continue; }
      }
    }
    for (let i = argc; i < argc + kwonly; i++) {
      if (load<u64>(lb + (<usize>i << 3)) == NULL) return reportMissing(fn, code, lb, argc, argc + kwonly, "keyword-only");
    }
  }
  return 0;
}

/** Creates cells for cellvars (seeded from arguments they shadow) and installs the closure. */
function setupCells(f: usize, fn: usize, code: usize): bool {
  let lb = frameLocalsBase(f, code);
  let nl = I.codeNlocals(code), nc = I.codeNCells(code), nf = I.codeNFree(code);
  let map = I.codeCell2Arg(code);
  for (let i: u32 = 0; i < nc; i++) {
    let init: Value = NULL;
    if (map != 0) {
      let a = load<i32>(map + (<usize>i << 2));
      if (a >= 0) init = load<u64>(lb + (<usize>a << 3));
    }
    let c = newCell(init);
    if (c == 0) return false;
    store<u64>(lb + (<usize>(nl + i) << 3), mkPtr(c));
  }
  let clo = funcClosure(fn);
  for (let i: u32 = 0; i < nf; i++) store<u64>(lb + (<usize>(nl + nc + i) << 3), tupGet(clo, i));
  return true;
}

/** Pushes a frame running Python function fn; 0 on error (raised). */
/** LOAD_GLOBAL at `unit` (name index `nameArg`) answered from the unit's inline cache, or NULL
 * when the cache has no valid entry (see loadGlobalSlow for what the cache holds). */
@inline function cachedGlobal(f: usize, code: usize, unit: u32, nameArg: u32): Value {
  let ic = I.codeGlobalCache(code);
  if (ic == 0) return NULL;
  let c = load<u64>(ic + (<usize>unit << 3));
  let e = <u32>c - 1; // entry index; an empty slot wraps and fails the bound below
  let stamp = <u32>(c >> 32);
  let g = <usize>load<u32>(f, 24);
  let d = g;
  if (stamp != 0) {
    // a builtin: valid while the globals dict has gained no key
    if (stamp != (O.dictKeyStamp(g) | 0x80000000)) return NULL;
    d = builtinsDict;
  }
  if (e >= dictUsed(d)) return NULL;
  let ep = O.dictEntries(d) + <usize>e * 24;
  if (load<u64>(ep) != tupGet(I.codeNames(code), nameArg)) return NULL;
  return load<u64>(ep, 8);
}

/** WITH_CLEANUP_FINISH when __exit__ returned true: drops frame f's EXCEPT_HANDLER block and
 * its record, restores the exception that was being handled before, and leaves NULL for
 * END_FINALLY. Returns the new sp. */
@inline function suppressHandled(f: usize): usize {
  let nb = load<u32>(f, 16) - 1;
  store<u32>(f, nb, 16);
  let level = <usize>load<u32>(f + I.FRAME_HDR + (<usize>nb << 4), 8);
  handledExc = load<u64>(level + 8);
  store<u64>(level, NULL);
  return level + 8;
}

/** Whether a frame for `code` fits under the recursion limit and in the frame stack, and the
 * time limit's entry budget (limits.ts) is not spent: then writeSimpleFrame cannot fail. Else
 * the caller takes the general path (newFrame), which raises or polls. Checked before an
 * instruction rearranges its stack for a call. */
@inline function frameFits(code: usize): bool {
  return depth < recursionLimit && frameTop + <usize>I.codeFrameBytes(code) <= frameEnd && --entryCountdown >= 0;
}

/** Writes the frame of a call that needs no binding work (code +116/+124 matched `total`, and
 * frameFits said yes): header, self and the positional arguments, NULL for the other locals. */
@inline function writeSimpleFrame(back: usize, fn: usize, code: usize, self: Value, args: usize, nargs: u32, total: u32): usize {
  let f = writeFrameHeader(back, fn, code);
  let p = f + <usize>I.codeLocalsOffset(code);
  if (self != NULL) { store<u64>(p, self); p += 8; }
  // a store loop: memory.copy is an out-of-line call in V8 (exitpaths bench: __exit__'s 3 args)
  for (let i: usize = 0; i < <usize>nargs; i++) store<u64>(p + (i << 3), load<u64>(args + (i << 3)));
  clearLocalsFrom(f, code, total);
  return f;
}

/** writeSimpleFrame for __exit__(self, type, value, tb): the arguments go straight into the
 * frame's locals rather than through the caller's value stack. */
@inline function writeExitFrame(back: usize, fn: usize, code: usize, self: Value, t: Value, v: Value, tb: Value): usize {
  let f = writeFrameHeader(back, fn, code);
  let lb = f + <usize>I.codeLocalsOffset(code);
  store<u64>(lb, self);
  store<u64>(lb, t, 8);
  store<u64>(lb, v, 16);
  store<u64>(lb, tb, 24);
  clearLocalsFrom(f, code, 4);
  return f;
}

/** A frame's header for `code` called as `fn` from frame `back` (frameFits said yes), its value
 * stack empty; its locals are left to the caller. */
@inline function writeFrameHeader(back: usize, fn: usize, code: usize): usize {
  let f = frameTop;
  frameTop = f + <usize>I.codeFrameBytes(code);
  depth++;
  store<u32>(f, <u32>code);
  store<u32>(f, 0, 4);
  store<u32>(f, <u32>(f + <usize>I.codeLocalsOffset(code) + (<usize>I.codeNlocals(code) << 3)), 8);
  store<u32>(f, <u32>back, 12);
  store<u64>(f, 0, 16); // nblocks, flags
  store<u32>(f, <u32>funcGlobals(fn), 24);
  store<u32>(f, 0, 28);
  store<u32>(f, <u32>fn, 32);
  store<u32>(f, 0, 36);
  store<u64>(f, NONE, 40);
  return f;
}

/** NULL (unbound) in the locals of frame f from local `from` on. */
@inline function clearLocalsFrom(f: usize, code: usize, from: u32): void {
  let lb = f + <usize>I.codeLocalsOffset(code);
  let end = lb + (<usize>I.codeNlocals(code) << 3);
  for (let q = lb + (<usize>from << 3); q < end; q += 8) store<u64>(q, NULL);
}

/** The dispatch loop's inline call: a plain (non-generator) function called with exactly its
 * positional parameters gets its frame here without leaving the loop; 0 means "take the general
 * path" (invoke / pushFunctionFrame), nothing raised. exitpaths bench: __enter__ and __exit__
 * through invoke() and an out-of-line pushFunctionFrame were a quarter of with_normal. */
@inline function pushPlainFrame(back: usize, fn: usize, self: Value, args: usize, nargs: u32): usize {
  let code = funcCode(fn);
  let total = nargs + (self != NULL ? 1 : 0);
  if (I.codePlainArgc(code) != total || !frameFits(code)) return 0;
  return writeSimpleFrame(back, fn, code, self, args, nargs, total);
}

export function pushFunctionFrame(fn: usize, self: Value, args: usize, nargs: u32, kwnames: usize): usize {
  let code = funcCode(fn);
  // exact positional call of a function without cells or special parameters: the frame is
  // written in one pass from precomputed code fields (exitpaths bench: __enter__/__exit__)
  let total = nargs + (self != NULL ? 1 : 0);
  if (kwnames == 0 && I.codeSimpleArgc(code) == total) {
    // the time limit's entry poll rides on frameFits: once its budget is spent, newFrame takes
    // the poll's slow path (call-only recursion has no back-edge to poll at)
    if (frameFits(code)) return writeSimpleFrame(curFrame, fn, code, self, args, nargs, total);
  }
  let f = newFrame(code, funcGlobals(fn), 0, fn);
  if (f == 0) return 0;
  let flags = I.codeFlags(code);
  if (kwnames == 0 && total == I.codeArgcount(code) && I.codeKwonly(code) == 0 &&
      (flags & (CodeFlag.VARARGS | CodeFlag.VARKEYWORDS)) == 0) {
    // fast path: exact positional call
    let lb = frameLocalsBase(f, code);
    if (self != NULL) { store<u64>(lb, self); lb += 8; }
    // a store loop: memory.copy is an out-of-line call in V8 (exitpaths bench: __exit__'s 3 args)
    for (let i: usize = 0; i < <usize>nargs; i++) store<u64>(lb + (i << 3), load<u64>(args + (i << 3)));
  } else if (bindArgs(f, fn, code, self, args, nargs, kwnames) < 0) {
    popFrame(f);
    return 0;
  }
  if ((I.codeNCells(code) | I.codeNFree(code)) != 0 && !setupCells(f, fn, code)) { popFrame(f); return 0; }
  return f;
}

// ---- generators --------------------------------------------------------------------------------
// A generator owns a TLSF block holding its suspended frame. Resuming copies the frame to the
// top of the frame stack (so the dispatch loop runs it like any frame, non-recursively);
// YIELD_VALUE copies it back. Addresses inside a frame (sp, block levels) are stored relative
// to the frame while suspended.
// generator: +16 u32 frame block, +20 u32 state, +24 u32 code, +28 u32 qualname
export const GEN_CREATED: u32 = 0;
export const GEN_SUSPENDED: u32 = 1;
export const GEN_RUNNING: u32 = 2;
export const GEN_FINISHED: u32 = 3;
@inline export function genBlock(g: usize): usize { return <usize>load<u32>(g, 16); }
@inline export function genState(g: usize): u32 { return load<u32>(g, 20); }

/** Moves frame f (on top of the frame stack) into generator g's block and pops it. */
function suspendFrame(f: usize, g: usize): void {
  let code = frameCode(f);
  let size = <usize>I.codeFrameBytes(code);
  let blk = genBlock(g);
  memory.copy(blk, f, size);
  store<u32>(blk, load<u32>(f, 8) - <u32>f, 8);
  let nb = load<u32>(f, 16);
  for (let i: u32 = 0; i < nb; i++) {
    let b = blk + I.FRAME_HDR + (<usize>i << 4);
    store<u32>(b, load<u32>(b, 8) - <u32>f, 8);
  }
  store<u32>(blk, 0, 12);
  store<u32>(blk, load<u32>(blk, 20) & ~F_ENTRY, 20);
  popFrame(f);
}

/** Creates the generator for a call of generator function fn (arguments already bound in f). */
function makeGenerator(f: usize, fn: usize): Value {
  let code = frameCode(f);
  let g = O.gcAllocGen(<usize>I.codeFrameBytes(code));
  if (g == 0) { popFrame(f); return ERR; }
  store<u32>(g, <u32>(g + 32), 16); // the frame block is inline (gcAllocGen)
  store<u32>(g, GEN_CREATED, 20);
  store<u32>(g, <u32>code, 24);
  store<u32>(g, <u32>funcQualname(fn), 28);
  store<u32>(f, load<u32>(f, 20) | F_GEN, 20);
  store<u64>(f, mkPtr(g), 40);
  suspendFrame(f, g);
  return mkPtr(g);
}

/** Copies g's frame onto the frame stack to run it; 0 if finished (curExc unset) or on error.
 * `send` is the value of the suspended yield (NULL: resuming to throw, nothing is pushed). */
function resumeFrame(g: usize, send: Value): usize {
  let st = genState(g);
  if (st == GEN_RUNNING) { raiseText(E_ValueError, "generator already executing"); return 0; }
  if (st == GEN_FINISHED) return 0;
  if (st == GEN_CREATED && send != NONE && send != NULL) { raiseText(E_TypeError, "can't send non-None value to a just-started generator"); return 0; }
  if (!pollEntry()) return 0;
  let code = <usize>load<u32>(g, 24);
  let size = <usize>I.codeFrameBytes(code);
  let f = frameTop;
  if (depth >= recursionLimit || f + size > frameEnd) {
    raiseText(E_RecursionError, "maximum recursion depth exceeded");
    return 0;
  }
  memory.copy(f, genBlock(g), size);
  frameTop = f + size;
  depth++;
  store<u32>(f, load<u32>(f, 8) + <u32>f, 8);
  let nb = load<u32>(f, 16);
  for (let i: u32 = 0; i < nb; i++) {
    let b = f + I.FRAME_HDR + (<usize>i << 4);
    store<u32>(b, load<u32>(b, 8) + <u32>f, 8);
  }
  store<u32>(f, <u32>curFrame, 12);
  if (st == GEN_SUSPENDED && send != NULL) {
    // the value of the suspended `yield` expression
    let sp = <usize>load<u32>(f, 8);
    store<u64>(sp, send);
    store<u32>(f, <u32>(sp + 8), 8);
  }
  store<u32>(g, GEN_RUNNING, 20);
  return f;
}

/** next(g) from native code: the yielded value, NULL when the generator finished, or ERR. */
export function resumeNested(g: usize, send: Value): Value {
  let saved = curFrame;
  genReturnValue = NONE;
  let f = resumeFrame(g, send);
  if (f == 0) return curExc != NULL ? ERR : NULL;
  store<u32>(f, load<u32>(f, 20) | F_ENTRY, 20);
  nativeDepth++;
  let v = execute(f);
  nativeDepth--;
  curFrame = saved;
  if (v == ERR) return ERR;
  if (genState(g) == GEN_FINISHED) { genReturnValue = v; return NULL; }
  return v;
}
/** generator.throw(exc): raises exc at the suspended yield; like resumeNested otherwise. */
export function throwIntoGenerator(g: usize, exc: Value): Value {
  let saved = curFrame;
  genReturnValue = NONE;
  if (genState(g) == GEN_CREATED) store<u32>(g, GEN_FINISHED, 20); // never started: nothing can catch it
  let f = resumeFrame(g, NULL);
  if (f == 0) {
    if (curExc != NULL) return ERR;
    curExc = exc;
    return ERR;
  }
  store<u32>(f, load<u32>(f, 20) | F_ENTRY, 20);
  curExc = exc;
  throwOnEntry = true;
  nativeDepth++;
  let v = execute(f);
  nativeDepth--;
  curFrame = saved;
  if (v == ERR) return ERR;
  if (genState(g) == GEN_FINISHED) { genReturnValue = v; return NULL; }
  return v;
}
/** Makes the next execute() start by unwinding curExc from its entry frame (generator.throw). */
let throwOnEntry = false;

/** The value the generator last finished by resumeNested returned (StopIteration.value). */
export let genReturnValue: Value = NONE;

/** Result of invoke(): the new frame when it returned 1. */
let pushedFrame: usize = 0;

/** Calls `callable` with args at `args`. Returns 0 with the result stored at resultSlot,
 * 1 when a Python frame was pushed (its result will be pushed at the caller's saved sp),
 * -1 when an exception was raised. */
export function invoke(callable: Value, args: usize, nargs: u32, kwnames: usize, resultSlot: usize): i32 {
  let self: Value = NULL;
  if (isPtr(callable)) {
    let p = ptrOf(callable);
    let t = objType(p);
    if (t == T_method) {
      self = boundSelf(p);
      callable = boundFunc(p);
      if (!isPtr(callable)) return notCallable(callable);
      p = ptrOf(callable);
      t = objType(p);
    }
    if (t == T_function) {
      let f = pushFunctionFrame(p, self, args, nargs, kwnames);
      if (f == 0) return -1;
      if ((I.codeFlags(funcCode(p)) & CodeFlag.GENERATOR) != 0) {
        let g = makeGenerator(f, p);
        if (g == ERR) return -1;
        store<u64>(resultSlot, g);
        return 0;
      }
      pushedFrame = f;
      return 1;
    }
    if (t == T_builtin) {
      let bself = builtinSelf(p);
      if (bself != NULL) {
        if (self != NULL) return callBuiltinWithSelf(p, self, args, nargs, kwnames, resultSlot, true);
        self = bself;
      }
      if (self != NULL && bself == NULL) return callBuiltinWithSelf(p, self, args, nargs, kwnames, resultSlot, false);
      if (self == NULL && builtinId(p) >= FIRST_METHOD_ID) {
        // an unbound method of a builtin type (LOAD_METHOD / CALL_METHOD): self is args[0]
        if (nargs == 0) {
          let m = sbMark();
          sbText("unbound method ");
          sbStr(O.builtinName(p));
          sbText("() needs an argument");
          raiseBuilt(E_TypeError, m);
          return -1;
        }
        self = load<u64>(args);
        args += 8;
        nargs--;
      }
      let r = callBuiltin(builtinId(p), self, args, nargs, kwnames);
      if (r == ERR) return -1;
      store<u64>(resultSlot, r);
      return 0;
    }
    if (t == T_type) return instantiate(p, self, args, nargs, kwnames, resultSlot);
    let k = typeKind(t);
    if (k == K.INST || k == K.EXC || k == K.GCM) {
      let c = lookupType(t, N.S___call__);
      if (c != NULL && isPtr(c) && objType(ptrOf(c)) == T_function && self == NULL) {
        let f = pushFunctionFrame(ptrOf(c), callable, args, nargs, kwnames);
        if (f == 0) return -1;
        pushedFrame = f;
        return 1;
      }
    }
    if (t == T_staticmethod) return invoke(load<u64>(p, 16), args, nargs, kwnames, resultSlot);
  }
  return notCallable(callable);
}

function notCallable(v: Value): i32 {
  raiseTypeObj(E_TypeError, v, "is not callable");
  return -1;
}

/** A builtin reached through a bound method: self goes in front of the arguments. */
function callBuiltinWithSelf(b: usize, self: Value, args: usize, nargs: u32, kwnames: usize, resultSlot: usize, prepend: bool): i32 {
  let r: Value;
  if (!prepend) r = callBuiltin(builtinId(b), self, args, nargs, kwnames);
  else {
    let a = nestedArgs(nargs + 1);
    if (a == 0) { raiseText(E_RecursionError, "maximum recursion depth exceeded"); return -1; }
    store<u64>(a, self);
    memory.copy(a + 8, args, <usize>nargs << 3);
    r = callBuiltin(builtinId(b), builtinSelf(b), a, nargs + 1, kwnames);
    releaseNestedArgs(nargs + 1);
  }
  if (r == ERR) return -1;
  store<u64>(resultSlot, r);
  return 0;
}

/** C(...): builtin types construct natively; classes make an instance and run __init__. */
function instantiate(t: usize, self: Value, args: usize, nargs: u32, kwnames: usize, resultSlot: usize): i32 {
  if ((typeFlags(t) & TF_BUILTIN) != 0 && (typeFlags(t) & TF_EXC) == 0) {
    let r = constructBuiltin(t, args, nargs, kwnames);
    if (r == ERR) return -1;
    store<u64>(resultSlot, r);
    return 0;
  }
  if ((typeFlags(t) & O.TF_NEW) != 0) {
    let r = newViaDunder(t, args, nargs, kwnames);
    if (r == ERR) return -1;
    store<u64>(resultSlot, r);
    return 0;
  }
  let o = newInstance(t);
  if (o == 0) return -1;
  let inst = mkPtr(o);
  let init = typeInit(t);
  if ((typeFlags(t) & TF_EXC) != 0) {
    let nkw: u32 = kwnames != 0 ? tupLen(kwnames) : 0;
    let at = O.tupleFrom(args, nargs - nkw);
    if (at == 0) return -1;
    O.setExcArgs(o, mkPtr(at));
  }
  if (isPtr(init) && objType(ptrOf(init)) == T_function) {
    let f = pushFunctionFrame(ptrOf(init), inst, args, nargs, kwnames);
    if (f == 0) return -1;
    store<u32>(f, load<u32>(f, 20) | F_INIT, 20);
    store<u64>(f, inst, 40);
    pushedFrame = f;
    return 1;
  }
  if (isPtr(init) && objType(ptrOf(init)) == T_builtin) {
    let id = builtinId(ptrOf(init));
    if (id == OBJECT_INIT_ID) {
      if (nargs > 0 && (typeFlags(t) & TF_EXC) == 0) {
        let m = sbMark();
        sbStr(typeName(t));
        sbText("() takes no arguments");
        raiseBuilt(E_TypeError, m);
        return -1;
      }
    } else if (id != EXC_INIT_ID) {
      let r = callBuiltinWithSelf(ptrOf(init), inst, args, nargs, kwnames, resultSlot, false);
      if (r < 0) return -1;
    }
  }
  store<u64>(resultSlot, inst);
  return 0;
}

/** Calls a callable from native code and runs it to completion (nested execute). */
export function callNested(callable: Value, args: usize, nargs: u32): Value {
  return callNestedKw(callable, args, nargs, 0);
}
export function callNestedKw(callable: Value, args: usize, nargs: u32, kwnames: usize): Value {
  let slot = nestedArgs(1);
  if (slot == 0) return raiseText(E_RecursionError, "maximum recursion depth exceeded");
  let saved = curFrame;
  nativeDepth++;
  let r = invoke(callable, args, nargs, kwnames, slot);
  let v: Value;
  if (r == 0) v = load<u64>(slot);
  else if (r < 0) v = ERR;
  else {
    let f = pushedFrame;
    store<u32>(f, load<u32>(f, 20) | F_ENTRY, 20);
    v = execute(f);
  }
  nativeDepth--;
  curFrame = saved;
  releaseNestedArgs(1);
  return v;
}
export function callNested1(fn: Value, a: Value): Value {
  let p = nestedArgs(1);
  if (p == 0) return raiseText(E_RecursionError, "maximum recursion depth exceeded");
  store<u64>(p, a);
  let r = callNested(fn, p, 1);
  releaseNestedArgs(1);
  return r;
}
export function callNested2(fn: Value, a: Value, b: Value): Value {
  let p = nestedArgs(2);
  if (p == 0) return raiseText(E_RecursionError, "maximum recursion depth exceeded");
  store<u64>(p, a);
  store<u64>(p, b, 8);
  let r = callNested(fn, p, 2);
  releaseNestedArgs(2);
  return r;
}

/** Entry from JS (vm.call): like callNested but at native depth 0, so the loop may collect. */
export function callTop(callable: Value, args: usize, nargs: u32): Value {
  let slot = nestedArgs(1);
  let r = invoke(callable, args, nargs, 0, slot);
  let v: Value;
  if (r == 0) v = load<u64>(slot);
  else if (r < 0) v = ERR;
  else {
    let f = pushedFrame;
    store<u32>(f, load<u32>(f, 20) | F_ENTRY, 20);
    v = execute(f);
  }
  releaseNestedArgs(1);
  return v;
}

/** Runs a class body (or module) code with a namespace dict as its locals; returns its value. */
export function runWithLocals(fn: usize, code: usize, globals: usize, ns: usize): Value {
  let saved = curFrame;
  nativeDepth++;
  let f = newFrame(code, globals, ns, fn);
  let v: Value = ERR;
  if (f != 0) {
    if (fn != 0 && (I.codeNCells(code) | I.codeNFree(code)) != 0 && !setupCells(f, fn, code)) { popFrame(f); }
    else {
      store<u32>(f, F_ENTRY, 20);
      v = execute(f);
    }
  }
  nativeDepth--;
  curFrame = saved;
  return v;
}

/** Entry from JS: runs a module code object with `globals` as both namespaces. */
export function runModule(code: usize, globals: usize): Value {
  let f = newFrame(code, globals, globals, 0);
  if (f == 0) return ERR;
  store<u32>(f, F_ENTRY, 20);
  return execute(f);
}

// ---- exceptions ------------------------------------------------------------------------------

/** Adds a traceback entry for frame f at the instruction before its saved pc. */
function addTraceback(f: usize, exc: Value): void {
  if (!isPtr(exc)) return;
  let pc = load<u32>(f, 4);
  let tb = O.excTraceback(ptrOf(exc), frameCode(f), pc > 0 ? pc - 1 : 0);
  if (tb != NULL) setExcTb(ptrOf(exc), tb);
}

/** The one unwinding path. With curExc in flight from frame f (pc/sp spilled), pops blocks and
 * frames until a handler is found: returns that frame (pc/sp set, 6-value record pushed), or 0
 * when the exception leaves the entry frame (the caller of execute gets ERR). */
function unwind(f: usize): usize {
  if (executionAborted) return abandonRun(f); // past the time limit: no handler may run
  let exc = curExc;
  if (!reraising) addTraceback(f, exc);
  reraising = false;
  while (true) {
    let code = frameCode(f);
    let sp = <usize>load<u32>(f, 8);
    let nb = load<u32>(f, 16);
    store<u32>(f, 0, 36); // a pending with-block never gets pushed
    while (nb > 0) {
      nb--;
      let b = f + I.FRAME_HDR + (<usize>nb << 4);
      let kind = load<u32>(b);
      let level = <usize>load<u32>(b, 8);
      if (kind == B_EXCEPT) {
        // the record below level+3 is (prev tb, prev value, prev type): restore exc_info
        sp = level + 24;
        handledExc = load<u64>(sp - 16);
        sp = level;
        continue;
      }
      sp = level;
      store<u32>(b, B_EXCEPT);
      store<u32>(b, 0xFFFFFFFF, 4);
      store<u32>(b, <u32>sp, 8);
      // both are exception instances (or None for no handled exception): their class is the
      // header's type word, without typeOf's tests for unboxed values
      let prev = handledExc;
      if (isPtr(prev)) {
        store<u64>(sp, excTb(ptrOf(prev)));
        store<u64>(sp + 16, mkPtr(objType(ptrOf(prev))));
      } else {
        store<u64>(sp, NONE);
        store<u64>(sp + 16, NONE);
      }
      store<u64>(sp + 8, prev);
      handledExc = exc;
      store<u64>(sp + 24, excTb(ptrOf(exc)));
      store<u64>(sp + 32, exc);
      store<u64>(sp + 40, mkPtr(objType(ptrOf(exc))));
      store<u32>(f, nb + 1, 16);
      store<u32>(f, <u32>(sp + 48), 8);
      store<u32>(f, load<u32>(b, 12), 4); // resume at the handler
      clearCurExc();
      return f;
    }
    store<u32>(f, 0, 16);
    let flags = load<u32>(f, 20);
    if ((flags & F_GEN) != 0) exc = generatorRaised(f, exc);
    popFrame(f);
    let back = frameBack(f);
    curFrame = back;
    if ((flags & F_ENTRY) != 0) { curExc = exc; return 0; }
    f = back;
    addTraceback(f, exc);
  }
  return 0;
}

/** Unwinding once the time limit has aborted the run (limits.ts): pops every frame up to the
 * entry frame without running a handler, restoring exc_info as each EXCEPT_HANDLER record would
 * and finishing the generators that were running. Returns 0 with the abort in curExc. */
function abandonRun(f: usize): usize {
  reraising = false;
  while (true) {
    for (let nb = load<u32>(f, 16); nb > 0; nb--) {
      let b = f + I.FRAME_HDR + (<usize>(nb - 1) << 4);
      // an EXCEPT_HANDLER's record keeps the previous exc_info value one slot above its level
      if (load<u32>(b) == B_EXCEPT) handledExc = load<u64>(<usize>load<u32>(b, 8) + 8);
    }
    store<u32>(f, 0, 16);
    let flags = load<u32>(f, 20);
    if ((flags & F_GEN) != 0) store<u32>(ptrOf(load<u64>(f, 40)), GEN_FINISHED, 20);
    popFrame(f);
    let back = frameBack(f);
    curFrame = back;
    if ((flags & F_ENTRY) != 0) { setCurExc(abortException()); return 0; }
    f = back;
  }
  return 0;
}

/** An exception leaves generator frame f: the generator is finished, and a StopIteration
 * becomes RuntimeError (PEP 479). Returns the exception that goes on unwinding. */
function generatorRaised(f: usize, exc: Value): Value {
  store<u32>(ptrOf(load<u64>(f, 40)), GEN_FINISHED, 20);
  if (!isSubtype(typeOf(exc), E_StopIteration)) return exc;
  let m = sbMark();
  sbText("generator raised StopIteration");
  raiseBuilt(E_RuntimeError, m);
  let re = curExc;
  setExcCause(ptrOf(re), exc);
  setExcContext(ptrOf(re), exc);
  setExcSuppress(ptrOf(re), true);
  clearCurExc();
  return re;
}

@inline function pushBlock(f: usize, handler: u32, level: usize): bool {
  let nb = load<u32>(f, 16);
  if (nb >= I.codeMaxBlocks(frameCode(f))) return false;
  let b = f + I.FRAME_HDR + (<usize>nb << 4);
  store<u32>(b, B_FINALLY);
  store<u32>(b, handler, 12); // handler unit lives at +12 so unwind can set pc from it
  store<u32>(b, <u32>level, 8);
  store<u32>(f, nb + 1, 16);
  return true;
}

/** RAISE_VARARGS 1/2: instantiate classes, check types, attach the cause. ERR always. */
function doRaise(exc: Value, cause: Value): Value {
  if (isPtr(exc) && objType(ptrOf(exc)) == T_type) {
    let t = ptrOf(exc);
    let flags = typeFlags(t);
    if ((flags & TF_EXC) == 0) return raiseText(E_TypeError, "exceptions must derive from BaseException");
    let init = typeInit(t);
    // `raise SomeError` with BaseException's own __new__ and __init__: build the instance
    // directly rather than through a nested run (the raise-in-with loop spent most time there)
    if ((flags & O.TF_NEW) == 0 &&
        (init == NULL || (isPtr(init) && objType(ptrOf(init)) == T_builtin && builtinId(ptrOf(init)) == EXC_INIT_ID))) {
      let o = O.newException(t);
      if (o == 0) return ERR;
      if (cause == NULL) return raiseValue(mkPtr(o));
      exc = mkPtr(o);
    } else {
      let r = callNested(exc, 0, 0);
      if (r == ERR) return ERR;
      if (!isExcInstance(r)) {
        let m = sbMark();
        sbText("calling ");
        P.appendRepr(exc);
        sbText(" should have returned an instance of BaseException, not ");
        sbStr(typeName(typeOf(r)));
        return raiseBuilt(E_TypeError, m);
      }
      exc = r;
    }
  } else if (!isExcInstance(exc)) {
    return raiseText(E_TypeError, "exceptions must derive from BaseException");
  }
  if (cause != NULL) {
    if (isPtr(cause) && objType(ptrOf(cause)) == T_type) {
      if (!isExcType(ptrOf(cause))) return raiseText(E_TypeError, "exception causes must derive from BaseException");
      let r = callNested(cause, 0, 0);
      if (r == ERR) return ERR;
      cause = r;
    } else if (cause != NONE && !isExcInstance(cause)) {
      return raiseText(E_TypeError, "exception causes must derive from BaseException");
    }
    setExcCause(ptrOf(exc), cause);
    setExcSuppress(ptrOf(exc), true);
  }
  return raiseValue(exc);
}

/** COMPARE_OP exception match: does class `t` match the class (or tuple of classes) `match`? */
function excMatch(t: Value, match: Value): Value {
  if (isPtr(match) && objType(ptrOf(match)) == T_tuple) {
    let tp = ptrOf(match);
    for (let i: u32 = 0; i < tupLen(tp); i++) {
      let r = excMatch(t, tupGet(tp, i));
      if (r != FALSE) return r;
    }
    return FALSE;
  }
  if (!isPtr(match) || objType(ptrOf(match)) != T_type || !isExcType(ptrOf(match))) {
    return raiseText(E_TypeError, "catching classes that do not inherit from BaseException is not allowed");
  }
  return mkBool(isPtr(t) && objType(ptrOf(t)) == T_type && isSubtype(ptrOf(t), ptrOf(match)));
}

function nameError(name: usize): Value {
  let m = sbMark();
  sbText("name '");
  sbStr(name);
  sbText("' is not defined");
  return raiseBuilt(E_NameError, m);
}
function unboundLocal(code: usize, i: u32): Value {
  let m = sbMark();
  sbText("cannot access local variable '");
  sbStr(ptrOf(tupGet(I.codeVarnames(code), i)));
  sbText("' where it is not associated with a value");
  return raiseBuilt(E_UnboundLocalError, m);
}
function unboundDeref(code: usize, i: u32): Value {
  let nc = I.codeNCells(code);
  let m = sbMark();
  if (i < nc) {
    sbText("cannot access local variable '");
    sbStr(ptrOf(tupGet(I.codeCellvars(code), i)));
    sbText("' where it is not associated with a value");
    return raiseBuilt(E_UnboundLocalError, m);
  }
  sbText("cannot access free variable '");
  sbStr(ptrOf(tupGet(I.codeFreevars(code), i - nc)));
  sbText("' where it is not associated with a value in enclosing scope");
  return raiseBuilt(E_NameError, m);
}

/** LOAD_GLOBAL / LOAD_NAME fallbacks. */
function loadGlobal(globals: usize, name: usize): Value {
  let v = dictGetStr(globals, name);
  if (v != NULL) return v;
  v = dictGetStr(builtinsDict, name);
  if (v != NULL) return v;
  return nameError(name);
}

// SETUP_WITH's bound __exit__ (X) is reachable only from its value-stack slot until
// WITH_CLEANUP_START calls it, and is garbage right after. The one consumed last is kept as
// `spareExit` and reused by the next SETUP_WITH, so a with-loop allocates nothing per
// iteration (exitpaths bench, with_normal). Only bound methods made here carry AUX_WITH_EXIT in
// their header; a collection drops the spare (it is never referenced, so sweep frees it).
const AUX_WITH_EXIT: u32 = 0x57E7;
let spareExit: usize = 0;
/** The spare X (spareExit != 0) rebound to `mgr`'s `exit`. */
@inline function takeSpareExit(mgr: Value, exit: Value): Value {
  let b = spareExit;
  spareExit = 0;
  store<u64>(b, mgr, 16);
  store<u64>(b, exit, 24);
  return mkPtr(b);
}
/** X made by withExitMethod: a bound method of a plain function (aux is a str's hash cache,
 * so the type is checked too). */
@inline function isWithExit(x: Value): bool {
  return isPtr(x) && objAux(ptrOf(x)) == AUX_WITH_EXIT && objType(ptrOf(x)) == T_method;
}
export function dropSpareExit(): void { spareExit = 0; }
function withExitMethod(mgr: Value, exit: Value): Value {
  if (spareExit != 0) return takeSpareExit(mgr, exit);
  let x = O.newBound(mgr, exit);
  if (x != ERR) setObjAux(ptrOf(x), AUX_WITH_EXIT);
  return x;
}

/** LOAD_GLOBAL's lookup, filling the unit's cache slot: low word = entry number + 1, high word
 * 0 for a globals entry, or 0x80000000 | the globals dict's key-set stamp for a builtins entry
 * (valid while that dict gains no key). A hit is re-checked against the entry's key, so
 * deletion or compaction simply misses. exitpaths bench: LOAD_GLOBAL cm / ValueError without
 * dict probes. */
function loadGlobalSlow(code: usize, unit: u32, g: usize, name: usize): Value {
  let ic = I.codeGlobalCache(code);
  if (ic == 0) {
    let n = <usize>I.codeNUnits(code) << 3;
    ic = rawAlloc(n);
    if (ic != 0) {
      memory.fill(ic, 0, n);
      store<u32>(code, <u32>ic, 112);
    }
  }
  let e = O.dictFindStr(g, name);
  if (e >= 0) {
    if (ic != 0) store<u64>(ic + (<usize>unit << 3), <u64>(e + 1));
    return O.entryVal(g, e);
  }
  e = O.dictFindStr(builtinsDict, name);
  if (e >= 0) {
    if (ic != 0) {
      let stamp = O.watchDictKeys(g);
      store<u64>(ic + (<usize>unit << 3), <u64>(e + 1) | (<u64>(stamp | 0x80000000) << 32));
    }
    return O.entryVal(builtinsDict, e);
  }
  return nameError(name);
}

/** SETUP_WITH's lookups: __enter__ then __exit__, on the type only (3.11 messages). */
function withLookupError(mgr: Value, missedExit: bool): Value {
  let m = sbMark();
  sbText("'");
  sbStr(typeName(typeOf(mgr)));
  sbText(missedExit ? "' object does not support the context manager protocol (missed __exit__ method)" :
    "' object does not support the context manager protocol");
  return raiseBuilt(E_TypeError, m);
}

/** UNPACK_SEQUENCE into n values stored downward from sp (CPython order: first item on top). */
function unpack(seq: Value, n: u32, dst: usize): bool {
  if (isPtr(seq)) {
    let p = ptrOf(seq), t = objType(p);
    if (t == T_tuple || t == T_list) {
      let len = t == T_tuple ? tupLen(p) : listLen(p);
      if (len == n) {
        for (let i: u32 = 0; i < n; i++) store<u64>(dst + (<usize>(n - 1 - i) << 3), t == T_tuple ? tupGet(p, i) : listGet(p, i));
        return true;
      }
      unpackCountError(len, n);
      return false;
    }
  }
  let it = P.getIter(seq);
  if (it == ERR) {
    clearCurExc();
    let m = sbMark();
    sbText("cannot unpack non-iterable ");
    sbStr(typeName(typeOf(seq)));
    sbText(" object");
    raiseBuilt(E_TypeError, m);
    return false;
  }
  for (let i: u32 = 0; i < n; i++) {
    let v = P.iterNext(it);
    if (v == ERR) return false;
    if (v == NULL) {
      let m = sbMark();
      sbText("not enough values to unpack (expected ");
      sbInt(n);
      sbText(", got ");
      sbInt(i);
      sbText(")");
      raiseBuilt(E_ValueError, m);
      return false;
    }
    store<u64>(dst + (<usize>(n - 1 - i) << 3), v);
  }
  let extra = P.iterNext(it);
  if (extra == ERR) return false;
  if (extra != NULL) {
    let m = sbMark();
    sbText("too many values to unpack (expected ");
    sbInt(n);
    sbText(")");
    raiseBuilt(E_ValueError, m);
    return false;
  }
  return true;
}
function unpackCountError(len: u32, n: u32): void {
  let m = sbMark();
  if (len > n) {
    sbText("too many values to unpack (expected ");
    sbInt(n);
    sbText(")");
  } else {
    sbText("not enough values to unpack (expected ");
    sbInt(n);
    sbText(", got ");
    sbInt(len);
    sbText(")");
  }
  raiseBuilt(E_ValueError, m);
}

/** UNPACK_EX: `a, *b, c = seq`. Returns the new sp or 0 on error. */
function unpackEx(seq: Value, before: u32, after: u32, base: usize): usize {
  let l = O.toListValue(seq);
  if (l == ERR) return 0;
  let lp = ptrOf(l);
  let n = listLen(lp);
  if (n < before + after) {
    let m = sbMark();
    sbText("not enough values to unpack (expected at least ");
    sbInt(before + after);
    sbText(", got ");
    sbInt(n);
    sbText(")");
    raiseBuilt(E_ValueError, m);
    return 0;
  }
  let total = before + 1 + after;
  let mid = newList(n - before - after);
  if (mid == 0) return 0;
  for (let i = before; i < n - after; i++) listAppend(mid, listGet(lp, i));
  // stack top gets the first item
  let k: u32 = 0;
  for (let i: u32 = 0; i < after; i++) store<u64>(base + (<usize>(k++) << 3), listGet(lp, n - 1 - i));
  store<u64>(base + (<usize>(k++) << 3), mkPtr(mid));
  for (let i: u32 = 0; i < before; i++) store<u64>(base + (<usize>(k++) << 3), listGet(lp, before - 1 - i));
  return base + (<usize>total << 3);
}

/** MAKE_FUNCTION. */
function makeFunction(flags: u32, sp: usize, globals: usize): usize {
  let qual = load<u64>(sp - 8);
  let codeV = load<u64>(sp - 16);
  sp -= 16;
  let closure: usize = 0, kwdefs: usize = 0, defs: usize = 0;
  if (flags & 8) { sp -= 8; closure = ptrOf(load<u64>(sp)); }
  if (flags & 4) { sp -= 8; }
  if (flags & 2) { sp -= 8; kwdefs = ptrOf(load<u64>(sp)); }
  if (flags & 1) { sp -= 8; defs = ptrOf(load<u64>(sp)); }
  let code = ptrOf(codeV);
  let fn = O.gcAllocFunc();
  if (fn == 0) return 0;
  store<u32>(fn, <u32>code, 16);
  store<u32>(fn, <u32>globals, 20);
  store<u32>(fn, <u32>defs, 24);
  store<u32>(fn, <u32>kwdefs, 28);
  store<u32>(fn, <u32>closure, 32);
  store<u32>(fn, <u32>I.codeName(code), 36);
  store<u32>(fn, <u32>ptrOf(qual), 40);
  store<u64>(sp, mkPtr(fn));
  return sp + 8;
}

/** BUILD_CLASS-style helpers and the rest of the cold opcodes live in builtins.ts. */

// ---- the dispatch loop -----------------------------------------------------------------------

/** Runs from frame `entry` (flagged F_ENTRY) until it returns: its value, or ERR. */
export function execute(entry: usize): Value {
  // a nested run may collect only what is allocated after it starts (gc.ts collectNested)
  let savedMark = nestedYoungMark;
  if (nativeDepth > 0) nestedYoungMark = allObjects;
  let v = tracing ? run<bool>(entry) : run<i32>(entry);
  nestedYoungMark = savedMark;
  return v;
}
/** Head of the all-objects list when the innermost nested run began. */
let nestedYoungMark: usize = 0;

/** A back-edge's slow path, taken once heap.ts's safepoint budget is spent (by allocation or by
 * back-edges): looks at the clock if a time limit is set, then collects if allocation asked for
 * it. pc (the jump target) and sp are spilled first: every live value is then in a frame below
 * its sp, or, in a nested run, older than the run and kept by collectNested. false = the time
 * limit stopped the run; the caller breaks to the error path. */
function backEdgeSafepoint(f: usize, target: u32, sp: usize): bool {
  store<u32>(f, target, 4);
  store<u32>(f, <u32>sp, 8);
  if (!safepointClockOk()) return false;
  if (bytesSinceGC > gcThreshold) {
    if (nativeDepth == 0) collect(f);
    else collectNested(f, nestedYoungMark);
    if (executionAborted) return false; // a generator finalizer the collection ran hit the limit
  }
  armSafepoint();
  return true;
}

/** The dispatch loop, compiled twice. run<i32> executes the common opcodes' fast paths inline
 * and sends everything else, slow paths included, to step(), one instruction at a time. Its
 * only other calls (a raise, a @contextmanager's enter and exit) spill pc/sp first and reload
 * every register from curFrame afterwards, so no register of the loop lives across a call and
 * V8 need not spill them around every instruction (exitpaths bench: when the loop's cases made
 * calls, the dispatch head with its spill stores took ~38% of the bare for loop's time). A fast
 * path either completes its instruction or leaves the state untouched and breaks out to
 * step(), which re-executes it. run<bool> (tracing) runs every instruction through step(),
 * reporting each first. */
function run<TRACE>(entry: usize): Value {
  let f = entry;
  curFrame = f;
  if (throwOnEntry) {
    // generator.throw: the exception appears at the suspended yield
    throwOnEntry = false;
    f = unwind(f);
    if (f == 0) return ERR;
    curFrame = f;
  }
  if (isBoolean<TRACE>()) {
    while (true) {
      traceStep(f, load<u32>(f, 4), <usize>load<u32>(f, 8));
      f = step(f);
      if (f == 0) return stepValue;
    }
  }
  let code = frameCode(f);
  let units = I.codeUnits(code);
  let pc = load<u32>(f, 4);
  let sp = <usize>load<u32>(f, 8);
  let lb = f + <usize>I.codeLocalsOffset(code);
  let consts = O.tupItems(I.codeConsts(code));

  while (true) {
    let u = load<u32>(units + (<usize>pc << 2));
    pc++;
    let arg = u >> 8;
    // a frame switch sets `nf` (the new frame's pc/sp in memory) and breaks; a plain break
    // (nf == 0) hands the instruction to step()
    let nf: usize = 0;
    switch (u & 0xFF) {
      case Op.NOP: continue;
      case Op.POP_TOP: sp -= 8; continue;
      case Op.ROT_TWO: {
        let a = load<u64>(sp - 8);
        store<u64>(sp - 8, load<u64>(sp - 16));
        store<u64>(sp - 16, a);
        continue;
      }
      case Op.DUP_TOP: store<u64>(sp, load<u64>(sp - 8)); sp += 8; continue;
      case Op.LOAD_CONST: store<u64>(sp, load<u64>(consts + (<usize>arg << 3))); sp += 8; continue;
      case Op.LOAD_FAST: {
        let v = load<u64>(lb + (<usize>arg << 3));
        if (v == NULL) break;
        store<u64>(sp, v);
        sp += 8;
        continue;
      }
      case Op.STORE_FAST: sp -= 8; store<u64>(lb + (<usize>arg << 3), load<u64>(sp)); continue;
      case Op.LOAD_GLOBAL: {
        // a hit in the unit's inline cache (see loadGlobalSlow); anything else goes to step()
        let v = cachedGlobal(f, code, pc - 1, arg);
        if (v == NULL) break;
        store<u64>(sp, v);
        sp += 8;
        continue;
      }
      case Op.JUMP_FORWARD: pc = arg; continue;
      case Op.POP_JUMP_IF_FALSE: {
        // a backward jump (jump threading makes some) spends the safepoint budget like
        // JUMP_ABSOLUTE; once it is spent, step() runs the safepoint
        let v = load<u64>(sp - 8);
        if (v == FALSE) {
          if (arg < pc && --safepointCountdown < 0) break;
          pc = arg;
        } else if (v != TRUE) break;
        sp -= 8;
        continue;
      }
      case Op.POP_JUMP_IF_TRUE: {
        let v = load<u64>(sp - 8);
        if (v == TRUE) {
          if (arg < pc && --safepointCountdown < 0) break;
          pc = arg;
        } else if (v != FALSE) break;
        sp -= 8;
        continue;
      }
      case Op.FOR_ITER: {
        let p = ptrOf(load<u64>(sp - 8));
        if (objType(p) != T_rangeiter) break;
        let cur = load<i64>(p, 16), stop = load<i64>(p, 24), incr = load<i64>(p, 32);
        if (incr > 0 ? cur < stop : cur > stop) {
          if (!fitsSmall(cur)) break;
          store<i64>(p, cur + incr, 16);
          store<u64>(sp, mkSmallInt(cur));
          sp += 8;
        } else { sp -= 8; pc = arg; }
        continue;
      }
      case Op.BINARY_ADD: case Op.INPLACE_ADD: {
        let a = load<u64>(sp - 16), b = load<u64>(sp - 8);
        if (!isSmallInt(a) || !isSmallInt(b)) break;
        let r = smallIntVal(a) + smallIntVal(b);
        if (!fitsSmall(r)) break;
        sp -= 8;
        store<u64>(sp - 8, mkSmallInt(r));
        continue;
      }
      case Op.BINARY_SUBTRACT: case Op.INPLACE_SUBTRACT: {
        let a = load<u64>(sp - 16), b = load<u64>(sp - 8);
        if (!isSmallInt(a) || !isSmallInt(b)) break;
        let r = smallIntVal(a) - smallIntVal(b);
        if (!fitsSmall(r)) break;
        sp -= 8;
        store<u64>(sp - 8, mkSmallInt(r));
        continue;
      }
      case Op.COMPARE_OP: {
        let a = load<u64>(sp - 16), b = load<u64>(sp - 8);
        let r: Value = NULL;
        if (isSmallInt(a) && isSmallInt(b) && arg <= <u32>Cmp.GE) {
          let x = smallIntVal(a), y = smallIntVal(b);
          r = mkBool(arg == Cmp.LT ? x < y : arg == Cmp.LE ? x <= y : arg == Cmp.EQ ? x == y :
            arg == Cmp.NE ? x != y : arg == Cmp.GT ? x > y : x >= y);
        } else if (arg == Cmp.EXC_MATCH && a == b && isPtr(b) && objType(ptrOf(b)) == T_type &&
                   (typeFlags(ptrOf(b)) & TF_EXC) != 0) {
          r = TRUE; // `except E` catching exactly E (a raised instance's type is an exception class)
        } else break;
        sp -= 8;
        store<u64>(sp - 8, r);
        continue;
      }

      // ---- blocks and with (cpython-bytecode.md §2) ----
      case Op.SETUP_FINALLY:
        pushBlock(f, arg, sp);
        continue;
      case Op.POP_BLOCK:
        store<u32>(f, load<u32>(f, 16) - 1, 16);
        continue;
      case Op.BEGIN_FINALLY:
        store<u64>(sp, NULL);
        sp += 8;
        continue;
      case Op.SETUP_WITH: case I.FUSED_WITH_ENTER_POP: {
        // a class flagged TF_WITH_FAST and a spare bound-method block for X (withExitMethod):
        // bind X, push __enter__'s frame (fused with the POP_TOP after it: RETURN_VALUE will
        // skip that POP_TOP instead of pushing the result)
        let mgr = load<u64>(sp - 8);
        if (!isPtr(mgr)) break;
        let t = objType(ptrOf(mgr));
        if (t == gcmType) {
          // @contextmanager (generators.ts): entered natively, the manager stays in X's slot.
          // Only curFrame is read after the call (see RAISE_VARARGS).
          spillPcSp(f, pc, sp);
          curFrame = f;
          let res = gcmEnter(ptrOf(mgr));
          if (res == ERR) { nf = unwind(curFrame); if (nf == 0) return ERR; break; }
          nf = curFrame;
          let csp = <usize>load<u32>(nf, 8);
          pushBlock(nf, arg, csp);
          if ((u & 0xFF) == I.FUSED_WITH_ENTER_POP) { store<u32>(nf, load<u32>(nf, 4) + 1, 4); break; }
          store<u64>(csp, res);
          store<u32>(nf, <u32>(csp + 8), 8);
          break;
        }
        if ((typeFlags(t) & TF_WITH_FAST) == 0 || spareExit == 0) break;
        let enter = ptrOf(typeEnter(t));
        let ecode = funcCode(enter);
        if (!frameFits(ecode)) break;
        nf = writeSimpleFrame(f, enter, ecode, mgr, 0, 0, 1);
        store<u64>(sp - 8, takeSpareExit(mgr, typeExit(t)));
        spillPcSp(f, pc, sp);
        // RETURN_VALUE pushes the block, then the result
        store<u32>(f, (arg + 1) | ((u & 0xFF) == I.FUSED_WITH_ENTER_POP ? PENDING_DISCARD : 0), 36);
        break;
      }
      case Op.WITH_CLEANUP_START: {
        // X made by SETUP_WITH (AUX_WITH_EXIT: a bound plain function) taking (self, t, v, tb)
        // or a @contextmanager object, exited natively
        let top = load<u64>(sp - 8);
        let x = top == NULL ? load<u64>(sp - 16) : load<u64>(sp - 56);
        let xfn: usize = 0, xcode: usize = 0;
        if (isWithExit(x)) {
          xfn = ptrOf(load<u64>(ptrOf(x), 24));
          xcode = funcCode(xfn);
          if (I.codePlainArgc(xcode) != 4 || !frameFits(xcode)) break;
        } else if (!isPtr(x) || objType(ptrOf(x)) != gcmType) break;
        let et: Value = NONE, ev: Value = NONE, etb: Value = NONE; // the call's arguments
        if (top == NULL) {
          // (…, X, NULL) → (…, NULL, None) then call X(None, None, None)
          store<u64>(sp - 16, NULL);
          store<u64>(sp - 8, NONE);
        } else {
          // (…, X, pt, pv, pT, t, v, T) → (…, pt, pv, pT, NULL, t, v, T, T), call X(T, v, t)
          let tb = load<u64>(sp - 24), val = load<u64>(sp - 16), typ = load<u64>(sp - 8);
          store<u64>(sp - 56, load<u64>(sp - 48));
          store<u64>(sp - 48, load<u64>(sp - 40));
          store<u64>(sp - 40, load<u64>(sp - 32));
          store<u64>(sp - 32, NULL);
          store<u64>(sp - 24, tb);
          store<u64>(sp - 16, val);
          store<u64>(sp - 8, typ);
          store<u64>(sp, typ);
          sp += 8;
          // the EXCEPT_HANDLER block's level drops by the slot X used to occupy
          let b = f + I.FRAME_HDR + (<usize>(load<u32>(f, 16) - 1) << 4);
          store<u32>(b, load<u32>(b, 8) - 8, 8);
          et = typ;
          ev = val;
          etb = tb;
        }
        spillPcSp(f, pc, sp); // sp: the result slot
        if (xfn == 0) {
          // the generator's exit, called natively
          curFrame = f;
          let gr = gcmExit(ptrOf(x), et, ev, etb);
          if (gr == ERR) { nf = unwind(curFrame); if (nf == 0) return ERR; break; }
          nf = curFrame;
          let rslot = <usize>load<u32>(nf, 8);
          store<u64>(rslot, gr);
          store<u32>(nf, <u32>(rslot + 8), 8);
          break;
        }
        nf = writeExitFrame(f, xfn, xcode, load<u64>(ptrOf(x), 16), et, ev, etb);
        spareExit = ptrOf(x); // X is dead once its self and function are in the frame
        break;
      }
      case I.FUSED_WITH_FINISH: {
        // WITH_CLEANUP_FINISH; END_FINALLY (or POP_FINALLY 0) after a normal exit:
        // (…, NULL, None, res) → (…); after an exception only WITH_CLEANUP_FINISH, below
        if (load<u64>(sp - 16) == NONE && load<u64>(sp - 24) == NULL) { sp -= 24; pc++; continue; }
      } // falls through
      case Op.WITH_CLEANUP_FINISH: {
        let res = load<u64>(sp - 8);
        let marker = load<u64>(sp - 16);
        if (marker == NONE || res == FALSE || res == NONE) { sp -= 16; continue; }
        if (res != TRUE) break;
        sp = suppressHandled(f);
        continue;
      }
      case Op.END_FINALLY: {
        let top = load<u64>(sp - 8);
        if (top == NULL) { sp -= 8; continue; }
        if (isSmallInt(top)) { sp -= 8; pc = <u32>smallIntVal(top); continue; }
        // (…, t, v, T): re-raise v, unwound here like RAISE_VARARGS below
        let v = load<u64>(sp - 16);
        spillPcSp(f, pc, sp - 24);
        curFrame = f;
        setCurExc(v);
        reraising = true;
        nf = unwind(curFrame);
        if (nf == 0) return ERR;
        break;
      }
      case Op.RAISE_VARARGS: {
        // `raise X`: raised and unwound here rather than re-dispatched through step() (exitpaths
        // bench: with_raise_*). Only curFrame is read after the calls, so no register of this
        // loop lives across them; the handler's frame is reloaded below like any frame switch.
        if (arg != 1) break;
        spillPcSp(f, pc, sp - 8);
        curFrame = f;
        doRaise(load<u64>(sp - 8), NULL);
        nf = unwind(curFrame);
        if (nf == 0) return ERR;
        break;
      }
      case Op.CALL_FINALLY:
        store<u64>(sp, mkSmallInt(pc));
        sp += 8;
        pc = arg;
        continue;
      case Op.POP_FINALLY: {
        // (…, marker[, kept]) → (…[, kept]) when the marker is NULL or a CALL_FINALLY return
        // address; an exception record (popping its handler) goes to step()
        let base = arg != 0 ? sp - 8 : sp;
        let top = load<u64>(base - 8);
        if (top != NULL && !isSmallInt(top)) break;
        if (arg != 0) store<u64>(base - 8, load<u64>(base));
        sp -= 8;
        continue;
      }
      case Op.POP_EXCEPT: {
        let nb = load<u32>(f, 16) - 1;
        if (load<u32>(f + I.FRAME_HDR + (<usize>nb << 4)) != B_EXCEPT) break;
        store<u32>(f, nb, 16);
        handledExc = load<u64>(sp - 16);
        sp -= 24;
        continue;
      }

      // ---- fused sequences (image.ts FUSED_*): the whole sequence, or only its first instruction ----
      case I.FUSED_WITH_EXIT: {
        // POP_BLOCK; BEGIN_FINALLY; WITH_CLEANUP_START: (…, X) → (…, NULL, None), call X(None, None, None)
        store<u32>(f, load<u32>(f, 16) - 1, 16);
        let x = load<u64>(sp - 8);
        if (!isWithExit(x)) continue; // BEGIN_FINALLY and the rest one by one
        let xfn = ptrOf(load<u64>(ptrOf(x), 24));
        let xcode = funcCode(xfn);
        if (I.codePlainArgc(xcode) != 4 || !frameFits(xcode)) continue;
        store<u64>(sp - 8, NULL);
        store<u64>(sp, NONE);
        spillPcSp(f, pc + 2, sp + 8); // sp: the result slot
        nf = writeExitFrame(f, xfn, xcode, load<u64>(ptrOf(x), 16), NONE, NONE, NONE);
        spareExit = ptrOf(x); // X is dead once its self and function are in the frame
        break;
      }
      case Op.JUMP_ABSOLUTE: {
        if (arg < pc && --safepointCountdown < 0) break; // the safepoint is step()'s
        pc = arg;
        // a for loop's back-edge lands on its FOR_ITER STORE_FAST: run it now, not next dispatch
        u = load<u32>(units + (<usize>pc << 2));
        if ((u & 0xFF) != I.FUSED_FOR_ITER_STORE) continue;
        pc++;
        arg = u >> 8;
      } // falls through
      case I.FUSED_FOR_ITER_STORE: {
        // FOR_ITER over a range iterator; STORE_FAST of the item
        let p = ptrOf(load<u64>(sp - 8));
        if (objType(p) != T_rangeiter) break;
        let cur = load<i64>(p, 16), stop = load<i64>(p, 24), incr = load<i64>(p, 32);
        if (incr > 0 ? cur < stop : cur > stop) {
          if (!fitsSmall(cur)) break;
          store<i64>(p, cur + incr, 16);
          store<u64>(lb + (<usize>(load<u32>(units + (<usize>pc << 2)) >> 8) << 3), mkSmallInt(cur));
          pc++;
        } else { sp -= 8; pc = arg; }
        continue;
      }
      case I.FUSED_EXCEPT_GLOBAL: {
        // DUP_TOP; LOAD_GLOBAL E; COMPARE_OP exception match; POP_JUMP_IF_FALSE: when the
        // handled exception's class is exactly E (found by the LOAD_GLOBAL's cache), fall into
        // the handler; anything else runs the four instructions one by one
        store<u64>(sp, load<u64>(sp - 8)); // DUP_TOP
        sp += 8;
        let t = load<u64>(sp - 8);
        if (cachedGlobal(f, code, pc, load<u32>(units + (<usize>pc << 2)) >> 8) != t ||
            !isPtr(t) || objType(ptrOf(t)) != T_type || (typeFlags(ptrOf(t)) & TF_EXC) == 0) continue;
        sp -= 8; // the match (True) is popped by POP_JUMP_IF_FALSE
        pc += 3;
        continue;
      }
      case I.FUSED_POP_THREE: sp -= 24; pc += 2; continue;

      // ---- calls and returns: plain Python functions switch frames without leaving the loop ----
      case Op.CALL_FUNCTION: {
        let slot = sp - (<usize>(arg + 1) << 3);
        let fn = load<u64>(slot);
        if (!isPtr(fn) || objType(ptrOf(fn)) != T_function) break;
        nf = pushPlainFrame(f, ptrOf(fn), NULL, slot + 8, arg);
        if (nf == 0) break;
        spillPcSp(f, pc, slot); // sp: the result slot
        break;
      }
      case Op.CALL_METHOD: {
        // (…, method, self, args) or (…, NULL, callable, args): see LOAD_METHOD
        let slot = sp - (<usize>(arg + 2) << 3);
        let fn = load<u64>(slot);
        let nargs = arg + 1;
        let args = slot + 8;
        if (fn == NULL) { fn = load<u64>(slot + 8); nargs = arg; args = slot + 16; }
        if (!isPtr(fn) || objType(ptrOf(fn)) != T_function) break;
        nf = pushPlainFrame(f, ptrOf(fn), NULL, args, nargs);
        if (nf == 0) break;
        spillPcSp(f, pc, slot); // sp: the result slot
        break;
      }
      case I.FUSED_RETURN_FAST: case I.FUSED_RETURN_CONST: {
        // LOAD_FAST or LOAD_CONST, then the RETURN_VALUE below (pc moves onto it, so step()
        // sees the RETURN_VALUE if the return is not a plain one)
        let v = (u & 0xFF) == I.FUSED_RETURN_CONST ? load<u64>(consts + (<usize>arg << 3)) : load<u64>(lb + (<usize>arg << 3));
        if (v == NULL) break; // unbound local: step() raises
        store<u64>(sp, v);
        sp += 8;
        pc++;
      } // falls through
      case Op.RETURN_VALUE: {
        // a plain frame returning into a frame of this loop (entry, generator and __init__
        // frames go through step())
        if (load<u32>(f, 20) != 0) break;
        let v = load<u64>(sp - 8);
        popFrame(f);
        nf = frameBack(f);
        let csp = <usize>load<u32>(nf, 8);
        let pending = load<u32>(nf, 36);
        if (pending != 0) {
          // __enter__ returned: activate the with-block before its result is stored
          store<u32>(nf, 0, 36);
          pushBlock(nf, (pending & ~PENDING_DISCARD) - 1, csp);
          if ((pending & PENDING_DISCARD) != 0) {
            store<u32>(nf, load<u32>(nf, 4) + 1, 4); // past the fused POP_TOP
            break;
          }
        }
        store<u64>(csp, v);
        store<u32>(nf, <u32>(csp + 8), 8);
        break;
      }
      // every other opcode, listed so the switch stays one dense br_table (Binaryen turns a
      // sparse switch into a chain of compares)
      case Op.ROT_THREE: case Op.ROT_FOUR: case Op.DUP_TOP_TWO: case Op.UNARY_POSITIVE:
      case Op.UNARY_NEGATIVE: case Op.UNARY_NOT: case Op.UNARY_INVERT:
      case Op.BINARY_MATRIX_MULTIPLY: case Op.INPLACE_MATRIX_MULTIPLY: case Op.BINARY_POWER:
      case Op.BINARY_MULTIPLY: case Op.BINARY_MODULO: case Op.BINARY_SUBSCR:
      case Op.BINARY_FLOOR_DIVIDE: case Op.BINARY_TRUE_DIVIDE: case Op.INPLACE_FLOOR_DIVIDE:
      case Op.INPLACE_TRUE_DIVIDE: case Op.INPLACE_MULTIPLY: case Op.INPLACE_MODULO:
      case Op.STORE_SUBSCR: case Op.DELETE_SUBSCR: case Op.BINARY_LSHIFT: case Op.BINARY_RSHIFT:
      case Op.BINARY_AND: case Op.BINARY_XOR: case Op.BINARY_OR: case Op.INPLACE_POWER:
      case Op.GET_ITER: case Op.GET_YIELD_FROM_ITER: case Op.PRINT_EXPR: case Op.LOAD_BUILD_CLASS:
      case Op.YIELD_FROM: case Op.INPLACE_LSHIFT: case Op.INPLACE_RSHIFT: case Op.INPLACE_AND:
      case Op.INPLACE_XOR: case Op.INPLACE_OR: case Op.IMPORT_STAR: case Op.SETUP_ANNOTATIONS:
      case Op.YIELD_VALUE: case Op.STORE_NAME: case Op.DELETE_NAME: case Op.UNPACK_SEQUENCE:
      case Op.UNPACK_EX: case Op.STORE_ATTR: case Op.DELETE_ATTR: case Op.STORE_GLOBAL:
      case Op.DELETE_GLOBAL: case Op.LOAD_NAME: case Op.BUILD_TUPLE: case Op.BUILD_LIST:
      case Op.BUILD_SET: case Op.BUILD_MAP: case Op.LOAD_ATTR: case Op.IMPORT_NAME:
      case Op.IMPORT_FROM: case Op.JUMP_IF_FALSE_OR_POP: case Op.JUMP_IF_TRUE_OR_POP:
      case Op.DELETE_FAST: case Op.MAKE_FUNCTION: case Op.BUILD_SLICE:
      case Op.LOAD_CLOSURE: case Op.LOAD_DEREF: case Op.STORE_DEREF: case Op.DELETE_DEREF:
      case Op.CALL_FUNCTION_KW: case Op.CALL_FUNCTION_EX: case Op.EXTENDED_ARG: case Op.LIST_APPEND:
      case Op.SET_ADD: case Op.MAP_ADD: case Op.LOAD_CLASSDEREF: case Op.BUILD_LIST_UNPACK:
      case Op.BUILD_MAP_UNPACK: case Op.BUILD_MAP_UNPACK_WITH_CALL: case Op.BUILD_TUPLE_UNPACK:
      case Op.BUILD_SET_UNPACK: case Op.FORMAT_VALUE: case Op.BUILD_CONST_KEY_MAP:
      case Op.BUILD_STRING: case Op.BUILD_TUPLE_UNPACK_WITH_CALL: case Op.LOAD_METHOD:
      default:
        break;
    }

    if (nf == 0) {
      // not covered inline: step() executes this instruction from scratch (curFrame is kept
      // up to date only for it: nothing in this loop reads it)
      spillPcSp(f, pc - 1, sp);
      curFrame = f;
      nf = step(f);
      if (nf == 0) return stepValue;
    }
    f = nf;
    code = frameCode(f);
    units = I.codeUnits(code);
    pc = load<u32>(f, 4);
    sp = <usize>load<u32>(f, 8);
    lb = f + <usize>I.codeLocalsOffset(code);
    consts = O.tupItems(I.codeConsts(code));
  }
  return ERR;
}


/** A frame's pc and sp (+4, +8) in one 8-byte store. */
@inline function spillPcSp(f: usize, pc: u32, sp: usize): void { store<u32>(f, pc, 4); store<u32>(f, <u32>sp, 8); }

/** Return value or ERR of the last step() that left its entry frame. */
let stepValue: Value = NONE;

/** One instruction of frame `entry` (its pc/sp spilled in it), by the complete switch: every
 * opcode, every slow path, errors unwound here. Returns the frame to go on with (it may be a
 * callee, a caller or a handler's frame, pc/sp spilled), or 0 when control left the entry frame
 * (`stepValue` holds its return value, yielded value or ERR). run() sends here whatever its
 * inline fast paths do not cover; tracing runs every instruction through here. */
function step(entry: usize): usize {
  let f = entry;
  curFrame = f;
  let code = frameCode(f);
  let units = I.codeUnits(code);
  let pc = load<u32>(f, 4);
  let sp = <usize>load<u32>(f, 8);
  let lb = frameLocalsBase(f, code);
  let consts = O.tupItems(I.codeConsts(code));
  let names = I.codeNames(code);
  let executed = false;

  // `continue` anywhere below ends the instruction: the loop head spills pc/sp and returns
  while (true) {
    if (executed) {
      store<u32>(f, pc, 4);
      store<u32>(f, <u32>sp, 8);
      return f;
    }
    executed = true;
    let u = load<u32>(units + (<usize>pc << 2));
    pc++;
    let arg = u >> 8;
    switch (u & 0xFF) {
      case Op.NOP: continue;
      case I.FUSED_POP_THREE: case Op.POP_TOP: sp -= 8; continue;
      case Op.ROT_TWO: {
        let a = load<u64>(sp - 8);
        store<u64>(sp - 8, load<u64>(sp - 16));
        store<u64>(sp - 16, a);
        continue;
      }
      case Op.ROT_THREE: {
        let a = load<u64>(sp - 8);
        store<u64>(sp - 8, load<u64>(sp - 16));
        store<u64>(sp - 16, load<u64>(sp - 24));
        store<u64>(sp - 24, a);
        continue;
      }
      case Op.ROT_FOUR: {
        let a = load<u64>(sp - 8);
        store<u64>(sp - 8, load<u64>(sp - 16));
        store<u64>(sp - 16, load<u64>(sp - 24));
        store<u64>(sp - 24, load<u64>(sp - 32));
        store<u64>(sp - 32, a);
        continue;
      }
      case I.FUSED_EXCEPT_GLOBAL: case Op.DUP_TOP: store<u64>(sp, load<u64>(sp - 8)); sp += 8; continue;
      case Op.DUP_TOP_TWO:
        store<u64>(sp, load<u64>(sp - 16));
        store<u64>(sp + 8, load<u64>(sp - 8));
        sp += 16;
        continue;
      case I.FUSED_RETURN_CONST: case Op.LOAD_CONST: store<u64>(sp, load<u64>(consts + (<usize>arg << 3))); sp += 8; continue;
      case I.FUSED_RETURN_FAST: case Op.LOAD_FAST: {
        let v = load<u64>(lb + (<usize>arg << 3));
        if (v == NULL) { unboundLocal(code, arg); break; }
        store<u64>(sp, v);
        sp += 8;
        continue;
      }
      case Op.STORE_FAST: sp -= 8; store<u64>(lb + (<usize>arg << 3), load<u64>(sp)); continue;
      case Op.DELETE_FAST: {
        if (load<u64>(lb + (<usize>arg << 3)) == NULL) { unboundLocal(code, arg); break; }
        store<u64>(lb + (<usize>arg << 3), NULL);
        continue;
      }
      case Op.LOAD_GLOBAL: {
        // the unit's inline cache, else a lookup that refills it (see loadGlobalSlow)
        let v = cachedGlobal(f, code, pc - 1, arg);
        if (v == NULL) { v = loadGlobalSlow(code, pc - 1, <usize>load<u32>(f, 24), ptrOf(tupGet(names, arg))); if (v == ERR) break; }
        store<u64>(sp, v);
        sp += 8;
        continue;
      }
      case Op.STORE_GLOBAL: {
        sp -= 8;
        if (!dictSet(<usize>load<u32>(f, 24), tupGet(names, arg), load<u64>(sp))) break;
        continue;
      }
      case Op.DELETE_GLOBAL: {
        let r = O.dictDel(<usize>load<u32>(f, 24), tupGet(names, arg));
        if (r < 0) break;
        if (r == 0) { nameError(ptrOf(tupGet(names, arg))); break; }
        continue;
      }
      case Op.LOAD_NAME: {
        let name = ptrOf(tupGet(names, arg));
        let ld = <usize>load<u32>(f, 28);
        let v = ld != 0 ? dictGetStr(ld, name) : NULL;
        if (v == NULL) { v = loadGlobal(<usize>load<u32>(f, 24), name); if (v == ERR) break; }
        store<u64>(sp, v);
        sp += 8;
        continue;
      }
      case Op.STORE_NAME: {
        sp -= 8;
        let ld = <usize>load<u32>(f, 28);
        if (!dictSet(ld != 0 ? ld : <usize>load<u32>(f, 24), tupGet(names, arg), load<u64>(sp))) break;
        continue;
      }
      case Op.DELETE_NAME: {
        let ld = <usize>load<u32>(f, 28);
        let r = O.dictDel(ld != 0 ? ld : <usize>load<u32>(f, 24), tupGet(names, arg));
        if (r < 0) break;
        if (r == 0) { nameError(ptrOf(tupGet(names, arg))); break; }
        continue;
      }
      case Op.LOAD_DEREF: case Op.LOAD_CLASSDEREF: {
        if ((u & 0xFF) == Op.LOAD_CLASSDEREF) {
          let ld = <usize>load<u32>(f, 28);
          let nc = I.codeNCells(code);
          let nm = ptrOf(tupGet(arg < nc ? I.codeCellvars(code) : I.codeFreevars(code), arg < nc ? arg : arg - nc));
          let v0 = ld != 0 ? dictGetStr(ld, nm) : NULL;
          if (v0 != NULL) { store<u64>(sp, v0); sp += 8; continue; }
        }
        let cell = ptrOf(load<u64>(lb + (<usize>(I.codeNlocals(code) + arg) << 3)));
        let v = cellGet(cell);
        if (v == NULL) { unboundDeref(code, arg); break; }
        store<u64>(sp, v);
        sp += 8;
        continue;
      }
      case Op.STORE_DEREF: {
        sp -= 8;
        cellSet(ptrOf(load<u64>(lb + (<usize>(I.codeNlocals(code) + arg) << 3))), load<u64>(sp));
        continue;
      }
      case Op.DELETE_DEREF: {
        let cell = ptrOf(load<u64>(lb + (<usize>(I.codeNlocals(code) + arg) << 3)));
        if (cellGet(cell) == NULL) { unboundDeref(code, arg); break; }
        cellSet(cell, NULL);
        continue;
      }
      case Op.LOAD_CLOSURE:
        store<u64>(sp, load<u64>(lb + (<usize>(I.codeNlocals(code) + arg) << 3)));
        sp += 8;
        continue;

      // ---- arithmetic: small-int fast paths inline, everything else in ops.ts ----
      case Op.BINARY_ADD: case Op.INPLACE_ADD: {
        let a = load<u64>(sp - 16), b = load<u64>(sp - 8);
        let r: Value;
        if (isSmallInt(a) && isSmallInt(b)) {
          let s = smallIntVal(a) + smallIntVal(b);
          r = fitsSmall(s) ? mkSmallInt(s) : O.mkInt(s);
        } else if (isFloat(a) && isFloat(b)) r = mkFloat(floatVal(a) + floatVal(b));
        else {
          if ((u & 0xFF) == Op.INPLACE_ADD && isPtr(a) && objType(ptrOf(a)) == T_list) {
            if (!O.listExtend(ptrOf(a), b)) break;
            r = a;
          } else r = (u & 0xFF) == Op.INPLACE_ADD ? P.inplaceOp(Bin.ADD, a, b) : P.binaryOp(Bin.ADD, a, b);
          if (r == ERR) break;
        }
        sp -= 8;
        store<u64>(sp - 8, r);
        continue;
      }
      case Op.BINARY_SUBTRACT: case Op.INPLACE_SUBTRACT: {
        let a = load<u64>(sp - 16), b = load<u64>(sp - 8);
        let r: Value;
        if (isSmallInt(a) && isSmallInt(b)) {
          let s = smallIntVal(a) - smallIntVal(b);
          r = fitsSmall(s) ? mkSmallInt(s) : O.mkInt(s);
        } else {
          r = (u & 0xFF) == Op.INPLACE_SUBTRACT ? P.inplaceOp(Bin.SUB, a, b) : P.binaryOp(Bin.SUB, a, b);
          if (r == ERR) break;
        }
        sp -= 8;
        store<u64>(sp - 8, r);
        continue;
      }
      case Op.BINARY_MULTIPLY: case Op.INPLACE_MULTIPLY: case Op.BINARY_TRUE_DIVIDE: case Op.INPLACE_TRUE_DIVIDE:
      case Op.BINARY_FLOOR_DIVIDE: case Op.INPLACE_FLOOR_DIVIDE: case Op.BINARY_MODULO: case Op.INPLACE_MODULO:
      case Op.BINARY_POWER: case Op.INPLACE_POWER: case Op.BINARY_LSHIFT: case Op.INPLACE_LSHIFT:
      case Op.BINARY_RSHIFT: case Op.INPLACE_RSHIFT: case Op.BINARY_AND: case Op.INPLACE_AND:
      case Op.BINARY_OR: case Op.INPLACE_OR: case Op.BINARY_XOR: case Op.INPLACE_XOR:
      case Op.BINARY_MATRIX_MULTIPLY: case Op.INPLACE_MATRIX_MULTIPLY: {
        let a = load<u64>(sp - 16), b = load<u64>(sp - 8);
        let r: Value;
        if ((u & 0xFF) == Op.INPLACE_MULTIPLY && isPtr(a) && objType(ptrOf(a)) == T_list && (O.isIntV(b) || isBool(b))) {
          if (!P.listInplaceRepeat(ptrOf(a), O.intOf(b))) break;
          r = a;
        } else {
          r = isInplace(u & 0xFF) ? P.inplaceOp(binOf(u & 0xFF), a, b) : P.binaryOp(binOf(u & 0xFF), a, b);
          if (r == ERR) break;
        }
        sp -= 8;
        store<u64>(sp - 8, r);
        continue;
      }
      case Op.UNARY_NEGATIVE: {
        let r = P.unaryNegative(load<u64>(sp - 8));
        if (r == ERR) break;
        store<u64>(sp - 8, r);
        continue;
      }
      case Op.UNARY_POSITIVE: {
        let v = load<u64>(sp - 8);
        if (!(isSmallInt(v) || isFloat(v) || O.isIntV(v))) {
          if (isBool(v)) { store<u64>(sp - 8, mkSmallInt(v == TRUE ? 1 : 0)); continue; }
          raiseUnary("+", v);
          break;
        }
        continue;
      }
      case Op.UNARY_INVERT: {
        let v = load<u64>(sp - 8);
        if (O.isIntV(v) || isBool(v)) { store<u64>(sp - 8, O.mkInt(~O.intOf(v))); continue; }
        raiseUnary("~", v);
        break;
      }
      case Op.UNARY_NOT: {
        let t = P.truthy(load<u64>(sp - 8));
        if (t < 0) break;
        store<u64>(sp - 8, mkBool(t == 0));
        continue;
      }
      case Op.COMPARE_OP: {
        let a = load<u64>(sp - 16), b = load<u64>(sp - 8);
        let r: Value;
        if (isSmallInt(a) && isSmallInt(b) && arg <= <u32>Cmp.GE) {
          let x = smallIntVal(a), y = smallIntVal(b);
          r = mkBool(arg == Cmp.LT ? x < y : arg == Cmp.LE ? x <= y : arg == Cmp.EQ ? x == y :
            arg == Cmp.NE ? x != y : arg == Cmp.GT ? x > y : x >= y);
        } else if (arg == Cmp.EXC_MATCH) {
          r = excMatch(a, b);
          if (r == ERR) break;
        } else {
          r = P.compareOp(<i32>arg, a, b);
          if (r == ERR) break;
        }
        sp -= 8;
        store<u64>(sp - 8, r);
        continue;
      }

      // ---- jumps ----
      case Op.JUMP_FORWARD: pc = arg; continue;
      case Op.JUMP_ABSOLUTE: {
        // a back-edge spends the safepoint budget; once it is spent: collect, look at the clock
        if (arg < pc) {
          if (--safepointCountdown < 0) {
            if (!backEdgeSafepoint(f, arg, sp)) break;
          }
        }
        pc = arg;
        continue;
      }
      case Op.POP_JUMP_IF_FALSE: case Op.POP_JUMP_IF_TRUE: {
        sp -= 8;
        let v = load<u64>(sp);
        let t: i32;
        if (v == TRUE) t = 1;
        else if (v == FALSE) t = 0;
        else { t = P.truthy(v); if (t < 0) break; }
        if ((t == 1) == ((u & 0xFF) == Op.POP_JUMP_IF_TRUE)) {
          // backwards after the peephole pass threads a jump to a loop's JUMP_ABSOLUTE
          if (arg < pc && --safepointCountdown < 0 && !backEdgeSafepoint(f, arg, sp)) break;
          pc = arg;
        }
        continue;
      }
      case Op.JUMP_IF_FALSE_OR_POP: case Op.JUMP_IF_TRUE_OR_POP: {
        let t = P.truthy(load<u64>(sp - 8));
        if (t < 0) break;
        if ((t == 1) == ((u & 0xFF) == Op.JUMP_IF_TRUE_OR_POP)) {
          if (arg < pc && --safepointCountdown < 0 && !backEdgeSafepoint(f, arg, sp)) break;
          pc = arg;
        } else sp -= 8;
        continue;
      }
      case Op.GET_ITER: case Op.GET_YIELD_FROM_ITER: {
        let it = P.getIter(load<u64>(sp - 8));
        if (it == ERR) break;
        store<u64>(sp - 8, it);
        continue;
      }
      case I.FUSED_FOR_ITER_STORE: case Op.FOR_ITER: {
        let it = load<u64>(sp - 8);
        let p = ptrOf(it);
        if (objType(p) == T_rangeiter) {
          let cur = load<i64>(p, 16), stop = load<i64>(p, 24), step = load<i64>(p, 32);
          if (step > 0 ? cur < stop : cur > stop) {
            store<i64>(p, cur + step, 16);
            store<u64>(sp, O.mkInt(cur));
            sp += 8;
          } else { sp -= 8; pc = arg; }
          continue;
        }
        store<u32>(f, pc, 4);
        store<u32>(f, <u32>sp, 8);
        if (objType(p) == O.T_generator) {
          // resume in this loop: YIELD_VALUE pushes onto our stack, RETURN_VALUE ends the for
          let nf = resumeFrame(p, NONE);
          if (nf == 0) {
            if (curExc != NULL) break;
            sp -= 8;
            pc = arg;
            continue;
          }
          f = nf;
          curFrame = f;
          code = frameCode(f);
          units = I.codeUnits(code);
          pc = load<u32>(f, 4);
          sp = <usize>load<u32>(f, 8);
          lb = frameLocalsBase(f, code);
          consts = O.tupItems(I.codeConsts(code));
          names = I.codeNames(code);
          continue;
        }
        let v = P.iterNext(it);
        if (v == ERR) break;
        if (v == NULL) { sp -= 8; pc = arg; continue; }
        store<u64>(sp, v);
        sp += 8;
        continue;
      }

      // ---- containers ----
      case Op.BUILD_TUPLE: {
        let t = O.tupleFrom(sp - (<usize>arg << 3), arg);
        if (t == 0) break;
        sp -= <usize>arg << 3;
        store<u64>(sp, mkPtr(t));
        sp += 8;
        continue;
      }
      case Op.BUILD_LIST: {
        let l = newList(arg);
        if (l == 0) break;
        sp -= <usize>arg << 3;
        memory.copy(O.listItems(l), sp, <usize>arg << 3);
        O.listSetLen(l, arg);
        store<u64>(sp, mkPtr(l));
        sp += 8;
        continue;
      }
      case Op.BUILD_SET: {
        let s = O.newDictOf(O.T_set);
        if (s == 0) break;
        let ok = true;
        for (let i: u32 = 0; i < arg; i++) if (!dictSet(s, load<u64>(sp - (<usize>(arg - i) << 3)), NONE)) { ok = false; break; }
        if (!ok) break;
        sp -= <usize>arg << 3;
        store<u64>(sp, mkPtr(s));
        sp += 8;
        continue;
      }
      case Op.BUILD_MAP: {
        let d = newDict();
        if (d == 0) break;
        let ok = true;
        let base = sp - (<usize>arg << 4);
        for (let i: u32 = 0; i < arg; i++) {
          if (!dictSet(d, load<u64>(base + (<usize>i << 4)), load<u64>(base + (<usize>i << 4) + 8))) { ok = false; break; }
        }
        if (!ok) break;
        sp = base;
        store<u64>(sp, mkPtr(d));
        sp += 8;
        continue;
      }
      case Op.BUILD_CONST_KEY_MAP: {
        let keys = ptrOf(load<u64>(sp - 8));
        let d = newDict();
        if (d == 0) break;
        let base = sp - 8 - (<usize>arg << 3);
        let ok = true;
        for (let i: u32 = 0; i < arg; i++) if (!dictSet(d, tupGet(keys, i), load<u64>(base + (<usize>i << 3)))) { ok = false; break; }
        if (!ok) break;
        sp = base;
        store<u64>(sp, mkPtr(d));
        sp += 8;
        continue;
      }
      case Op.BUILD_STRING: {
        let m = sbMark();
        for (let i: u32 = 0; i < arg; i++) sbStr(ptrOf(load<u64>(sp - (<usize>(arg - i) << 3))));
        let s = sbTake(m);
        if (s == 0) break;
        sp -= <usize>arg << 3;
        store<u64>(sp, mkPtr(s));
        sp += 8;
        continue;
      }
      case Op.BUILD_SLICE: {
        let step = arg == 3 ? load<u64>(sp - 8) : NONE;
        if (arg == 3) sp -= 8;
        let r = O.newSlice(load<u64>(sp - 16), load<u64>(sp - 8), step);
        if (r == ERR) break;
        sp -= 8;
        store<u64>(sp - 8, r);
        continue;
      }
      case Op.BUILD_LIST_UNPACK: case Op.BUILD_TUPLE_UNPACK: case Op.BUILD_TUPLE_UNPACK_WITH_CALL:
      case Op.BUILD_SET_UNPACK: {
        let op = u & 0xFF;
        let l = newList(8);
        if (l == 0) break;
        let ok = true;
        for (let i: u32 = 0; i < arg && ok; i++) ok = O.listExtend(l, load<u64>(sp - (<usize>(arg - i) << 3)));
        if (!ok) break;
        sp -= <usize>arg << 3;
        let r: Value = mkPtr(l);
        if (op == Op.BUILD_TUPLE_UNPACK || op == Op.BUILD_TUPLE_UNPACK_WITH_CALL) {
          let t = O.tupleFrom(O.listItems(l), listLen(l));
          if (t == 0) break;
          r = mkPtr(t);
        } else if (op == Op.BUILD_SET_UNPACK) {
          let s = O.newDictOf(O.T_set);
          for (let i: u32 = 0; i < listLen(l) && ok; i++) ok = dictSet(s, listGet(l, i), NONE);
          if (!ok) break;
          r = mkPtr(s);
        }
        store<u64>(sp, r);
        sp += 8;
        continue;
      }
      case Op.BUILD_MAP_UNPACK: case Op.BUILD_MAP_UNPACK_WITH_CALL: {
        let d = newDict();
        if (d == 0) break;
        let ok = true;
        for (let i: u32 = 0; i < arg && ok; i++) {
          let src = load<u64>(sp - (<usize>(arg - i) << 3));
          if (!isPtr(src) || objType(ptrOf(src)) != T_dict) { raiseTypeObj(E_TypeError, src, "is not a mapping"); ok = false; break; }
          let sd = ptrOf(src);
          for (let j: u32 = 0; j < dictUsed(sd) && ok; j++) {
            let k = entryKey(sd, j);
            if (k == NULL) continue;
            if ((u & 0xFF) == Op.BUILD_MAP_UNPACK_WITH_CALL && dictGet(d, k) != NULL) {
              let m = sbMark();
              sbText("got multiple values for keyword argument '");
              sbStr(ptrOf(k));
              sbText("'");
              raiseBuilt(E_TypeError, m);
              ok = false;
              break;
            }
            ok = dictSet(d, k, entryVal(sd, j));
          }
        }
        if (!ok) break;
        sp -= <usize>arg << 3;
        store<u64>(sp, mkPtr(d));
        sp += 8;
        continue;
      }
      case Op.LIST_APPEND: {
        sp -= 8;
        if (!listAppend(ptrOf(load<u64>(sp - (<usize>arg << 3))), load<u64>(sp))) break;
        continue;
      }
      case Op.SET_ADD: {
        sp -= 8;
        if (!dictSet(ptrOf(load<u64>(sp - (<usize>arg << 3))), load<u64>(sp), NONE)) break;
        continue;
      }
      case Op.MAP_ADD: {
        // 3.8: TOS is the value, TOS1 the key
        sp -= 16;
        if (!dictSet(ptrOf(load<u64>(sp - (<usize>arg << 3))), load<u64>(sp), load<u64>(sp + 8))) break;
        continue;
      }
      case Op.UNPACK_SEQUENCE: {
        sp -= 8;
        store<u32>(f, pc, 4);
        store<u32>(f, <u32>sp, 8);
        if (!unpack(load<u64>(sp), arg, sp)) break;
        sp += <usize>arg << 3;
        continue;
      }
      case Op.UNPACK_EX: {
        sp -= 8;
        let r = unpackEx(load<u64>(sp), arg & 0xFF, arg >> 8, sp);
        if (r == 0) break;
        sp = r;
        continue;
      }
      case Op.BINARY_SUBSCR: {
        store<u32>(f, pc, 4);
        store<u32>(f, <u32>sp, 8);
        let r = P.getItem(load<u64>(sp - 16), load<u64>(sp - 8));
        if (r == ERR) break;
        sp -= 8;
        store<u64>(sp - 8, r);
        continue;
      }
      case Op.STORE_SUBSCR: {
        if (!P.setItem(load<u64>(sp - 16), load<u64>(sp - 8), load<u64>(sp - 24))) break;
        sp -= 24;
        continue;
      }
      case Op.DELETE_SUBSCR: {
        if (!P.delItem(load<u64>(sp - 16), load<u64>(sp - 8))) break;
        sp -= 16;
        continue;
      }

      // ---- attributes ----
      case Op.LOAD_ATTR: {
        store<u32>(f, pc, 4);
        store<u32>(f, <u32>sp, 8);
        let r = P.getAttr(load<u64>(sp - 8), ptrOf(tupGet(names, arg)));
        if (r == ERR) break;
        store<u64>(sp - 8, r);
        continue;
      }
      case Op.STORE_ATTR: {
        if (!P.setAttr(load<u64>(sp - 8), ptrOf(tupGet(names, arg)), load<u64>(sp - 16))) break;
        sp -= 16;
        continue;
      }
      case Op.DELETE_ATTR: {
        if (!P.delAttr(load<u64>(sp - 8), ptrOf(tupGet(names, arg)))) break;
        sp -= 8;
        continue;
      }
      case Op.LOAD_METHOD: {
        // (…, obj) → (…, method, obj) when the type holds a plain function, else (…, NULL, attr)
        let obj = load<u64>(sp - 8);
        let name = ptrOf(tupGet(names, arg));
        let t = typeOf(obj);
        let k = typeKind(t);
        if (k == K.INST || k == K.EXC) {
          let m = lookupType(t, name);
          if (m != NULL && isPtr(m) && objType(ptrOf(m)) == T_function &&
              (O.instDict(ptrOf(obj)) == 0 || dictGetStr(O.instDict(ptrOf(obj)), name) == NULL)) {
            store<u64>(sp - 8, m);
            store<u64>(sp, obj);
            sp += 8;
            continue;
          }
        } else if (k != K.TYPE && k != K.MODULE && k != K.SUPER) {
          let m = lookupType(t, name);
          if (m != NULL && isPtr(m) && objType(ptrOf(m)) == T_builtin) {
            store<u64>(sp - 8, m);
            store<u64>(sp, obj);
            sp += 8;
            continue;
          }
        }
        store<u32>(f, pc, 4);
        store<u32>(f, <u32>sp, 8);
        let r = P.getAttr(obj, name);
        if (r == ERR) break;
        store<u64>(sp - 8, NULL);
        store<u64>(sp, r);
        sp += 8;
        continue;
      }

      // ---- calls ----
      case Op.CALL_FUNCTION: case Op.CALL_FUNCTION_KW: case Op.CALL_METHOD: case Op.CALL_FUNCTION_EX: {
        let op = u & 0xFF;
        let callableSlot: usize, resultSlot: usize, args: usize, nargs: u32 = arg, kwnames: usize = 0;
        let scratch: u32 = 0;
        if (op == Op.CALL_FUNCTION) {
          callableSlot = sp - (<usize>(arg + 1) << 3);
          resultSlot = callableSlot;
          args = callableSlot + 8;
        } else if (op == Op.CALL_METHOD) {
          resultSlot = sp - (<usize>(arg + 2) << 3);
          if (load<u64>(resultSlot) == NULL) { callableSlot = resultSlot + 8; }
          else { callableSlot = resultSlot; nargs = arg + 1; }
          args = callableSlot + 8;
        } else if (op == Op.CALL_FUNCTION_KW) {
          kwnames = ptrOf(load<u64>(sp - 8));
          callableSlot = sp - 8 - (<usize>(arg + 1) << 3);
          resultSlot = callableSlot;
          args = callableSlot + 8;
        } else {
          // CALL_FUNCTION_EX: (…, f, args[, kwargs]); spread into the scratch vector
          let kw: Value = (arg & 1) != 0 ? load<u64>(sp - 8) : NULL;
          let posSlot = sp - ((arg & 1) != 0 ? 16 : 8);
          callableSlot = posSlot - 8;
          resultSlot = callableSlot;
          let pos = load<u64>(posSlot);
          if (!isPtr(pos) || objType(ptrOf(pos)) != T_tuple) {
            pos = O.toTupleValue(pos);
            if (pos == ERR) break;
          }
          let np = tupLen(ptrOf(pos));
          let nk: u32 = kw != NULL ? dictLen(ptrOf(kw)) : 0;
          args = nestedArgs(np + nk);
          if (args == 0) { raiseText(E_RecursionError, "maximum recursion depth exceeded"); break; }
          scratch = np + nk;
          memory.copy(args, O.tupItems(ptrOf(pos)), <usize>np << 3);
          nargs = np + nk;
          if (nk > 0) {
            let kd = ptrOf(kw);
            let kn = newTuple(nk);
            if (kn == 0) { releaseNestedArgs(scratch); break; }
            let j: u32 = 0;
            for (let i: u32 = 0; i < dictUsed(kd); i++) {
              let k = entryKey(kd, i);
              if (k == NULL) continue;
              tupSet(kn, j, k);
              store<u64>(args + (<usize>(np + j) << 3), entryVal(kd, i));
              j++;
            }
            kwnames = kn;
          }
        }
        store<u32>(f, pc, 4);
        store<u32>(f, <u32>resultSlot, 8);
        let callee = load<u64>(callableSlot);
        let nf: usize = 0;
        if (kwnames == 0 && scratch == 0 && isPtr(callee) && objType(ptrOf(callee)) == T_function) {
          nf = pushPlainFrame(f, ptrOf(callee), NULL, args, nargs);
        }
        if (nf == 0) {
          let r = invoke(callee, args, nargs, kwnames, resultSlot);
          if (scratch != 0) releaseNestedArgs(scratch);
          if (r == 0) { sp = resultSlot + 8; continue; }
          if (r < 0) { sp = resultSlot; break; }
          nf = pushedFrame;
        }
        f = nf;
        curFrame = f;
        code = frameCode(f);
        units = I.codeUnits(code);
        pc = 0;
        sp = <usize>load<u32>(f, 8);
        lb = frameLocalsBase(f, code);
        consts = O.tupItems(I.codeConsts(code));
        names = I.codeNames(code);
        continue;
      }
      case Op.YIELD_FROM: {
        sp -= 8;
        store<u32>(f, pc, 4);
        store<u32>(f, <u32>sp, 8);
        let r = yieldFromStep(load<u64>(sp - 8), load<u64>(sp));
        if (r == ERR) break;
        if (r == NULL) { store<u64>(sp - 8, yfValue); continue; } // the subiterator's return value
        // yield r with pc back on this YIELD_FROM: the resume pushes the sent value and repeats it
        pc--;
        store<u64>(sp, r);
        sp += 8;
      } // falls through
      case Op.YIELD_VALUE: {
        sp -= 8;
        let v = load<u64>(sp);
        let flags = load<u32>(f, 20);
        if ((flags & F_GEN) == 0) { raiseText(E_SystemError, "yield outside a generator frame"); break; }
        store<u32>(f, pc, 4);
        store<u32>(f, <u32>sp, 8);
        let g = ptrOf(load<u64>(f, 40));
        let back = frameBack(f);
        suspendFrame(f, g);
        store<u32>(g, GEN_SUSPENDED, 20);
        curFrame = back;
        if ((flags & F_ENTRY) != 0) { stepValue = v; return 0; }
        f = back;
        code = frameCode(f);
        units = I.codeUnits(code);
        pc = load<u32>(f, 4);
        sp = <usize>load<u32>(f, 8);
        lb = frameLocalsBase(f, code);
        consts = O.tupItems(I.codeConsts(code));
        names = I.codeNames(code);
        store<u64>(sp, v);
        sp += 8;
        continue;
      }
      case Op.RETURN_VALUE: {
        let v = load<u64>(sp - 8);
        let flags = load<u32>(f, 20);
        if ((flags & F_GEN) != 0) {
          store<u32>(ptrOf(load<u64>(f, 40)), GEN_FINISHED, 20);
          popFrame(f);
          let back = frameBack(f);
          curFrame = back;
          if ((flags & F_ENTRY) != 0) { stepValue = v; return 0; }
          // resumed by FOR_ITER in this loop: the loop is exhausted (pop the iterator, jump)
          f = back;
          code = frameCode(f);
          units = I.codeUnits(code);
          pc = load<u32>(f, 4);
          sp = <usize>load<u32>(f, 8) - 8;
          lb = frameLocalsBase(f, code);
          consts = O.tupItems(I.codeConsts(code));
          names = I.codeNames(code);
          pc = load<u32>(units + (<usize>(pc - 1) << 2)) >> 8;
          continue;
        }
        if ((flags & F_INIT) != 0) {
          if (v != NONE) {
            let m = sbMark();
            sbText("__init__() should return None, not '");
            sbStr(typeName(typeOf(v)));
            sbText("'");
            raiseBuilt(E_TypeError, m);
            sp -= 8;
            break;
          }
          v = load<u64>(f, 40);
        }
        popFrame(f);
        let back = frameBack(f);
        curFrame = back;
        if ((flags & F_ENTRY) != 0) { stepValue = v; return 0; }
        f = back;
        code = frameCode(f);
        units = I.codeUnits(code);
        pc = load<u32>(f, 4);
        sp = <usize>load<u32>(f, 8);
        lb = frameLocalsBase(f, code);
        consts = O.tupItems(I.codeConsts(code));
        names = I.codeNames(code);
        let pending = load<u32>(f, 36);
        if (pending != 0) {
          // __enter__ returned: activate the with-block before its result is stored
          store<u32>(f, 0, 36);
          pushBlock(f, (pending & ~PENDING_DISCARD) - 1, sp);
          if ((pending & PENDING_DISCARD) != 0) { pc++; continue; } // past the fused POP_TOP
        }
        store<u64>(sp, v);
        sp += 8;
        continue;
      }
      case Op.MAKE_FUNCTION: {
        let r = makeFunction(arg, sp, <usize>load<u32>(f, 24));
        if (r == 0) break;
        sp = r;
        continue;
      }
      case Op.LOAD_BUILD_CLASS:
        store<u64>(sp, O.buildClassFn);
        sp += 8;
        continue;

      // ---- blocks, with and exceptions (cpython-bytecode.md §2) ----
      case Op.SETUP_FINALLY:
        pushBlock(f, arg, sp);
        continue;
      case I.FUSED_WITH_EXIT: case Op.POP_BLOCK:
        store<u32>(f, load<u32>(f, 16) - 1, 16);
        continue;
      case Op.BEGIN_FINALLY:
        store<u64>(sp, NULL);
        sp += 8;
        continue;
      case Op.CALL_FINALLY:
        store<u64>(sp, mkSmallInt(pc));
        sp += 8;
        pc = arg;
        continue;
      case I.FUSED_WITH_ENTER_POP: case Op.SETUP_WITH: {
        // (…, mgr) → (…, X, res): look up on the type, bind __exit__, call __enter__
        let mgr = load<u64>(sp - 8);
        let t = typeOf(mgr);
        if (t == gcmType) {
          // @contextmanager (generators.ts): the manager stays in __exit__'s slot, entered natively
          store<u32>(f, pc, 4);
          store<u32>(f, <u32>sp, 8);
          let res = gcmEnter(ptrOf(mgr));
          if (res == ERR) break;
          pushBlock(f, arg, sp);
          store<u64>(sp, res);
          sp += 8;
          continue;
        }
        let enter = typeEnter(t), exit = typeExit(t);
        if ((typeFlags(t) & TF_BUILTIN) != 0) { enter = lookupType(t, N.S___enter__); exit = lookupType(t, N.S___exit__); }
        if (enter == NULL) { withLookupError(mgr, false); break; }
        if (exit == NULL) { withLookupError(mgr, true); break; }
        let x: Value;
        if (isPtr(exit) && objType(ptrOf(exit)) == T_function) {
          x = withExitMethod(mgr, exit);
          if (x == ERR) break;
        } else {
          x = P.bindDescriptor(exit, mgr, t);
          if (x == ERR) break;
        }
        store<u64>(sp - 8, x);
        store<u32>(f, pc, 4);
        store<u32>(f, <u32>sp, 8);
        let nf: usize = 0;
        if (isPtr(enter) && objType(ptrOf(enter)) == T_function) nf = pushPlainFrame(f, ptrOf(enter), mgr, 0, 0);
        if (nf != 0) {
          store<u32>(f, arg + 1, 36); // RETURN_VALUE pushes the block, then the result
          f = nf;
          curFrame = f;
          code = frameCode(f);
          units = I.codeUnits(code);
          pc = 0;
          sp = <usize>load<u32>(f, 8);
          lb = frameLocalsBase(f, code);
          consts = O.tupItems(I.codeConsts(code));
          names = I.codeNames(code);
          continue;
        }
        let bound = P.bindDescriptor(enter, mgr, t);
        if (bound == ERR) break;
        let res = callNested(bound, 0, 0);
        if (res == ERR) break;
        pushBlock(f, arg, sp);
        store<u64>(sp, res);
        sp += 8;
        continue;
      }
      case Op.WITH_CLEANUP_START: {
        let top = load<u64>(sp - 8);
        let x: Value;
        if (top == NULL) {
          // (…, X, NULL) → (…, NULL, None) then call X(None, None, None)
          x = load<u64>(sp - 16);
          store<u64>(sp - 16, NULL);
          store<u64>(sp - 8, NONE);
          store<u64>(sp, x);
          store<u64>(sp + 8, NONE);
          store<u64>(sp + 16, NONE);
          store<u64>(sp + 24, NONE);
        } else {
          // (…, X, pt, pv, pT, t, v, T) → (…, pt, pv, pT, NULL, t, v, T, T), call X(T, v, t)
          x = load<u64>(sp - 56);
          let tb = load<u64>(sp - 24), val = load<u64>(sp - 16), typ = load<u64>(sp - 8);
          store<u64>(sp - 56, load<u64>(sp - 48));
          store<u64>(sp - 48, load<u64>(sp - 40));
          store<u64>(sp - 40, load<u64>(sp - 32));
          store<u64>(sp - 32, NULL);
          store<u64>(sp - 24, tb);
          store<u64>(sp - 16, val);
          store<u64>(sp - 8, typ);
          store<u64>(sp, typ);
          sp += 8;
          // the EXCEPT_HANDLER block's level drops by the slot X used to occupy
          let nb = load<u32>(f, 16);
          let b = f + I.FRAME_HDR + (<usize>(nb - 1) << 4);
          store<u32>(b, load<u32>(b, 8) - 8, 8);
          store<u64>(sp, x);
          store<u64>(sp + 8, typ);
          store<u64>(sp + 16, val);
          store<u64>(sp + 24, tb);
        }
        let resultSlot = sp;
        store<u32>(f, pc, 4);
        store<u32>(f, <u32>resultSlot, 8);
        if (isPtr(x) && objType(ptrOf(x)) == gcmType) {
          let gr = gcmExit(ptrOf(x), load<u64>(sp + 8), load<u64>(sp + 16), load<u64>(sp + 24));
          if (gr == ERR) { sp = resultSlot; break; }
          store<u64>(resultSlot, gr);
          sp = resultSlot + 8;
          continue;
        }
        let nf: usize = 0;
        if (isPtr(x) && objType(ptrOf(x)) == T_method) {
          let xf = boundFunc(ptrOf(x));
          if (isPtr(xf) && objType(ptrOf(xf)) == T_function) nf = pushPlainFrame(f, ptrOf(xf), boundSelf(ptrOf(x)), sp + 8, 3);
        }
        if (nf == 0) {
          let r = invoke(x, sp + 8, 3, 0, resultSlot);
          if (r <= 0) {
            if (isPtr(x) && objAux(ptrOf(x)) == AUX_WITH_EXIT) spareExit = ptrOf(x);
            if (r == 0) { sp = resultSlot + 8; continue; }
            sp = resultSlot;
            break;
          }
          nf = pushedFrame;
        }
        // X is dead once its self and function are in the frame (see withExitMethod)
        if (isPtr(x) && objAux(ptrOf(x)) == AUX_WITH_EXIT) spareExit = ptrOf(x);
        f = nf;
        curFrame = f;
        code = frameCode(f);
        units = I.codeUnits(code);
        pc = 0;
        sp = <usize>load<u32>(f, 8);
        lb = frameLocalsBase(f, code);
        consts = O.tupItems(I.codeConsts(code));
        names = I.codeNames(code);
        continue;
      }
      case I.FUSED_WITH_FINISH: case Op.WITH_CLEANUP_FINISH: {
        let res = load<u64>(sp - 8);
        let marker = load<u64>(sp - 16);
        sp -= 16;
        if (marker != NONE) {
          let t: i32 = res == TRUE ? 1 : res == FALSE || res == NONE ? 0 : P.truthy(res);
          if (t < 0) break;
          if (t == 1) sp = suppressHandled(f);
        }
        continue;
      }
      case Op.END_FINALLY: {
        let top = load<u64>(sp - 8);
        if (top == NULL) { sp -= 8; continue; }
        if (isSmallInt(top)) { sp -= 8; pc = <u32>smallIntVal(top); continue; }
        // (…, t, v, T): re-raise v
        let v = load<u64>(sp - 16);
        sp -= 24;
        setCurExc(v);
        reraising = true;
        break;
      }
      case Op.POP_FINALLY: {
        let keep: Value = NULL;
        if (arg != 0) { sp -= 8; keep = load<u64>(sp); }
        let top = load<u64>(sp - 8);
        sp -= 8;
        if (top != NULL && !isSmallInt(top)) {
          sp -= 16;
          let nb = load<u32>(f, 16) - 1;
          let b = f + I.FRAME_HDR + (<usize>nb << 4);
          if (load<u32>(b) != B_EXCEPT) { raiseText(E_SystemError, "popped block is not an except handler"); break; }
          store<u32>(f, nb, 16);
          let level = <usize>load<u32>(b, 8);
          handledExc = load<u64>(level + 8);
          sp = level;
        }
        if (arg != 0) { store<u64>(sp, keep); sp += 8; }
        continue;
      }
      case Op.POP_EXCEPT: {
        let nb = load<u32>(f, 16) - 1;
        let b = f + I.FRAME_HDR + (<usize>nb << 4);
        if (load<u32>(b) != B_EXCEPT) { raiseText(E_SystemError, "popped block is not an except handler"); break; }
        store<u32>(f, nb, 16);
        handledExc = load<u64>(sp - 16);
        sp -= 24;
        continue;
      }
      case Op.RAISE_VARARGS: {
        if (arg == 0) {
          if (handledExc == NONE) { raiseText(E_RuntimeError, "No active exception to reraise"); break; }
          setCurExc(handledExc);
          reraising = true; // like 3.8's do_raise: the traceback already has this exception's entries
          break;
        }
        let cause: Value = NULL;
        if (arg == 2) { sp -= 8; cause = load<u64>(sp); }
        sp -= 8;
        store<u32>(f, pc, 4);
        store<u32>(f, <u32>sp, 8);
        doRaise(load<u64>(sp), cause);
        break;
      }
      case Op.FORMAT_VALUE: {
        let spec: Value = NULL;
        if ((arg & 4) != 0) { sp -= 8; spec = load<u64>(sp); }
        let r = formatValue(load<u64>(sp - 8), arg & 3, spec);
        if (r == ERR) break;
        store<u64>(sp - 8, r);
        continue;
      }
      case Op.IMPORT_NAME: {
        let name = ptrOf(tupGet(names, arg));
        sp -= 8; // fromlist; level stays under the result slot
        if (name == N.S_sys) { store<u64>(sp - 8, mkPtr(sysModule)); continue; }
        store<u32>(f, pc, 4);
        store<u32>(f, <u32>sp, 8);
        let mod = importModule(name);
        if (mod == ERR) break;
        store<u64>(sp - 8, mod);
        continue;
      }
      case Op.IMPORT_FROM: {
        let r = P.getAttr(load<u64>(sp - 8), ptrOf(tupGet(names, arg)));
        if (r == ERR) break;
        store<u64>(sp, r);
        sp += 8;
        continue;
      }
      case Op.PRINT_EXPR: sp -= 8; continue;
      case I.LOAD_BIG_CONST: {
        let m = sbMark();
        sbText("int constant ");
        sbStr(ptrOf(load<u64>(consts + (<usize>arg << 3))));
        sbText(" does not fit in 64 bits (withvm ints are 64-bit)");
        raiseBuilt(E_OverflowError, m);
        break;
      }
      default: {
        let m = sbMark();
        sbText("opcode ");
        sbInt(u & 0xFF);
        sbText(" is not supported by this VM yet");
        raiseBuilt(E_SystemError, m);
        break;
      }
    }

    // ---- error path: every failing case breaks out of the switch to here ----
    store<u32>(f, pc, 4);
    store<u32>(f, <u32>sp, 8);
    let nf = unwind(f);
    if (nf == 0) { stepValue = ERR; return 0; }
    f = nf;
    curFrame = f;
    code = frameCode(f);
    units = I.codeUnits(code);
    pc = load<u32>(f, 4);
    sp = <usize>load<u32>(f, 8);
    lb = frameLocalsBase(f, code);
    consts = O.tupItems(I.codeConsts(code));
    names = I.codeNames(code);
  }
  return 0;
}

/** Tracing (`withvm trace`): one record per instruction before it executes, tab-separated:
 * code image index, unit (CPython offset / 2), then the value stack bottom to top as safe reprs
 * (no Python code runs) joined by \x1f, then the blocks as kind:handlerUnit:depth joined by \x1f. */
export let tracing = false;
export function setTracing(on: bool): void { tracing = on; }

function traceStep(f: usize, pc: u32, sp: usize): void {
  let code = frameCode(f);
  let lb = frameLocalsBase(f, code);
  let stackBase = lb + (<usize>(I.codeNlocals(code) + I.codeNCells(code) + I.codeNFree(code)) << 3);
  let m = sbMark();
  sbInt(I.codeImageIndex(code));
  sbByte(9);
  sbInt(pc);
  sbByte(9);
  for (let p = stackBase; p < sp; p += 8) {
    if (p > stackBase) sbByte(0x1F);
    P.appendSafeRepr(load<u64>(p));
  }
  sbByte(9);
  let nb = load<u32>(f, 16);
  for (let i: u32 = 0; i < nb; i++) {
    let b = f + I.FRAME_HDR + (<usize>i << 4);
    if (i > 0) sbByte(0x1F);
    sbText(load<u32>(b) == B_EXCEPT ? "EXCEPT_HANDLER" : "SETUP_FINALLY");
    sbByte(58);
    sbInt(load<u32>(b) == B_EXCEPT ? -1 : <i64>load<u32>(b, 12));
    sbByte(58);
    sbInt(<i64>((<usize>load<u32>(b, 8) - stackBase) >> 3));
  }
  hostTraceStep(sbBase() + m, sbMark() - m);
  sbReset(m);
}

function raiseUnary(sym: string, v: Value): void {
  let m = sbMark();
  sbText("bad operand type for unary ");
  sbText(sym);
  sbText(": '");
  sbStr(typeName(typeOf(v)));
  sbText("'");
  raiseBuilt(E_TypeError, m);
}

function isInplace(op: u32): bool {
  switch (op) {
    case Op.INPLACE_MULTIPLY: case Op.INPLACE_TRUE_DIVIDE: case Op.INPLACE_FLOOR_DIVIDE: case Op.INPLACE_MODULO:
    case Op.INPLACE_POWER: case Op.INPLACE_LSHIFT: case Op.INPLACE_RSHIFT: case Op.INPLACE_AND: case Op.INPLACE_OR:
    case Op.INPLACE_XOR: case Op.INPLACE_MATRIX_MULTIPLY: return true;
  }
  return false;
}
function binOf(op: u32): Bin {
  switch (op) {
    case Op.BINARY_MULTIPLY: case Op.INPLACE_MULTIPLY: return Bin.MUL;
    case Op.BINARY_TRUE_DIVIDE: case Op.INPLACE_TRUE_DIVIDE: return Bin.TRUEDIV;
    case Op.BINARY_FLOOR_DIVIDE: case Op.INPLACE_FLOOR_DIVIDE: return Bin.FLOORDIV;
    case Op.BINARY_MODULO: case Op.INPLACE_MODULO: return Bin.MOD;
    case Op.BINARY_POWER: case Op.INPLACE_POWER: return Bin.POW;
    case Op.BINARY_LSHIFT: case Op.INPLACE_LSHIFT: return Bin.LSHIFT;
    case Op.BINARY_RSHIFT: case Op.INPLACE_RSHIFT: return Bin.RSHIFT;
    case Op.BINARY_AND: case Op.INPLACE_AND: return Bin.AND;
    case Op.BINARY_OR: case Op.INPLACE_OR: return Bin.OR;
    case Op.BINARY_XOR: case Op.INPLACE_XOR: return Bin.XOR;
  }
  return Bin.MATMUL;
}
