// Wasm exports of the withvm VM: the only surface src/loader.ts sees. Numbers in, numbers out;
// text goes through linear memory (outPtr/outLen after calls that produce it).
import { OP_COUNT } from "./shared/opcodes";
import { Value, NONE, NULL, TRUE, FALSE, ERR, isPtr, isSmallInt, isFloat, ptrOf, mkPtr, mkFloat,
  smallIntVal, floatVal, mkBool } from "./value";
import { heapInit, liveBytes, objType, setHeapLimit, setGCThreshold } from "./heap";
import * as O from "./objects";
import { T_str, T_int, T_function, typeOf, typeName, newDict, dictSet, dictGetStr, intern, newStr,
  excArgs, excCause, excContext, excSuppress, excTb, listAppend, listLen, listGet, listSetLen, newList,
  strData, strLen, mkInt } from "./objects";
import { initBuiltins } from "./builtins";
import { sbInit, sbMark, sbByte, sbStr, sbText, sbInt, sbBase, sbReset } from "./strbuf";
import { vmInit, vmReset, runModule, callTop, setTracing, setRecursionLimit, depth, frameTop, frameBase } from "./vm";
import { gcInit, collect, runRoots, collections, setStress } from "./gc";
import { loadImage, loadError, codeFilename, codeName, codePositions, codeNUnits, codeVarnames } from "./image";
import { builtinsDict } from "./builtins";
import { E_NameError } from "./errors";
import { curExc, setCurExc, clearCurExc, isExcInstance, memoryErrorInstance } from "./errors";
import * as P from "./ops";
import * as N from "./names";
import { registerModule as registerModuleCode } from "./modules";
import { closeSuspendedAtExit, initGenerators } from "./generators";
import { beginRun as beginLimitedRun, armSafepoint, executionAborted } from "./limits";
import { encodeResult, encodeError, encodeErrorTypeName, buildContainer } from "./jsvalue";

/** Number of opcodes this VM was built with; src/ checks it against the compiler's table. */
export function opCount(): i32 {
  return OP_COUNT;
}

let ready = false;
let mainGlobals: usize = 0;
let callArgs: usize = 0;
/** The containers built for the current vm.call's arguments, in build order (argRef's index). */
let callArgTable: usize = 0;
let result: Value = NONE;
let exception: Value = NULL;
let outStart: u32 = 0;
let outEnd: u32 = 0;

/** One-time start-up; frameStackBytes bounds recursion together with the depth limit. */
export function init(frameStackBytes: i32): void {
  if (ready) return;
  heapInit();
  initBuiltins();
  initGenerators();
  sbInit();
  vmInit(<usize>frameStackBytes);
  gcInit();
  ready = true;
}

export function allocBytes(n: i32): usize { return heap.alloc(<usize>n); }
export function freeBytes(p: usize): void { heap.free(p); }

/** Loads a verified image; returns the module code pointer, or -(error) (image.ts loadError). */
export function loadModule(ptr: usize, len: i32): i32 {
  let c = loadImage(ptr, <usize>len);
  if (c == 0) return -loadError;
  return <i32>c;
}

/** Loads a bundled module's image (src/pylib); its code objects are numbered from 1 << 20 so the
 * host's trace decoder, which knows only the program's own image, can tell them apart. */
export function loadLibrary(ptr: usize, len: i32): i32 {
  let c = loadImage(ptr, <usize>len, 1 << 20);
  if (c == 0) return -loadError;
  return <i32>c;
}

/** Registers a bundled module (src/pylib) loaded with loadLibrary under its import name. */
export function registerModule(namePtr: usize, nameLen: i32, code: usize): void {
  registerModuleCode(namePtr, <usize>nameLen, code);
}

/** Before each runCode/callGlobal: the run's deadline on the host clock (ms; Infinity = none). */
export function beginRun(deadlineMs: f64): void { beginLimitedRun(deadlineMs); }
/** 1 if the last run was stopped by its time limit (its status is then 1 and excReport unused). */
export function timedOut(): i32 { return executionAborted ? 1 : 0; }

function resetRoots(): void {
  listSetLen(runRoots, 0);
}

