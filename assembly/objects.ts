// Object layouts (byte offsets behind the 16-byte heap header), instance kinds, the builtin type
// objects and constructors for the core containers: str, tuple, list, dict/set, cells, functions.
// Layout offsets appear only here; other files use the accessors. Methods live in builtins.ts.

import { Value, NONE, NULL, TRUE, FALSE, ERR, isPtr, isSmallInt, isFloat, ptrOf, mkPtr, mkSmallInt,
  smallIntVal, fitsSmall, floatVal, ELLIPSIS_V, NOTIMPL } from "./value";
import { HDR, GC_INTERIOR, gcAlloc, gcAllocFilled, objType, objAux, setObjAux, rawAlloc, rawFree, rawRealloc } from "./heap";
import { raiseMemoryError } from "./errors";
import { trackGenerator } from "./gc";
import { valueHash, valueEq } from "./ops";

/** What a type's instances look like in memory; mark/sweep and attribute code switch on it. */
export const enum K {
  INST = 0, TYPE = 1, INT = 2, STR = 3, TUPLE = 4, LIST = 5, DICT = 6, SET = 7, FUNC = 8, CODE = 9,
  CELL = 10, EXC = 11, BOUND = 12, RANGE = 13, RANGEITER = 14, SEQITER = 15, SLICE = 16, BUILTIN = 17,
  TB = 18, SMETH = 19, CMETH = 20, PROP = 21, SUPER = 22, MODULE = 23, GEN = 24, DICTVIEW = 25,
  GCM = 26, // @contextmanager objects (generators.ts)
  LAZYITER = 27, // zip, enumerate, map, filter, reversed (lazyiter.ts)
  // kinds of types whose values are never heap objects
  FLOAT = 30, BOOL = 31, NONETYPE = 32, OTHER = 33,
}

// ---- type objects ----------------------------------------------------------------------------
// +16 name(str) +20 base(type) +24 dict +28 kind +32 flags  +40 u64 __enter__ +48 u64 __exit__
// +56 u64 __init__. Slots hold what the MRO gives for the name (NULL if nothing), filled by
// refreshSlots at class creation and on every store to a class attribute.
export const TYPE_SIZE: usize = 64;
export const TF_EXC: u32 = 1;     // BaseException or a subclass
export const TF_BUILTIN: u32 = 2; // no class attribute stores
export const TF_BASETYPE: u32 = 4; // may be subclassed by a class statement
export const TF_NEW: u32 = 8;      // a class whose MRO defines __new__ in Python (morebuiltins.ts)
export const TF_SETATTR: u32 = 16; // a class whose MRO overrides __setattr__ (ops.ts setAttr)
export const TF_DELATTR: u32 = 32; // a class whose MRO overrides __delattr__ (ops.ts delAttr)
/** __enter__(self) and __exit__(self, t, v, tb) are both plain Python functions taking exactly
 * those arguments (image.ts codePlainArgc), so SETUP_WITH needs no other check (vm.ts run). */
export const TF_WITH_FAST: u32 = 64;

@inline export function typeName(t: usize): usize { return <usize>load<u32>(t, 16); }
@inline export function typeBase(t: usize): usize { return <usize>load<u32>(t, 20); }
@inline export function typeDict(t: usize): usize { return <usize>load<u32>(t, 24); }
@inline export function typeKind(t: usize): u32 { return load<u32>(t, 28); }
@inline export function typeFlags(t: usize): u32 { return load<u32>(t, 32); }
@inline export function typeEnter(t: usize): Value { return load<u64>(t, 40); }
@inline export function typeExit(t: usize): Value { return load<u64>(t, 48); }
@inline export function typeInit(t: usize): Value { return load<u64>(t, 56); }

