// Generator delegation and finalization on top of vm.ts's generator frames: `yield from`
// (YIELD_FROM's step, and throw()/close() forwarded to the subiterator a generator is suspended
// in), close() itself, and the closing of suspended generators the collector found unreachable
// or that are still suspended when a program ends (PEP 342's finalization; PEP 343's __exit__).

import { Value, NONE, NULL, ERR, isPtr, ptrOf, mkPtr } from "./value";
import { objType, objAux, setObjAux, allObjects } from "./heap";
import { sbMark, sbText, sbStr, sbReset, sbBase } from "./strbuf";
import { hostWrite } from "./host";
import * as O from "./objects";
import { typeOf, isSubtype, excArgs, tupLen, tupGet, newInstance } from "./objects";
import * as I from "./image";
import { Op } from "./shared/opcodes";
import { curExc, setCurExc, clearCurExc, raiseText, E_StopIteration, E_GeneratorExit, E_RuntimeError,
  E_AttributeError } from "./errors";
import { resumeNested, throwIntoGenerator, genBlock, genState, genReturnValue, callNested1, callNested,
  GEN_CREATED, GEN_SUSPENDED, GEN_RUNNING, GEN_FINISHED } from "./vm";
import * as P from "./ops";

/** What the last finished delegation returned (the value of the `yield from` expression). */
export let yfValue: Value = NONE;

let S_send: usize = 0;
let S_throw: usize = 0;
let S_close: usize = 0;
function names(): void {
  if (S_send != 0) return;
  S_send = O.internText("send");
  S_throw = O.internText("throw");
  S_close = O.internText("close");
}

/** StopIteration's value (args[0], or None). */
function stopValue(e: Value): Value {
  let a = excArgs(ptrOf(e));
  return isPtr(a) && tupLen(ptrOf(a)) > 0 ? tupGet(ptrOf(a), 0) : NONE;
}

/** One YIELD_FROM step: sends v into the subiterator. Returns the value to yield, NULL when the
 * subiterator finished (its return value in yfValue), or ERR. */
export function yieldFromStep(receiver: Value, v: Value): Value {
  yfValue = NONE;
  if (isPtr(receiver) && objType(ptrOf(receiver)) == O.T_generator) {
    let r = resumeNested(ptrOf(receiver), v);
    if (r == NULL) yfValue = genReturnValue;
    return r;
  }
  let r: Value;
  if (v == NONE) {
    r = P.iterNext(receiver); // consumes a bare StopIteration; its value is None then
    return r;
  }
  names();
  let send = P.getAttr(receiver, S_send);
  if (send == ERR) return ERR;
  r = callNested1(send, v);
  if (r == ERR && isSubtype(typeOf(curExc), E_StopIteration)) {
    yfValue = stopValue(curExc);
    clearCurExc();
    return NULL;
  }
  return r;
}

/** The subiterator g is suspended in (its frame's next unit is YIELD_FROM), or NULL. */
function delegate(g: usize): Value {
  if (genState(g) != GEN_SUSPENDED) return NULL;
  let blk = genBlock(g);
  let code = <usize>load<u32>(g, 24);
  let pc = load<u32>(blk, 4);
  if ((load<u32>(I.codeUnits(code) + (<usize>pc << 2)) & 0xFF) != Op.YIELD_FROM) return NULL;
  return load<u64>(blk + <usize>load<u32>(blk, 8) - 8); // the receiver under the (relative) sp
}

/** Ends g's `yield from` after its subiterator finished or failed: drops the receiver and moves
 * past YIELD_FROM, so a resume continues with the statement after it. */
function leaveYieldFrom(g: usize): void {
  let blk = genBlock(g);
  store<u32>(blk, load<u32>(blk, 8) - 8, 8);
  store<u32>(blk, load<u32>(blk, 4) + 1, 4);
}

/** Closes any iterator: generators through genClose, others through their close() if any. */
function closeIter(it: Value): bool {
  if (isPtr(it) && objType(ptrOf(it)) == O.T_generator) return genClose(ptrOf(it)) != ERR;
  names();
  let m = P.getAttr(it, S_close);
  if (m == ERR) {
    if (isSubtype(typeOf(curExc), E_AttributeError)) { clearCurExc(); return true; }
    return false;
  }
  return callNested(m, 0, 0) != ERR;
}

/** generator.throw(exc), forwarded to the subiterator while g is inside `yield from`. Returns the
 * next yielded value, NULL when g finished (genReturnValue), or ERR. */
export function genThrow(g: usize, exc: Value): Value {
  let sub = delegate(g);
  if (sub != NULL) {
    let isExit = isSubtype(typeOf(exc), E_GeneratorExit);
    store<u32>(g, GEN_RUNNING, 20); // g is busy while its subiterator handles the exception
    let r: Value = NULL;
    let forwarded = true;
    if (isExit) {
      // close the subiterator, then raise GeneratorExit (or what closing raised) in g itself
      let ok = closeIter(sub);
      store<u32>(g, GEN_SUSPENDED, 20);
      if (!ok) { exc = curExc; clearCurExc(); }
      return throwIntoGenerator(g, exc);
    }
    if (isPtr(sub) && objType(ptrOf(sub)) == O.T_generator) {
      r = genThrow(ptrOf(sub), exc);
      if (r == NULL) yfValue = genReturnValue;
    } else {
      names();
      let m = P.getAttr(sub, S_throw);
      if (m == ERR) {
        if (!isSubtype(typeOf(curExc), E_AttributeError)) { store<u32>(g, GEN_SUSPENDED, 20); return ERR; }
        clearCurExc();
        forwarded = false;
      } else {
        r = callNested1(m, exc);
        if (r == ERR && isSubtype(typeOf(curExc), E_StopIteration)) {
          yfValue = stopValue(curExc);
          clearCurExc();
          r = NULL;
        }
      }
    }
    store<u32>(g, GEN_SUSPENDED, 20);
    if (forwarded) {
      if (r != ERR && r != NULL) return r; // the subiterator yielded: g stays inside `yield from`
      leaveYieldFrom(g);
      if (r == NULL) return resumeNested(g, yfValue); // the subiterator's return value
      exc = curExc;
      clearCurExc();
    }
  }
  return throwIntoGenerator(g, exc);
}

