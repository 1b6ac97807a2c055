// Methods of str (everything registered on T_str except str.format): strings are UTF-8 with a
// cached code-point count, so indices and widths are counted in code points. Pure-ASCII text is
// handled here; case mapping and character classes of other text go to the host (hostStrCase).

import { Value, NONE, NULL, TRUE, FALSE, ERR, isPtr, ptrOf, mkPtr, mkSmallInt, mkBool, isBool } from "./value";
import { objType, rawAlloc, rawFree } from "./heap";
import * as O from "./objects";
import { T_str, T_tuple, typeOf, typeName, isIntV, intOf, newList, listAppend, listLen, listGet,
  newTuple, tupLen, tupGet, tupSet, strLen, strCps, strData, newStr } from "./objects";
import { raiseText, raiseBuilt, raiseTypeObj, E_TypeError, E_ValueError, E_RuntimeError, raiseMemoryError } from "./errors";
import { sbMark, sbByte, sbBytes, sbStr, sbText, sbInt, sbTake, sbReset } from "./strbuf";
import { hostStrCase } from "./host";
import { strByteOffset } from "./ops";
import { B, arg, kwArg, argCount, strFormat } from "./builtins";
import * as N from "./names";

@inline function isStr(v: Value): bool { return isPtr(v) && objType(ptrOf(v)) == T_str; }
function mkStrV(s: usize): Value { return s == 0 ? ERR : mkPtr(s); }
@inline function isAscii(s: usize): bool { return strLen(s) == strCps(s); }

// ---- code points -----------------------------------------------------------------------------
@inline function seqLen(b: u32): u32 { return b < 0x80 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4; }
function cpAt(p: usize, i: u32): u32 {
  let b = <u32>load<u8>(p + i);
  if (b < 0x80) return b;
  if (b < 0xE0) return ((b & 0x1F) << 6) | (load<u8>(p + i + 1) & 0x3F);
  if (b < 0xF0) return ((b & 0x0F) << 12) | ((<u32>load<u8>(p + i + 1) & 0x3F) << 6) | (load<u8>(p + i + 2) & 0x3F);
  return ((b & 0x07) << 18) | ((<u32>load<u8>(p + i + 1) & 0x3F) << 12) |
    ((<u32>load<u8>(p + i + 2) & 0x3F) << 6) | (load<u8>(p + i + 3) & 0x3F);
}
/** Start of the code point that ends just before byte j. */
function prevStart(p: usize, j: u32): u32 {
  let i = j - 1;
  while (i > 0 && (load<u8>(p + i) & 0xC0) == 0x80) i--;
  return i;
}
/** Python's whitespace (str.isspace / str.split()). */
export function isSpaceCp(c: u32): bool {
  return (c >= 9 && c <= 13) || (c >= 0x1C && c <= 0x20) || c == 0x85 || c == 0xA0 || c == 0x1680 ||
    (c >= 0x2000 && c <= 0x200A) || c == 0x2028 || c == 0x2029 || c == 0x202F || c == 0x205F || c == 0x3000;
}
/** Line boundaries of str.splitlines (\r\n is handled by the caller). */
function isLineBreak(c: u32): bool {
  return c == 10 || c == 13 || c == 11 || c == 12 || c == 0x1C || c == 0x1D || c == 0x1E || c == 0x85 ||
    c == 0x2028 || c == 0x2029;
}

// ---- argument helpers ------------------------------------------------------------------------
let argFailed = false;
/** An int argument (bool counts); sets argFailed after raising for other types. */
function intArg(v: Value): i64 {
  if (isIntV(v) || isBool(v)) return intOf(v);
  raiseTypeObj(E_TypeError, v, "cannot be interpreted as an integer");
  argFailed = true;
  return 0;
}
/** A start/end slice argument: None or missing gives `dflt`. */
function sliceArg(v: Value, dflt: i64): i64 {
  if (v == NULL || v == NONE) return dflt;
  if (isIntV(v) || isBool(v)) return intOf(v);
  raiseText(E_TypeError, "slice indices must be integers or None or have an __index__ method");
  argFailed = true;
  return 0;
}
/** "must be str, not int" style errors. */
function mustBeStr(prefix: string, v: Value, suffix: string): Value {
  let m = sbMark();
  sbText(prefix);
  sbText("must be str");
  sbText(suffix);
  sbText(", not ");
  sbStr(typeName(typeOf(v)));
  return raiseBuilt(E_TypeError, m);
}