// Builtin types. Globals so the dispatch loop reaches them with one load.
export let T_type: usize = 0;
export let T_object: usize = 0;
export let T_int: usize = 0;
export let T_bool: usize = 0;
export let T_float: usize = 0;
export let T_str: usize = 0;
export let T_none: usize = 0;
export let T_tuple: usize = 0;
export let T_list: usize = 0;
export let T_dict: usize = 0;
export let T_set: usize = 0;
export let T_frozenset: usize = 0;
export let T_function: usize = 0;
export let T_code: usize = 0;
export let T_cell: usize = 0;
export let T_method: usize = 0;
export let T_range: usize = 0;
export let T_rangeiter: usize = 0;
export let T_seqiter: usize = 0;
export let T_slice: usize = 0;
export let T_builtin: usize = 0;
export let T_traceback: usize = 0;
export let T_staticmethod: usize = 0;
export let T_classmethod: usize = 0;
export let T_property: usize = 0;
export let T_super: usize = 0;
export let T_module: usize = 0;
export let T_ellipsis: usize = 0;
export let T_notimpl: usize = 0;
export let T_generator: usize = 0;
// dict views: +16 u64 the dict
export let T_dict_keys: usize = 0;
export let T_dict_values: usize = 0;
export let T_dict_items: usize = 0;

/** Every type object made at start-up, kept alive as a GC root. */
export let builtinTypes: usize = 0; // list

export function newType(name: usize, base: usize, kind: u32, flags: u32): usize {
  let t = gcAlloc(TYPE_SIZE, T_type);
  store<u32>(t, <u32>name, 16);
  store<u32>(t, <u32>base, 20);
  store<u32>(t, <u32>newDict(), 24);
  store<u32>(t, kind, 28);
  let f = flags;
  if (base != 0) f |= typeFlags(base) & TF_EXC;
  store<u32>(t, f, 32);
  store<u64>(t, NULL, 40);
  store<u64>(t, NULL, 48);
  store<u64>(t, NULL, 56);
  return t;
}

/** The type of any value, boxed or not. */
export function typeOf(v: Value): usize {
  if (isPtr(v)) return objType(ptrOf(v));
  if (isSmallInt(v)) return T_int;
  if (isFloat(v)) return T_float;
  if (v == TRUE || v == FALSE) return T_bool;
  if (v == ELLIPSIS_V) return T_ellipsis;
  if (v == NOTIMPL) return T_notimpl;
  return T_none;
}

export function isSubtype(t: usize, base: usize): bool {
  while (t != 0) {
    if (t == base) return true;
    t = typeBase(t);
  }
  return false;
}

/** Looks `name` up along the base chain's dicts (single inheritance: the chain is the MRO). */
export function lookupType(t: usize, name: usize): Value {
  while (t != 0) {
    let v = dictGetStr(typeDict(t), name);
    if (v != NULL) return v;
    t = typeBase(t);
  }
  return NULL;
}

// ---- ints ------------------------------------------------------------------------------------
// Ints beyond 48 bits live boxed as i64 (+16); beyond i64 is OverflowError (ops.ts).
export function newBigInt(i: i64): Value {
  let p = gcAlloc(HDR + 8, T_int);
  if (p == 0) return raiseMemoryError();
  store<i64>(p, i, 16);
  return mkPtr(p);
}
@inline export function mkInt(i: i64): Value { return fitsSmall(i) ? mkSmallInt(i) : newBigInt(i); }
export function isIntV(v: Value): bool {
  return isSmallInt(v) || (isPtr(v) && objType(ptrOf(v)) == T_int);
}
/** Int value of an int or bool (callers check isIntV / isBool first). */
export function intOf(v: Value): i64 {
  if (isSmallInt(v)) return smallIntVal(v);
  if (v == TRUE) return 1;
  if (v == FALSE) return 0;
  return load<i64>(ptrOf(v), 16);
}

// ---- str -------------------------------------------------------------------------------------
// +16 u32 byte length, +20 u32 code-point count, +24 UTF-8 bytes. aux caches the hash (0 = none).
@inline export function strLen(s: usize): u32 { return load<u32>(s, 16); }
@inline export function strCps(s: usize): u32 { return load<u32>(s, 20); }
@inline export function strData(s: usize): usize { return s + 24; }

export function countCps(p: usize, n: usize): u32 {
  let c: u32 = 0;
  for (let i: usize = 0; i < n; i++) if ((load<u8>(p + i) & 0xC0) != 0x80) c++;
  return c;
}

/** Copies n UTF-8 bytes into a new str; 0 on MemoryError (already raised). */
export function newStr(src: usize, n: usize): usize {
  let s = gcAlloc(HDR + 8 + n, T_str);
  if (s == 0) { raiseMemoryError(); return 0; }
  store<u32>(s, <u32>n, 16);
  memory.copy(s + 24, src, n);
  store<u32>(s, countCps(s + 24, n), 20);
  return s;
}
export function newStrUninit(n: usize): usize {
  let s = gcAlloc(HDR + 8 + n, T_str);
  if (s == 0) { raiseMemoryError(); return 0; }
  store<u32>(s, <u32>n, 16);
  return s;
}
export function strValue(src: usize, n: usize): Value {
  let s = newStr(src, n);
  return s == 0 ? ERR : mkPtr(s);
}

