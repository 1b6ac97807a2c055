// The object protocol the dispatch loop leans on: hashing, equality, truth, str()/repr(),
// arithmetic and comparison (with special-method fallbacks), attributes, subscripts and
// iteration. Fast cases are tested first; anything that may run Python code goes through
// callNested (vm.ts). Every failure sets curExc and returns ERR / -1 / false.

import { Value, NONE, NULL, TRUE, FALSE, ERR, NOTIMPL, ELLIPSIS_V, isPtr, isSmallInt, isFloat,
  ptrOf, mkPtr, mkSmallInt, smallIntVal, fitsSmall, floatVal, mkFloat, mkBool, isBool } from "./value";
import { objType, HDR, heapLimit } from "./heap";
import * as O from "./objects";
import { K, typeOf, typeKind, typeName, lookupType, isIntV, intOf, mkInt, T_int, T_float, T_str,
  T_bool, T_list, T_tuple, T_dict, T_set, T_frozenset, T_type, T_range, T_rangeiter, T_seqiter,
  T_function, T_method, T_builtin, T_none, T_slice, T_module, T_staticmethod, T_classmethod,
  T_property, T_super, T_traceback, T_cell, T_code, T_object, strLen, strCps, strData, newStr,
  strEq, strHash, tupLen, tupGet, listLen, listGet, dictLen, dictGet, dictGetStr, dictSet, typeDict,
  typeBase, newBound, instDict, typeFlags, TF_EXC, TF_BUILTIN, newBuiltin, builtinSelf, builtinId,
  builtinName, boundSelf, boundFunc, funcName, funcQualname, newSeqIter, newList, listAppend,
  newTuple, tupSet, excArgs, excContext, excCause, excTb, excSuppress, setExcContext, setExcCause,
  setExcTb, setExcSuppress, setExcArgs, dictUsed, entryKey, entryVal, newDict, isSubtype, T_ellipsis,
  T_notimpl, strFrom } from "./objects";
import * as N from "./names";
import { ID_CM_FACTORY } from "./generators";
import { E_RecursionError, E_OSError } from "./errors";
import { raiseText, raiseTypeObj, raiseBuilt, raiseStr, raiseMemoryError, E_TypeError, E_ZeroDivisionError,
  E_OverflowError, E_AttributeError, E_IndexError, E_KeyError, E_ValueError, E_StopIteration,
  curExc, clearCurExc, isExcType, raiseValue, raiseKeyError } from "./errors";
import { sbMark, sbByte, sbBytes, sbStr, sbText, sbInt, sbTake, sbReset, sbBase } from "./strbuf";
import { callNested, callNested1, callNested2, nestedArgs, releaseNestedArgs, resumeNested } from "./vm";
import { hostFloatRepr } from "./host";
import { refreshAllSlots, formatValue, encodeCp } from "./builtins";
import { asciiEscape } from "./morebuiltins";
import { lazyNext } from "./lazyiter";
import { pollEntry } from "./limits";

// ---- hashing and equality --------------------------------------------------------------------

/** A hash that agrees with valueEq across int, float and bool; -1 with curExc set if unhashable. */
export function valueHash(v: Value): i64 {
  if (isSmallInt(v)) return <i64>(<u32>smallIntVal(v) ^ <u32>(smallIntVal(v) >> 32)) & 0x7FFFFFFF;
  if (isPtr(v)) {
    let p = ptrOf(v);
    let t = objType(p);
    if (t == T_str) return <i64>(strHash(p) & 0x7FFFFFFF);
    if (t == T_int) { let i = load<i64>(p, 16); return <i64>(<u32>i ^ <u32>(i >> 32)) & 0x7FFFFFFF; }
    if (t == T_tuple) {
      let h: u32 = 0x345678;
      for (let i: u32 = 0; i < tupLen(p); i++) {
        let e = valueHash(tupGet(p, i));
        if (e < 0) return -1;
        h = (h ^ <u32>e) * 1000003;
      }
      return <i64>(h & 0x7FFFFFFF);
    }
    if (t == T_list || t == T_dict || t == T_set) {
      raiseTypeObj(E_TypeError, v, "");
      return unhashable(v);
    }
    if (t == T_frozenset) {
      // order-independent: equal frozensets hash alike whatever their insertion order
      let h: u32 = 0x1F2E3D4C;
      for (let i: u32 = 0; i < dictUsed(p); i++) {
        let k = entryKey(p, i);
        if (k == NULL) continue;
        let e = <u32>valueHash(k);
        h += (e ^ (e << 16) ^ 89869747) * 3644798167;
      }
      return <i64>(h & 0x7FFFFFFF);
    }
    let k = typeKind(t);
    if (k == K.INST || k == K.EXC) {
      let hf = lookupType(t, N.S___hash__);
      if (hf != NULL && hf != NONE && !isPtr(hf)) return identityHash(p);
      if (hf == NONE) return unhashable(v);
      if (hf != NULL) {
        let r = callNested1(hf, v);
        if (r == ERR) return -1;
        if (!isIntV(r)) { raiseText(E_TypeError, "__hash__ method should return an integer"); return -1; }
        return intOf(r) & 0x7FFFFFFF;
      }
      // a class defining __eq__ without __hash__ is unhashable
      if (lookupType(t, N.S___eq__) != NULL) return unhashable(v);
    }
    return identityHash(p);
  }
  if (isFloat(v)) {
    let f = floatVal(v);
    // an integral float hashes like the equal int (small or boxed: both fold the i64 the same way)
    if (f == Math.floor(f) && Math.abs(f) < 9.2e18) { let i = <i64>f; return <i64>(<u32>i ^ <u32>(i >> 32)) & 0x7FFFFFFF; }
    let b = reinterpret<u64>(f);
    return <i64>(<u32>b ^ <u32>(b >> 32)) & 0x7FFFFFFF;
  }
  if (v == TRUE) return 1;
  if (v == FALSE) return 0;
  return 0x1234567;
}
function identityHash(p: usize): i64 { return <i64>((<u32>p >> 4) * 2654435761 & 0x7FFFFFFF); }
function unhashable(v: Value): i64 {
  let m = sbMark();
  sbText("unhashable type: '");
  sbStr(typeName(typeOf(v)));
  sbText("'");
  clearCurExc();
  raiseBuilt(E_TypeError, m);
  return -1;
}

/** True if v is an int, bool or float; numbers compare across these types. */
@inline function isNum(v: Value): bool { return isSmallInt(v) || isFloat(v) || isBool(v) || (isPtr(v) && objType(ptrOf(v)) == T_int); }
function numAsF64(v: Value): f64 { return isFloat(v) ? floatVal(v) : <f64>intOf(v); }

/** 1 equal, 0 not, -1 raised. */
export function valueEq(a: Value, b: Value): i32 {
  if (a == b) return isFloat(a) && floatVal(a) != floatVal(a) ? 0 : 1;
  if (isNum(a) && isNum(b)) {
    if (isFloat(a) || isFloat(b)) return numAsF64(a) == numAsF64(b) ? 1 : 0;
    return intOf(a) == intOf(b) ? 1 : 0;
  }
  if (!isPtr(a) || !isPtr(b)) {
    if (isPtr(a) && isUserObj(a)) return userEq(a, b);
    if (isPtr(b) && isUserObj(b)) return userEq(b, a);
    return 0;
  }
  let pa = ptrOf(a), pb = ptrOf(b);
  let ta = objType(pa), tb = objType(pb);
  if (ta == T_str && tb == T_str) return strEq(pa, pb) ? 1 : 0;
  if ((ta == T_tuple && tb == T_tuple) || (ta == T_list && tb == T_list)) {
    let n = ta == T_tuple ? tupLen(pa) : listLen(pa);
    let m = ta == T_tuple ? tupLen(pb) : listLen(pb);
    if (n != m) return 0;
    for (let i: u32 = 0; i < n; i++) {
      let x = ta == T_tuple ? tupGet(pa, i) : listGet(pa, i);
      let y = ta == T_tuple ? tupGet(pb, i) : listGet(pb, i);
      let r = valueEq(x, y);
      if (r != 1) return r;
    }
    return 1;
  }
  let aSet = ta == T_set || ta == T_frozenset, bSet = tb == T_set || tb == T_frozenset;
  let keysOnly = aSet && bSet;
  if (ta == tb && (ta == O.T_dict_keys || ta == O.T_dict_items)) {
    // views compare as the sets they hold: keys views by keys, items views by the whole dict
    keysOnly = ta == O.T_dict_keys;
    pa = ptrOf(load<u64>(pa, 16)); pb = ptrOf(load<u64>(pb, 16));
    ta = T_dict; tb = T_dict;
  }
  if ((ta == T_dict && tb == T_dict) || keysOnly) {
    if (dictLen(pa) != dictLen(pb)) return 0;
    for (let i: u32 = 0; i < dictUsed(pa); i++) {
      let k = entryKey(pa, i);
      if (k == NULL) continue;
      let w = dictGet(pb, k);
      if (w == ERR) return -1;
      if (w == NULL) return 0;
      if (!keysOnly) {
        let r = valueEq(entryVal(pa, i), w);
        if (r != 1) return r;
      }
    }
    return 1;
  }
  if (ta == T_range && tb == T_range) {
    return load<i64>(pa, 16) == load<i64>(pb, 16) && load<i64>(pa, 24) == load<i64>(pb, 24) && load<i64>(pa, 32) == load<i64>(pb, 32) ? 1 : 0;
  }
  if (isUserObj(a)) return userEq(a, b);
  if (isUserObj(b)) return userEq(b, a);
  return 0;
}
@inline function isUserObj(v: Value): bool {
  let k = typeKind(typeOf(v));
  return k == K.INST || k == K.EXC;
}
function userEq(a: Value, b: Value): i32 {
  let f = lookupType(typeOf(a), N.S___eq__);
  if (f == NULL) return a == b ? 1 : 0;
  let r = callNested2(f, a, b);
  if (r == ERR) return -1;
  if (r == NOTIMPL) return a == b ? 1 : 0;
  return truthy(r);
}

