// Generator delegation and finalization on top of vm.ts's generator frames: `yield from`
// (YIELD_FROM's step, and throw()/close() forwarded to the subiterator a generator is suspended
// in), close() itself, and the closing of suspended generators the collector found unreachable
// or that are still suspended when a program ends (PEP 342's finalization; PEP 343's __exit__).

import { Value, NONE, NULL, ERR, TRUE, FALSE, isPtr, ptrOf, mkPtr } from "./value";
import { objType, objAux, setObjAux, allObjects, gcAlloc, HDR } from "./heap";
import * as N from "./names";
import { registerNativeModule } from "./modules";
import { sbMark, sbText, sbStr, sbReset, sbBase } from "./strbuf";
import { hostWrite } from "./host";
import * as O from "./objects";
import { K, typeOf, isSubtype, excArgs, tupLen, tupGet, newInstance } from "./objects";
import * as I from "./image";
import { Op } from "./shared/opcodes";
import { curExc, setCurExc, clearCurExc, raiseText, E_StopIteration, E_GeneratorExit, E_RuntimeError,
  E_AttributeError, E_TypeError } from "./errors";
import { resumeNested, throwIntoGenerator, genBlock, genState, genReturnValue, callNested1, callNested, callNestedKw,
  GEN_CREATED, GEN_SUSPENDED, GEN_RUNNING, GEN_FINISHED } from "./vm";
import * as P from "./ops";
import { executionAborted } from "./limits";

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
 * `gens` is the collector's array of the `n` generator objects, oldest first (gc.ts); it is
 * scanned newest first. Returns how many were found (pendingAt gives them). */
