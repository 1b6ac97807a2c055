// Python exceptions as VM data: the exception class hierarchy, the in-flight exception
// register (curExc), and the raise helpers every native path uses. A helper sets curExc and
// returns ERR (or 0/false); the dispatch loop then unwinds through unwind() in vm.ts.
// Messages follow CPython 3.11's wording so expected-output files stay valid.

import { Value, NULL, NONE, ERR, mkPtr, ptrOf, isPtr } from "./value";
import { newType, newInstance, newTuple, tupSet, strFrom, internText, typeOf, typeName, TF_EXC,
  T_object, setExcArgs, excContext, setExcContext, K, isSubtype, dictSet, typeDict, typeFlags,
  newStr, strData, strLen } from "./objects";
import { sbMark, sbTake, sbText, sbStr } from "./strbuf";
import { handledExc } from "./vm";

/** The exception being raised (an instance), or NULL. */
export let curExc: Value = NULL;
export function setCurExc(v: Value): void { curExc = v; }
export function clearCurExc(): void { curExc = NULL; }

export let E_BaseException: usize = 0;
export let E_Exception: usize = 0;
export let E_ArithmeticError: usize = 0;
export let E_ZeroDivisionError: usize = 0;
export let E_OverflowError: usize = 0;
export let E_LookupError: usize = 0;
export let E_KeyError: usize = 0;
export let E_IndexError: usize = 0;
export let E_ValueError: usize = 0;
export let E_TypeError: usize = 0;
export let E_AttributeError: usize = 0;
export let E_NameError: usize = 0;
export let E_UnboundLocalError: usize = 0;
export let E_RuntimeError: usize = 0;
export let E_RecursionError: usize = 0;
export let E_NotImplementedError: usize = 0;
export let E_StopIteration: usize = 0;
export let E_GeneratorExit: usize = 0;
export let E_AssertionError: usize = 0;
export let E_KeyboardInterrupt: usize = 0;
export let E_MemoryError: usize = 0;
export let E_SystemError: usize = 0;
export let E_ImportError: usize = 0;
export let E_ModuleNotFoundError: usize = 0;
export let E_UnicodeError: usize = 0;
export let E_HostError: usize = 0;
export let E_OSError: usize = 0;
/** Preallocated so running out of memory can still be reported. */
let memoryErrorInst: Value = NULL;
export function memoryErrorInstance(): Value { return memoryErrorInst; }

function exc(name: string, base: usize, builtins: usize): usize {
  let t = newType(internText(name), base, K.EXC, TF_EXC | 4 /* TF_BASETYPE */);
  dictSet(builtins, mkPtr(typeName(t)), mkPtr(t));
  return t;
}