// ---- truth -----------------------------------------------------------------------------------
/** 1 true, 0 false, -1 raised. */
export function truthy(v: Value): i32 {
  if (v == TRUE) return 1;
  if (v == FALSE || v == NONE) return 0;
  if (isSmallInt(v)) return smallIntVal(v) != 0 ? 1 : 0;
  if (isFloat(v)) return floatVal(v) != 0 ? 1 : 0;
  if (!isPtr(v)) return 1;
  let p = ptrOf(v);
  let t = objType(p);
  if (t == T_str) return strLen(p) != 0 ? 1 : 0;
  if (t == T_list) return listLen(p) != 0 ? 1 : 0;
  if (t == T_tuple) return tupLen(p) != 0 ? 1 : 0;
  if (t == T_dict || t == T_set || t == T_frozenset) return dictLen(p) != 0 ? 1 : 0;
  if (t == T_int) return load<i64>(p, 16) != 0 ? 1 : 0;
  if (t == T_range) return rangeLen(p) != 0 ? 1 : 0;
  let k = typeKind(t);
  if (k == K.DICTVIEW) return dictLen(ptrOf(load<u64>(p, 16))) != 0 ? 1 : 0;
  if (k == K.INST || k == K.EXC) {
    let f = lookupType(t, N.S___bool__);
    if (f != NULL) {
      let r = callNested1(f, v);
      if (r == ERR) return -1;
      if (!isBool(r)) {
        let m = sbMark();
        sbText("__bool__ should return bool, returned ");
        sbStr(typeName(typeOf(r)));
        raiseBuilt(E_TypeError, m);
        return -1;
      }
      return r == TRUE ? 1 : 0;
    }
    f = lookupType(t, N.S___len__);
    if (f != NULL) {
      let r = callNested1(f, v);
      if (r == ERR) return -1;
      if (!isIntV(r)) { raiseTypeObj(E_TypeError, r, "cannot be interpreted as an integer"); return -1; }
      return intOf(r) != 0 ? 1 : 0;
    }
  }
  return 1;
}

export function rangeLen(r: usize): i64 {
  let a = load<i64>(r, 16), b = load<i64>(r, 24), s = load<i64>(r, 32);
  if (s > 0) return b > a ? (b - a + s - 1) / s : 0;
  return a > b ? (a - b - s - 1) / (-s) : 0;
}

// ---- str() and repr() ------------------------------------------------------------------------
// append* write into the shared str buffer; strOf/reprOf wrap them into a new str.

export function strOf(v: Value): usize {
  if (isPtr(v) && objType(ptrOf(v)) == T_str) return ptrOf(v);
  let m = sbMark();
  if (!appendStr(v)) { sbReset(m); return 0; }
  return sbTake(m);
}
export function reprOf(v: Value): usize {
  let m = sbMark();
  if (!appendRepr(v)) { sbReset(m); return 0; }
  return sbTake(m);
}

export function appendStr(v: Value): bool {
  if (isPtr(v)) {
    let p = ptrOf(v);
    let t = objType(p);
    if (t == T_str) { sbStr(p); return true; }
    let k = typeKind(t);
    if (k == K.INST || k == K.EXC) {
      let f = lookupType(t, N.S___str__);
      if (f != NULL) return appendFromMethod(f, v, "__str__");
      if (k == K.EXC) return appendExcStr(p); // BaseException.__str__, whatever __repr__ is
    }
  }
  return appendRepr(v);
}

function appendFromMethod(f: Value, v: Value, what: string): bool {
  let r = callNested1(f, v);
  if (r == ERR) return false;
  if (!isPtr(r) || objType(ptrOf(r)) != T_str) {
    let m = sbMark();
    sbText(what);
    sbText(" returned non-string (type ");
    sbStr(typeName(typeOf(r)));
    sbText(")");
    raiseBuilt(E_TypeError, m);
    return false;
  }
  sbStr(ptrOf(r));
  return true;
}

/** str(exception): '' for no args, str(arg) for one, repr(args) otherwise; KeyError uses repr. */
function appendExcStr(e: usize): bool {
  let a = excArgs(e);
  if (!isPtr(a) || objType(ptrOf(a)) != T_tuple) return appendStr(a);
  let args = ptrOf(a);
  let n = tupLen(args);
  if (n == 0) return true;
  if (n == 1) {
    if (isSubtype(objType(e), E_KeyError)) return appendRepr(tupGet(args, 0));
    return appendStr(tupGet(args, 0));
  }
  if (n == 2 && isSubtype(objType(e), E_OSError) && isIntV(tupGet(args, 0))) {
    // OSError(errno, strerror) reads "[Errno 2] No such file"
    sbText("[Errno ");
    sbInt(intOf(tupGet(args, 0)));
    sbText("] ");
    return appendStr(tupGet(args, 1));
  }
  return appendRepr(a);
}

export function appendFloat(x: f64): void {
  let m = sbMark();
  // room for the longest repr; the host writes straight into the buffer
  for (let i = 0; i < 32; i++) sbByte(0);
  let n = hostFloatRepr(x, sbBase() + m, 32);
  sbReset(m + <u32>n);
}

function appendStrRepr(s: usize): void {
  let p = strData(s), n = strLen(s);
  let hasSingle = false, hasDouble = false;
  for (let i: u32 = 0; i < n; i++) {
    let c = load<u8>(p + i);
    if (c == 39) hasSingle = true;
    else if (c == 34) hasDouble = true;
  }
  let q: u32 = hasSingle && !hasDouble ? 34 : 39;
  sbByte(q);
  for (let i: u32 = 0; i < n; i++) {
    let c = <u32>load<u8>(p + i);
    if (c == q || c == 92) { sbByte(92); sbByte(c); }
    else if (c == 10) { sbByte(92); sbByte(110); }
    else if (c == 13) { sbByte(92); sbByte(114); }
    else if (c == 9) { sbByte(92); sbByte(116); }
    else if (c < 32 || c == 127) {
      sbByte(92); sbByte(120);
      sbByte(hexDigit(c >> 4)); sbByte(hexDigit(c & 15));
    } else sbByte(c);
  }
  sbByte(q);
}
@inline function hexDigit(d: u32): u32 { return d < 10 ? 48 + d : 87 + d; }

export function appendHex(x: u64): void {
  sbText("0x");
  let started = false;
  for (let s = 60; s >= 0; s -= 4) {
    let d = <u32>((x >> s) & 15);
    if (d != 0 || started || s == 0) { sbByte(hexDigit(d)); started = true; }
  }
}

export function appendRepr(v: Value): bool {
  if (isSmallInt(v)) { sbInt(smallIntVal(v)); return true; }
  if (isFloat(v)) { appendFloat(floatVal(v)); return true; }
  if (v == NONE) { sbText("None"); return true; }
  if (v == TRUE) { sbText("True"); return true; }
  if (v == FALSE) { sbText("False"); return true; }
  if (v == ELLIPSIS_V) { sbText("Ellipsis"); return true; }
  if (v == NOTIMPL) { sbText("NotImplemented"); return true; }
  if (!isPtr(v)) { sbText("<NULL>"); return true; }
  let p = ptrOf(v);
  let t = objType(p);
  if (t == T_str) { appendStrRepr(p); return true; }
  if (t == T_int) { sbInt(load<i64>(p, 16)); return true; }
  if (t == T_list || t == T_tuple) {
    let isT = t == T_tuple;
    let n = isT ? tupLen(p) : listLen(p);
    sbByte(isT ? 40 : 91);
    for (let i: u32 = 0; i < n; i++) {
      if (i > 0) { sbByte(44); sbByte(32); }
      if (!appendRepr(isT ? tupGet(p, i) : listGet(p, i))) return false;
      if (!isT) n = listLen(p);
    }
    if (isT && n == 1) sbByte(44);
    sbByte(isT ? 41 : 93);
    return true;
  }
  if (t == T_dict || t == T_set || t == T_frozenset) {
    // dicts and sets share the entry table: {k: v, …} or {k, …}, with set()/frozenset() forms
    let isDict = t == T_dict;
    if (!isDict && dictLen(p) == 0) { sbText(t == T_set ? "set()" : "frozenset()"); return true; }
    if (t == T_frozenset) sbText("frozenset(");
    sbByte(123);
    let first = true;
    for (let i: u32 = 0; i < dictUsed(p); i++) {
      let k = entryKey(p, i);
      if (k == NULL) continue;
      if (!first) { sbByte(44); sbByte(32); }
      first = false;
      if (!appendRepr(k)) return false;
      if (isDict) {
        sbByte(58); sbByte(32);
        if (!appendRepr(entryVal(p, i))) return false;
      }
    }
    sbByte(125);
    if (t == T_frozenset) sbByte(41);
    return true;
  }
  let k = typeKind(t);
  if (k == K.INST || k == K.EXC) {
    let f = lookupType(t, N.S___repr__);
    if (f != NULL) return appendFromMethod(f, v, "__repr__");
    if (k == K.EXC) {
      sbStr(typeName(t));
      let a = excArgs(p);
      if (isPtr(a) && objType(ptrOf(a)) == T_tuple && tupLen(ptrOf(a)) == 1) {
        sbByte(40);
        if (!appendRepr(tupGet(ptrOf(a), 0))) return false;
        sbByte(41);
        return true;
      }
      return appendRepr(a == NULL ? mkPtr(O.emptyTuple) : a);
    }
    sbText("<");
    appendTypeQualified(t);
    sbText(" object at ");
    appendHex(<u64>p);
    sbText(">");
    return true;
  }
  if (t == T_type) {
    sbText("<class '");
    appendTypeQualified(p);
    sbText("'>");
    return true;
  }
  if (t == T_function) {
    sbText("<function ");
    sbStr(funcQualname(p));
    sbText(" at ");
    appendHex(<u64>p);
    sbText(">");
    return true;
  }
  if (t == T_builtin) {
    if (builtinSelf(p) != NULL) {
      sbText("<built-in method ");
      sbStr(builtinName(p));
      sbText(" of ");
      sbStr(typeName(typeOf(builtinSelf(p))));
      sbText(" object at ");
      appendHex(<u64>ptrOf(builtinSelf(p)));
      sbText(">");
    } else {
      sbText("<built-in function ");
      sbStr(builtinName(p));
      sbText(">");
    }
    return true;
  }
  if (t == T_method) {
    sbText("<bound method ");
    let f = boundFunc(p);
    if (isPtr(f) && objType(ptrOf(f)) == T_function) sbStr(funcQualname(ptrOf(f)));
    sbText(" of ");
    if (!appendRepr(boundSelf(p))) return false;
    sbText(">");
    return true;
  }
  if (t == T_range) {
    sbText("range(");
    sbInt(load<i64>(p, 16));
    sbText(", ");
    sbInt(load<i64>(p, 24));
    if (load<i64>(p, 32) != 1) { sbText(", "); sbInt(load<i64>(p, 32)); }
    sbText(")");
    return true;
  }
  if (t == T_slice) {
    sbText("slice(");
    if (!appendRepr(load<u64>(p, 16))) return false;
    sbText(", ");
    if (!appendRepr(load<u64>(p, 24))) return false;
    sbText(", ");
    if (!appendRepr(load<u64>(p, 32))) return false;
    sbText(")");
    return true;
  }
  if (typeKind(t) == K.DICTVIEW) {
    sbStr(typeName(t));
    sbByte(40);
    let l = O.toListValue(v);
    if (l == ERR) return false;
    if (!appendRepr(l)) return false;
    sbByte(41);
    return true;
  }
  if (t == O.T_generator) {
    sbText("<generator object ");
    sbStr(<usize>load<u32>(p, 28));
    sbText(" at ");
    appendHex(<u64>p);
    sbText(">");
    return true;
  }
  if (t == T_module) {
    sbText("<module '");
    sbStr(<usize>load<u32>(p, 20));
    sbText("' (built-in)>");
    return true;
  }
  sbText("<");
  sbStr(typeName(t));
  sbText(" object at ");
  appendHex(<u64>p);
  sbText(">");
  return true;
}