/** Cold: an AS string literal as a VM str (start-up and error messages only). */
export function strFrom(text: string): usize {
  let buf = String.UTF8.encode(text);
  return newStr(changetype<usize>(buf), buf.byteLength);
}

export function strHash(s: usize): u32 {
  let h = objAux(s);
  if (h != 0) return h;
  h = 0x811c9dc5;
  let p = strData(s), n = <usize>strLen(s);
  for (let i: usize = 0; i < n; i++) h = (h ^ load<u8>(p + i)) * 0x01000193;
  if (h == 0) h = 1;
  setObjAux(s, h);
  return h;
}
export function strEq(a: usize, b: usize): bool {
  if (a == b) return true;
  let n = strLen(a);
  if (n != strLen(b)) return false;
  return memory.compare(strData(a), strData(b), n) == 0;
}
export function strEqText(a: usize, text: string): bool {
  let buf = String.UTF8.encode(text);
  let n = buf.byteLength;
  return strLen(a) == <u32>n && memory.compare(strData(a), changetype<usize>(buf), n) == 0;
}

// Interned strings: names and constants, so attribute lookups mostly hit on pointer equality.
export let internTable: usize = 0; // dict str -> str
export function intern(s: usize): usize {
  let v = dictGetStr(internTable, s);
  if (v != NULL) return ptrOf(v);
  dictSet(internTable, mkPtr(s), mkPtr(s));
  return s;
}
export function internText(text: string): usize { return intern(strFrom(text)); }

// ---- tuple -----------------------------------------------------------------------------------
// +16 u32 count, +24 u64 items[count]
@inline export function tupLen(t: usize): u32 { return load<u32>(t, 16); }
@inline export function tupItems(t: usize): usize { return t + 24; }
@inline export function tupGet(t: usize, i: u32): Value { return load<u64>(t + 24 + (<usize>i << 3)); }
@inline export function tupSet(t: usize, i: u32, v: Value): void { store<u64>(t + 24 + (<usize>i << 3), v); }
export let emptyTuple: usize = 0;
export function newTuple(n: u32): usize {
  let t = gcAlloc(HDR + 8 + (<usize>n << 3), T_tuple);
  if (t == 0) { raiseMemoryError(); return 0; }
  store<u32>(t, n, 16);
  return t;
}
export function tupleFrom(src: usize, n: u32): usize {
  let t = newTuple(n);
  if (t != 0) memory.copy(t + 24, src, <usize>n << 3);
  return t;
}

// ---- list ------------------------------------------------------------------------------------
// +16 u32 length, +20 u32 capacity, +24 u32 items (TLSF block of capacity u64s)
@inline export function listLen(l: usize): u32 { return load<u32>(l, 16); }
@inline export function listItems(l: usize): usize { return <usize>load<u32>(l, 24); }
@inline export function listGet(l: usize, i: u32): Value { return load<u64>(listItems(l) + (<usize>i << 3)); }
@inline export function listSet(l: usize, i: u32, v: Value): void { store<u64>(listItems(l) + (<usize>i << 3), v); }
export function newList(cap: u32): usize {
  let l = gcAlloc(HDR + 16, T_list);
  if (l == 0) { raiseMemoryError(); return 0; }
  if (cap < 4) cap = 4;
  let items = rawAlloc(<usize>cap << 3);
  if (items == 0) { raiseMemoryError(); return 0; }
  store<u32>(l, cap, 20);
  store<u32>(l, <u32>items, 24);
  return l;
}
export function listReserve(l: usize, need: u32): bool {
  let cap = load<u32>(l, 20);
  if (need <= cap) return true;
  let ncap = cap * 2;
  if (ncap < need) ncap = need;
  let items = rawRealloc(listItems(l), <usize>cap << 3, <usize>ncap << 3);
  if (items == 0) { raiseMemoryError(); return false; }
  store<u32>(l, ncap, 20);
  store<u32>(l, <u32>items, 24);
  return true;
}
export function listAppend(l: usize, v: Value): bool {
  let n = listLen(l);
  if (n == load<u32>(l, 20) && !listReserve(l, n + 1)) return false;
  store<u64>(listItems(l) + (<usize>n << 3), v);
  store<u32>(l, n + 1, 16);
  return true;
}
@inline export function listSetLen(l: usize, n: u32): void { store<u32>(l, n, 16); }
export function listFree(l: usize): void { rawFree(listItems(l), <usize>load<u32>(l, 20) << 3); }