/** Arity errors of the find/count/startswith family: "find() takes at least 1 argument (0 given)". */
function rangeArgCount(name: string, n: u32): bool {
  if (n >= 1 && n <= 3) return true;
  let m = sbMark();
  sbText(name);
  sbText(n < 1 ? "() takes at least 1 argument (" : "() takes at most 3 arguments (");
  sbInt(n);
  sbText(" given)");
  raiseBuilt(E_TypeError, m);
  return false;
}
/** "str.upper() takes no arguments (1 given)" */
function noArgs(id: i32, n: u32): bool {
  if (n == 0) return true;
  let ids = [B.STR_UPPER, B.STR_LOWER, B.STR_TITLE, B.STR_CAPITALIZE, B.STR_SWAPCASE, B.STR_CASEFOLD, B.STR_ISUPPER,
    B.STR_ISLOWER, B.STR_ISTITLE, B.STR_ISALPHA, B.STR_ISDECIMAL, B.STR_ISDIGIT, B.STR_ISNUMERIC, B.STR_ISALNUM,
    B.STR_ISSPACE, B.STR_ISASCII];
  let names = ["upper", "lower", "title", "capitalize", "swapcase", "casefold", "isupper", "islower", "istitle",
    "isalpha", "isdecimal", "isdigit", "isnumeric", "isalnum", "isspace", "isascii"];
  let m = sbMark();
  sbText("str.");
  for (let i = 0; i < ids.length; i++) if (<i32>ids[i] == id) sbText(names[i]);
  sbText("() takes no arguments (");
  sbInt(n);
  sbText(" given)");
  raiseBuilt(E_TypeError, m);
  return false;
}

// slice bounds in code points, clamped like CPython's ADJUST_INDICES (start may exceed len)
let rangeA: i64 = 0;
let rangeB: i64 = 0;
function adjustRange(args: usize, npos: u32, from: u32, len: i64): bool {
  argFailed = false;
  let a = sliceArg(npos > from ? arg(args, from) : NULL, 0);
  let b = sliceArg(npos > from + 1 ? arg(args, from + 1) : NULL, len);
  if (argFailed) return false;
  if (b > len) b = len;
  else if (b < 0) { b += len; if (b < 0) b = 0; }
  if (a < 0) { a += len; if (a < 0) a = 0; }
  rangeA = a; rangeB = b;
  return true;
}
@inline function byteOff(s: usize, cp: i64): u32 {
  if (cp >= <i64>strCps(s)) return strLen(s);
  return strByteOffset(s, <u32>cp);
}

/** Byte offset of the first (or last, when `last`) match of needle within bytes [a, b), or -1. */
function findIn(p: usize, a: u32, b: u32, np: usize, m: u32, last: bool): i32 {
  if (b < a || b - a < m) return -1;
  if (last) {
    for (let i = <i64>(b - m); i >= <i64>a; i--) {
      if (memory.compare(p + <usize>i, np, m) == 0) return <i32>i;
    }
    return -1;
  }
  for (let i = a; i + m <= b; i++) {
    if (memory.compare(p + i, np, m) == 0) return <i32>i;
  }
  return -1;
}

function hostCase(op: i32, s: usize): Value {
  let n = strLen(s);
  let cap = n * 3 + 16;
  while (true) {
    let buf = rawAlloc(cap);
    if (buf == 0) return raiseMemoryError();
    let r = hostStrCase(op, strData(s), n, buf, <i32>cap);
    if (r >= 0) {
      let out = newStr(buf, <u32>r);
      rawFree(buf, cap);
      return mkStrV(out);
    }
    rawFree(buf, cap);
    cap = <u32>(-r);
  }
}

function asciiCase(id: i32, p: usize, n: u32): Value {
  let m = sbMark();
  let prevCased = false;
  for (let i: u32 = 0; i < n; i++) {
    let c = <u32>load<u8>(p + i);
    let lower = c >= 97 && c <= 122, upper = c >= 65 && c <= 90;
    let up: bool;
    if (id == B.STR_UPPER) up = true;
    else if (id == B.STR_LOWER || id == B.STR_CASEFOLD) up = false;
    else if (id == B.STR_TITLE) up = !prevCased;
    else if (id == B.STR_CAPITALIZE) up = i == 0;
    else up = lower; // swapcase
    if (up && lower) c -= 32;
    else if (!up && upper) c += 32;
    prevCased = lower || upper;
    sbByte(c);
  }
  return mkStrV(sbTake(m));
}