/** Runs a module in fresh globals. 0 = finished, 1 = uncaught exception (see excReport). */
export function runCode(code: usize): i32 {
  vmReset();
  clearCurExc();
  resetRoots();
  mainGlobals = newDict();
  dictSet(mainGlobals, mkPtr(N.S___name__), mkPtr(N.S___main__));
  listAppend(runRoots, mkPtr(code));
  listAppend(runRoots, mkPtr(mainGlobals));
  callArgs = newList(4);
  listAppend(runRoots, mkPtr(callArgs));
  callArgTable = newList(4);
  listAppend(runRoots, mkPtr(callArgTable));
  let r = runModule(code, mainGlobals);
  // the program has ended: generators left suspended inside try/with get their close() now
  let saved = curExc;
  closeSuspendedAtExit();
  setCurExc(saved);
  return finish(r);
}

function finish(r: Value): i32 {
  vmReset();
  if (r == ERR) {
    exception = curExc;
    clearCurExc();
    result = NONE;
    return 1;
  }
  exception = NULL;
  result = r;
  return 0;
}

// ---- vm.call: arguments in, result out ----
export function argsReset(): void {
  if (callArgs != 0) listSetLen(callArgs, 0);
  if (callArgTable != 0) listSetLen(callArgTable, 0);
}
// Before the first run there is nothing to call (callGlobal reports NameError): the argument
// builders then do nothing, rather than write through a null list.
export function argNumber(x: f64, isInt: i32): void {
  if (callArgs != 0) listAppend(callArgs, isInt != 0 ? mkInt(<i64>x) : mkFloat(x));
}
/** An exact int argument (JS BigInt within the signed 64-bit range). */
export function argInt64(x: i64): void { if (callArgs != 0) listAppend(callArgs, mkInt(x)); }
export function argBool(b: i32): void { if (callArgs != 0) listAppend(callArgs, mkBool(b != 0)); }
export function argNone(): void { if (callArgs != 0) listAppend(callArgs, NONE); }
export function argStr(ptr: usize, len: i32): void { if (callArgs != 0) listAppend(callArgs, mkPtr(newStr(ptr, <usize>len))); }
/** Replaces the last n arguments pushed by a list of them (kind 0), a dict of n key-value pairs
 * (kind 1) or a set (kind 2). 1 ok, 0 MemoryError. */
export function argContainer(kind: i32, n: i32): i32 {
  if (callArgs == 0) return 1;
  return buildContainer(callArgs, callArgTable, kind, <u32>n) ? 1 : 0;
}
/** Pushes again the i-th container argContainer built for this call (a shared JS object). */
export function argRef(i: i32): void { if (callArgs != 0) listAppend(callArgs, listGet(callArgTable, <u32>i)); }

/** Calls global `name` of the last run. 0 ok, 1 exception, 2 no such global. */
export function callGlobal(ptr: usize, len: i32): i32 {
  if (mainGlobals == 0) return 2;
  let name = intern(newStr(ptr, <usize>len));
  let fn = dictGetStr(mainGlobals, name);
  if (fn == NULL) return 2;
  vmReset();
  clearCurExc();
  let n = listLen(callArgs);
  // copy the args to the frame-independent scratch: callNested binds them into the new frame
  let r = callTop(fn, O.listItems(callArgs), n);
  return finish(r);
}

/** The last call's result as jsvalue.ts's byte stream at outPtr: its length, or -(JSValueError)
 * with outPtr/outLen holding the name of the type that could not be converted. */
export function resultEncode(): i32 {
  let m = sbMark();
  let ok = encodeResult(result);
  if (!ok) {
    sbReset(m);
    sbStr(encodeErrorTypeName());
  }
  clearCurExc(); // a MemoryError while encoding is reported as encodeError
  outStart = m;
  outEnd = sbMark();
  sbReset(m);
  return ok ? <i32>(outEnd - outStart) : -<i32>encodeError;
}

export function outPtr(): usize { return sbBase() + outStart; }
export function outLen(): i32 { return <i32>(outEnd - outStart); }