// ---- dict and set ----------------------------------------------------------------------------
// +16 u32 live count, +20 u32 entries used (incl. deleted), +24 u32 entry capacity,
// +28 u32 entries (TLSF; 24 B each: key u64, value u64, hash u32; deleted key = NULL),
// +32 u32 index (TLSF; i32 per slot, -1 empty), +36 u32 index mask, +40 u32 key-set stamp.
// Entries keep insertion order; the open-addressed index maps hash -> entry number.
const ENTRY: usize = 24;
@inline export function dictLen(d: usize): u32 { return load<u32>(d, 16); }
@inline export function dictUsed(d: usize): u32 { return load<u32>(d, 20); }
@inline export function dictEntries(d: usize): usize { return <usize>load<u32>(d, 28); }
@inline export function entryKey(d: usize, i: u32): Value { return load<u64>(dictEntries(d) + <usize>i * ENTRY); }
@inline export function entryVal(d: usize, i: u32): Value { return load<u64>(dictEntries(d) + <usize>i * ENTRY, 8); }
@inline export function setEntryVal(d: usize, i: u32, v: Value): void { store<u64>(dictEntries(d) + <usize>i * ENTRY, v, 8); }

function dictAllocTables(d: usize, cap: u32): bool {
  let entries = rawAlloc(<usize>cap * ENTRY);
  let slots: u32 = 8;
  while (slots < cap * 2) slots <<= 1;
  let index = rawAlloc(<usize>slots << 2);
  if (entries == 0 || index == 0) { raiseMemoryError(); return false; }
  memory.fill(index, 0xFF, <usize>slots << 2);
  store<u32>(d, cap, 24);
  store<u32>(d, <u32>entries, 28);
  store<u32>(d, <u32>index, 32);
  store<u32>(d, slots - 1, 36);
  return true;
}
export function newDictOf(type: usize): usize {
  let d = gcAlloc(HDR + 28, type);
  if (d == 0) { raiseMemoryError(); return 0; }
  if (!dictAllocTables(d, 4)) return 0;
  return d;
}
export function newDict(): usize { return newDictOf(T_dict); }
export function dictFree(d: usize): void {
  rawFree(dictEntries(d), <usize>load<u32>(d, 24) * ENTRY);
  rawFree(<usize>load<u32>(d, 32), (<usize>load<u32>(d, 36) + 1) << 2);
}

/** Entry number of `key` with hash h, -1 if absent, -2 if comparing raised. */
function dictFind(d: usize, key: Value, h: u32): i32 {
  let mask = load<u32>(d, 36);
  let index = <usize>load<u32>(d, 32);
  let entries = dictEntries(d);
  let i = h & mask;
  let perturb = h;
  while (true) {
    let e = load<i32>(index + (<usize>i << 2));
    if (e < 0) return -1;
    let ep = entries + <usize>e * ENTRY;
    let k = load<u64>(ep);
    if (k == key) return e;
    if (k != NULL && load<u32>(ep, 16) == h) {
      let r = valueEq(k, key);
      if (r < 0) return -2;
      if (r > 0) return e;
    }
    perturb >>= 5;
    i = (i * 5 + 1 + perturb) & mask;
  }
}
function dictInsertIndex(d: usize, h: u32, e: u32): void {
  let mask = load<u32>(d, 36);
  let index = <usize>load<u32>(d, 32);
  let i = h & mask;
  let perturb = h;
  while (load<i32>(index + (<usize>i << 2)) >= 0) {
    perturb >>= 5;
    i = (i * 5 + 1 + perturb) & mask;
  }
  store<i32>(index + (<usize>i << 2), e);
}
/** Compacts out deleted entries and resizes to fit `need` more. */
function dictGrow(d: usize): bool {
  let oldEntries = dictEntries(d), oldUsed = dictUsed(d), oldCap = load<u32>(d, 24);
  let oldIndex = <usize>load<u32>(d, 32), oldSlots = <usize>load<u32>(d, 36) + 1;
  let live = dictLen(d);
  let cap = live * 2 + 4;
  if (!dictAllocTables(d, cap)) return false;
  let entries = dictEntries(d);
  let n: u32 = 0;
  for (let i: u32 = 0; i < oldUsed; i++) {
    let src = oldEntries + <usize>i * ENTRY;
    if (load<u64>(src) == NULL) continue;
    memory.copy(entries + <usize>n * ENTRY, src, ENTRY);
    dictInsertIndex(d, load<u32>(src, 16), n);
    n++;
  }
  store<u32>(d, n, 20);
  rawFree(oldEntries, <usize>oldCap * ENTRY);
  rawFree(oldIndex, oldSlots << 2);
  return true;
}