function asciiPredicate(id: i32, p: usize, n: u32): bool {
  if (n == 0) return false;
  let cased = false, prev = false;
  for (let i: u32 = 0; i < n; i++) {
    let c = <u32>load<u8>(p + i);
    let lower = c >= 97 && c <= 122, upper = c >= 65 && c <= 90, digit = c >= 48 && c <= 57;
    switch (id) {
      case B.STR_ISUPPER: if (lower) return false; if (upper) cased = true; break;
      case B.STR_ISLOWER: if (upper) return false; if (lower) cased = true; break;
      case B.STR_ISTITLE:
        if (upper) { if (prev) return false; prev = cased = true; }
        else if (lower) { if (!prev) return false; prev = cased = true; }
        else prev = false;
        break;
      case B.STR_ISALPHA: if (!(lower || upper)) return false; break;
      case B.STR_ISALNUM: if (!(lower || upper || digit)) return false; break;
      case B.STR_ISSPACE: if (!isSpaceCp(c)) return false; break;
      default: if (!digit) return false; // isdigit / isdecimal / isnumeric
    }
  }
  if (id == B.STR_ISUPPER || id == B.STR_ISLOWER || id == B.STR_ISTITLE) return cased;
  return true;
}

/** Matches one affix (startswith/endswith) within the adjusted range. */
function tailMatch(s: usize, sub: usize, prefix: bool): bool {
  let a = rangeA, b = rangeB - <i64>strCps(sub);
  if (b < a) return false;
  if (strLen(sub) == 0) return true;
  let off = byteOff(s, prefix ? a : b);
  if (off + strLen(sub) > strLen(s)) return false;
  return memory.compare(strData(s) + off, strData(sub), strLen(sub)) == 0;
}

function inChars(c: u32, chars: usize): bool {
  if (chars == 0) return isSpaceCp(c);
  let cp = strData(chars), cn = strLen(chars);
  let i: u32 = 0;
  while (i < cn) {
    if (cpAt(cp, i) == c) return true;
    i += seqLen(load<u8>(cp + i));
  }
  return false;
}

/** Pads s to `width` code points with `fill` (UTF-8 bytes fp/fl), `left` of them before. */
function padded(s: usize, left: i64, right: i64, fp: usize, fl: u32): Value {
  let m = sbMark();
  for (let i: i64 = 0; i < left; i++) sbBytes(fp, fl);
  sbBytes(strData(s), strLen(s));
  for (let i: i64 = 0; i < right; i++) sbBytes(fp, fl);
  return mkStrV(sbTake(m));
}