/** A repr that never runs Python code (for `trace`): builtin values as repr() shows them, other
 * objects as <TypeName object>, the finally marker as NULL. */
export function appendSafeRepr(v: Value): void {
  if (v == NULL) { sbText("NULL"); return; }
  if (isPtr(v)) {
    let t = objType(ptrOf(v));
    // only types whose repr cannot reach user code; anything holding other values is summarised
    if (t != T_str && t != T_int && t != T_type && t != T_function && t != T_range) {
      sbText("<");
      sbStr(typeName(t));
      sbText(" object>");
      return;
    }
  }
  appendRepr(v);
}

/** Class names as CPython prints them in reprs: builtins bare, user classes as __main__.Name. */
export function appendTypeQualified(t: usize): void {
  // a class statement records its module in __module__ (contextlib's classes say contextlib.);
  // builtin types, exception classes included, have none and print bare
  let mod = (typeFlags(t) & TF_BUILTIN) == 0 ? dictGetStr(typeDict(t), N.S___module__) : NULL;
  if (isPtr(mod) && objType(ptrOf(mod)) == T_str && !O.strEqText(ptrOf(mod), "builtins")) {
    sbStr(ptrOf(mod));
    sbText(".");
  }
  let q = dictGetStr(typeDict(t), N.S___qualname__);
  if (isPtr(q) && objType(ptrOf(q)) == T_str) sbStr(ptrOf(q));
  else sbStr(typeName(t));
}

// ---- arithmetic ------------------------------------------------------------------------------
export const enum Bin { ADD, SUB, MUL, TRUEDIV, FLOORDIV, MOD, POW, LSHIFT, RSHIFT, AND, OR, XOR, MATMUL }

function binSymbol(op: Bin): string {
  switch (op) {
    case Bin.ADD: return "+";
    case Bin.SUB: return "-";
    case Bin.MUL: return "*";
    case Bin.TRUEDIV: return "/";
    case Bin.FLOORDIV: return "//";
    case Bin.MOD: return "%";
    case Bin.POW: return "** or pow()";
    case Bin.LSHIFT: return "<<";
    case Bin.RSHIFT: return ">>";
    case Bin.AND: return "&";
    case Bin.OR: return "|";
    case Bin.XOR: return "^";
  }
  return "@";
}
function binDunder(op: Bin, reflected: bool): string {
  let names = ["add", "sub", "mul", "truediv", "floordiv", "mod", "pow", "lshift", "rshift", "and", "or", "xor", "matmul"];
  return (reflected ? "__r" : "__") + names[<i32>op] + "__";
}

function overflow(): Value { return raiseText(E_OverflowError, "integer result does not fit in 64 bits (withvm ints are 64-bit)"); }

function intBinary(op: Bin, a: i64, b: i64): Value {
  switch (op) {
    case Bin.ADD: { let r = a + b; if (((a ^ r) & (b ^ r)) < 0) return overflow(); return mkInt(r); }
    case Bin.SUB: { let r = a - b; if (((a ^ b) & (a ^ r)) < 0) return overflow(); return mkInt(r); }
    case Bin.MUL: {
      if (a == 0 || b == 0) return mkSmallInt(0);
      let r = a * b;
      if ((a == -1 && b == i64.MIN_VALUE) || (b == -1 && a == i64.MIN_VALUE) || r / b != a) return overflow();
      return mkInt(r);
    }
    case Bin.TRUEDIV:
      if (b == 0) return raiseText(E_ZeroDivisionError, "division by zero");
      return mkFloat(<f64>a / <f64>b);
    case Bin.FLOORDIV: {
      if (b == 0) return raiseText(E_ZeroDivisionError, "integer division or modulo by zero");
      if (a == i64.MIN_VALUE && b == -1) return overflow();
      let q = a / b;
      if ((a % b != 0) && ((a < 0) != (b < 0))) q--;
      return mkInt(q);
    }
    case Bin.MOD: {
      if (b == 0) return raiseText(E_ZeroDivisionError, "integer modulo by zero");
      if (b == -1) return mkSmallInt(0);
      let r = a % b;
      if (r != 0 && ((r < 0) != (b < 0))) r += b;
      return mkInt(r);
    }
    case Bin.POW: {
      if (b < 0) {
        if (a == 0) return raiseText(E_ZeroDivisionError, "0.0 cannot be raised to a negative power");
        return mkFloat(Math.pow(<f64>a, <f64>b));
      }
      let r: i64 = 1, base = a, e = b;
      while (e > 0) {
        if (e & 1) {
          let n = r * base;
          if (base != 0 && n / base != r) return overflow();
          r = n;
        }
        e >>= 1;
        if (e > 0) {
          let sq = base * base;
          if (base != 0 && sq / base != base) return overflow();
          base = sq;
        }
      }
      return mkInt(r);
    }
    case Bin.LSHIFT: {
      if (b < 0) return raiseText(E_ValueError, "negative shift count");
      if (a == 0) return mkSmallInt(0);
      if (b >= 63) return overflow();
      let r = a << b;
      if ((r >> b) != a) return overflow();
      return mkInt(r);
    }
    case Bin.RSHIFT:
      if (b < 0) return raiseText(E_ValueError, "negative shift count");
      return mkInt(b >= 63 ? (a < 0 ? -1 : 0) : a >> b);
    case Bin.AND: return mkInt(a & b);
    case Bin.OR: return mkInt(a | b);
    case Bin.XOR: return mkInt(a ^ b);
  }
  return NOTIMPL;
}

function floatBinary(op: Bin, a: f64, b: f64): Value {
  switch (op) {
    case Bin.ADD: return mkFloat(a + b);
    case Bin.SUB: return mkFloat(a - b);
    case Bin.MUL: return mkFloat(a * b);
    case Bin.TRUEDIV:
      if (b == 0) return raiseText(E_ZeroDivisionError, "float division by zero");
      return mkFloat(a / b);
    case Bin.FLOORDIV:
      if (b == 0) return raiseText(E_ZeroDivisionError, "float floor division by zero");
      return mkFloat(Math.floor(a / b));
    case Bin.MOD: {
      if (b == 0) return raiseText(E_ZeroDivisionError, "float modulo");
      let r = a % b;
      if (r != 0 && ((r < 0) != (b < 0))) r += b;
      return mkFloat(r);
    }
    case Bin.POW:
      if (a == 0 && b < 0) return raiseText(E_ZeroDivisionError, "0.0 cannot be raised to a negative power");
      return mkFloat(Math.pow(a, b));
  }
  return NOTIMPL;
}

/** a <op> b for every operand pair the VM knows, then __op__/__rop__, then TypeError. */
export function binaryOp(op: Bin, a: Value, b: Value): Value {
  let aInt = isIntV(a) || isBool(a), bInt = isIntV(b) || isBool(b);
  if (aInt && bInt) return intBinary(op, intOf(a), intOf(b));
  if ((aInt || isFloat(a)) && (bInt || isFloat(b))) {
    let r = floatBinary(op, numAsF64(a), numAsF64(b));
    if (r != NOTIMPL) return r;
  }
  if (isPtr(a)) {
    let pa = ptrOf(a), ta = objType(pa);
    if (ta == T_str) {
      if (op == Bin.ADD && isPtr(b) && objType(ptrOf(b)) == T_str) return strConcat(pa, ptrOf(b));
      if (op == Bin.ADD && typeKind(typeOf(b)) != K.INST && typeKind(typeOf(b)) != K.EXC) {
        let m = sbMark();
        sbText("can only concatenate str (not \"");
        sbStr(typeName(typeOf(b)));
        sbText("\") to str");
        return raiseBuilt(E_TypeError, m);
      }
      if (op == Bin.MUL && bInt) return seqRepeat(a, intOf(b));
      if (op == Bin.MOD) return strPercent(pa, b);
    } else if (ta == T_list || ta == T_tuple) {
      if (op == Bin.ADD && isPtr(b) && objType(ptrOf(b)) == ta) return seqConcat(a, b);
      if (op == Bin.ADD && typeKind(typeOf(b)) != K.INST && typeKind(typeOf(b)) != K.EXC) {
        let m = sbMark();
        sbText(ta == T_list ? "can only concatenate list (not \"" : "can only concatenate tuple (not \"");
        sbStr(typeName(typeOf(b)));
        sbText(ta == T_list ? "\") to list" : "\") to tuple");
        return raiseBuilt(E_TypeError, m);
      }
      if (op == Bin.MUL && bInt) return seqRepeat(a, intOf(b));
    } else if ((ta == T_set || ta == T_frozenset || ta == T_dict) && isPtr(b)) {
      let r = setOperator(op, a, b);
      if (r != NOTIMPL) return r;
    }
  }
  if (op == Bin.MUL && isPtr(a) && !bInt) {
    let ta = objType(ptrOf(a));
    if ((ta == T_str || ta == T_list || ta == T_tuple) && typeKind(typeOf(b)) != K.INST && typeKind(typeOf(b)) != K.EXC) {
      let m = sbMark();
      sbText("can't multiply sequence by non-int of type '");
      sbStr(typeName(typeOf(b)));
      sbText("'");
      return raiseBuilt(E_TypeError, m);
    }
  }
  if (isPtr(b) && aInt && op == Bin.MUL) {
    let tb = objType(ptrOf(b));
    if (tb == T_str || tb == T_list || tb == T_tuple) return seqRepeat(b, intOf(a));
  }
  return binaryDunder(op, a, b);
}

/** Set by inplaceOp for the binaryOp it runs: errors then name the augmented operator (+=). */
let inplaceMessage = false;

/** a op= b: a set/dict mutates in place, a user object's __iop__ comes first, then a op b. */
export function inplaceOp(op: Bin, a: Value, b: Value): Value {
  if (isPtr(a)) {
    let t = objType(ptrOf(a));
    if (t == T_set || t == T_dict) {
      let r = containerInplace(op, a, b);
      if (r != NOTIMPL) return r;
    }
    let k = typeKind(t);
    if (k == K.INST || k == K.EXC) {
      let f = lookupType(t, internStrText("__i" + binDunder(op, false).slice(2)));
      if (f != NULL) {
        let r = callNested2(f, a, b);
        if (r != NOTIMPL) return r;
      }
    }
  }
  inplaceMessage = true;
  let r = binaryOp(op, a, b);
  inplaceMessage = false;
  return r;
}