/** generator.close(): GeneratorExit at the suspended yield; None, or ERR (a RuntimeError when
 * the generator yielded instead of finishing). */
export function genClose(g: usize): Value {
  let st = genState(g);
  if (st == GEN_CREATED || st == GEN_FINISHED) { store<u32>(g, GEN_FINISHED, 20); return NONE; }
  let ge = newInstance(E_GeneratorExit);
  if (ge == 0) return ERR;
  let v = genThrow(g, mkPtr(ge));
  if (v == ERR) {
    let t = typeOf(curExc);
    if (isSubtype(t, E_GeneratorExit) || isSubtype(t, E_StopIteration)) { clearCurExc(); return NONE; }
    return ERR;
  }
  if (v == NULL) return NONE;
  return raiseText(E_RuntimeError, "generator ignored GeneratorExit");
}

/** Whether closing g could run Python code: it is suspended with a try/with block open. A
 * generator suspended outside any block finishes silently, so it can just be freed. */
export function needsClose(g: usize): bool {
  return genState(g) == GEN_SUSPENDED && (load<u32>(genBlock(g), 16) != 0 || delegate(g) != NULL);
}

// ---- finalization -------------------------------------------------------------------------------
// The collector cannot free a suspended generator whose close() would run code (a pending
// `finally` or `__exit__`): collect() asks findFinalizable for the unreachable ones, keeps them
// (and what they reference) alive for this cycle, and runFinalizers closes them once the sweep is
// done. Each generator is finalized at most once (PEP 442): a flag in its header's aux word. A
// closed generator is FINISHED, so the next cycle frees it like any other object.

const AUX_FINALIZED: u32 = 1;
let pending: usize = 0;   // raw array of generator pointers, scan order (newest first)
let npending: i32 = 0;
let cap: i32 = 0;
let finalizing = false;

function push(g: usize): void {
  if (npending == cap) {
    let ncap = cap == 0 ? 16 : cap * 2;
    let nb = heap.alloc(<usize>ncap << 2);
    if (pending != 0) { memory.copy(nb, pending, <usize>npending << 2); heap.free(pending); }
    pending = nb;
    cap = ncap;
  }
  store<u32>(pending + (<usize>npending << 2), <u32>g);
  npending++;
}

/** Called by collect() after marking: records every unmarked generator that still needs close().
 * `all` is the all-objects list; returns how many were found (pendingAt gives them). */
export function findFinalizable(all: usize): i32 {
  let start = npending;
  for (let p = all; p != 0; p = <usize>load<u32>(p, 8)) {
    if ((load<u32>(p, 4) & 1) != 0 || objType(p) != O.T_generator) continue;
    if ((objAux(p) & AUX_FINALIZED) != 0 || !needsClose(p)) continue;
    push(p);
  }
  return npending - start;
}
export function pendingAt(i: i32): usize { return <usize>load<u32>(pending + (<usize>i << 2)); }
export function pendingCount(): i32 { return npending; }

/** Closes the generators findFinalizable kept, oldest first (so creation order, as a program's
 * objects usually die in CPython). Errors are reported on stderr and dropped, as CPython does. */
export function runFinalizers(): bool {
  if (finalizing || npending == 0) return false;
  finalizing = true;
  let savedExc = curExc;
  clearCurExc();
  while (npending > 0) {
    npending--;
    // scans run newest first, so the oldest generator is at the end of the array
    finalizeOne(pendingAt(npending));
  }
  setCurExc(savedExc);
  finalizing = false;
  return true;
}

function finalizeOne(g: usize): void {
  if ((objAux(g) & AUX_FINALIZED) != 0) return;
  setObjAux(g, objAux(g) | AUX_FINALIZED);
  if (genState(g) != GEN_SUSPENDED) return;
  if (genClose(g) != ERR) return;
  // "Exception ignored in: <generator ...>" then the exception, as CPython's unraisable hook
  let m = sbMark();
  sbText("Exception ignored in: ");
  if (!P.appendRepr(mkPtr(g))) { clearCurExc(); sbReset(m); return; }
  sbText("\n");
  let e = curExc;
  clearCurExc();
  sbStr(O.typeName(typeOf(e)));
  let s = P.strOf(e);
  if (s != 0 && O.strLen(s) > 0) { sbText(": "); sbStr(s); }
  clearCurExc();
  sbText("\n");
  hostWrite(2, sbBase() + m, sbMark() - m);
  sbReset(m);
}

/** At the end of a program: closes every generator still suspended inside a try/with, oldest
 * first, as CPython's shutdown does when it clears the modules (PEP 342). */
export function closeSuspendedAtExit(): void {
  for (let p = allObjects; p != 0; p = <usize>load<u32>(p, 8)) {
    if (objType(p) != O.T_generator) continue;
    if ((objAux(p) & AUX_FINALIZED) != 0 || !needsClose(p)) continue;
    push(p);
  }
  runFinalizers();
}