function split(s: usize, sep: Value, maxsplit: i64, fromRight: bool): Value {
  let p = strData(s), n = strLen(s);
  let out = newList(4);
  if (out == 0) return ERR;
  if (sep == NULL || sep == NONE) {
    if (!fromRight) {
      let i: u32 = 0;
      while (true) {
        while (i < n && isSpaceCp(cpAt(p, i))) i += seqLen(load<u8>(p + i));
        if (i >= n) break;
        if (maxsplit >= 0 && <i64>listLen(out) >= maxsplit) {
          let e = n;
          while (e > i && isSpaceCp(cpAt(p, prevStart(p, e)))) e = prevStart(p, e);
          listAppend(out, mkStrV(newStr(p + i, e - i)));
          break;
        }
        let j = i;
        while (j < n && !isSpaceCp(cpAt(p, j))) j += seqLen(load<u8>(p + j));
        listAppend(out, mkStrV(newStr(p + i, j - i)));
        i = j;
      }
    } else {
      let j = n;
      while (true) {
        while (j > 0 && isSpaceCp(cpAt(p, prevStart(p, j)))) j = prevStart(p, j);
        if (j == 0) break;
        if (maxsplit >= 0 && <i64>listLen(out) >= maxsplit) {
          let b: u32 = 0;
          while (b < j && isSpaceCp(cpAt(p, b))) b += seqLen(load<u8>(p + b));
          listAppend(out, mkStrV(newStr(p + b, j - b)));
          break;
        }
        let i = j;
        while (i > 0 && !isSpaceCp(cpAt(p, prevStart(p, i)))) i = prevStart(p, i);
        listAppend(out, mkStrV(newStr(p + i, j - i)));
        j = i;
      }
      reverseList(out);
    }
    return mkPtr(out);
  }
  if (!isStr(sep)) return mustBeStr("", sep, " or None");
  let sp = ptrOf(sep), sl = strLen(sp);
  if (sl == 0) return raiseText(E_ValueError, "empty separator");
  if (!fromRight) {
    let i: u32 = 0;
    while (true) {
      let j = maxsplit >= 0 && <i64>listLen(out) >= maxsplit ? -1 : findIn(p, i, n, strData(sp), sl, false);
      if (j < 0) { listAppend(out, mkStrV(newStr(p + i, n - i))); break; }
      listAppend(out, mkStrV(newStr(p + i, <u32>j - i)));
      i = <u32>j + sl;
    }
  } else {
    let e = n;
    while (true) {
      let j = maxsplit >= 0 && <i64>listLen(out) >= maxsplit ? -1 : findIn(p, 0, e, strData(sp), sl, true);
      if (j < 0) { listAppend(out, mkStrV(newStr(p, e))); break; }
      listAppend(out, mkStrV(newStr(p + <u32>j + sl, e - <u32>j - sl)));
      e = <u32>j;
    }
    reverseList(out);
  }
  return mkPtr(out);
}
function reverseList(l: usize): void {
  let n = listLen(l);
  for (let i: u32 = 0; i < n / 2; i++) {
    let a = listGet(l, i);
    O.listSet(l, i, listGet(l, n - 1 - i));
    O.listSet(l, n - 1 - i, a);
  }
}

function splitlines(s: usize, keepends: bool): Value {
  let p = strData(s), n = strLen(s);
  let out = newList(4);
  if (out == 0) return ERR;
  let i: u32 = 0;
  while (i < n) {
    let j = i;
    while (j < n && !isLineBreak(cpAt(p, j))) j += seqLen(load<u8>(p + j));
    let e = j;
    if (j < n) {
      let c = cpAt(p, j);
      j += seqLen(load<u8>(p + j));
      if (c == 13 && j < n && load<u8>(p + j) == 10) j++;
    }
    listAppend(out, mkStrV(newStr(p + i, (keepends ? j : e) - i)));
    i = j;
  }
  return mkPtr(out);
}

function expandtabs(s: usize, tab: i64): Value {
  let p = strData(s), n = strLen(s);
  let m = sbMark();
  let col: i64 = 0;
  let i: u32 = 0;
  while (i < n) {
    let b = <u32>load<u8>(p + i);
    let l = seqLen(b);
    if (b == 9) {
      if (tab > 0) {
        let k = tab - col % tab;
        for (let q: i64 = 0; q < k; q++) sbByte(32);
        col += k;
      }
    } else {
      sbBytes(p + i, l);
      col++;
      if (b == 10 || b == 13) col = 0;
    }
    i += l;
  }
  return mkStrV(sbTake(m));
}

function partition(s: usize, sepV: Value, fromRight: bool): Value {
  if (!isStr(sepV)) return mustBeStr("", sepV, "");
  let sep = ptrOf(sepV), sl = strLen(sep);
  if (sl == 0) return raiseText(E_ValueError, "empty separator");
  let p = strData(s), n = strLen(s);
  let j = findIn(p, 0, n, strData(sep), sl, fromRight);
  let t = newTuple(3);
  if (t == 0) return ERR;
  let empty = newStr(p, 0);
  if (empty == 0) return ERR;
  if (j < 0) {
    tupSet(t, 0, fromRight ? mkPtr(empty) : mkPtr(s));
    tupSet(t, 1, mkPtr(empty));
    tupSet(t, 2, fromRight ? mkPtr(s) : mkPtr(empty));
    return mkPtr(t);
  }
  let a = newStr(p, <u32>j);
  let c = newStr(p + <u32>j + sl, n - <u32>j - sl);
  if (a == 0 || c == 0) return ERR;
  tupSet(t, 0, mkPtr(a));
  tupSet(t, 1, sepV);
  tupSet(t, 2, mkPtr(c));
  return mkPtr(t);
}