function binaryDunder(op: Bin, a: Value, b: Value): Value {
  // read the flag before any Python runs: a nested a + b must report "+", not "+="
  let inplace = inplaceMessage;
  inplaceMessage = false;
  let ta = typeOf(a), tb = typeOf(b);
  let ka = typeKind(ta), kb = typeKind(tb);
  if (ka == K.INST || ka == K.EXC) {
    let f = lookupType(ta, internStrText(binDunder(op, false)));
    if (f != NULL) {
      let r = callNested2(f, a, b);
      if (r != NOTIMPL) return r;
    }
  }
  if ((kb == K.INST || kb == K.EXC) && tb != ta) {
    let f = lookupType(tb, internStrText(binDunder(op, true)));
    if (f != NULL) {
      let r = callNested2(f, b, a);
      if (r != NOTIMPL) return r;
    }
  }
  let m = sbMark();
  sbText("unsupported operand type(s) for ");
  if (inplace) { sbText(op == Bin.POW ? "**" : binSymbol(op)); sbByte(61); }
  else sbText(binSymbol(op));
  sbText(": '");
  sbStr(typeName(ta));
  sbText("' and '");
  sbStr(typeName(tb));
  sbText("'");
  return raiseBuilt(E_TypeError, m);
}

function internStrText(t: string): usize { return O.internText(t); }

export function strConcat(a: usize, b: usize): Value {
  let na = strLen(a), nb = strLen(b);
  let s = O.newStrUninit(<usize>na + nb);
  if (s == 0) return ERR;
  memory.copy(strData(s), strData(a), na);
  memory.copy(strData(s) + na, strData(b), nb);
  store<u32>(s, strCps(a) + strCps(b), 20);
  return mkPtr(s);
}

function seqConcat(a: Value, b: Value): Value {
  let pa = ptrOf(a), pb = ptrOf(b);
  if (objType(pa) == T_tuple) {
    let n = tupLen(pa), m = tupLen(pb);
    let t = newTuple(n + m);
    if (t == 0) return ERR;
    memory.copy(O.tupItems(t), O.tupItems(pa), <usize>n << 3);
    memory.copy(O.tupItems(t) + (<usize>n << 3), O.tupItems(pb), <usize>m << 3);
    return mkPtr(t);
  }
  let n = listLen(pa), m = listLen(pb);
  let l = newList(n + m);
  if (l == 0) return ERR;
  memory.copy(O.listItems(l), O.listItems(pa), <usize>n << 3);
  memory.copy(O.listItems(l) + (<usize>n << 3), O.listItems(pb), <usize>m << 3);
  O.listSetLen(l, n + m);
  return mkPtr(l);
}

function seqRepeat(a: Value, k: i64): Value {
  if (k < 0) k = 0;
  let p = ptrOf(a), t = objType(p);
  let unit: i64 = t == T_str ? <i64>strLen(p) : t == T_tuple ? <i64>tupLen(p) << 3 : <i64>listLen(p) << 3;
  if (unit != 0 && k > (<i64>heapLimit) / unit) return raiseMemoryError();
  let total = <usize>(unit * k);
  if (t == T_str) {
    let s = O.newStrUninit(total);
    if (s == 0) return ERR;
    for (let i: i64 = 0; i < k; i++) memory.copy(strData(s) + <usize>(i * unit), strData(p), <usize>unit);
    store<u32>(s, <u32>(<i64>strCps(p) * k), 20);
    return mkPtr(s);
  }
  let n = <u32>(total >> 3);
  if (t == T_tuple) {
    let r = newTuple(n);
    if (r == 0) return ERR;
    for (let i: i64 = 0; i < k; i++) memory.copy(O.tupItems(r) + <usize>(i * unit), O.tupItems(p), <usize>unit);
    return mkPtr(r);
  }
  let l = newList(n);
  if (l == 0) return ERR;
  for (let i: i64 = 0; i < k; i++) memory.copy(O.listItems(l) + <usize>(i * unit), O.listItems(p), <usize>unit);
  O.listSetLen(l, n);
  return mkPtr(l);
}

/** dict | dict: a copy of a updated with b's items. */
function dictMerge(pa: usize, pb: usize): Value {
  let r = O.newDictOf(T_dict);
  if (r == 0) return ERR;
  if (!dictUpdateFrom(r, pa) || !dictUpdateFrom(r, pb)) return ERR;
  return mkPtr(r);
}
function dictUpdateFrom(d: usize, src: usize): bool {
  for (let i: u32 = 0; i < dictUsed(src); i++) {
    let k = entryKey(src, i);
    if (k == NULL) continue;
    if (!dictSet(d, k, O.entryVal(src, i))) return false;
  }
  return true;
}

/** In-place |= &= -= ^= of a set (and |= of a dict) with a set/dict right operand: mutates a
 * and returns it, so other references see the change. NOTIMPL for other operand types. */
export function containerInplace(op: Bin, a: Value, b: Value): Value {
  if (!isPtr(b)) return NOTIMPL;
  let pa = ptrOf(a), pb = ptrOf(b);
  let ta = objType(pa), tb = objType(pb);
  if (ta == T_dict) {
    if (op != Bin.OR || tb != T_dict) return NOTIMPL;
    return dictUpdateFrom(pa, pb) ? a : ERR;
  }
  if (ta != T_set || !(tb == T_set || tb == T_frozenset)) return NOTIMPL;
  if (op != Bin.OR && op != Bin.AND && op != Bin.SUB && op != Bin.XOR) return NOTIMPL;
  if (pa == pb) {
    if (op == Bin.SUB || op == Bin.XOR) O.dictClear(pa);
    return a;
  }
  if (op == Bin.AND) {
    for (let i: u32 = 0; i < dictUsed(pa); i++) {
      let k = entryKey(pa, i);
      if (k == NULL) continue;
      let inB = dictGet(pb, k);
      if (inB == ERR) return ERR;
      if (inB == NULL && O.dictDel(pa, k) < 0) return ERR;
    }
    return a;
  }
  for (let i: u32 = 0; i < dictUsed(pb); i++) {
    let k = entryKey(pb, i);
    if (k == NULL) continue;
    if (op == Bin.OR) { if (!dictSet(pa, k, NONE)) return ERR; continue; }
    let r = O.dictDel(pa, k);
    if (r < 0) return ERR;
    if (op == Bin.XOR && r == 0 && !dictSet(pa, k, NONE)) return ERR;
  }
  return a;
}

export function setOperator(op: Bin, a: Value, b: Value): Value {
  let pa = ptrOf(a), pb = ptrOf(b);
  let ta = objType(pa), tb = objType(pb);
  if (ta == T_dict) return op == Bin.OR && tb == T_dict ? dictMerge(pa, pb) : NOTIMPL;
  if (!(tb == T_set || tb == T_frozenset)) return NOTIMPL;
  if (op != Bin.OR && op != Bin.AND && op != Bin.SUB && op != Bin.XOR) return NOTIMPL;
  let r = O.newDictOf(ta);
  if (r == 0) return ERR;
  for (let i: u32 = 0; i < dictUsed(pa); i++) {
    let k = entryKey(pa, i);
    if (k == NULL) continue;
    let inB = dictGet(pb, k);
    if (inB == ERR) return ERR;
    let keep = op == Bin.OR || (op == Bin.AND ? inB != NULL : inB == NULL);
    if (keep && !dictSet(r, k, NONE)) return ERR;
  }
  if (op == Bin.OR || op == Bin.XOR) {
    for (let i: u32 = 0; i < dictUsed(pb); i++) {
      let k = entryKey(pb, i);
      if (k == NULL) continue;
      if (op == Bin.XOR) {
        let inA = dictGet(pa, k);
        if (inA == ERR) return ERR;
        if (inA != NULL) continue;
      }
      if (!dictSet(r, k, NONE)) return ERR;
    }
  }
  return mkPtr(r);
}

/** printf-style str % args: %[(key)][flags][width][.prec]type for s r a c d i u o x X e E f F g G %,
 * each converted field formatted through format()'s machinery (widths, signs, zero padding). */