export function findFinalizable(gens: usize, n: usize): i32 {
  let start = npending;
  for (let i = n; i > 0; i--) {
    let p = <usize>load<u32>(gens + ((i - 1) << 2));
    if ((load<u32>(p, 4) & 1) != 0) continue;
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
  if (executionAborted) return; // the time limit stopped the close: nothing of the program to report
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

// ---- native @contextmanager ---------------------------------------------------------------------
// contextlib.contextmanager (src/pylib/contextlib.py) wraps functions with the native factory of
// the private module `_contextlib`: calling it makes a _GeneratorContextManager object (kind GCM)
// whose __enter__/__exit__ resume the generator directly, with no Python frames of contextlib and
// no StopIteration objects on the normal paths. SETUP_WITH and WITH_CLEANUP_START call gcmEnter /
// gcmExit for it without a bound method (bench: exitpath cm_pass / cm_swallow).
// object: +16 u64 generator  +24 u64 func  +32 u64 args tuple (NULL once entered)  +40 u64 kwargs dict or NONE

/** Builtin ids owned by this file; builtins.ts's callBuiltin hands every id >= GEN_IDS here. */
export const GEN_IDS: i32 = 1000;
export const ID_CM_FACTORY: i32 = 1000;
const ID_CM_ENTER: i32 = 1001;
const ID_CM_EXIT: i32 = 1002;
const ID_CM_RECREATE: i32 = 1003;
const ID_CM_MAKE_FACTORY: i32 = 1004;
const ID_CM_SET_CALL: i32 = 1005;

export let gcmType: usize = 0;

/** Start-up: the GCM type and the `_contextlib` module (rooted through the module table). */
export function initGenerators(): void {
  let t = O.newType(O.internText("_GeneratorContextManager"), O.T_object, K.GCM, O.TF_BUILTIN);
  gcmType = t;
  let td = O.typeDict(t);
  O.dictSet(td, mkPtr(N.S___qualname__), mkPtr(O.typeName(t)));
  addFn(td, ID_CM_ENTER, "__enter__", NULL);
  addFn(td, ID_CM_EXIT, "__exit__", NULL);
  addFn(td, ID_CM_RECREATE, "_recreate_cm", NULL);
  let d = O.newDict();
  addFn(d, ID_CM_MAKE_FACTORY, "contextmanager", NULL);
  addFn(d, ID_CM_SET_CALL, "set_call", NULL);
  O.dictSet(d, mkPtr(O.internText("GeneratorContextManager")), mkPtr(t));
  let name = O.internText("_contextlib");
  registerNativeModule(name, O.newModule(name, d));
}
function addFn(d: usize, id: i32, name: string, self: Value): void {
  let s = O.internText(name);
  O.dictSet(d, mkPtr(s), mkPtr(O.newBuiltin(id, s, self)));
}

function gcmNew(func: Value, args: usize, nargs: u32, kwnames: usize): Value {
  let gen = callNestedKw(func, args, nargs, kwnames);
  if (gen == ERR) return ERR;
  let o = gcAlloc(HDR + 32, gcmType);
  if (o == 0) return ERR;
  store<u64>(o, gen, 16);
  store<u64>(o, func, 24);
  let nkw: u32 = kwnames != 0 ? tupLen(kwnames) : 0;
  // kept only so the manager can recreate itself when used as a decorator
  store<u64>(o, mkPtr(nargs - nkw == 0 ? O.emptyTuple : O.tupleFrom(args, nargs - nkw)), 32);
  let kw: Value = NONE;
  if (nkw > 0) {
    let d = O.newDict();
    for (let i: u32 = 0; i < nkw; i++) O.dictSet(d, tupGet(kwnames, i), load<u64>(args + (<usize>(nargs - nkw + i) << 3)));
    kw = mkPtr(d);
  }
  store<u64>(o, kw, 40);
  return mkPtr(o);
}

/** __enter__: runs the generator to its first yield. Entering twice fails as CPython's does
 * (its __enter__ deletes the recipe attributes first: AttributeError). */
export function gcmEnter(o: usize): Value {
  if (load<u64>(o, 32) == NULL) return raiseText(E_AttributeError, "args");
  store<u64>(o, NULL, 32);
  let gen = load<u64>(o, 16);
  let r = nextOf(gen);
  if (r == NULL) {
    raiseText(E_RuntimeError, "generator didn't yield");
    O.setExcSuppress(ptrOf(curExc), true); // `from None`
    return ERR;
  }
  return r;
}

/** next(gen) for any iterator: the value, NULL when exhausted, ERR. */
function nextOf(gen: Value): Value {
  if (isPtr(gen) && objType(ptrOf(gen)) == O.T_generator) return resumeNested(ptrOf(gen), NONE);
  return P.iterNext(gen);
}

/** __exit__(typ, value, tb), PEP 343's rules as CPython 3.11 applies them. */
export function gcmExit(o: usize, typ: Value, value: Value, tb: Value): Value {
  let gen = load<u64>(o, 16);
  if (typ == NONE) {
    let r = nextOf(gen);
    if (r == ERR) return ERR;
    if (r == NULL) return FALSE;
    return raiseText(E_RuntimeError, "generator didn't stop");
  }
  if (value == NONE) {
    // the exception came as a bare class: the generator must see an instance
    value = callNested(typ, 0, 0);
    if (value == ERR) return ERR;
  }
  let r: Value;
  if (isPtr(gen) && objType(ptrOf(gen)) == O.T_generator) r = genThrow(ptrOf(gen), value);
  else {
    names();
    let m = P.getAttr(gen, S_throw);
    if (m == ERR) return ERR;
    r = callNested1(m, value);
    if (r == ERR && isSubtype(typeOf(curExc), E_StopIteration)) {
      let stop = curExc;
      clearCurExc();
      return stop != value ? TRUE : FALSE;
    }
  }
  // the generator finished: it swallowed the exception (a fresh StopIteration is never `value`)
  if (r == NULL) return TRUE;
  if (r != ERR) return raiseText(E_RuntimeError, "generator didn't stop after throw()");
  let err = curExc;
  if (err == value) {
    // the generator let it through: not an error of the manager; the with statement re-raises
    clearCurExc();
    O.setExcTb(ptrOf(value), tb);
    return FALSE;
  }
  if (isSubtype(typeOf(err), E_RuntimeError) && isSubtype(typeOf(value), E_StopIteration) &&
      O.excCause(ptrOf(err)) == value) {
    // PEP 479 turned the StopIteration thrown in into RuntimeError: report the original
    clearCurExc();
    O.setExcTb(ptrOf(value), tb);
    return FALSE;
  }
  return ERR;
}

/** Builtins with ids from GEN_IDS (builtins.ts forwards them). */
export function genBuiltin(id: i32, self: Value, args: usize, nargs: u32, kwnames: usize): Value {
  let npos = nargs - (kwnames != 0 ? tupLen(kwnames) : 0);
  switch (id) {
    case ID_CM_FACTORY: return gcmNew(self, args, nargs, kwnames); // self: the generator function
    // the module's functions: ids this high count as methods, so their one argument is `self`
    case ID_CM_MAKE_FACTORY: {
      if (npos != 0 || self == NULL) return raiseText(E_TypeError, "contextmanager() takes exactly one argument");
      let func = self;
      let name = P.getAttr(func, N.S___name__);
      if (name == ERR) { clearCurExc(); name = mkPtr(O.internText("helper")); }
      return mkPtr(O.newBuiltin(ID_CM_FACTORY, ptrOf(name), func));
    }
    case ID_CM_SET_CALL: {
      if (npos != 0 || self == NULL) return raiseText(E_TypeError, "set_call() takes exactly one argument");
      O.dictSet(O.typeDict(gcmType), mkPtr(O.internText("__call__")), self);
      return NONE;
    }
  }
  if (!isPtr(self) || objType(ptrOf(self)) != gcmType) return raiseText(E_TypeError, "descriptor requires a '_GeneratorContextManager' object");
  let o = ptrOf(self);
  switch (id) {
    case ID_CM_ENTER: return gcmEnter(o);
    case ID_CM_EXIT: {
      if (npos != 3) return raiseText(E_TypeError, "__exit__ expected 3 arguments");
      return gcmExit(o, load<u64>(args), load<u64>(args, 8), load<u64>(args, 16));
    }
    case ID_CM_RECREATE: {
      // a decorated call needs a manager of its own: call the factory recipe again
      let a = load<u64>(o, 32);
      if (a == NULL) return raiseText(E_AttributeError, "args");
      let t = ptrOf(a);
      let kw = load<u64>(o, 40);
      if (kw == NONE) return gcmNew(load<u64>(o, 24), O.tupItems(t), tupLen(t), 0);
      // rebuild a keyword call: positional then keyword values, names in a tuple
      let d = ptrOf(kw);
      let nk = O.dictLen(d);
      let n = tupLen(t) + nk;
      let buf = O.newTuple(n);
      let names = O.newTuple(nk);
      for (let i: u32 = 0; i < tupLen(t); i++) O.tupSet(buf, i, tupGet(t, i));
      let j: u32 = 0;
      for (let i: u32 = 0; i < O.dictUsed(d); i++) {
        let k = O.entryKey(d, i);
        if (k == NULL) continue;
        O.tupSet(names, j, k);
        O.tupSet(buf, tupLen(t) + j, O.entryVal(d, i));
        j++;
      }
      return gcmNew(load<u64>(o, 24), O.tupItems(buf), n, names);
    }
  }
  return raiseText(E_TypeError, "unknown _contextlib builtin");
}