// ---- uncaught exception report, formatted by src/api.ts ----
// Lines, oldest exception first:  C\tcause | C\tcontext   (separator before the next section)
//   T (this section has a traceback)  F\tfile\tline\tfunc\tcol\tendLine\tendCol  (outermost first)
//   E\t<exception line>, e.g. "ValueError: bad"   and  N\t<type name>  M\t<message>
function appendExcLine(e: Value): void {
  let t = typeOf(e);
  let m = sbMark();
  let s = P.strOf(e);
  sbReset(m);
  sbText("N\t");
  sbStr(typeName(t));
  sbText("\nM\t");
  let ok = s != 0;
  if (!ok) clearCurExc();
  else sbStr(s);
  sbText("\nE\t");
  sbStr(typeName(t));
  if (!ok) sbText(": <exception str() failed>");
  else if (strLen(s) > 0) { sbText(": "); sbStr(s); }
  sbByte(10);
}
function appendFrames(e: Value): void {
  let tb = excTb(ptrOf(e));
  if (!isPtr(tb)) return;
  sbText("T\n");
  let p = ptrOf(tb);
  while (p != 0) {
    let code = <usize>load<u32>(p, 20);
    let unit = load<u32>(p, 24);
    if (unit >= codeNUnits(code)) unit = codeNUnits(code) - 1;
    let pos = codePositions(code) + (<usize>unit << 4);
    sbText("F\t");
    sbStr(codeFilename(code));
    sbByte(9); sbInt(load<u32>(pos));
    sbByte(9); sbStr(codeName(code));
    sbByte(9); sbInt(load<u32>(pos, 4));
    sbByte(9); sbInt(load<u32>(pos, 8));
    sbByte(9); sbInt(load<u32>(pos, 12));
    sbByte(10);
    p = <usize>load<u32>(p, 16);
  }
}
/** For an uncaught NameError: the names visible where it was raised (the innermost frame's
 * local names, the module globals, the builtins), so the host can add 3.11's "Did you mean". */
function appendNameCandidates(e: Value): void {
  let t = typeOf(e);
  if (t != E_NameError) return;
  let tb = excTb(ptrOf(e));
  if (!isPtr(tb)) return;
  let p = ptrOf(tb);
  while (load<u32>(p, 16) != 0) p = <usize>load<u32>(p, 16);
  let code = <usize>load<u32>(p, 20);
  let vn = codeVarnames(code);
  for (let i: u32 = 0; i < O.tupLen(vn); i++) { sbText("D\t"); sbStr(ptrOf(O.tupGet(vn, i))); sbByte(10); }
  let dicts = [mainGlobals, builtinsDict];
  for (let k = 0; k < 2; k++) {
    let d = dicts[k];
    if (d == 0) continue;
    for (let i: u32 = 0; i < O.dictUsed(d); i++) {
      let key = O.entryKey(d, i);
      if (!isPtr(key) || objType(ptrOf(key)) != T_str) continue;
      sbText("D\t");
      sbStr(ptrOf(key));
      sbByte(10);
    }
  }
}

export function excReport(): i32 {
  let e = exception;
  if (!isExcInstance(e)) return 0;
  let chain = newList(4);
  let links = newList(4); // how each entry relates to the previous (newer) one: 1 cause, 2 context
  let cur = e;
  let rel: i32 = 0;
  while (isExcInstance(cur)) {
    let seen = false;
    for (let i: u32 = 0; i < listLen(chain); i++) if (listGet(chain, i) == cur) seen = true;
    if (seen) break;
    listAppend(chain, cur);
    listAppend(links, O.mkInt(rel));
    let c = excCause(ptrOf(cur));
    if (c != NONE) { cur = c; rel = 1; }
    else if (!excSuppress(ptrOf(cur)) && excContext(ptrOf(cur)) != NONE) { cur = excContext(ptrOf(cur)); rel = 2; }
    else break;
  }
  let m = sbMark();
  let n = listLen(chain);
  for (let i = <i32>n - 1; i >= 0; i--) {
    let x = listGet(chain, <u32>i);
    appendFrames(x);
    appendExcLine(x);
    appendNameCandidates(x);
    let r = O.intOf(listGet(links, <u32>i));
    if (r == 1) sbText("C\tcause\n");
    else if (r == 2) sbText("C\tcontext\n");
  }
  outStart = m;
  outEnd = sbMark();
  sbReset(m);
  return <i32>(outEnd - outStart);
}

/** Collects with no Python code on the wasm stack (called from JS between runs). */
export function collectGarbage(): void { collect(0); }
export function gcCount(): u32 { return collections; }
export function heapLiveBytes(): u32 { return <u32>liveBytes; }
export function framesInUse(): i32 { return <i32>(frameTop - frameBase); }
export function recursionLimit(n: i32): void { setRecursionLimit(n); }
export function heapLimit(bytes: i32): void { setHeapLimit(<usize>bytes); }
/** Bytes allocated between collections; 0 collects at every back-edge (GC stress tests). */
export function gcThreshold(bytes: i32): void {
  setGCThreshold(<usize>bytes);
  setStress(bytes < (1 << 20));
  armSafepoint();
}
/** Test hook for the host's trap recovery: traps like a VM bug would. */
export function debugTrap(): void { unreachable(); }
/** Turns per-instruction trace records (host traceStep) on or off. */
export function traceInstructions(on: i32): void { setTracing(on != 0); }