function strPercent(fmt: usize, args: Value): Value {
  let items: usize = 0, n: u32 = 1;
  let at = typeOf(args);
  if (at == T_tuple) { items = ptrOf(args); n = tupLen(items); }
  let mapping = at == T_dict || ((typeKind(at) == K.INST) && lookupType(at, N.S___getitem__) != NULL && at != T_str);
  let m = sbMark();
  let p = strData(fmt), len = strLen(fmt);
  let ai: u32 = 0;
  let usedKey = false;
  for (let i: u32 = 0; i < len; i++) {
    let c = <u32>load<u8>(p + i);
    if (c != 37) { sbByte(c); continue; }
    i++;
    let a: Value = NULL;
    if (i < len && load<u8>(p + i) == 40) {
      // %(key)s: the argument is args[key]
      if (!mapping) { sbReset(m); return raiseText(E_TypeError, "format requires a mapping"); }
      let depth = 1, k0 = i + 1;
      i++;
      while (i < len && depth > 0) {
        if (load<u8>(p + i) == 40) depth++;
        else if (load<u8>(p + i) == 41) depth--;
        i++;
      }
      if (depth > 0) { sbReset(m); return raiseText(E_ValueError, "incomplete format key"); }
      let key = O.newStr(p + k0, i - 1 - k0);
      if (key == 0) { sbReset(m); return ERR; }
      a = getItem(args, mkPtr(key));
      if (a == ERR) { sbReset(m); return ERR; }
      usedKey = true;
    }
    let left = false, zero = false, plus = false, space = false, alt = false;
    while (i < len) {
      let f = load<u8>(p + i);
      if (f == 45) left = true; else if (f == 48) zero = true; else if (f == 43) plus = true;
      else if (f == 32) space = true; else if (f == 35) alt = true; else break;
      i++;
    }
    let width: i64 = -1, prec: i64 = -1;
    if (i < len && load<u8>(p + i) == 42) {
      if (ai >= n) { sbReset(m); return raiseText(E_TypeError, "not enough arguments for format string"); }
      let wv = items != 0 ? tupGet(items, ai) : args;
      ai++;
      if (!isIntV(wv)) { sbReset(m); return raiseText(E_TypeError, "* wants int"); }
      width = intOf(wv);
      if (width < 0) { left = true; width = -width; }
      i++;
    } else {
      while (i < len && load<u8>(p + i) >= 48 && load<u8>(p + i) <= 57) { width = (width < 0 ? 0 : width) * 10 + (load<u8>(p + i) - 48); i++; }
    }
    if (i < len && load<u8>(p + i) == 46) {
      prec = 0; i++;
      if (i < len && load<u8>(p + i) == 42) {
        if (ai >= n) { sbReset(m); return raiseText(E_TypeError, "not enough arguments for format string"); }
        let pv = items != 0 ? tupGet(items, ai) : args;
        ai++;
        if (!isIntV(pv)) { sbReset(m); return raiseText(E_TypeError, "* wants int"); }
        prec = intOf(pv);
        i++;
      } else {
        while (i < len && load<u8>(p + i) >= 48 && load<u8>(p + i) <= 57) { prec = prec * 10 + (load<u8>(p + i) - 48); i++; }
      }
    }
    while (i < len && (load<u8>(p + i) == 104 || load<u8>(p + i) == 108 || load<u8>(p + i) == 76)) i++; // h l L
    if (i >= len) { sbReset(m); return raiseText(E_ValueError, "incomplete format"); }
    let conv = <u32>load<u8>(p + i);
    if (conv == 37 && a == NULL) { sbByte(37); continue; }
    if (a == NULL) {
      if (mapping && items == 0) a = args;
      else {
        if (ai >= n) { sbReset(m); return raiseText(E_TypeError, "not enough arguments for format string"); }
        a = items != 0 ? tupGet(items, ai) : args;
        ai++;
      }
    }
    // the value to format and the format() type letter
    let v = a;
    let tl: u32 = 0;
    let numeric = true;
    if (conv == 115 || conv == 114 || conv == 97) {
      let s = conv == 115 ? strOf(a) : reprOf(a);
      if (s == 0) { sbReset(m); return ERR; }
      if (conv == 97) {
        let e = asciiEscape(s);
        if (e == 0) { sbReset(m); return ERR; }
        s = e;
      }
      v = mkPtr(s);
      numeric = false;
    } else if (conv == 99) {
      numeric = false;
      if (isIntV(a)) {
        let cp = intOf(a);
        if (cp < 0 || cp > 0x10FFFF) { sbReset(m); return raiseText(E_OverflowError, "%c arg not in range(0x110000)"); }
        let cm = sbMark();
        encodeCp(<u32>cp);
        let cs = sbTake(cm);
        if (cs == 0) { sbReset(m); return ERR; }
        v = mkPtr(cs);
      } else if (!(isPtr(a) && objType(ptrOf(a)) == T_str && O.strCps(ptrOf(a)) == 1)) {
        sbReset(m);
        return raiseText(E_TypeError, "%c requires int or char");
      }
    } else if (conv == 100 || conv == 105 || conv == 117) {
      if (isFloat(a)) {
        let f = floatVal(a);
        if (f != f || Math.abs(f) > 9.2e18) { sbReset(m); return raiseText(E_OverflowError, "cannot convert float to integer"); }
        v = mkInt(<i64>f);
      } else if (isBool(a)) v = mkInt(intOf(a));
      else if (!isIntV(a)) { sbReset(m); return percentTypeError(conv, a, "format: a real number is required, not "); }
      tl = 100;
    } else if (conv == 120 || conv == 88 || conv == 111) {
      if (isBool(a)) v = mkInt(intOf(a));
      else if (!isIntV(a)) { sbReset(m); return percentTypeError(conv, a, "format: an integer is required, not "); }
      tl = conv;
    } else if (conv == 101 || conv == 69 || conv == 102 || conv == 70 || conv == 103 || conv == 71) {
      if (isIntV(a) || isBool(a)) v = mkFloat(<f64>intOf(a));
      else if (!isFloat(a)) {
        sbReset(m);
        let mm = sbMark();
        sbText("must be real number, not ");
        sbStr(typeName(typeOf(a)));
        return raiseBuilt(E_TypeError, mm);
      }
      tl = conv;
    } else {
      sbReset(m);
      let mm = sbMark();
      sbText("unsupported format character '");
      sbByte(conv);
      sbText("' (0x");
      appendHexDigits(conv);
      sbText(") at index ");
      sbInt(i);
      return raiseBuilt(E_ValueError, mm);
    }
    // the equivalent format() spec
    let sm = sbMark();
    if (left) sbByte(60); else if (!numeric) sbByte(62);
    if (numeric) { if (plus) sbByte(43); else if (space) sbByte(32); }
    if (numeric && alt) sbByte(35);
    if (numeric && zero && !left) sbByte(48);
    if (width >= 0) sbInt(width);
    if (prec >= 0 && tl != 100 && tl != 120 && tl != 88 && tl != 111) { sbByte(46); sbInt(prec); }
    if (tl != 0) sbByte(tl);
    let spec = sbTake(sm);
    if (spec == 0) { sbReset(m); return ERR; }
    let r = formatValue(v, 0, mkPtr(spec));
    if (r == ERR) { sbReset(m); return ERR; }
    sbStr(ptrOf(r));
  }
  if (ai < n && items != 0 && !usedKey) {
    sbReset(m);
    return raiseText(E_TypeError, "not all arguments converted during string formatting");
  }
  if (items == 0 && !mapping && ai == 0 && n == 1) {
    sbReset(m);
    return raiseText(E_TypeError, "not all arguments converted during string formatting");
  }
  let s = sbTake(m);
  return s == 0 ? ERR : mkPtr(s);
}
function percentTypeError(conv: u32, a: Value, text: string): Value {
  let m = sbMark();
  sbByte(37);
  sbByte(conv == 117 || conv == 105 ? 100 : conv);
  sbByte(32);
  sbText(text);
  sbStr(typeName(typeOf(a)));
  return raiseBuilt(E_TypeError, m);
}
function appendHexDigits(c: u32): void {
  let hex = "0123456789abcdef";
  if (c >= 16) sbByte(<u32>hex.charCodeAt((c >> 4) & 15));
  sbByte(<u32>hex.charCodeAt(c & 15));
}

import { hostFormatFixed } from "./host";
export function appendFormattedFloat(f: f64, prec: i32): bool {
  let m = sbMark();
  for (let i = 0; i < 400; i++) sbByte(0);
  let n = hostFormatFixed(f, prec, sbBase() + m, 400);
  sbReset(m + <u32>n);
  return true;
}

/** `l *= k` for a list: repeats in place (the list keeps its identity). */
export function listInplaceRepeat(l: usize, k: i64): bool {
  let r = seqRepeat(mkPtr(l), k);
  if (r == ERR) return false;
  let rp = ptrOf(r);
  let n = listLen(rp);
  if (!O.listReserve(l, n)) return false;
  memory.copy(O.listItems(l), O.listItems(rp), <usize>n << 3);
  O.listSetLen(l, n);
  return true;
}

export function unaryNegative(v: Value): Value {
  if (isSmallInt(v)) return mkInt(-smallIntVal(v));
  if (isFloat(v)) return mkFloat(-floatVal(v));
  if (isIntV(v) || isBool(v)) {
    let i = intOf(v);
    if (i == i64.MIN_VALUE) return overflow();
    return mkInt(-i);
  }
  let k = typeKind(typeOf(v));
  if (k == K.INST || k == K.EXC) {
    let f = lookupType(typeOf(v), N.S___neg__);
    if (f != NULL) return callNested1(f, v);
  }
  let m = sbMark();
  sbText("bad operand type for unary -: '");
  sbStr(typeName(typeOf(v)));
  sbText("'");
  return raiseBuilt(E_TypeError, m);
}

// ---- comparison ------------------------------------------------------------------------------
import { Cmp } from "./shared/opcodes";

function cmpSymbol(op: i32): string {
  switch (op) {
    case Cmp.LT: return "<";
    case Cmp.LE: return "<=";
    case Cmp.GT: return ">";
    case Cmp.GE: return ">=";
  }
  return "==";
}
function cmpDunder(op: i32): usize {
  switch (op) {
    case Cmp.LT: return N.S___lt__;
    case Cmp.LE: return N.S___le__;
    case Cmp.GT: return N.S___gt__;
    case Cmp.GE: return N.S___ge__;
    case Cmp.EQ: return N.S___eq__;
  }
  return N.S___ne__;
}
function swapped(op: i32): i32 {
  switch (op) {
    case Cmp.LT: return Cmp.GT;
    case Cmp.LE: return Cmp.GE;
    case Cmp.GT: return Cmp.LT;
    case Cmp.GE: return Cmp.LE;
  }
  return op;
}
@inline function ordResult(op: i32, c: i32): Value {
  switch (op) {
    case Cmp.LT: return mkBool(c < 0);
    case Cmp.LE: return mkBool(c <= 0);
    case Cmp.GT: return mkBool(c > 0);
    case Cmp.GE: return mkBool(c >= 0);
    case Cmp.EQ: return mkBool(c == 0);
  }
  return mkBool(c != 0);
}

/** Three-way compare for same-kind builtin values: -1/0/1, or 2 if not orderable, 3 raised. */
function builtinOrder(a: Value, b: Value): i32 {
  if (isNum(a) && isNum(b)) {
    if (isFloat(a) || isFloat(b)) {
      let x = numAsF64(a), y = numAsF64(b);
      if (x != x || y != y) return 4; // NaN: every ordering is false
      return x < y ? -1 : x > y ? 1 : 0;
    }
    let x = intOf(a), y = intOf(b);
    return x < y ? -1 : x > y ? 1 : 0;
  }
  if (!isPtr(a) || !isPtr(b)) return 2;
  let pa = ptrOf(a), pb = ptrOf(b), ta = objType(pa), tb = objType(pb);
  if (ta == T_str && tb == T_str) {
    let na = strLen(pa), nb = strLen(pb);
    let c = memory.compare(strData(pa), strData(pb), na < nb ? na : nb);
    if (c != 0) return c < 0 ? -1 : 1;
    return na < nb ? -1 : na > nb ? 1 : 0;
  }
  if ((ta == T_list && tb == T_list) || (ta == T_tuple && tb == T_tuple)) {
    let isT = ta == T_tuple;
    let na = isT ? tupLen(pa) : listLen(pa), nb = isT ? tupLen(pb) : listLen(pb);
    let n = na < nb ? na : nb;
    for (let i: u32 = 0; i < n; i++) {
      let x = isT ? tupGet(pa, i) : listGet(pa, i), y = isT ? tupGet(pb, i) : listGet(pb, i);
      let e = valueEq(x, y);
      if (e < 0) return 3;
      if (e == 1) continue;
      let c = builtinOrder(x, y);
      if (c == 2) {
        let r = compareOp(Cmp.LT, x, y);
        if (r == ERR) return 3;
        let t = truthy(r);
        if (t < 0) return 3;
        return t ? -1 : 1;
      }
      return c;
    }
    return na < nb ? -1 : na > nb ? 1 : 0;
  }
  return 2;
}

/** Set comparisons are subset tests (a partial order): <=, <, >=, >. NOTIMPL if not two sets. */
function setOrder(op: i32, a: Value, b: Value): Value {
  if (!isPtr(a) || !isPtr(b)) return NOTIMPL;
  let ta = objType(ptrOf(a)), tb = objType(ptrOf(b));
  if (!((ta == T_set || ta == T_frozenset) && (tb == T_set || tb == T_frozenset))) return NOTIMPL;
  let small = op == Cmp.LT || op == Cmp.LE ? ptrOf(a) : ptrOf(b);
  let big = small == ptrOf(a) ? ptrOf(b) : ptrOf(a);
  if (dictLen(small) > dictLen(big)) return FALSE;
  if ((op == Cmp.LT || op == Cmp.GT) && dictLen(small) == dictLen(big)) return FALSE;
  for (let i: u32 = 0; i < dictUsed(small); i++) {
    let k = entryKey(small, i);
    if (k == NULL) continue;
    let r = dictGet(big, k);
    if (r == ERR) return ERR;
    if (r == NULL) return FALSE;
  }
  return TRUE;
}

