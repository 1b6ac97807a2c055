// Builtin functions added for language breadth: pow (with the modular 3-argument form), vars,
// globals, locals, ascii and object.__new__, plus instantiation of classes that define __new__.
// builtins.ts registers the functions and sends their calls here; vm.ts's instantiate calls
// newViaDunder for classes flagged TF_NEW.

import { Value, NONE, NULL, ERR, isPtr, ptrOf, mkPtr, isBool } from "./value";
import { objType } from "./heap";
import * as O from "./objects";
import { K, T_type, T_module, typeOf, typeKind, typeDict, isIntV, intOf, mkInt, newDict, dictSet,
  tupLen, tupGet, strLen, strData } from "./objects";
import * as P from "./ops";
import * as I from "./image";
import { raiseText, raiseBuilt, E_TypeError, E_ValueError } from "./errors";
import { sbMark, sbByte, sbBytes, sbText, sbStr, sbTake } from "./strbuf";
import { curFrame, callNestedKw, nestedArgs, releaseNestedArgs } from "./vm";
import { B, arg, argCount } from "./builtins";

/** (a * b) mod m without overflow, for 0 <= a, b < m. */
function mulMod(a: u64, b: u64, m: u64): u64 {
  let r: u64 = 0;
  a %= m;
  while (b > 0) {
    if (b & 1) { r += a; if (r >= m || r < a) r -= m; }
    let a2 = a + a;
    a = (a2 >= m || a2 < a) ? a2 - m : a2;
    b >>= 1;
  }
  return r;
}
/** Inverse of a modulo m (m > 0), or -1 if there is none. */
function invMod(a: i64, m: i64): i64 {
  let r0 = ((a % m) + m) % m, r1 = m;
  let s0: i64 = 1, s1: i64 = 0;
  while (r1 != 0) {
    let q = r0 / r1;
    let t = r0 - q * r1; r0 = r1; r1 = t;
    t = s0 - q * s1; s0 = s1; s1 = t;
  }
  if (r0 != 1) return -1;
  return ((s0 % m) + m) % m;
}

function pow3(bv: Value, ev: Value, mv: Value): Value {
  let ints = (isIntV(bv) || isBool(bv)) && (isIntV(ev) || isBool(ev)) && (isIntV(mv) || isBool(mv));
  if (!ints) return raiseText(E_TypeError, "pow() 3rd argument not allowed unless all arguments are integers");
  let b = intOf(bv), e = intOf(ev), m = intOf(mv);
  if (m == 0) return raiseText(E_ValueError, "pow() 3rd argument cannot be 0");
  let neg = m < 0;
  let am: i64 = neg ? -m : m;
  if (e < 0) {
    let inv = invMod(b, am);
    if (inv < 0) return raiseText(E_ValueError, "base is not invertible for the given modulus");
    b = inv;
    e = -e;
  }
  let base = <u64>(((b % am) + am) % am);
  let r: u64 = am == 1 ? 0 : 1;
  let ue = <u64>e;
  while (ue > 0) {
    if (ue & 1) r = mulMod(r, base, <u64>am);
    base = mulMod(base, base, <u64>am);
    ue >>= 1;
  }
  // the result takes the modulus' sign, like %
  let res = <i64>r;
  if (neg && res != 0) res -= am;
  return mkInt(res);
}

/** locals(): the frame's namespace dict, or a snapshot of a function's fast locals and cells. */
function localsOf(f: usize): Value {
  let d = <usize>load<u32>(f, 28);
  if (d != 0) return mkPtr(d);
  let code = <usize>load<u32>(f);
  let out = newDict();
  if (out == 0) return ERR;
  let base = f + I.FRAME_HDR + (<usize>I.codeMaxBlocks(code) << 4);
  let vn = I.codeVarnames(code);
  let n = tupLen(vn);
  for (let i: u32 = 0; i < n; i++) {
    let v = load<u64>(base + (<usize>i << 3));
    if (v != NULL && !dictSet(out, tupGet(vn, i), v)) return ERR;
  }
  let cv = I.codeCellvars(code), fv = I.codeFreevars(code);
  let nc = tupLen(cv), nf = tupLen(fv);
  for (let i: u32 = 0; i < nc + nf; i++) {
    let c = load<u64>(base + (<usize>(n + i) << 3));
    if (!isPtr(c) || objType(ptrOf(c)) != O.T_cell) continue;
    let v = O.cellGet(ptrOf(c));
    if (v == NULL) continue;
    if (!dictSet(out, i < nc ? tupGet(cv, i) : tupGet(fv, i - nc), v)) return ERR;
  }
  return mkPtr(out);
}