/** Cold: builds the hierarchy into the builtins dict. */
export function initExceptions(builtins: usize): void {
  E_BaseException = exc("BaseException", T_object, builtins);
  E_Exception = exc("Exception", E_BaseException, builtins);
  E_ArithmeticError = exc("ArithmeticError", E_Exception, builtins);
  E_ZeroDivisionError = exc("ZeroDivisionError", E_ArithmeticError, builtins);
  E_OverflowError = exc("OverflowError", E_ArithmeticError, builtins);
  E_LookupError = exc("LookupError", E_Exception, builtins);
  E_KeyError = exc("KeyError", E_LookupError, builtins);
  E_IndexError = exc("IndexError", E_LookupError, builtins);
  E_ValueError = exc("ValueError", E_Exception, builtins);
  E_UnicodeError = exc("UnicodeError", E_ValueError, builtins);
  E_TypeError = exc("TypeError", E_Exception, builtins);
  E_AttributeError = exc("AttributeError", E_Exception, builtins);
  E_NameError = exc("NameError", E_Exception, builtins);
  E_UnboundLocalError = exc("UnboundLocalError", E_NameError, builtins);
  E_RuntimeError = exc("RuntimeError", E_Exception, builtins);
  E_RecursionError = exc("RecursionError", E_RuntimeError, builtins);
  E_NotImplementedError = exc("NotImplementedError", E_RuntimeError, builtins);
  E_StopIteration = exc("StopIteration", E_Exception, builtins);
  E_GeneratorExit = exc("GeneratorExit", E_BaseException, builtins);
  E_AssertionError = exc("AssertionError", E_Exception, builtins);
  E_KeyboardInterrupt = exc("KeyboardInterrupt", E_BaseException, builtins);
  E_MemoryError = exc("MemoryError", E_Exception, builtins);
  E_SystemError = exc("SystemError", E_Exception, builtins);
  E_ImportError = exc("ImportError", E_Exception, builtins);
  E_ModuleNotFoundError = exc("ModuleNotFoundError", E_ImportError, builtins);
  E_HostError = exc("HostError", E_Exception, builtins);
  E_OSError = exc("OSError", E_Exception, builtins);
  dictSet(builtins, mkPtr(internText("IOError")), mkPtr(E_OSError));
  dictSet(builtins, mkPtr(internText("EnvironmentError")), mkPtr(E_OSError));
  exc("FileNotFoundError", E_OSError, builtins);
  exc("FileExistsError", E_OSError, builtins);
  exc("PermissionError", E_OSError, builtins);
  exc("TimeoutError", E_OSError, builtins);
  exc("ConnectionError", E_OSError, builtins);
  exc("EOFError", E_Exception, builtins);
  exc("BufferError", E_Exception, builtins);
  exc("FloatingPointError", E_ArithmeticError, builtins);
  exc("SystemExit", E_BaseException, builtins);
  exc("Warning", E_Exception, builtins);
  memoryErrorInst = mkPtr(newInstance(E_MemoryError));
}

/** Implicit chaining: a new exception raised while another is handled gets it as
 * __context__, unless that would make a cycle (CPython cuts the chain at the cycle). */
export function chainContext(e: Value): void {
  let h = handledExc;
  if (h == NULL || h == NONE || h == e || !isPtr(e)) return;
  // cut a cycle: if e already appears in h's context chain, unlink it there
  let o = h;
  while (isPtr(o)) {
    let c = excContext(ptrOf(o));
    if (c == e) { setExcContext(ptrOf(o), NONE); break; }
    o = c;
  }
  setExcContext(ptrOf(e), h);
}

/** Starts raising instance e (a new raise: context chaining applies). Returns ERR. */
export function raiseValue(e: Value): Value {
  chainContext(e);
  curExc = e;
  return ERR;
}

/** Raises type(msg) with msg a VM str pointer (0 = no arguments). */
export function raiseStr(t: usize, msg: usize): Value {
  let o = newInstance(t);
  if (o == 0) return ERR;
  if (msg != 0) {
    let args = newTuple(1);
    if (args == 0) return ERR;
    tupSet(args, 0, mkPtr(msg));
    setExcArgs(o, mkPtr(args));
  }
  return raiseValue(mkPtr(o));
}
/** Cold convenience: message from an AS literal. */
export function raiseText(t: usize, text: string): Value { return raiseStr(t, strFrom(text)); }
/** Raises with the message built in the str buffer since mark. */
export function raiseBuilt(t: usize, mark: u32): Value { return raiseStr(t, sbTake(mark)); }

/** KeyError(key): the key itself is the single argument (str() shows its repr). */
export function raiseKeyError(key: Value): Value {
  let o = newInstance(E_KeyError);
  if (o == 0) return ERR;
  let args = newTuple(1);
  if (args == 0) return ERR;
  tupSet(args, 0, key);
  setExcArgs(o, mkPtr(args));
  return raiseValue(mkPtr(o));
}

export function raiseMemoryError(): Value {
  curExc = memoryErrorInst;
  return ERR;
}

/** "'<type>' object <rest>" TypeErrors, the most common shape. */
export function raiseTypeObj(t: usize, v: Value, rest: string): Value {
  let m = sbMark();
  sbText("'");
  sbStr(typeName(typeOf(v)));
  sbText("' object ");
  sbText(rest);
  return raiseBuilt(t, m);
}

export function isExcType(t: usize): bool { return (typeFlags(t) & TF_EXC) != 0; }
export function isExcInstance(v: Value): bool { return isPtr(v) && isExcType(typeOf(v)); }