export function compareOp(op: i32, a: Value, b: Value): Value {
  switch (op) {
    case Cmp.IS: return mkBool(a == b);
    case Cmp.IS_NOT: return mkBool(a != b);
    case Cmp.IN: case Cmp.NOT_IN: {
      let r = contains(b, a);
      if (r < 0) return ERR;
      return mkBool((r == 1) == (op == Cmp.IN));
    }
  }
  if (isSmallInt(a) && isSmallInt(b)) {
    let x = smallIntVal(a), y = smallIntVal(b);
    return ordResult(op, x < y ? -1 : x > y ? 1 : 0);
  }
  let ka = typeKind(typeOf(a)), kb = typeKind(typeOf(b));
  let userA = ka == K.INST || ka == K.EXC, userB = kb == K.INST || kb == K.EXC;
  if (userA || userB) {
    if (userA) {
      let f = lookupType(typeOf(a), cmpDunder(op));
      if (f != NULL) {
        let r = callNested2(f, a, b);
        if (r != NOTIMPL) return r;
      }
    }
    if (userB) {
      let f = lookupType(typeOf(b), cmpDunder(swapped(op)));
      if (f != NULL) {
        let r = callNested2(f, b, a);
        if (r != NOTIMPL) return r;
      }
    }
    if (op == Cmp.EQ) return mkBool(a == b);
    if (op == Cmp.NE) {
      // __ne__ defaults to the inverse of __eq__
      let r = valueEq(a, b);
      if (r < 0) return ERR;
      return mkBool(r == 0);
    }
  } else {
    if (op == Cmp.EQ || op == Cmp.NE) {
      let r = valueEq(a, b);
      if (r < 0) return ERR;
      return mkBool((r == 1) == (op == Cmp.EQ));
    }
    let sr = setOrder(op, a, b);
    if (sr != NOTIMPL) return sr;
    let c = builtinOrder(a, b);
    if (c == 3) return ERR;
    if (c == 4) return FALSE;
    if (c != 2) return ordResult(op, c);
  }
  let m = sbMark();
  sbText("'");
  sbText(cmpSymbol(op));
  sbText("' not supported between instances of '");
  sbStr(typeName(typeOf(a)));
  sbText("' and '");
  sbStr(typeName(typeOf(b)));
  sbText("'");
  return raiseBuilt(E_TypeError, m);
}

/** `item in container`: 1/0, -1 raised. */
export function contains(container: Value, item: Value): i32 {
  if (isPtr(container)) {
    let p = ptrOf(container), t = objType(p);
    if (t == T_str) {
      if (!isPtr(item) || objType(ptrOf(item)) != T_str) {
        let m = sbMark();
        sbText("'in <string>' requires string as left operand, not ");
        sbStr(typeName(typeOf(item)));
        raiseBuilt(E_TypeError, m);
        return -1;
      }
      return strFind(p, ptrOf(item), 0) >= 0 ? 1 : 0;
    }
    if (t == T_list || t == T_tuple) {
      let isT = t == T_tuple;
      let n = isT ? tupLen(p) : listLen(p);
      for (let i: u32 = 0; i < n; i++) {
        let r = valueEq(isT ? tupGet(p, i) : listGet(p, i), item);
        if (r != 0) return r;
        if (!isT) n = listLen(p);
      }
      return 0;
    }
    if (t == T_dict || t == T_set || t == T_frozenset || t == O.T_dict_keys) {
      if (t == O.T_dict_keys) p = ptrOf(load<u64>(p, 16));
      let r = dictGet(p, item);
      if (r == ERR) return -1;
      return r != NULL ? 1 : 0;
    }
    if (t == T_range && (isIntV(item) || isBool(item))) {
      let x = intOf(item), a = load<i64>(p, 16), b = load<i64>(p, 24), s = load<i64>(p, 32);
      if (s > 0 ? (x < a || x >= b) : (x > a || x <= b)) return 0;
      return (x - a) % s == 0 ? 1 : 0;
    }
    let k = typeKind(t);
    if (k == K.INST || k == K.EXC) {
      let f = lookupType(t, N.S___contains__);
      if (f != NULL) {
        let r = callNested2(f, container, item);
        if (r == ERR) return -1;
        return truthy(r);
      }
    }
  }
  let it = getIter(container);
  if (it == ERR) {
    clearCurExc();
    raiseTypeObj(E_TypeError, container, "is not iterable");
    return -1;
  }
  while (true) {
    let v = iterNext(it);
    if (v == ERR) return -1;
    if (v == NULL) return 0;
    let r = valueEq(v, item);
    if (r != 0) return r;
  }
  return 0;
}

/** Byte offset of needle in hay at or after byte `from`, or -1. */
export function strFind(hay: usize, needle: usize, from: u32): i32 {
  let n = strLen(hay), m = strLen(needle);
  if (m == 0) return <i32>from;
  if (m > n) return -1;
  let hp = strData(hay), np = strData(needle);
  let first = load<u8>(np);
  for (let i = from; i + m <= n; i++) {
    if (load<u8>(hp + i) == first && memory.compare(hp + i, np, m) == 0) return <i32>i;
  }
  return -1;
}

// ---- iteration -------------------------------------------------------------------------------
export function getIter(v: Value): Value {
  if (isPtr(v)) {
    let p = ptrOf(v), t = objType(p);
    if (t == T_list || t == T_tuple || t == T_str || t == T_dict || t == T_set || t == T_frozenset ||
        typeKind(t) == K.DICTVIEW) return newSeqIter(v);
    if (t == T_range) return O.newRangeObj(T_rangeiter, load<i64>(p, 16), load<i64>(p, 24), load<i64>(p, 32));
    if (t == T_seqiter || t == T_rangeiter || t == O.T_generator) return v;
    let k = typeKind(t);
    if (k == K.LAZYITER) return v;
    if (k == K.INST || k == K.EXC) {
      let f = lookupType(t, N.S___iter__);
      if (f != NULL) {
        let r = callNested1(f, v);
        if (r == ERR) return ERR;
        let rt = typeOf(r);
        if (lookupType(rt, N.S___next__) == NULL && rt != T_seqiter && rt != T_rangeiter && rt != O.T_generator &&
            typeKind(rt) != K.LAZYITER) {
          let m = sbMark();
          sbText("iter() returned non-iterator of type '");
          sbStr(typeName(typeOf(r)));
          sbText("'");
          return raiseBuilt(E_TypeError, m);
        }
        return r;
      }
      if (lookupType(t, N.S___getitem__) != NULL) return newSeqIter(v);
    }
  }
  return raiseTypeObj(E_TypeError, v, "is not iterable");
}

/** The next item, NULL when exhausted (StopIteration consumed), ERR when raised. */
export function iterNext(it: Value): Value {
  // a poll for the time limit: sum(range(10**18)) is a native loop with no back-edge
  if (!pollEntry()) return ERR;
  let p = ptrOf(it), t = objType(p);
  if (t == T_rangeiter) {
    let cur = load<i64>(p, 16), stop = load<i64>(p, 24), step = load<i64>(p, 32);
    if (step > 0 ? cur >= stop : cur <= stop) return NULL;
    store<i64>(p, cur + step, 16);
    return mkInt(cur);
  }
  if (t == O.T_generator) return resumeNested(p, NONE);
  if (t == T_seqiter) {
    let seq = load<u64>(p, 16);
    let i = load<u32>(p, 24);
    let s = ptrOf(seq), st = objType(s);
    if (st == T_list) {
      if (i >= listLen(s)) return NULL;
      store<u32>(p, i + 1, 24);
      return listGet(s, i);
    }
    if (st == T_tuple) {
      if (i >= tupLen(s)) return NULL;
      store<u32>(p, i + 1, 24);
      return tupGet(s, i);
    }
    if (st == T_str) {
      // i is a byte offset; yield one code point
      if (i >= strLen(s)) return NULL;
      let n = utf8Len(load<u8>(strData(s) + i));
      store<u32>(p, i + n, 24);
      return O.strValue(strData(s) + i, n);
    }
    if (st == T_dict || st == T_set || st == T_frozenset || typeKind(st) == K.DICTVIEW) {
      let d = typeKind(st) == K.DICTVIEW ? ptrOf(load<u64>(s, 16)) : s;
      while (i < dictUsed(d) && entryKey(d, i) == NULL) i++;
      if (i >= dictUsed(d)) { store<u32>(p, i, 24); return NULL; }
      store<u32>(p, i + 1, 24);
      if (st == O.T_dict_values) return entryVal(d, i);
      if (st == O.T_dict_items) {
        let t = newTuple(2);
        if (t == 0) return ERR;
        tupSet(t, 0, entryKey(d, i));
        tupSet(t, 1, entryVal(d, i));
        return mkPtr(t);
      }
      return entryKey(d, i);
    }
    // old-style sequence protocol: __getitem__(0), (1), ... until IndexError
    let f = lookupType(st, N.S___getitem__);
    let r = callNested2(f, seq, mkSmallInt(i));
    if (r == ERR) {
      if (isSubtype(typeOf(curExc), E_IndexError) || isSubtype(typeOf(curExc), E_StopIteration)) { clearCurExc(); return NULL; }
      return ERR;
    }
    store<u32>(p, i + 1, 24);
    return r;
  }
  if (typeKind(t) == K.LAZYITER) return lazyNext(p);
  let f = lookupType(t, N.S___next__);
  if (f == NULL) return raiseTypeObj(E_TypeError, it, "is not an iterator");
  let r = callNested1(f, it);
  if (r == ERR && isSubtype(typeOf(curExc), E_StopIteration)) { clearCurExc(); return NULL; }
  return r;
}
@inline export function utf8Len(b: u8): u32 {
  return b < 0x80 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4;
}

// ---- attributes ------------------------------------------------------------------------------

function attrError(obj: Value, name: usize): Value {
  let m = sbMark();
  if (typeOf(obj) == T_type) {
    sbText("type object '");
    sbStr(typeName(ptrOf(obj)));
    sbText("'");
  } else {
    sbText("'");
    sbStr(typeName(typeOf(obj)));
    sbText("' object");
  }
  sbText(" has no attribute '");
  sbStr(name);
  sbText("'");
  return raiseBuilt(E_AttributeError, m);
}