/** Value for key, NULL if absent, ERR if hashing or comparing raised. */
export function dictGet(d: usize, key: Value): Value {
  let h = valueHash(key);
  if (h == -1) return ERR;
  let e = dictFind(d, key, <u32>h);
  if (e == -2) return ERR;
  return e < 0 ? NULL : entryVal(d, e);
}
/** Fast lookup for str keys (names): never raises. */
export function dictGetStr(d: usize, s: usize): Value {
  let e = dictFind(d, mkPtr(s), strHash(s) & 0x7FFFFFFF); // same hash as valueHash
  return e < 0 ? NULL : entryVal(d, e);
}
/** Entry number of str key s, -1 if absent (never raises). */
export function dictFindStr(d: usize, s: usize): i32 { return dictFind(d, mkPtr(s), strHash(s) & 0x7FFFFFFF); }

// LOAD_GLOBAL caches a builtins hit only while the globals dict still lacks the name. Such a
// dict is "watched": +40 holds a key-set stamp, unique among all dicts, renewed whenever a key
// is added, so a cache remembering the stamp identifies both the dict and its key set (vm.ts,
// loadGlobalSlow). 0 = not watched. Stamps stay in 1..0x7FFFFFFF.
let lastKeyStamp: u32 = 0;
@inline export function dictKeyStamp(d: usize): u32 { return load<u32>(d, 40); }
export function watchDictKeys(d: usize): u32 {
  let s = dictKeyStamp(d);
  if (s == 0) { s = newKeyStamp(); store<u32>(d, s, 40); }
  return s;
}
function newKeyStamp(): u32 {
  lastKeyStamp = lastKeyStamp >= 0x7FFFFFFF ? 1 : lastKeyStamp + 1;
  return lastKeyStamp;
}

/** Returns false when hashing/comparing raised or memory ran out. */
export function dictSet(d: usize, key: Value, val: Value): bool {
  let h = valueHash(key);
  if (h == -1) return false;
  let e = dictFind(d, key, <u32>h);
  if (e == -2) return false;
  if (e >= 0) { setEntryVal(d, e, val); return true; }
  if (dictUsed(d) == load<u32>(d, 24) && !dictGrow(d)) return false;
  if (dictKeyStamp(d) != 0) store<u32>(d, newKeyStamp(), 40);
  let n = dictUsed(d);
  let ep = dictEntries(d) + <usize>n * ENTRY;
  store<u64>(ep, key);
  store<u64>(ep, val, 8);
  store<u32>(ep, <u32>h, 16);
  dictInsertIndex(d, <u32>h, n);
  store<u32>(d, n + 1, 20);
  store<u32>(d, dictLen(d) + 1, 16);
  return true;
}
/** 1 removed, 0 absent, -1 raised. */
export function dictDel(d: usize, key: Value): i32 {
  let h = valueHash(key);
  if (h == -1) return -1;
  let e = dictFind(d, key, <u32>h);
  if (e == -2) return -1;
  if (e < 0) return 0;
  let ep = dictEntries(d) + <usize>e * ENTRY;
  store<u64>(ep, NULL);
  store<u64>(ep, NULL, 8);
  store<u32>(d, dictLen(d) - 1, 16);
  return 1;
}
export function dictClear(d: usize): void {
  dictFree(d);
  store<u32>(d, 0, 16);
  store<u32>(d, 0, 20);
  dictAllocTables(d, 4);
}