export function strMethod(id: i32, s: usize, args: usize, npos: u32, nargs: u32, kwnames: usize): Value {
  let p = strData(s), n = strLen(s);
  switch (id) {
    case B.STR_JOIN: {
      if (!argCount("str.join", npos, 1, 1)) return ERR;
      let l = O.toListValue(arg(args, 0));
      if (l == ERR) return ERR;
      let lp = ptrOf(l);
      let m = sbMark();
      for (let i: u32 = 0; i < listLen(lp); i++) {
        let v = listGet(lp, i);
        if (!isStr(v)) {
          sbReset(m);
          let m2 = sbMark();
          sbText("sequence item ");
          sbInt(i);
          sbText(": expected str instance, ");
          sbStr(typeName(typeOf(v)));
          sbText(" found");
          return raiseBuilt(E_TypeError, m2);
        }
        if (i > 0) sbBytes(p, n);
        sbStr(ptrOf(v));
      }
      return mkStrV(sbTake(m));
    }
    case B.STR_UPPER: case B.STR_LOWER: case B.STR_TITLE: case B.STR_CAPITALIZE: case B.STR_SWAPCASE:
    case B.STR_CASEFOLD: {
      if (!noArgs(id, nargs)) return ERR;
      if (isAscii(s)) return asciiCase(id, p, n);
      let op = id == B.STR_UPPER ? 0 : id == B.STR_LOWER ? 1 : id == B.STR_TITLE ? 2 : id == B.STR_CAPITALIZE ? 3 :
        id == B.STR_SWAPCASE ? 4 : 5;
      return hostCase(op, s);
    }
    case B.STR_ISUPPER: case B.STR_ISLOWER: case B.STR_ISTITLE: case B.STR_ISALPHA: case B.STR_ISDECIMAL:
    case B.STR_ISDIGIT: case B.STR_ISNUMERIC: case B.STR_ISALNUM: case B.STR_ISSPACE: {
      if (isAscii(s)) return mkBool(asciiPredicate(id, p, n));
      let op = id == B.STR_ISUPPER ? 10 : id == B.STR_ISLOWER ? 11 : id == B.STR_ISTITLE ? 12 : id == B.STR_ISALPHA ? 13 :
        id == B.STR_ISDECIMAL ? 14 : id == B.STR_ISDIGIT ? 15 : id == B.STR_ISNUMERIC ? 16 : id == B.STR_ISALNUM ? 17 : 18;
      return mkBool(hostStrCase(op, p, n, 0, 0) == 1);
    }
    case B.STR_ISASCII: if (!noArgs(id, nargs)) return ERR; return mkBool(isAscii(s));
    case B.STR_STRIP: case B.STR_LSTRIP: case B.STR_RSTRIP: {
      let name = id == B.STR_STRIP ? "strip" : id == B.STR_LSTRIP ? "lstrip" : "rstrip";
      if (!argCount(name, npos, 0, 1)) return ERR;
      let chars: usize = 0;
      if (npos > 0 && arg(args, 0) != NONE) {
        if (!isStr(arg(args, 0))) {
          let m = sbMark();
          sbText(name);
          sbText(" arg must be None or str");
          return raiseBuilt(E_TypeError, m);
        }
        chars = ptrOf(arg(args, 0));
      }
      let a: u32 = 0, b = n;
      if (id != B.STR_RSTRIP) while (a < b && inChars(cpAt(p, a), chars)) a += seqLen(load<u8>(p + a));
      if (id != B.STR_LSTRIP) while (b > a && inChars(cpAt(p, prevStart(p, b)), chars)) b = prevStart(p, b);
      return mkStrV(newStr(p + a, b - a));
    }
    case B.STR_SPLIT: case B.STR_RSPLIT: {
      let sep: Value = npos > 0 ? arg(args, 0) : kwArg(args, nargs, kwnames, N.S_sep);
      let ms: Value = npos > 1 ? arg(args, 1) : kwArg(args, nargs, kwnames, O.internText("maxsplit"));
      argFailed = false;
      let maxsplit: i64 = ms != NULL ? intArg(ms) : -1;
      if (argFailed) return ERR;
      return split(s, sep, maxsplit, id == B.STR_RSPLIT);
    }
    case B.STR_SPLITLINES: {
      let k: Value = npos > 0 ? arg(args, 0) : kwArg(args, nargs, kwnames, O.internText("keepends"));
      let keep = false;
      if (k != NULL) { argFailed = false; keep = intArg(k) != 0; if (argFailed) return ERR; }
      return splitlines(s, keep);
    }
    case B.STR_PARTITION: case B.STR_RPARTITION: {
      if (!argCount(id == B.STR_PARTITION ? "str.partition" : "str.rpartition", npos, 1, 1)) return ERR;
      return partition(s, arg(args, 0), id == B.STR_RPARTITION);
    }
    case B.STR_STARTSWITH: case B.STR_ENDSWITH: {
      let name = id == B.STR_STARTSWITH ? "startswith" : "endswith";
      if (!rangeArgCount(name, npos)) return ERR;
      if (!adjustRange(args, npos, 1, <i64>strCps(s))) return ERR;
      let a = arg(args, 0);
      if (isPtr(a) && objType(ptrOf(a)) == T_tuple) {
        for (let i: u32 = 0; i < tupLen(ptrOf(a)); i++) {
          let item = tupGet(ptrOf(a), i);
          if (!isStr(item)) {
            let m = sbMark();
            sbText("tuple for ");
            sbText(name);
            sbText(" must only contain str, not ");
            sbStr(typeName(typeOf(item)));
            return raiseBuilt(E_TypeError, m);
          }
          if (tailMatch(s, ptrOf(item), id == B.STR_STARTSWITH)) return TRUE;
        }
        return FALSE;
      }
      if (!isStr(a)) {
        let m = sbMark();
        sbText(name);
        sbText(" first arg must be str or a tuple of str, not ");
        sbStr(typeName(typeOf(a)));
        return raiseBuilt(E_TypeError, m);
      }
      return mkBool(tailMatch(s, ptrOf(a), id == B.STR_STARTSWITH));
    }
    case B.STR_REMOVEPREFIX: case B.STR_REMOVESUFFIX: {
      let pre = id == B.STR_REMOVEPREFIX;
      if (!argCount(pre ? "str.removeprefix" : "str.removesuffix", npos, 1, 1)) return ERR;
      let a = arg(args, 0);
      if (!isStr(a)) return mustBeStr(pre ? "removeprefix() argument " : "removesuffix() argument ", a, "");
      let ap = ptrOf(a), al = strLen(ap);
      if (al == 0 || al > n) return mkPtr(s);
      if (memory.compare(p + (pre ? 0 : n - al), strData(ap), al) != 0) return mkPtr(s);
      return mkStrV(pre ? newStr(p + al, n - al) : newStr(p, n - al));
    }
    case B.STR_REPLACE: {
      if (!argCount("replace", npos, 2, 3)) return ERR;
      if (!isStr(arg(args, 0))) return mustBeStr("replace() argument 1 ", arg(args, 0), "");
      if (!isStr(arg(args, 1))) return mustBeStr("replace() argument 2 ", arg(args, 1), "");
      let old = ptrOf(arg(args, 0)), nw = ptrOf(arg(args, 1));
      argFailed = false;
      let maxc: i64 = npos == 3 ? intArg(arg(args, 2)) : -1;
      if (argFailed) return ERR;
      let m = sbMark();
      let count: i64 = 0;
      if (strLen(old) == 0) {
        // an empty pattern matches before every character and at the end
        let i: u32 = 0;
        while (true) {
          if (maxc < 0 || count < maxc) { sbStr(nw); count++; }
          if (i >= n) break;
          let l = seqLen(load<u8>(p + i));
          sbBytes(p + i, l);
          i += l;
        }
        return mkStrV(sbTake(m));
      }
      let i: u32 = 0;
      while (true) {
        let j = maxc >= 0 && count >= maxc ? -1 : findIn(p, i, n, strData(old), strLen(old), false);
        if (j < 0) { sbBytes(p + i, n - i); break; }
        sbBytes(p + i, <u32>j - i);
        sbStr(nw);
        i = <u32>j + strLen(old);
        count++;
      }
      return mkStrV(sbTake(m));
    }
    case B.STR_FIND: case B.STR_INDEX: case B.STR_COUNT: case B.STR_RFIND: case B.STR_RINDEX: {
      let name = id == B.STR_FIND ? "find" : id == B.STR_INDEX ? "index" : id == B.STR_COUNT ? "count" :
        id == B.STR_RFIND ? "rfind" : "rindex";
      if (!rangeArgCount(name, npos)) return ERR;
      let sub = arg(args, 0);
      if (!isStr(sub)) return mustBeStr("", sub, "");
      let sp = ptrOf(sub), sl = strLen(sp);
      if (!adjustRange(args, npos, 1, <i64>strCps(s))) return ERR;
      let a = rangeA, b = rangeB;
      let raises = id == B.STR_INDEX || id == B.STR_RINDEX;
      if (b - a < <i64>strCps(sp)) {
        if (id == B.STR_COUNT) return mkSmallInt(0);
        if (raises) return raiseText(E_ValueError, "substring not found");
        return mkSmallInt(-1);
      }
      let ba = byteOff(s, a), bb = byteOff(s, b);
      if (id == B.STR_COUNT) {
        if (sl == 0) return mkSmallInt(b - a + 1);
        let c: i64 = 0, i = ba;
        while (true) {
          let j = findIn(p, i, bb, strData(sp), sl, false);
          if (j < 0) break;
          c++;
          i = <u32>j + sl;
        }
        return mkSmallInt(c);
      }
      let j = findIn(p, ba, bb, strData(sp), sl, id == B.STR_RFIND || id == B.STR_RINDEX);
      if (j < 0) {
        if (raises) return raiseText(E_ValueError, "substring not found");
        return mkSmallInt(-1);
      }
      return mkSmallInt(<i64>O.countCps(p, <usize>j));
    }
    case B.STR_LJUST: case B.STR_RJUST: case B.STR_CENTER: {
      let name = id == B.STR_LJUST ? "ljust" : id == B.STR_RJUST ? "rjust" : "center";
      if (!argCount(name, npos, 1, 2)) return ERR;
      argFailed = false;
      let w = intArg(arg(args, 0));
      if (argFailed) return ERR;
      let fp: usize = 0, fl: u32 = 1;
      if (npos > 1) {
        let f = arg(args, 1);
        if (!isStr(f)) {
          let m = sbMark();
          sbText("The fill character must be a unicode character, not ");
          sbStr(typeName(typeOf(f)));
          return raiseBuilt(E_TypeError, m);
        }
        if (strCps(ptrOf(f)) != 1) return raiseText(E_TypeError, "The fill character must be exactly one character long");
        fp = strData(ptrOf(f)); fl = strLen(ptrOf(f));
      }
      let cps = <i64>strCps(s);
      if (w <= cps) return mkPtr(s);
      let pad = w - cps;
      let left: i64 = id == B.STR_RJUST ? pad : id == B.STR_LJUST ? 0 : (pad / 2 + (pad & w & 1));
      if (fp == 0) return paddedSpace(s, left, pad - left);
      return padded(s, left, pad - left, fp, fl);
    }
    case B.STR_ZFILL: {
      if (!argCount("str.zfill", npos, 1, 1)) return ERR;
      argFailed = false;
      let w = intArg(arg(args, 0));
      if (argFailed) return ERR;
      let cps = <i64>strCps(s);
      if (w <= cps) return mkPtr(s);
      let m = sbMark();
      let i: u32 = 0;
      if (n > 0 && (load<u8>(p) == 43 || load<u8>(p) == 45)) { sbByte(load<u8>(p)); i = 1; }
      for (let k: i64 = 0; k < w - cps; k++) sbByte(48);
      sbBytes(p + i, n - i);
      return mkStrV(sbTake(m));
    }
    case B.STR_EXPANDTABS: {
      let t: Value = npos > 0 ? arg(args, 0) : kwArg(args, nargs, kwnames, O.internText("tabsize"));
      argFailed = false;
      let tab: i64 = t != NULL ? intArg(t) : 8;
      if (argFailed) return ERR;
      return expandtabs(s, tab);
    }
    case B.STR_FORMAT: return strFormat(s, args, npos, nargs, kwnames);
  }
  return raiseText(E_RuntimeError, "unknown builtin");
}

function paddedSpace(s: usize, left: i64, right: i64): Value {
  let m = sbMark();
  for (let i: i64 = 0; i < left; i++) sbByte(32);
  sbBytes(strData(s), strLen(s));
  for (let i: i64 = 0; i < right; i++) sbByte(32);
  return mkStrV(sbTake(m));
}
