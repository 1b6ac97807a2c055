// Python values crossing to and from JS for vm.call (src/api.ts decodes and encodes the other
// side): the result serialised into the str buffer as a tagged byte stream, and the arguments
// built from a postfix stream of builder calls. Runs no Python code, so no collection can happen.
//
// Result stream, little-endian, one item:
//   0 None | 1 False | 2 True | 3 int (i64) | 4 float (f64) | 5 str (u32 bytes, UTF-8)
//   6 list / 7 tuple / 9 set or frozenset (u32 n, n items) | 8 dict (u32 n, n key-value pairs)
//   10 ref (u32 k): the k-th container of this stream (numbered as they start) again
// Shared containers become refs, so a result stays linear in the heap it came from.

import { Value, NONE, TRUE, FALSE, NULL, isPtr, isFloat, ptrOf, mkPtr, floatVal } from "./value";
import { objType } from "./heap";
import * as O from "./objects";
import { T_str, T_list, T_tuple, T_dict, T_set, T_frozenset, typeOf, typeName } from "./objects";
import { sbBytes, sbByte, sbStr } from "./strbuf";

const TAG_NONE: u32 = 0, TAG_FALSE: u32 = 1, TAG_TRUE: u32 = 2, TAG_INT: u32 = 3, TAG_FLOAT: u32 = 4,
  TAG_STR: u32 = 5, TAG_LIST: u32 = 6, TAG_TUPLE: u32 = 7, TAG_DICT: u32 = 8, TAG_SET: u32 = 9, TAG_REF: u32 = 10;

/** Deeper results are refused (JSValueError.TOO_DEEP): the encoder recurses on the wasm stack. */
export const MAX_DEPTH: i32 = 1000;

export const enum JSValueError { NONE = 0, UNSUPPORTED = 1, CYCLE = 2, TOO_DEEP = 3, NO_MEMORY = 4 }
/** Why the last encodeResult failed, and the type it failed on (for the host's message). */
export let encodeError: JSValueError = JSValueError.NONE;
export let encodeErrorType: usize = 0;

const scratch = memory.data(8);
function sbU32(x: u32): void { store<u32>(scratch, x); sbBytes(scratch, 4); }
function sbU64(x: u64): void { store<u64>(scratch, x); sbBytes(scratch, 8); }

// container address -> (number << 1 | finished): a VM dict keyed by int, garbage after the call
let seen: usize = 0;
let containers: u32 = 0;

/** Appends v's stream to the str buffer; false with encodeError set when it cannot be sent. */
export function encodeResult(v: Value): bool {
  encodeError = JSValueError.NONE;
  seen = 0;
  containers = 0;
  return encode(v, 0);
}

function fail(why: JSValueError, v: Value): bool {
  encodeError = why;
  encodeErrorType = typeOf(v);
  return false;
}

function encode(v: Value, depth: i32): bool {
  if (v == NONE) { sbByte(TAG_NONE); return true; }
  if (v == FALSE) { sbByte(TAG_FALSE); return true; }
  if (v == TRUE) { sbByte(TAG_TRUE); return true; }
  if (O.isIntV(v)) { sbByte(TAG_INT); sbU64(<u64>O.intOf(v)); return true; }
  if (isFloat(v)) { sbByte(TAG_FLOAT); sbU64(reinterpret<u64>(floatVal(v))); return true; }
  if (!isPtr(v)) return fail(JSValueError.UNSUPPORTED, v);
  let p = ptrOf(v);
  let t = objType(p);
  if (t == T_str) { sbByte(TAG_STR); sbU32(O.strLen(p)); sbStr(p); return true; }
  let tag: u32;
  if (t == T_list) tag = TAG_LIST;
  else if (t == T_tuple) tag = TAG_TUPLE;
  else if (t == T_dict) tag = TAG_DICT;
  else if (t == T_set || t == T_frozenset) tag = TAG_SET;
  else return fail(JSValueError.UNSUPPORTED, v);

  if (seen == 0) {
    seen = O.newDict();
    if (seen == 0) return fail(JSValueError.NO_MEMORY, v);
  }
  let key = O.mkInt(<i64>p);
  let mark = O.dictGet(seen, key);
  if (mark != NULL) {
    let m = O.intOf(mark);
    if ((m & 1) == 0) return fail(JSValueError.CYCLE, v); // still being written: v contains itself
    sbByte(TAG_REF);
    sbU32(<u32>(m >> 1));
    return true;
  }
  if (depth >= MAX_DEPTH) return fail(JSValueError.TOO_DEEP, v);
  let number = containers++;
  if (!O.dictSet(seen, key, O.mkInt(<i64>number << 1))) return fail(JSValueError.NO_MEMORY, v);

  sbByte(tag);
  if (tag == TAG_LIST || tag == TAG_TUPLE) {
    let n = tag == TAG_LIST ? O.listLen(p) : O.tupLen(p);
    let items = tag == TAG_LIST ? O.listItems(p) : O.tupItems(p);
    sbU32(n);
    for (let i: u32 = 0; i < n; i++) if (!encode(load<u64>(items + (<usize>i << 3)), depth + 1)) return false;
  } else {
    sbU32(O.dictLen(p));
    for (let i: u32 = 0; i < O.dictUsed(p); i++) {
      let k = O.entryKey(p, i);
      if (k == NULL) continue; // a deleted entry
      if (!encode(k, depth + 1)) return false;
      if (tag == TAG_DICT && !encode(O.entryVal(p, i), depth + 1)) return false;
    }
  }
  O.dictSet(seen, key, O.mkInt(<i64>number << 1 | 1)); // overwrites in place: cannot fail
  return true;
}

/** The Python type name of the value encodeResult failed on. */
export function encodeErrorTypeName(): usize { return typeName(encodeErrorType); }

// ---- arguments: the host pushes values onto `stack` (a VM list) in postfix order ----

/** Replaces the top n values of `stack` with one new container of them (kind 0 list, 1 dict
 * from n key-value pairs, 2 set) and records it in `table` for later refs. false = MemoryError. */
export function buildContainer(stack: usize, table: usize, kind: i32, n: u32): bool {
  let count = kind == 1 ? n * 2 : n;
  let len = O.listLen(stack);
  let base = O.listItems(stack) + (<usize>(len - count) << 3);
  let c: usize;
  if (kind == 0) {
    c = O.newList(n);
    if (c == 0) return false;
    for (let i: u32 = 0; i < n; i++) if (!O.listAppend(c, load<u64>(base + (<usize>i << 3)))) return false;
  } else {
    c = kind == 1 ? O.newDict() : O.newDictOf(T_set);
    if (c == 0) return false;
    for (let i: u32 = 0; i < n; i++) {
      let ok = kind == 1
        ? O.dictSet(c, load<u64>(base + (<usize>(2 * i) << 3)), load<u64>(base + (<usize>(2 * i + 1) << 3)))
        : O.dictSet(c, load<u64>(base + (<usize>i << 3)), NONE);
      if (!ok) return false;
    }
  }
  O.listSetLen(stack, len - count);
  return O.listAppend(stack, mkPtr(c)) && O.listAppend(table, mkPtr(c));
}