// ---- small fixed objects ---------------------------------------------------------------------
export function newCell(v: Value): usize {
  let c = gcAlloc(HDR + 8, T_cell);
  if (c == 0) { raiseMemoryError(); return 0; }
  store<u64>(c, v, 16);
  return c;
}
@inline export function cellGet(c: usize): Value { return load<u64>(c, 16); }
@inline export function cellSet(c: usize, v: Value): void { store<u64>(c, v, 16); }

// function: +16 code +20 globals +24 defaults(tuple|0) +28 kwdefaults(dict|0) +32 closure(tuple|0)
//           +36 name +40 qualname +44 dict(0 until an attribute is stored)
export const FUNC_SIZE: usize = 48;
@inline export function funcCode(f: usize): usize { return <usize>load<u32>(f, 16); }
@inline export function funcGlobals(f: usize): usize { return <usize>load<u32>(f, 20); }
@inline export function funcDefaults(f: usize): usize { return <usize>load<u32>(f, 24); }
@inline export function funcKwDefaults(f: usize): usize { return <usize>load<u32>(f, 28); }
@inline export function funcClosure(f: usize): usize { return <usize>load<u32>(f, 32); }
@inline export function funcName(f: usize): usize { return <usize>load<u32>(f, 36); }
@inline export function funcQualname(f: usize): usize { return <usize>load<u32>(f, 40); }

// bound method: +16 u64 self, +24 u64 function
export function newBound(self: Value, fn: Value): Value {
  let b = gcAlloc(HDR + 16, T_method);
  if (b == 0) return raiseMemoryError();
  store<u64>(b, self, 16);
  store<u64>(b, fn, 24);
  return mkPtr(b);
}
@inline export function boundSelf(b: usize): Value { return load<u64>(b, 16); }
@inline export function boundFunc(b: usize): Value { return load<u64>(b, 24); }

// instance: +16 u32 dict. Exception instance: +16 dict, +24 args, +32 __context__, +40 __cause__,
// +48 __traceback__ (u64 each), +56 u32 __suppress_context__, +64 room for the exception's first
// traceback object (excTraceback): a header whose type word is 0 until it is used, gc word
// GC_INTERIOR, then the traceback fields. Most exceptions get exactly one traceback entry, and
// making it a separate object cost an allocation and a sweep per raise (bench exitpaths).
export const INST_SIZE: usize = 24;
export const EXC_SIZE: usize = 96;
export const EXC_INNER_TB: usize = 64;
/** The instance dict; 0 for an exception that never had an attribute stored. */
@inline export function instDict(o: usize): usize { return <usize>load<u32>(o, 16); }
/** The instance dict, created if missing (0 only when memory ran out). */
export function instDictOrNew(o: usize): usize {
  let d = <usize>load<u32>(o, 16);
  if (d == 0) {
    d = newDict();
    if (d == 0) return 0;
    store<u32>(o, <u32>d, 16);
  }
  return d;
}
@inline export function excArgs(e: usize): Value { return load<u64>(e, 24); }
@inline export function excContext(e: usize): Value { return load<u64>(e, 32); }
@inline export function excCause(e: usize): Value { return load<u64>(e, 40); }
@inline export function excTb(e: usize): Value { return load<u64>(e, 48); }
@inline export function excSuppress(e: usize): bool { return load<u32>(e, 56) != 0; }
@inline export function setExcArgs(e: usize, v: Value): void { store<u64>(e, v, 24); }
@inline export function setExcContext(e: usize, v: Value): void { store<u64>(e, v, 32); }
@inline export function setExcCause(e: usize, v: Value): void { store<u64>(e, v, 40); }
@inline export function setExcTb(e: usize, v: Value): void { store<u64>(e, v, 48); }
@inline export function setExcSuppress(e: usize, b: bool): void { store<u32>(e, b ? 1 : 0, 56); }

/** A fresh instance of class t (its layout chosen by the class kind). 0 on MemoryError. */
export function newInstance(t: usize): usize {
  if ((typeFlags(t) & TF_EXC) != 0) return newException(t);
  let o = gcAlloc(INST_SIZE, t);
  if (o == 0) { raiseMemoryError(); return 0; }
  let d = newDict();
  if (d == 0) return 0;
  store<u32>(o, <u32>d, 16);
  return o;
}
/** A fresh instance of exception class t with no arguments. 0 on MemoryError. Every field is
 * stored here, so the allocation skips zeroing. An exception's dict is made on its first
 * attribute store (instDictOrNew): most never get one, and raise-heavy loops paid three
 * allocations for it (bench exitpath cm_swallow). */