/** ascii(x): repr(x) with every non-ASCII character escaped as \xNN, \uNNNN or \UNNNNNNNN. */
function asciiOf(v: Value): Value {
  let r = P.reprOf(v);
  if (r == 0) return ERR;
  let e = asciiEscape(r);
  return e == 0 ? ERR : mkPtr(e);
}
/** A copy of str r with non-ASCII characters escaped (0 on MemoryError). */
export function asciiEscape(r: usize): usize {
  let p = strData(r), n = strLen(r);
  let m = sbMark();
  let hex = "0123456789abcdef";
  let i: u32 = 0;
  while (i < n) {
    let b = <u32>load<u8>(p + i);
    if (b < 0x80) { sbByte(b); i++; continue; }
    let c: u32, l: u32;
    if (b < 0xE0) { c = ((b & 0x1F) << 6) | (load<u8>(p + i + 1) & 0x3F); l = 2; }
    else if (b < 0xF0) {
      c = ((b & 0x0F) << 12) | ((<u32>load<u8>(p + i + 1) & 0x3F) << 6) | (load<u8>(p + i + 2) & 0x3F); l = 3;
    } else {
      c = ((b & 0x07) << 18) | ((<u32>load<u8>(p + i + 1) & 0x3F) << 12) | ((<u32>load<u8>(p + i + 2) & 0x3F) << 6) |
        (load<u8>(p + i + 3) & 0x3F);
      l = 4;
    }
    let digits: i32 = c < 0x100 ? 2 : c < 0x10000 ? 4 : 8;
    sbByte(92);
    sbByte(digits == 2 ? 120 : digits == 4 ? 117 : 85);
    for (let k = digits - 1; k >= 0; k--) sbByte(<u32>hex.charCodeAt((c >> (<u32>k * 4)) & 15));
    i += l;
  }
  return sbTake(m);
}

/** C(*args) for a class whose __new__ is Python code: obj = __new__(C, *args); then, if obj is
 * an instance of C, type(obj).__init__(obj, *args), which must return None. */
export function newViaDunder(t: usize, args: usize, nargs: u32, kwnames: usize): Value {
  let nw = O.lookupType(t, O.internText("__new__"));
  if (isPtr(nw) && objType(ptrOf(nw)) == O.T_staticmethod) nw = load<u64>(ptrOf(nw), 16);
  let a = nestedArgs(nargs + 1);
  if (a == 0) return raiseText(E_TypeError, "maximum recursion depth exceeded");
  store<u64>(a, mkPtr(t));
  memory.copy(a + 8, args, <usize>nargs << 3);
  let obj = callNestedKw(nw, a, nargs + 1, kwnames);
  if (obj == ERR || !O.isSubtype(typeOf(obj), t)) { releaseNestedArgs(nargs + 1); return obj; }
  let init = O.lookupType(typeOf(obj), O.internText("__init__"));
  if (init != NULL && !(isPtr(init) && objType(ptrOf(init)) == O.T_builtin)) {
    store<u64>(a, obj);
    let r = callNestedKw(init, a, nargs + 1, kwnames);
    if (r == ERR) { releaseNestedArgs(nargs + 1); return ERR; }
    if (r != NONE) {
      releaseNestedArgs(nargs + 1);
      let m = sbMark();
      sbText("__init__() should return None, not '");
      sbStr(O.typeName(typeOf(r)));
      sbText("'");
      return raiseBuilt(E_TypeError, m);
    }
  }
  releaseNestedArgs(nargs + 1);
  return obj;
}

export function moreBuiltin(id: i32, args: usize, npos: u32): Value {
  switch (id) {
    case B.OBJECT_NEW: {
      if (npos == 0) return raiseText(E_TypeError, "object.__new__(): not enough arguments");
      let c = arg(args, 0);
      if (typeOf(c) != T_type) {
        let m = sbMark();
        sbText("object.__new__(X): X is not a type object (");
        sbStr(O.typeName(typeOf(c)));
        sbText(")");
        return raiseBuilt(E_TypeError, m);
      }
      let o = O.newInstance(ptrOf(c));
      return o == 0 ? ERR : mkPtr(o);
    }
    case B.POW: {
      if (npos < 2) {
        return raiseText(E_TypeError, npos == 0 ? "pow() missing required argument 'base' (pos 1)" :
          "pow() missing required argument 'exp' (pos 2)");
      }
      if (!argCount("pow", npos, 2, 3)) return ERR;
      if (npos == 3 && arg(args, 2) != NONE) return pow3(arg(args, 0), arg(args, 1), arg(args, 2));
      return P.binaryOp(P.Bin.POW, arg(args, 0), arg(args, 1));
    }
    case B.GLOBALS: {
      if (!argCount("globals", npos, 0, 0)) return ERR;
      return mkPtr(<usize>load<u32>(curFrame, 24));
    }
    case B.LOCALS: {
      if (!argCount("locals", npos, 0, 0)) return ERR;
      return localsOf(curFrame);
    }
    case B.VARS: {
      if (!argCount("vars", npos, 0, 1)) return ERR;
      if (npos == 0) return localsOf(curFrame);
      let v = arg(args, 0);
      let t = typeOf(v), k = typeKind(t);
      if ((k == K.INST && t != O.T_object) || k == K.EXC) {
        let d = O.instDictOrNew(ptrOf(v));
        return d == 0 ? ERR : mkPtr(d);
      }
      if (t == T_type) return mkPtr(typeDict(ptrOf(v)));
      if (t == T_module) return mkPtr(<usize>load<u32>(ptrOf(v), 16));
      if (k == K.FUNC) {
        let fp = ptrOf(v);
        let d = <usize>load<u32>(fp, 44);
        if (d == 0) { d = newDict(); if (d == 0) return ERR; store<u32>(fp, <u32>d, 44); }
        return mkPtr(d);
      }
      return raiseText(E_TypeError, "vars() argument must have __dict__ attribute");
    }
    case B.ASCII: {
      if (!argCount("ascii", npos, 1, 1)) return ERR;
      return asciiOf(arg(args, 0));
    }
  }
  return NULL;
}
