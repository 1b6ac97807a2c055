// The lazy iterator objects zip, enumerate, map, filter and reversed: each holds its source
// iterators and produces one item per next() without reading its input ahead, so zip(it, it)
// pairs consecutive items and infinite iterators work. Construction is called from builtins.ts.

import { Value, NONE, NULL, ERR, isPtr, ptrOf, mkPtr, isBool } from "./value";
import { gcAlloc, objType, HDR } from "./heap";
import * as O from "./objects";
import { K, T_list, T_tuple, T_str, T_dict, T_range, T_rangeiter, TYPE_SIZE, typeOf, typeKind, lookupType,
  isSubtype, isIntV, intOf, mkInt, newTuple, tupLen, tupGet, tupSet, tupItems, listLen, listGet } from "./objects";
import * as P from "./ops";
import * as N from "./names";
import { raiseText, raiseTypeObj, raiseMemoryError, E_TypeError, E_IndexError, E_StopIteration, curExc,
  clearCurExc } from "./errors";
import { callNested, callNested1, callNested2 } from "./vm";
import { B, arg, kwArg, rawType, finishType, bLen } from "./builtins";

// layout: +16 Value a (map/filter: the function), +24 Value b (zip/map: tuple of iterators;
// enumerate/filter: the iterator; reversed: the sequence), +32 i64 n (enumerate: next count;
// reversed: next index, -1 once exhausted)
export let T_zip: usize = 0;
export let T_enumerate: usize = 0;
export let T_map: usize = 0;
export let T_filter: usize = 0;
export let T_reversed: usize = 0;
export let T_listrev: usize = 0;

/** Cold start-up: the five iterator types (named like CPython's, not published as builtins,
 * where the names stay the constructor functions). */
export function initLazyIterTypes(): void {
  T_zip = rawType(K.LAZYITER, 0); finishType(T_zip, "zip", O.T_object, false);
  T_enumerate = rawType(K.LAZYITER, 0); finishType(T_enumerate, "enumerate", O.T_object, false);
  T_map = rawType(K.LAZYITER, 0); finishType(T_map, "map", O.T_object, false);
  T_filter = rawType(K.LAZYITER, 0); finishType(T_filter, "filter", O.T_object, false);
  T_reversed = rawType(K.LAZYITER, 0); finishType(T_reversed, "reversed", O.T_object, false);
  // reversed(list) has its own type name in CPython; it iterates like reversed
  T_listrev = rawType(K.LAZYITER, 0); finishType(T_listrev, "list_reverseiterator", O.T_object, false);
}
/** GC roots (gc.ts collect). */
export function lazyIterTypes(i: i32): usize {
  return i == 0 ? T_zip : i == 1 ? T_enumerate : i == 2 ? T_map : i == 3 ? T_filter : i == 4 ? T_reversed : T_listrev;
}

function newLazy(t: usize, a: Value, b: Value, n: i64): Value {
  let p = gcAlloc(HDR + 24, t);
  if (p == 0) return raiseMemoryError();
  store<u64>(p, a, 16);
  store<u64>(p, b, 24);
  store<i64>(p, n, 32);
  return mkPtr(p);
}

/** A tuple of iter(x) for args[from..npos). */
function iterTuple(args: usize, from: u32, npos: u32): Value {
  let t = newTuple(npos - from);
  if (t == 0) return ERR;
  for (let i = from; i < npos; i++) {
    let it = P.getIter(arg(args, i));
    if (it == ERR) return ERR;
    tupSet(t, i - from, it);
  }
  return mkPtr(t);
}