export function newException(t: usize): usize {
  let o = gcAllocFilled(EXC_SIZE, t);
  if (o == 0) { raiseMemoryError(); return 0; }
  store<u64>(o, 0, 16); // no dict yet; +20 unused
  store<u64>(o, mkPtr(emptyTuple), 24);
  store<u64>(o, NONE, 32);
  store<u64>(o, NONE, 40);
  store<u64>(o, NONE, 48);
  store<u64>(o, 0, 56); // __suppress_context__ false; +60 unused
  store<u64>(o, <u64>GC_INTERIOR << 32, EXC_INNER_TB); // inner traceback: unused (type 0)
  store<u64>(o, 0, EXC_INNER_TB + 8); // its next (unused) and aux words
  return o;
}

// traceback: +16 u32 next (tb|0), +20 u32 code, +24 u32 unit index of the instruction
// (one per frame an exception passes: every field is stored, so the allocation skips zeroing)
export function newTraceback(next: Value, code: usize, unit: u32): Value {
  let t = gcAllocFilled(HDR + 16, T_traceback);
  if (t == 0) return NULL;
  store<u32>(t, isPtr(next) ? <u32>ptrOf(next) : 0, 16);
  store<u32>(t, <u32>code, 20);
  store<u64>(t, <u64>unit, 24); // +28 unused
  return mkPtr(t);
}
/** A traceback entry for exception e in front of its current traceback: the room inside e the
 * first time (no allocation), a new object after that. NULL on MemoryError. */
export function excTraceback(e: usize, code: usize, unit: u32): Value {
  let next = excTb(e);
  let t = e + EXC_INNER_TB;
  if (load<u32>(t) != 0) return newTraceback(next, code, unit);
  store<u32>(t, <u32>T_traceback);
  store<u32>(t, isPtr(next) ? <u32>ptrOf(next) : 0, 16);
  store<u32>(t, <u32>code, 20);
  store<u64>(t, <u64>unit, 24);
  return mkPtr(t);
}

// builtin function: +16 u32 id, +20 u32 name (str), +24 u64 bound self (NULL if none)
export function newBuiltin(id: i32, name: usize, self: Value): usize {
  let b = gcAlloc(HDR + 16, T_builtin);
  if (b == 0) { raiseMemoryError(); return 0; }
  store<i32>(b, id, 16);
  store<u32>(b, <u32>name, 20);
  store<u64>(b, self, 24);
  return b;
}
@inline export function builtinId(b: usize): i32 { return load<i32>(b, 16); }
@inline export function builtinName(b: usize): usize { return <usize>load<u32>(b, 20); }
@inline export function builtinSelf(b: usize): Value { return load<u64>(b, 24); }

// range / range iterator: +16 i64 start (or current), +24 i64 stop, +32 i64 step
export function newRangeObj(t: usize, a: i64, b: i64, c: i64): Value {
  let r = gcAlloc(HDR + 24, t);
  if (r == 0) return raiseMemoryError();
  store<i64>(r, a, 16);
  store<i64>(r, b, 24);
  store<i64>(r, c, 32);
  return mkPtr(r);
}
// sequence iterator: +16 u64 sequence, +24 u32 position
export function newSeqIter(seq: Value): Value {
  let it = gcAlloc(HDR + 16, T_seqiter);
  if (it == 0) return raiseMemoryError();
  store<u64>(it, seq, 16);
  return mkPtr(it);
}
// slice: +16 start +24 stop +32 step (u64 values)
export function newSlice(a: Value, b: Value, c: Value): Value {
  let s = gcAlloc(HDR + 24, T_slice);
  if (s == 0) return raiseMemoryError();
  store<u64>(s, a, 16);
  store<u64>(s, b, 24);
  store<u64>(s, c, 32);
  return mkPtr(s);
}
// staticmethod / classmethod: +16 u64 function. property: +16 fget +24 fset +32 fdel.
export function newWrapper(t: usize, a: Value, b: Value, c: Value): Value {
  let w = gcAlloc(HDR + 24, t);
  if (w == 0) return raiseMemoryError();
  store<u64>(w, a, 16);
  store<u64>(w, b, 24);
  store<u64>(w, c, 32);
  return mkPtr(w);
}
// module: +16 u32 dict, +20 u32 name
export function newModule(name: usize, d: usize): usize {
  let m = gcAlloc(HDR + 8, T_module);
  store<u32>(m, <u32>d, 16);
  store<u32>(m, <u32>name, 20);
  return m;
}