/** What a class attribute becomes when read through an instance (or the class when inst is NULL). */
export function bindDescriptor(v: Value, inst: Value, cls: usize): Value {
  if (!isPtr(v)) return v;
  let t = objType(ptrOf(v));
  if (t == T_function) return inst == NULL ? v : newBound(inst, v);
  if (t == T_staticmethod) return load<u64>(ptrOf(v), 16);
  if (t == T_classmethod) return newBound(mkPtr(cls), load<u64>(ptrOf(v), 16));
  // a @contextmanager factory stored on a class binds like the function it wraps
  if (t == T_builtin && inst != NULL && builtinId(ptrOf(v)) == ID_CM_FACTORY) return newBound(inst, v);
  if (t == T_builtin && inst != NULL && builtinSelf(ptrOf(v)) == NULL) {
    let b = newBuiltin(builtinId(ptrOf(v)), builtinName(ptrOf(v)), inst);
    return b == 0 ? ERR : mkPtr(b);
  }
  if (t == T_property && inst != NULL) {
    let g = load<u64>(ptrOf(v), 16);
    if (g == NONE) return raiseText(E_AttributeError, "unreadable attribute");
    return callNested1(g, inst);
  }
  return v;
}

export function getAttr(obj: Value, name: usize): Value {
  let t = typeOf(obj);
  let k = typeKind(t);
  if (k == K.INST || k == K.EXC) {
    let p = ptrOf(obj);
    let d = lookupType(t, name);
    if (d != NULL && isPtr(d) && objType(ptrOf(d)) == T_property) return bindDescriptor(d, obj, t);
    let v = instDict(p) != 0 ? dictGetStr(instDict(p), name) : NULL;
    if (v != NULL) return v;
    if (k == K.EXC) {
      if (name == N.S_args) return excArgs(p);
      if (name == N.S___context__) return excContext(p);
      if (name == N.S___cause__) return excCause(p);
      if (name == N.S___traceback__) return excTb(p);
      if (name == N.S___suppress_context__) return mkBool(excSuppress(p));
      if (isSubtype(t, E_StopIteration) && O.strEqText(name, "value")) {
        let a = excArgs(p);
        return isPtr(a) && tupLen(ptrOf(a)) > 0 ? tupGet(ptrOf(a), 0) : NONE;
      }
    }
    if (d != NULL) return bindDescriptor(d, obj, t);
    if (name == N.S___class__) return mkPtr(t);
    if (name == N.S___dict__) { let d = O.instDictOrNew(p); return d != 0 ? mkPtr(d) : ERR; }
    let ga = lookupType(t, N.S___getattr__);
    if (ga != NULL) return callNested2(ga, obj, mkPtr(name));
    return attrError(obj, name);
  }
  if (k == K.TYPE) {
    let c = ptrOf(obj);
    let v = lookupType(c, name);
    if (v != NULL) return bindDescriptor(v, NULL, c);
    if (name == N.S___name__) return mkPtr(typeName(c));
    if (name == N.S___qualname__) return mkPtr(typeName(c));
    if (name == N.S___base__) return typeBase(c) != 0 ? mkPtr(typeBase(c)) : NONE;
    if (name == N.S___dict__) return mkPtr(typeDict(c));
    if (name == N.S___class__) return mkPtr(T_type);
    if (name == N.S___module__) return mkPtr((typeFlags(c) & TF_BUILTIN) != 0 ? O.internText("builtins") : N.S___main__);
    if (name == N.S___mro__ || name == N.S___bases__) {
      let l = newList(4);
      if (l == 0) return ERR;
      let x = name == N.S___mro__ ? c : typeBase(c);
      while (x != 0) { listAppend(l, mkPtr(x)); x = name == N.S___mro__ ? typeBase(x) : 0; }
      return mkPtr(O.tupleFrom(O.listItems(l), listLen(l)));
    }
    return attrError(obj, name);
  }
  if (k == K.MODULE) {
    let v = dictGetStr(<usize>load<u32>(ptrOf(obj), 16), name);
    if (v != NULL) return v;
    let m = sbMark();
    sbText("module '");
    sbStr(<usize>load<u32>(ptrOf(obj), 20));
    sbText("' has no attribute '");
    sbStr(name);
    sbText("'");
    return raiseBuilt(E_AttributeError, m);
  }
  if (k == K.FUNC) {
    let f = ptrOf(obj);
    if (name == N.S___name__) return mkPtr(funcName(f));
    if (name == N.S___qualname__) return mkPtr(funcQualname(f));
    let d = <usize>load<u32>(f, 44);
    if (d != 0) {
      let v = dictGetStr(d, name);
      if (v != NULL) return v;
    }
    if (name == N.S___dict__) {
      if (d == 0) { d = newDict(); store<u32>(f, <u32>d, 44); }
      return mkPtr(d);
    }
    if (name == N.S___module__) return mkPtr(N.S___main__);
    if (name == N.S___doc__) return NONE;
  }
  if (k == K.BOUND) {
    let b = ptrOf(obj);
    if (name == N.S___self__) return boundSelf(b);
    if (name == N.S___func__) return boundFunc(b);
    return getAttr(boundFunc(b), name);
  }
  if (k == K.BUILTIN) {
    if (name == N.S___name__ || name == N.S___qualname__) return mkPtr(builtinName(ptrOf(obj)));
    if (name == N.S___self__) return builtinSelf(ptrOf(obj)) == NULL ? NONE : builtinSelf(ptrOf(obj));
  }
  if (k == K.TB) {
    let tb = ptrOf(obj);
    if (name == N.S_tb_next) return load<u32>(tb, 16) != 0 ? mkPtr(<usize>load<u32>(tb, 16)) : NONE;
    if (name == N.S_tb_lineno) return mkSmallInt(<i64>codeLineAt(<usize>load<u32>(tb, 20), load<u32>(tb, 24)));
  }
  if (k == K.PROP) {
    if (name == N.S_fget) return load<u64>(ptrOf(obj), 16);
  }
  if (k == K.SUPER) return superGetAttr(ptrOf(obj), name);
  let v = lookupType(t, name);
  if (v != NULL) return bindDescriptor(v, obj, t);
  if (name == N.S___class__) return mkPtr(t);
  return attrError(obj, name);
}

import { codeLineAt } from "./image";

/** super(): look name up from the base of the recorded class, bound to the recorded object. */
function superGetAttr(s: usize, name: usize): Value {
  let start = typeBase(<usize>load<u32>(s, 16));
  let obj = load<u64>(s, 24);
  let v = lookupType(start, name);
  if (v == NULL) {
    let m = sbMark();
    sbText("'super' object has no attribute '");
    sbStr(name);
    sbText("'");
    return raiseBuilt(E_AttributeError, m);
  }
  let objIsType = typeOf(obj) == T_type;
  let cls = objIsType ? ptrOf(obj) : typeOf(obj);
  return bindDescriptor(v, objIsType ? NULL : obj, cls);
}

export function setAttr(obj: Value, name: usize, v: Value): bool {
  let t = typeOf(obj);
  if ((typeFlags(t) & O.TF_SETATTR) != 0) {
    let f = lookupType(t, O.internText("__setattr__"));
    let a = nestedArgs(3);
    if (a == 0) { raiseText(E_RecursionError, "maximum recursion depth exceeded"); return false; }
    store<u64>(a, obj); store<u64>(a + 8, mkPtr(name)); store<u64>(a + 16, v);
    let r = callNested(f, a, 3);
    releaseNestedArgs(3);
    return r != ERR;
  }
  return setAttrGeneric(obj, name, v);
}
/** The store object.__setattr__ does: properties, the instance dict, class attributes. */
export function setAttrGeneric(obj: Value, name: usize, v: Value): bool {
  let t = typeOf(obj);
  let k = typeKind(t);
  // plain object() instances have no __dict__: stores fall through to the AttributeError below
  if ((k == K.INST && t != O.T_object) || k == K.EXC) {
    let p = ptrOf(obj);
    let d = lookupType(t, name);
    if (d != NULL && isPtr(d) && objType(ptrOf(d)) == T_property) {
      let s = load<u64>(ptrOf(d), 24);
      if (s == NONE) {
        let m = sbMark();
        sbText("property '");
        sbStr(name);
        sbText("' of '");
        sbStr(typeName(t));
        sbText("' object has no setter");
        raiseBuilt(E_AttributeError, m);
        return false;
      }
      return callNested2(s, obj, v) != ERR;
    }
    if (k == K.EXC) {
      if (name == N.S_args) {
        let tu = O.toTupleValue(v);
        if (tu == ERR) return false;
        setExcArgs(p, tu);
        return true;
      }
      if (name == N.S___context__) { setExcContext(p, v); return true; }
      if (name == N.S___cause__) { setExcCause(p, v); setExcSuppress(p, true); return true; }
      if (name == N.S___traceback__) { setExcTb(p, v); return true; }
      if (name == N.S___suppress_context__) { let r = truthy(v); if (r < 0) return false; setExcSuppress(p, r == 1); return true; }
    }
    let id = O.instDictOrNew(p);
    return id != 0 && dictSet(id, mkPtr(name), v);
  }
  if (k == K.TYPE && (typeFlags(ptrOf(obj)) & TF_BUILTIN) == 0) {
    if (!dictSet(typeDict(ptrOf(obj)), mkPtr(name), v)) return false;
    refreshAllSlots();
    return true;
  }
  if (k == K.MODULE) return dictSet(<usize>load<u32>(ptrOf(obj), 16), mkPtr(name), v); // sys.stdout = x
  if (k == K.FUNC) {
    let f = ptrOf(obj);
    let d = <usize>load<u32>(f, 44);
    if (d == 0) { d = newDict(); if (d == 0) return false; store<u32>(f, <u32>d, 44); }
    return dictSet(d, mkPtr(name), v);
  }
  if (k == K.TYPE) {
    let m = sbMark();
    sbText("cannot set '");
    sbStr(name);
    sbText("' attribute of immutable type '");
    sbStr(typeName(ptrOf(obj)));
    sbText("'");
    raiseBuilt(E_TypeError, m);
    return false;
  }
  let m = sbMark();
  sbText("'");
  sbStr(typeName(t));
  sbText("' object has no attribute '");
  sbStr(name);
  sbText("'");
  raiseBuilt(E_AttributeError, m);
  return false;
}

export function delAttr(obj: Value, name: usize): bool {
  let t = typeOf(obj);
  if ((typeFlags(t) & O.TF_DELATTR) != 0) {
    let r = callNested2(lookupType(t, O.internText("__delattr__")), obj, mkPtr(name));
    return r != ERR;
  }
  return delAttrGeneric(obj, name);
}
export function delAttrGeneric(obj: Value, name: usize): bool {
  let t = typeOf(obj);
  let k = typeKind(t);
  let d: usize = 0;
  if ((k == K.INST && t != O.T_object) || k == K.EXC) d = O.instDict(ptrOf(obj));
  else if (k == K.TYPE && (typeFlags(ptrOf(obj)) & TF_BUILTIN) == 0) d = typeDict(ptrOf(obj));
  if (d != 0) {
    let r = O.dictDel(d, mkPtr(name));
    if (r < 0) return false;
    if (r == 1) { if (k == K.TYPE) refreshAllSlots(); return true; }
  }
  attrError(obj, name);
  return false;
}