/** zip(), enumerate(), map(), filter(), reversed() calls. */
export function lazyConstruct(id: i32, args: usize, npos: u32, nargs: u32, kwnames: usize): Value {
  switch (id) {
    case B.ZIP: {
      let its = iterTuple(args, 0, npos);
      if (its == ERR) return ERR;
      return newLazy(T_zip, NONE, its, 0);
    }
    case B.ENUMERATE: {
      let src: Value = npos > 0 ? arg(args, 0) : kwArg(args, nargs, kwnames, O.internText("iterable"));
      if (src == NULL) return raiseText(E_TypeError, "enumerate() missing required argument 'iterable'");
      if (npos > 2) {
        return raiseText(E_TypeError, npos == 3 ? "enumerate() takes at most 2 arguments (3 given)" :
          "enumerate() takes at most 2 arguments");
      }
      let sv: Value = npos == 2 ? arg(args, 1) : kwArg(args, nargs, kwnames, O.internText("start"));
      let start: i64 = 0;
      if (sv != NULL) {
        if (!isIntV(sv) && !isBool(sv)) return raiseTypeObj(E_TypeError, sv, "cannot be interpreted as an integer");
        start = intOf(sv);
      }
      let it = P.getIter(src);
      if (it == ERR) return ERR;
      return newLazy(T_enumerate, NONE, it, start);
    }
    case B.MAP: {
      if (npos < 2) return raiseText(E_TypeError, "map() must have at least two arguments.");
      let its = iterTuple(args, 1, npos);
      if (its == ERR) return ERR;
      return newLazy(T_map, arg(args, 0), its, 0);
    }
    case B.FILTER: {
      if (npos != 2) return raiseText(E_TypeError, npos < 2 ? (npos == 0 ? "filter expected 2 arguments, got 0" :
        "filter expected 2 arguments, got 1") : "filter expected 2 arguments, got 3");
      let it = P.getIter(arg(args, 1));
      if (it == ERR) return ERR;
      return newLazy(T_filter, arg(args, 0), it, 0);
    }
  }
  // reversed
  if (npos != 1) return raiseText(E_TypeError, npos == 0 ? "reversed expected 1 argument, got 0" :
    "reversed expected 1 argument, got 2");
  let seq = arg(args, 0);
  if (isPtr(seq)) {
    let p = ptrOf(seq), t = objType(p);
    if (t == T_list) return newLazy(T_listrev, NONE, seq, <i64>listLen(p) - 1);
    if (t == T_tuple) return newLazy(T_reversed, NONE, seq, <i64>tupLen(p) - 1);
    if (t == T_range) {
      let a = load<i64>(p, 16), b = load<i64>(p, 24), s = load<i64>(p, 32);
      let n: i64 = s > 0 ? (b > a ? (b - a - 1) / s + 1 : 0) : (a > b ? (a - b - 1) / (-s) + 1 : 0);
      if (n == 0) return O.newRangeObj(T_rangeiter, 0, 0, 1);
      return O.newRangeObj(T_rangeiter, a + (n - 1) * s, a - s, -s);
    }
    if (t == T_str || t == T_dict || typeKind(t) == K.DICTVIEW) {
      // immutable text, or a snapshot of the keys: reversing a copy gives the same items
      let l = O.toListValue(seq);
      if (l == ERR) return ERR;
      return newLazy(T_reversed, NONE, l, <i64>listLen(ptrOf(l)) - 1);
    }
    let k = typeKind(t);
    if (k == K.INST || k == K.EXC) {
      let rf = lookupType(t, O.internText("__reversed__"));
      if (rf != NULL) {
        if (rf == NONE) return raiseTypeObj(E_TypeError, seq, "is not reversible");
        return callNested1(rf, seq);
      }
      if (lookupType(t, N.S___getitem__) != NULL && lookupType(t, N.S___len__) != NULL) {
        let n = bLen(seq);
        if (n == ERR) return ERR;
        return newLazy(T_reversed, NONE, seq, intOf(n) - 1);
      }
    }
  }
  return raiseTypeObj(E_TypeError, seq, "is not reversible");
}

/** The next item of a lazy iterator, NULL when exhausted, ERR when raised. */
export function lazyNext(p: usize): Value {
  let t = objType(p);
  let b = load<u64>(p, 24);
  if (t == T_zip || t == T_map) {
    let its = ptrOf(b), k = tupLen(its);
    if (k == 0) return NULL;
    let items = newTuple(k);
    if (items == 0) return ERR;
    for (let i: u32 = 0; i < k; i++) {
      let v = P.iterNext(tupGet(its, i));
      if (v == ERR || v == NULL) return v;
      tupSet(items, i, v);
    }
    if (t == T_zip) return mkPtr(items);
    let f = load<u64>(p, 16);
    return k == 1 ? callNested1(f, tupGet(items, 0)) : callNested(f, tupItems(items), k);
  }
  if (t == T_enumerate) {
    let v = P.iterNext(b);
    if (v == ERR || v == NULL) return v;
    let n = load<i64>(p, 32);
    let pair = newTuple(2);
    if (pair == 0) return ERR;
    tupSet(pair, 0, mkInt(n));
    tupSet(pair, 1, v);
    store<i64>(p, n + 1, 32);
    return mkPtr(pair);
  }
  if (t == T_filter) {
    let f = load<u64>(p, 16);
    while (true) {
      let v = P.iterNext(b);
      if (v == ERR || v == NULL) return v;
      let keep: i32;
      if (f == NONE) keep = P.truthy(v);
      else {
        let r = callNested1(f, v);
        if (r == ERR) return ERR;
        keep = P.truthy(r);
      }
      if (keep < 0) return ERR;
      if (keep == 1) return v;
    }
  }
  // reversed
  let i = load<i64>(p, 32);
  if (i < 0) return NULL;
  let s = ptrOf(b), st = objType(s);
  if (st == T_list || st == T_tuple) {
    let n = st == T_list ? listLen(s) : tupLen(s);
    if (i >= <i64>n) { store<i64>(p, -1, 32); return NULL; }
    store<i64>(p, i - 1, 32);
    return st == T_list ? listGet(s, <u32>i) : tupGet(s, <u32>i);
  }
  let r = callNested2(lookupType(st, N.S___getitem__), b, mkInt(i));
  if (r == ERR) {
    if (isSubtype(typeOf(curExc), E_IndexError) || isSubtype(typeOf(curExc), E_StopIteration)) {
      clearCurExc();
      store<i64>(p, -1, 32);
      return NULL;
    }
    return ERR;
  }
  store<i64>(p, i - 1, 32);
  return r;
}