// ---- conversions used by several opcodes -----------------------------------------------------
import { getIter, iterNext } from "./ops";
import { raiseValue } from "./errors";

/** Appends every item of iterable v to list l. */
export function listExtend(l: usize, v: Value): bool {
  if (isPtr(v)) {
    let p = ptrOf(v), t = objType(p);
    if (t == T_list || t == T_tuple) {
      let n = t == T_list ? listLen(p) : tupLen(p);
      let src = t == T_list ? listItems(p) : tupItems(p);
      let old = listLen(l);
      if (!listReserve(l, old + n)) return false;
      src = t == T_list ? listItems(p) : tupItems(p); // l may be p
      memory.copy(listItems(l) + (<usize>old << 3), src, <usize>n << 3);
      listSetLen(l, old + n);
      return true;
    }
  }
  let it = getIter(v);
  if (it == ERR) return false;
  while (true) {
    let x = iterNext(it);
    if (x == ERR) return false;
    if (x == NULL) return true;
    if (!listAppend(l, x)) return false;
  }
  return true;
}
export function toListValue(v: Value): Value {
  let l = newList(4);
  if (l == 0 || !listExtend(l, v)) return ERR;
  return mkPtr(l);
}
export function toTupleValue(v: Value): Value {
  if (isPtr(v) && objType(ptrOf(v)) == T_tuple) return v;
  let l = toListValue(v);
  if (l == ERR) return ERR;
  let t = tupleFrom(listItems(ptrOf(l)), listLen(ptrOf(l)));
  return t == 0 ? ERR : mkPtr(t);
}
export function gcAllocFunc(): usize {
  let f = gcAlloc(FUNC_SIZE, T_function);
  if (f == 0) raiseMemoryError();
  return f;
}
/** The __build_class__ builtin, pushed by LOAD_BUILD_CLASS (set up by builtins.ts). */
export let buildClassFn: Value = NULL;
export function setBuildClassFn(v: Value): void { buildClassFn = v; }
export function raiseInstance(v: Value): Value { return raiseValue(v); }

// ---- start-up ---------------------------------------------------------------------------------
/** Stores the raw builtin type objects builtins.ts created, in its fixed order. */
export function setTypes(t: Array<usize>): void {
  T_type = t[0]; T_object = t[1]; T_int = t[2]; T_bool = t[3]; T_float = t[4]; T_str = t[5];
  T_none = t[6]; T_tuple = t[7]; T_list = t[8]; T_dict = t[9]; T_set = t[10]; T_frozenset = t[11];
  T_function = t[12]; T_code = t[13]; T_cell = t[14]; T_method = t[15]; T_range = t[16];
  T_rangeiter = t[17]; T_seqiter = t[18]; T_slice = t[19]; T_builtin = t[20]; T_traceback = t[21];
  T_staticmethod = t[22]; T_classmethod = t[23]; T_property = t[24]; T_super = t[25]; T_module = t[26];
  T_ellipsis = t[27]; T_notimpl = t[28]; T_generator = t[29];
  T_dict_keys = t[30]; T_dict_values = t[31]; T_dict_items = t[32];
  // objects allocated before T_type existed get their type now
  for (let i = 0; i < t.length; i++) store<u32>(t[i], <u32>T_type);
}
export function initInternTable(): void { internTable = newDict(); }
let emptyStrObj: usize = 0;
export function initEmptyTuple(): void {
  emptyTuple = newTuple(0);
  emptyStrObj = intern(newStrUninit(0));
}
export function emptyStr(): usize { return emptyStrObj; }

// generator: see vm.ts (+16 frame block, +20 state, +24 code, +28 qualname)
/** A generator with room for its suspended frame (frameBytes) inline after the 16 bytes of fields:
 * one allocation from the size classes instead of a TLSF block per generator. */
export function gcAllocGen(frameBytes: usize): usize {
  let g = gcAlloc(HDR + 16 + frameBytes, T_generator, false); // the frame is copied in whole
  if (g == 0) raiseMemoryError();
  else trackGenerator(g);
  return g;
}