// ---- subscripts ------------------------------------------------------------------------------

/** Normalises index i against length n; -1 means out of range. */
function seqIndex(key: Value, n: i64, what: string): i64 {
  let i = intOf(key);
  if (i < 0) i += n;
  if (i < 0 || i >= n) {
    let m = sbMark();
    sbText(what);
    sbText(" index out of range");
    raiseBuilt(E_IndexError, m);
    return -1;
  }
  return i;
}

/** Resolves a slice against length n into start/stop/step/count stored in sliceOut. */
let sliceStart: i64 = 0, sliceStop: i64 = 0, sliceStep: i64 = 1, sliceCount: i64 = 0;
function sliceBound(v: Value, def: i64, n: i64, step: i64): i64 {
  if (v == NONE) return def;
  let i = intOf(v);
  if (i < 0) { i += n; if (i < 0) i = step < 0 ? -1 : 0; }
  else if (i >= n) i = step < 0 ? n - 1 : n;
  return i;
}
function resolveSlice(s: usize, n: i64): bool {
  let a = load<u64>(s, 16), b = load<u64>(s, 24), c = load<u64>(s, 32);
  for (let j = 0; j < 3; j++) {
    let x = j == 0 ? a : j == 1 ? b : c;
    if (x != NONE && !(isIntV(x) || isBool(x))) {
      raiseText(E_TypeError, "slice indices must be integers or None or have an __index__ method");
      return false;
    }
  }
  let step: i64 = c == NONE ? 1 : intOf(c);
  if (step == 0) { raiseText(E_ValueError, "slice step cannot be zero"); return false; }
  sliceStep = step;
  sliceStart = sliceBound(a, step < 0 ? n - 1 : 0, n, step);
  sliceStop = sliceBound(b, step < 0 ? -1 : n, n, step);
  if (step > 0) sliceCount = sliceStop > sliceStart ? (sliceStop - sliceStart + step - 1) / step : 0;
  else sliceCount = sliceStart > sliceStop ? (sliceStart - sliceStop - step - 1) / (-step) : 0;
  return true;
}

/** Byte offset of code point index i in str s. */
export function strByteOffset(s: usize, i: u32): u32 {
  if (strLen(s) == strCps(s)) return i;
  let p = strData(s), off: u32 = 0;
  for (let k: u32 = 0; k < i; k++) off += utf8Len(load<u8>(p + off));
  return off;
}

export function getItem(obj: Value, key: Value): Value {
  if (isPtr(obj)) {
    let p = ptrOf(obj), t = objType(p);
    let keyIsInt = isIntV(key) || isBool(key);
    let keyIsSlice = isPtr(key) && objType(ptrOf(key)) == T_slice;
    if (t == T_list || t == T_tuple) {
      let isT = t == T_tuple;
      let n: i64 = isT ? tupLen(p) : listLen(p);
      if (keyIsInt) {
        let i = seqIndex(key, n, isT ? "tuple" : "list");
        if (i < 0) return ERR;
        return isT ? tupGet(p, <u32>i) : listGet(p, <u32>i);
      }
      if (keyIsSlice) {
        if (!resolveSlice(ptrOf(key), n)) return ERR;
        let cnt = <u32>sliceCount;
        let src = isT ? O.tupItems(p) : O.listItems(p);
        if (isT) {
          let r = newTuple(cnt);
          if (r == 0) return ERR;
          for (let j: u32 = 0; j < cnt; j++) tupSet(r, j, load<u64>(src + <usize>((sliceStart + j * sliceStep) << 3)));
          return mkPtr(r);
        }
        let l = newList(cnt);
        if (l == 0) return ERR;
        for (let j: u32 = 0; j < cnt; j++) O.listSet(l, j, load<u64>(src + <usize>((sliceStart + j * sliceStep) << 3)));
        O.listSetLen(l, cnt);
        return mkPtr(l);
      }
      let m = sbMark();
      sbText(isT ? "tuple" : "list");
      sbText(" indices must be integers or slices, not ");
      sbStr(typeName(typeOf(key)));
      return raiseBuilt(E_TypeError, m);
    }
    if (t == T_str) {
      let n: i64 = strCps(p);
      if (keyIsInt) {
        let i = seqIndex(key, n, "string");
        if (i < 0) return ERR;
        let off = strByteOffset(p, <u32>i);
        return O.strValue(strData(p) + off, utf8Len(load<u8>(strData(p) + off)));
      }
      if (keyIsSlice) {
        if (!resolveSlice(ptrOf(key), n)) return ERR;
        let m = sbMark();
        for (let j: i64 = 0; j < sliceCount; j++) {
          let off = strByteOffset(p, <u32>(sliceStart + j * sliceStep));
          sbBytes(strData(p) + off, utf8Len(load<u8>(strData(p) + off)));
        }
        let s = sbTake(m);
        return s == 0 ? ERR : mkPtr(s);
      }
      let m = sbMark();
      sbText("string indices must be integers, not '");
      sbStr(typeName(typeOf(key)));
      sbText("'");
      return raiseBuilt(E_TypeError, m);
    }
    if (t == T_dict) {
      let v = dictGet(p, key);
      if (v == ERR) return ERR;
      if (v == NULL) {
        return raiseKeyError(key);
      }
      return v;
    }
    if (t == T_range && keyIsSlice) {
      if (!resolveSlice(ptrOf(key), rangeLen(p))) return ERR;
      let a = load<i64>(p, 16), st = load<i64>(p, 32);
      let start = a + sliceStart * st, step = st * sliceStep;
      return O.newRangeObj(T_range, start, start + sliceCount * step, step);
    }
    if (t == T_range && keyIsInt) {
      let n = rangeLen(p);
      let i = seqIndex(key, n, "range object");
      if (i < 0) return ERR;
      return mkInt(load<i64>(p, 16) + i * load<i64>(p, 32));
    }
    let k = typeKind(t);
    if (k == K.INST || k == K.EXC) {
      let f = lookupType(t, N.S___getitem__);
      if (f != NULL) return callNested2(f, obj, key);
    }
    if (t == T_type) {
      // list[int] style generic aliases are not supported; report like a missing __class_getitem__
    }
  }
  return raiseTypeObj(E_TypeError, obj, "is not subscriptable");
}

export function setItem(obj: Value, key: Value, v: Value): bool {
  if (isPtr(obj)) {
    let p = ptrOf(obj), t = objType(p);
    if (t == T_list) {
      if (isIntV(key) || isBool(key)) {
        let i = seqIndex(key, listLen(p), "list assignment");
        if (i < 0) return false;
        O.listSet(p, <u32>i, v);
        return true;
      }
      if (isPtr(key) && objType(ptrOf(key)) == T_slice) return listSetSlice(p, ptrOf(key), v);
      let m = sbMark();
      sbText("list indices must be integers or slices, not ");
      sbStr(typeName(typeOf(key)));
      raiseBuilt(E_TypeError, m);
      return false;
    }
    if (t == T_dict) return dictSet(p, key, v);
    let k = typeKind(t);
    if (k == K.INST || k == K.EXC) {
      let f = lookupType(t, N.S___setitem__);
      if (f != NULL) {
        let a = nestedArgs(3);
        store<u64>(a, obj); store<u64>(a, key, 8); store<u64>(a, v, 16);
        let r = callNested(f, a, 3);
        releaseNestedArgs(3);
        return r != ERR;
      }
    }
  }
  raiseTypeObj(E_TypeError, obj, "does not support item assignment");
  return false;
}

function listSetSlice(l: usize, s: usize, v: Value): bool {
  let n = listLen(l);
  if (!resolveSlice(s, n)) return false;
  let src = O.toListValue(v);
  if (src == ERR) return false;
  let sp = ptrOf(src);
  let m = listLen(sp);
  if (sliceStep != 1) {
    if (<i64>m != sliceCount) {
      raiseText(E_ValueError, "attempt to assign sequence of wrong size to extended slice");
      return false;
    }
    for (let j: u32 = 0; j < m; j++) O.listSet(l, <u32>(sliceStart + j * sliceStep), listGet(sp, j));
    return true;
  }
  let start = <u32>sliceStart;
  let stop = sliceStop < sliceStart ? start : <u32>sliceStop;
  let newLen = n - (stop - start) + m;
  if (!O.listReserve(l, newLen)) return false;
  let items = O.listItems(l);
  memory.copy(items + (<usize>(start + m) << 3), items + (<usize>stop << 3), <usize>(n - stop) << 3);
  memory.copy(items + (<usize>start << 3), O.listItems(sp), <usize>m << 3);
  O.listSetLen(l, newLen);
  return true;
}

export function delItem(obj: Value, key: Value): bool {
  if (isPtr(obj)) {
    let p = ptrOf(obj), t = objType(p);
    if (t == T_list && isPtr(key) && objType(ptrOf(key)) == T_slice) {
      let n = listLen(p);
      if (!resolveSlice(ptrOf(key), n)) return false;
      // keep the items the slice does not select, in order
      let items = O.listItems(p);
      let out: u32 = 0;
      for (let i: u32 = 0; i < n; i++) {
        let d = <i64>i - sliceStart;
        let selected = sliceCount > 0 && (sliceStep > 0 ? d >= 0 && d % sliceStep == 0 && d / sliceStep < sliceCount
                                                      : d <= 0 && (-d) % (-sliceStep) == 0 && (-d) / (-sliceStep) < sliceCount);
        if (!selected) { store<u64>(items + (<usize>out << 3), load<u64>(items + (<usize>i << 3))); out++; }
      }
      O.listSetLen(p, out);
      return true;
    }
    if (t == T_list && (isIntV(key) || isBool(key))) {
      let n = listLen(p);
      let i = seqIndex(key, n, "list assignment");
      if (i < 0) return false;
      let items = O.listItems(p);
      memory.copy(items + (<usize>i << 3), items + (<usize>(i + 1) << 3), <usize>(n - 1 - <u32>i) << 3);
      O.listSetLen(p, n - 1);
      return true;
    }
    if (t == T_dict) {
      let r = O.dictDel(p, key);
      if (r < 0) return false;
      if (r == 0) {
        raiseKeyError(key);
        return false;
      }
      return true;
    }
    let k = typeKind(t);
    if (k == K.INST || k == K.EXC) {
      let f = lookupType(t, N.S___delitem__);
      if (f != NULL) return callNested2(f, obj, key) != ERR;
    }
  }
  raiseTypeObj(E_TypeError, obj, "does not support item deletion");
  return false;
}
