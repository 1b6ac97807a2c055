// Builtin functions, builtin-type methods, builtin type construction and the start-up that
// creates every builtin type. To add a builtin: give it an id in `B`, register it in
// initBuiltins (fn / method), and add a case to callBuiltin. Arguments arrive as a pointer to
// `nargs` u64 values (keyword values last, named by the `kwnames` tuple); return a Value, or
// ERR after raising through errors.ts.

import { Value, NONE, NULL, TRUE, FALSE, ERR, NOTIMPL, ELLIPSIS_V, isPtr, isSmallInt, isFloat,
  ptrOf, mkPtr, mkSmallInt, smallIntVal, floatVal, mkFloat, mkBool, isBool } from "./value";
import { gcAlloc, objType, HDR, rawAlloc, rawFree } from "./heap";
import * as O from "./objects";
import { K, T_type, T_object, T_int, T_bool, T_float, T_str, T_none, T_tuple, T_list, T_dict, T_set,
  T_frozenset, T_function, T_code, T_cell, T_method, T_range, T_rangeiter, T_seqiter, T_slice,
  T_builtin, T_traceback, T_staticmethod, T_classmethod, T_property, T_super, T_module, T_ellipsis,
  T_notimpl, TYPE_SIZE, TF_BUILTIN, TF_BASETYPE, TF_EXC, typeOf, typeName, typeKind, typeFlags,
  typeBase, typeDict, lookupType, isSubtype, isIntV, intOf, mkInt, newDict, dictSet, dictGet,
  dictGetStr, dictLen, dictUsed, entryKey, entryVal, newList, listAppend, listLen, listGet, listSet,
  listItems, listSetLen, newTuple, tupLen, tupGet, tupSet, tupItems, strLen, strCps, strData,
  newBuiltin, builtinName, internText, intern, newStr, strFrom, excArgs, excTb, newModule } from "./objects";
import * as P from "./ops";
import * as N from "./names";
import { genThrow, genClose, genBuiltin, GEN_IDS } from "./generators";
import * as I from "./image";
import { strMethod } from "./strmethods";
import { moreBuiltin } from "./morebuiltins";
import { lazyConstruct, initLazyIterTypes } from "./lazyiter";
import { raiseText, raiseBuilt, raiseTypeObj, raiseStr, raiseValue, E_TypeError, E_ValueError,
  E_KeyError, E_IndexError, E_AttributeError, E_StopIteration, E_OverflowError, E_RuntimeError,
  E_ZeroDivisionError, E_GeneratorExit, raiseKeyError, raiseMemoryError, initExceptions, E_BaseException, isExcType, isExcInstance, curExc, clearCurExc } from "./errors";
import { sbMark, sbByte, sbBytes, sbStr, sbText, sbInt, sbTake, sbReset, sbBase } from "./strbuf";
import { callNested, callNested1, callNested2, callNestedKw, curFrame, handledExc, runWithLocals, nestedArgs, releaseNestedArgs, genReturnValue, resumeNested, throwIntoGenerator,
  frameBack } from "./vm";
import { hostWrite, hostFormat, hostParseNumber, hostRoundFloat } from "./host";

export let builtinsDict: usize = 0;
export let sysModule: usize = 0;
/** Every class created by a class statement, so slot caches can be refreshed (cold). */
let userClasses: usize = 0;
/** sys.stdout / sys.stderr: plain objects print(file=...) recognises (no file methods yet). */
let stdoutObj: Value = NULL;
let stderrObj: Value = NULL;
let ioType: usize = 0;

export const enum B {
  // functions
  PRINT, LEN, REPR, ISINSTANCE, ISSUBCLASS, ITER, NEXT, GETATTR, SETATTR, HASATTR, DELATTR, MIN, MAX,
  SUM, SORTED, ENUMERATE, ZIP, REVERSED, ABS, ROUND, DIVMOD, ANY, ALL, MAP, FILTER, ORD, CHR, HEX,
  ID, HASH, CALLABLE, BUILD_CLASS, EXC_INFO, FORMAT, BIN, OCT,
  POW, GLOBALS, LOCALS, VARS, ASCII, OBJECT_NEW,
  // methods
  OBJECT_INIT, EXC_INIT, EXC_WITH_TB,
  LIST_APPEND, LIST_POP, LIST_EXTEND, LIST_INSERT, LIST_REMOVE, LIST_INDEX, LIST_COUNT, LIST_REVERSE,
  LIST_SORT, LIST_COPY, LIST_CLEAR,
  DICT_GET, DICT_ITEMS, DICT_KEYS, DICT_VALUES, DICT_POP, DICT_SETDEFAULT, DICT_UPDATE, DICT_COPY, DICT_CLEAR,
  SET_ADD, SET_DISCARD, SET_REMOVE,
  STR_JOIN, STR_UPPER, STR_LOWER, STR_STRIP, STR_LSTRIP, STR_RSTRIP, STR_SPLIT, STR_STARTSWITH,
  STR_ENDSWITH, STR_REPLACE, STR_FIND, STR_FORMAT, STR_ISDIGIT, STR_COUNT, STR_TITLE, STR_CAPITALIZE,
  STR_LJUST, STR_RJUST, STR_CENTER, STR_ISALPHA, STR_ISSPACE, STR_INDEX, STR_SPLITLINES,
  TUPLE_INDEX, TUPLE_COUNT,
  IO_WRITE, IO_FLUSH,
  SET_UNION, SET_INTERSECTION, SET_DIFFERENCE, SET_SYMDIFF, SET_ISSUBSET, SET_ISSUPERSET, SET_UPDATE,
  SET_COPY, SET_CLEAR, SET_POP,
  GEN_SEND, GEN_THROW, GEN_CLOSE,
  PROP_GETTER, PROP_SETTER, PROP_DELETER, DICT_POPITEM, SET_ISDISJOINT,
  STR_RSPLIT, STR_PARTITION, STR_RPARTITION, STR_ZFILL, STR_ISUPPER, STR_ISLOWER, STR_ISALNUM,
  STR_ISNUMERIC, STR_ISDECIMAL, STR_ISTITLE, STR_ISASCII, STR_SWAPCASE, STR_CASEFOLD, STR_EXPANDTABS,
  STR_RFIND, STR_RINDEX, STR_REMOVEPREFIX, STR_REMOVESUFFIX,
  DICT_FROMKEYS, SET_INTERSECTION_UPDATE, SET_DIFFERENCE_UPDATE, SET_SYMDIFF_UPDATE, FROZENSET_COPY,
  RANGE_INDEX, RANGE_COUNT, OBJECT_SETATTR, OBJECT_DELATTR,
}
export const OBJECT_INIT_ID: i32 = B.OBJECT_INIT;
/** Ids from here on are methods: called unbound, their first argument is self. */
export const FIRST_METHOD_ID: i32 = B.OBJECT_INIT;
export const EXC_INIT_ID: i32 = B.EXC_INIT;

export function rawType(kind: u32, flags: u32): usize {
  let t = gcAlloc(TYPE_SIZE, 0);
  store<u32>(t, kind, 28);
  store<u32>(t, flags | TF_BUILTIN, 32);
  store<u64>(t, NULL, 40);
  store<u64>(t, NULL, 48);
  store<u64>(t, NULL, 56);
  return t;
}
export function finishType(t: usize, name: string, base: usize, publish: bool = true): void {
  store<u32>(t, <u32>T_type);
  store<u32>(t, <u32>internText(name), 16);
  store<u32>(t, <u32>base, 20);
  store<u32>(t, <u32>newDict(), 24);
  dictSet(typeDict(t), mkPtr(N.S___qualname__), mkPtr(O.typeName(t)));
  if (publish) dictSet(builtinsDict, mkPtr(O.typeName(t)), mkPtr(t));
}
function fn(id: i32, name: string): void {
  let s = internText(name);
  dictSet(builtinsDict, mkPtr(s), mkPtr(newBuiltin(id, s, NULL)));
}
function method(t: usize, id: i32, name: string): void {
  let s = internText(name);
  dictSet(typeDict(t), mkPtr(s), mkPtr(newBuiltin(id, s, NULL)));
}

import { setTypes } from "./objects";

/** Cold start-up: types, names, exceptions, builtins dict, sys module. */
export function initBuiltins(): void {
  let K_ = [K.TYPE, K.INST, K.INT, K.BOOL, K.FLOAT, K.STR, K.NONETYPE, K.TUPLE, K.LIST, K.DICT, K.SET,
    K.SET, K.FUNC, K.CODE, K.CELL, K.BOUND, K.RANGE, K.RANGEITER, K.SEQITER, K.SLICE, K.BUILTIN, K.TB,
    K.SMETH, K.CMETH, K.PROP, K.SUPER, K.MODULE, K.OTHER, K.OTHER, K.GEN, K.DICTVIEW, K.DICTVIEW, K.DICTVIEW];
  let types = new Array<usize>(K_.length);
  for (let i = 0; i < K_.length; i++) types[i] = rawType(<u32>K_[i], i == 1 ? TF_BASETYPE : 0);
  setTypes(types);
  // str and dict exist now, so interning works
  O.initInternTable();
  N.initNames();
  builtinsDict = newDict();
  O.initEmptyTuple();
  let names = ["type", "object", "int", "bool", "float", "str", "NoneType", "tuple", "list", "dict", "set",
    "frozenset", "function", "code", "cell", "method", "range", "range_iterator", "iterator", "slice",
    "builtin_function_or_method", "traceback", "staticmethod", "classmethod", "property", "super", "module",
    "ellipsis", "NotImplementedType", "generator", "dict_keys", "dict_values", "dict_items"];
  for (let i = 0; i < names.length; i++) finishType(types[i], names[i], i == 1 ? 0 : (i == 3 ? types[2] : types[1]));
  // names that are not builtins
  for (let i = 6; i < names.length; i++) {
    if (i == 7 || i == 8 || i == 9 || i == 10 || i == 11 || i == 16 || i == 19 || i == 22 || i == 23 || i == 24 || i == 25) continue;
    O.dictDel(builtinsDict, mkPtr(O.typeName(types[i])));
  }
  initExceptions(builtinsDict);
  initLazyIterTypes();
  {
    // object.__new__ is a staticmethod: cls.__new__(cls) and super().__new__(cls) pass cls
    let s = internText("__new__");
    objectNew = O.newWrapper(T_staticmethod, mkPtr(newBuiltin(B.OBJECT_NEW, s, NULL)), NONE, NONE);
    dictSet(typeDict(T_object), mkPtr(s), objectNew);
    // object.__setattr__/__delattr__: the plain stores an overriding __setattr__ falls back on
    let sa = internText("__setattr__"), da = internText("__delattr__");
    objectSetattr = mkPtr(newBuiltin(B.OBJECT_SETATTR, sa, NULL));
    objectDelattr = mkPtr(newBuiltin(B.OBJECT_DELATTR, da, NULL));
    dictSet(typeDict(T_object), mkPtr(sa), objectSetattr);
    dictSet(typeDict(T_object), mkPtr(da), objectDelattr);
  }
  fn(B.POW, "pow"); fn(B.GLOBALS, "globals"); fn(B.LOCALS, "locals"); fn(B.VARS, "vars"); fn(B.ASCII, "ascii");
  dictSet(builtinsDict, mkPtr(internText("None")), NONE);
  dictSet(builtinsDict, mkPtr(internText("True")), TRUE);
  dictSet(builtinsDict, mkPtr(internText("False")), FALSE);
  dictSet(builtinsDict, mkPtr(internText("NotImplemented")), NOTIMPL);
  dictSet(builtinsDict, mkPtr(internText("Ellipsis")), ELLIPSIS_V);
  fn(B.PRINT, "print"); fn(B.LEN, "len"); fn(B.REPR, "repr"); fn(B.ISINSTANCE, "isinstance");
  fn(B.ISSUBCLASS, "issubclass"); fn(B.ITER, "iter"); fn(B.NEXT, "next"); fn(B.GETATTR, "getattr");
  fn(B.SETATTR, "setattr"); fn(B.HASATTR, "hasattr"); fn(B.DELATTR, "delattr"); fn(B.MIN, "min");
  fn(B.MAX, "max"); fn(B.SUM, "sum"); fn(B.SORTED, "sorted"); fn(B.ENUMERATE, "enumerate");
  fn(B.ZIP, "zip"); fn(B.REVERSED, "reversed"); fn(B.ABS, "abs"); fn(B.ROUND, "round");
  fn(B.DIVMOD, "divmod"); fn(B.ANY, "any"); fn(B.ALL, "all"); fn(B.MAP, "map"); fn(B.FILTER, "filter");
  fn(B.ORD, "ord"); fn(B.CHR, "chr"); fn(B.HEX, "hex"); fn(B.ID, "id"); fn(B.HASH, "hash");
  fn(B.CALLABLE, "callable"); fn(B.FORMAT, "format"); fn(B.BIN, "bin"); fn(B.OCT, "oct");
  let bc = internText("__build_class__");
  O.setBuildClassFn(mkPtr(newBuiltin(B.BUILD_CLASS, bc, NULL)));
  method(T_object, B.OBJECT_INIT, "__init__");
  method(E_BaseException, B.EXC_INIT, "__init__");
  method(E_BaseException, B.EXC_WITH_TB, "with_traceback");
  method(T_list, B.LIST_APPEND, "append"); method(T_list, B.LIST_POP, "pop");
  method(T_list, B.LIST_EXTEND, "extend"); method(T_list, B.LIST_INSERT, "insert");
  method(T_list, B.LIST_REMOVE, "remove"); method(T_list, B.LIST_INDEX, "index");
  method(T_list, B.LIST_COUNT, "count"); method(T_list, B.LIST_REVERSE, "reverse");
  method(T_list, B.LIST_SORT, "sort"); method(T_list, B.LIST_COPY, "copy"); method(T_list, B.LIST_CLEAR, "clear");
  method(T_dict, B.DICT_GET, "get"); method(T_dict, B.DICT_ITEMS, "items"); method(T_dict, B.DICT_KEYS, "keys");
  method(T_dict, B.DICT_VALUES, "values"); method(T_dict, B.DICT_POP, "pop");
  method(T_dict, B.DICT_SETDEFAULT, "setdefault"); method(T_dict, B.DICT_UPDATE, "update");
  method(T_dict, B.DICT_COPY, "copy"); method(T_dict, B.DICT_CLEAR, "clear");
  method(T_set, B.SET_ADD, "add"); method(T_set, B.SET_DISCARD, "discard"); method(T_set, B.SET_REMOVE, "remove");
  method(T_str, B.STR_JOIN, "join"); method(T_str, B.STR_UPPER, "upper"); method(T_str, B.STR_LOWER, "lower");
  method(T_str, B.STR_STRIP, "strip"); method(T_str, B.STR_LSTRIP, "lstrip"); method(T_str, B.STR_RSTRIP, "rstrip");
  method(T_str, B.STR_SPLIT, "split"); method(T_str, B.STR_STARTSWITH, "startswith");
  method(T_str, B.STR_ENDSWITH, "endswith"); method(T_str, B.STR_REPLACE, "replace");
  method(T_str, B.STR_FIND, "find"); method(T_str, B.STR_FORMAT, "format"); method(T_str, B.STR_ISDIGIT, "isdigit");
  method(T_str, B.STR_COUNT, "count"); method(T_str, B.STR_TITLE, "title"); method(T_str, B.STR_CAPITALIZE, "capitalize");
  method(T_str, B.STR_LJUST, "ljust"); method(T_str, B.STR_RJUST, "rjust"); method(T_str, B.STR_CENTER, "center");
  method(T_str, B.STR_ISALPHA, "isalpha"); method(T_str, B.STR_ISSPACE, "isspace"); method(T_str, B.STR_INDEX, "index");
  method(T_str, B.STR_SPLITLINES, "splitlines");
  let strNames = ["rsplit", "partition", "rpartition", "zfill", "isupper", "islower", "isalnum", "isnumeric",
    "isdecimal", "istitle", "isascii", "swapcase", "casefold", "expandtabs", "rfind", "rindex", "removeprefix",
    "removesuffix"];
  for (let i = 0; i < strNames.length; i++) method(T_str, <i32>B.STR_RSPLIT + i, strNames[i]);
  method(T_tuple, B.TUPLE_INDEX, "index"); method(T_tuple, B.TUPLE_COUNT, "count");
  let sysd = newDict();
  let ei = internText("exc_info");
  dictSet(sysd, mkPtr(ei), mkPtr(newBuiltin(B.EXC_INFO, ei, NULL)));
  // sys.stdout / sys.stderr: instances of a small builtin text-stream type with write/flush
  let io = O.newType(internText("TextIOWrapper"), T_object, K.INST, TF_BUILTIN);
  dictSet(typeDict(io), mkPtr(N.S___qualname__), mkPtr(O.typeName(io)));
  method(io, B.IO_WRITE, "write");
  method(io, B.IO_FLUSH, "flush");
  ioType = io;
  stdoutObj = mkPtr(O.newInstance(io));
  stderrObj = mkPtr(O.newInstance(io));
  let setNames = ["union", "intersection", "difference", "symmetric_difference", "issubset", "issuperset",
    "update", "copy", "clear", "pop"];
  for (let i = 0; i < setNames.length; i++) method(T_set, <i32>B.SET_UNION + i, setNames[i]);
  for (let i = 0; i < 6; i++) method(T_frozenset, <i32>B.SET_UNION + i, setNames[i]);
  method(T_property, B.PROP_GETTER, "getter");
  method(T_property, B.PROP_SETTER, "setter");
  method(T_property, B.PROP_DELETER, "deleter");
  method(T_dict, B.DICT_POPITEM, "popitem");
  {
    // a classmethod, so dict.fromkeys(...) and d.fromkeys(...) both receive the class as self
    let s = internText("fromkeys");
    dictSet(typeDict(T_dict), mkPtr(s), O.newWrapper(T_classmethod, mkPtr(newBuiltin(B.DICT_FROMKEYS, s, NULL)), NONE, NONE));
  }
  method(T_set, B.SET_ISDISJOINT, "isdisjoint");
  method(T_frozenset, B.SET_ISDISJOINT, "isdisjoint");
  method(T_set, B.SET_INTERSECTION_UPDATE, "intersection_update");
  method(T_set, B.SET_DIFFERENCE_UPDATE, "difference_update");
  method(T_set, B.SET_SYMDIFF_UPDATE, "symmetric_difference_update");
  method(T_frozenset, B.FROZENSET_COPY, "copy");
  method(T_range, B.RANGE_INDEX, "index");
  method(T_range, B.RANGE_COUNT, "count");
  method(O.T_generator, B.GEN_SEND, "send");
  method(O.T_generator, B.GEN_THROW, "throw");
  method(O.T_generator, B.GEN_CLOSE, "close");
  dictSet(sysd, mkPtr(internText("stdout")), stdoutObj);
  dictSet(sysd, mkPtr(internText("stderr")), stderrObj);
  addSysAttrs(sysd);
  sysModule = newModule(N.S_sys, sysd);
  userClasses = newList(8);
}

export function gcRootsBuiltins(): usize { return builtinsDict; }
export function gcRootSys(): usize { return sysModule; }
export function gcRootClasses(): usize { return userClasses; }

/** Re-resolves the cached special-method slots of every class (after a class attribute store). */
export function refreshAllSlots(): void {
  for (let i: u32 = 0; i < listLen(userClasses); i++) refreshSlots(ptrOf(listGet(userClasses, i)));
}
/** object.__new__ as stored in object's dict (classes whose MRO finds another get TF_NEW). */
let objectNew: Value = NULL;
let objectSetattr: Value = NULL;
let objectDelattr: Value = NULL;
function refreshSlots(t: usize): void {
  let nw = lookupType(t, internText("__new__"));
  let sa = lookupType(t, internText("__setattr__"));
  let da = lookupType(t, internText("__delattr__"));
  let fl = load<u32>(t, 32) & ~(O.TF_NEW | O.TF_SETATTR | O.TF_DELATTR);
  if (nw != NULL && nw != objectNew) fl |= O.TF_NEW;
  if (sa != NULL && sa != objectSetattr) fl |= O.TF_SETATTR;
  if (da != NULL && da != objectDelattr) fl |= O.TF_DELATTR;
  let enter = lookupType(t, N.S___enter__), exit = lookupType(t, N.S___exit__);
  fl &= ~O.TF_WITH_FAST;
  if (isPlainFunction(enter, 1) && isPlainFunction(exit, 4)) fl |= O.TF_WITH_FAST;
  store<u32>(t, fl, 32);
  store<u64>(t, enter, 40);
  store<u64>(t, exit, 48);
  store<u64>(t, lookupType(t, N.S___init__), 56);
}
function isPlainFunction(v: Value, argc: u32): bool {
  return isPtr(v) && objType(ptrOf(v)) == O.T_function && I.codePlainArgc(O.funcCode(ptrOf(v))) == argc;
}

// ---- helpers for argument handling -----------------------------------------------------------
@inline export function arg(args: usize, i: u32): Value { return load<u64>(args + (<usize>i << 3)); }
function kwCount(kwnames: usize): u32 { return kwnames != 0 ? tupLen(kwnames) : 0; }
/** The keyword argument `name`, NULL if not given. */
export function kwArg(args: usize, nargs: u32, kwnames: usize, name: usize): Value {
  let n = kwCount(kwnames);
  for (let i: u32 = 0; i < n; i++) {
    let k = ptrOf(tupGet(kwnames, i));
    if (k == name || O.strEq(k, name)) return arg(args, nargs - n + i);
  }
  return NULL;
}
function noKw(fname: string, kwnames: usize): bool {
  if (kwCount(kwnames) == 0) return true;
  let m = sbMark();
  sbText(fname);
  sbText("() takes no keyword arguments");
  raiseBuilt(E_TypeError, m);
  return false;
}
export function argCount(fname: string, n: u32, min: u32, max: u32): bool {
  if (n >= min && n <= max) return true;
  let m = sbMark();
  sbText(fname);
  if (min == max) {
    sbText(min == 1 ? "() takes exactly one argument (" : "() takes exactly ");
    if (min != 1) { sbInt(min); sbText(" arguments ("); }
  } else if (n < min) {
    sbText(" expected at least ");
    sbInt(min);
    sbText(min == 1 ? " argument, got " : " arguments, got ");
    sbInt(n);
    raiseBuilt(E_TypeError, m);
    return false;
  } else {
    sbText(" expected at most ");
    sbInt(max);
    sbText(max == 1 ? " argument, got " : " arguments, got ");
    sbInt(n);
    raiseBuilt(E_TypeError, m);
    return false;
  }
  sbInt(n);
  sbText(" given)");
  raiseBuilt(E_TypeError, m);
  return false;
}
@inline function isStr(v: Value): bool { return isPtr(v) && objType(ptrOf(v)) == T_str; }
function mkStrV(s: usize): Value { return s == 0 ? ERR : mkPtr(s); }

// ---- calling builtins ------------------------------------------------------------------------

export function callBuiltin(id: i32, self: Value, args: usize, nargs: u32, kwnames: usize): Value {
  if (id >= GEN_IDS) return genBuiltin(id, self, args, nargs, kwnames);
  let npos = nargs - kwCount(kwnames);
  switch (id) {
    case B.PRINT: return bPrint(args, nargs, kwnames);
    case B.LEN: {
      if (!noKw("len", kwnames) || !argCount("len", npos, 1, 1)) return ERR;
      return bLen(arg(args, 0));
    }
    case B.REPR: {
      if (!argCount("repr", npos, 1, 1)) return ERR;
      return mkStrV(P.reprOf(arg(args, 0)));
    }
    case B.ISINSTANCE: case B.ISSUBCLASS: {
      let name = id == B.ISINSTANCE ? "isinstance" : "issubclass";
      if (!argCount(name, npos, 2, 2)) return ERR;
      let a = arg(args, 0);
      if (id == B.ISSUBCLASS && typeOf(a) != T_type) return raiseText(E_TypeError, "issubclass() arg 1 must be a class");
      let t = id == B.ISINSTANCE ? typeOf(a) : ptrOf(a);
      return classCheck(t, arg(args, 1), name);
    }
    case B.ITER: {
      if (!argCount("iter", npos, 1, 1)) return ERR;
      return P.getIter(arg(args, 0));
    }
    case B.NEXT: {
      if (!argCount("next", npos, 1, 2)) return ERR;
      let it = arg(args, 0);
      let t = typeOf(it);
      if (t != T_seqiter && t != T_rangeiter && t != O.T_generator && typeKind(t) != K.LAZYITER &&
          lookupType(t, N.S___next__) == NULL) {
        return raiseTypeObj(E_TypeError, it, "is not an iterator");
      }
      let v = P.iterNext(it);
      if (v == NULL) {
        if (npos == 2) return arg(args, 1);
        return raiseStopIteration(t == O.T_generator ? genReturnValue : NONE);
      }
      return v;
    }
    case B.GETATTR: {
      if (!argCount("getattr", npos, 2, 3)) return ERR;
      let name = arg(args, 1);
      if (!isStr(name)) return raiseText(E_TypeError, "attribute name must be string");
      let v = P.getAttr(arg(args, 0), intern(ptrOf(name)));
      if (v == ERR && npos == 3 && isSubtype(typeOf(curExc), E_AttributeError)) { clearCurExc(); return arg(args, 2); }
      return v;
    }
    case B.HASATTR: {
      if (!argCount("hasattr", npos, 2, 2)) return ERR;
      let name = arg(args, 1);
      if (!isStr(name)) return raiseText(E_TypeError, "attribute name must be string");
      let v = P.getAttr(arg(args, 0), intern(ptrOf(name)));
      if (v == ERR) {
        if (isSubtype(typeOf(curExc), E_AttributeError)) { clearCurExc(); return FALSE; }
        return ERR;
      }
      return TRUE;
    }
    case B.SETATTR: {
      if (!argCount("setattr", npos, 3, 3)) return ERR;
      if (!isStr(arg(args, 1))) return raiseText(E_TypeError, "attribute name must be string");
      return P.setAttr(arg(args, 0), intern(ptrOf(arg(args, 1))), arg(args, 2)) ? NONE : ERR;
    }
    case B.DELATTR: {
      if (!argCount("delattr", npos, 2, 2)) return ERR;
      if (!isStr(arg(args, 1))) return raiseText(E_TypeError, "attribute name must be string");
      return P.delAttr(arg(args, 0), intern(ptrOf(arg(args, 1)))) ? NONE : ERR;
    }
    case B.MIN: case B.MAX: return bMinMax(id == B.MAX, args, nargs, kwnames);
    case B.SUM: {
      if (!argCount("sum", npos, 1, 2)) return ERR;
      let acc: Value = npos == 2 ? arg(args, 1) : mkSmallInt(0);
      let it = P.getIter(arg(args, 0));
      if (it == ERR) return ERR;
      while (true) {
        let v = P.iterNext(it);
        if (v == ERR) return ERR;
        if (v == NULL) return acc;
        acc = P.binaryOp(P.Bin.ADD, acc, v);
        if (acc == ERR) return ERR;
      }
      return acc;
    }
    case B.SORTED: {
      if (!argCount("sorted", npos, 1, 1)) return ERR;
      let l = O.toListValue(arg(args, 0));
      if (l == ERR) return ERR;
      if (!sortList(ptrOf(l), kwArg(args, nargs, kwnames, N.S_key), kwArg(args, nargs, kwnames, N.S_reverse))) return ERR;
      return l;
    }
    case B.ENUMERATE: case B.ZIP: case B.REVERSED: case B.MAP: case B.FILTER:
      return lazyConstruct(id, args, npos, nargs, kwnames);
    case B.ANY: case B.ALL: {
      if (!argCount(id == B.ANY ? "any" : "all", npos, 1, 1)) return ERR;
      let it = P.getIter(arg(args, 0));
      if (it == ERR) return ERR;
      while (true) {
        let v = P.iterNext(it);
        if (v == ERR) return ERR;
        if (v == NULL) return mkBool(id == B.ALL);
        let t = P.truthy(v);
        if (t < 0) return ERR;
        if ((t == 1) == (id == B.ANY)) return mkBool(id == B.ANY);
      }
      return NONE;
    }
    case B.ABS: {
      if (!argCount("abs", npos, 1, 1)) return ERR;
      let v = arg(args, 0);
      if (isFloat(v)) return mkFloat(Math.abs(floatVal(v)));
      if (isIntV(v) || isBool(v)) {
        let i = intOf(v);
        if (i == i64.MIN_VALUE) return raiseText(E_OverflowError, "integer result does not fit in 64 bits (withvm ints are 64-bit)");
        return mkInt(i < 0 ? -i : i);
      }
      let m = sbMark();
      sbText("bad operand type for abs(): '");
      sbStr(typeName(typeOf(v)));
      sbText("'");
      return raiseBuilt(E_TypeError, m);
    }
    case B.ROUND: {
      if (!argCount("round", npos, 1, 2)) return ERR;
      let v = arg(args, 0);
      let nd: Value = npos == 2 ? arg(args, 1) : NONE;
      if (isIntV(v) || isBool(v)) {
        if (nd == NONE || intOf(nd) >= 0) return mkInt(intOf(v));
        let k = -intOf(nd);
        if (k > 18) return mkSmallInt(0);
        let p: i64 = 1;
        for (let i: i64 = 0; i < k; i++) p *= 10;
        let x = intOf(v);
        let q = x / p, r = x % p;
        if (r < 0) { q--; r += p; }
        if (r * 2 > p || (r * 2 == p && (q & 1) != 0)) q++;
        return mkInt(q * p);
      }
      if (!isFloat(v)) return raiseTypeObj(E_TypeError, v, "doesn't define __round__ method");
      let x = floatVal(v);
      if (nd == NONE) {
        if (x != x) return raiseText(E_ValueError, "cannot convert float NaN to integer");
        if (x == Infinity || x == -Infinity) return raiseText(E_OverflowError, "cannot convert float infinity to integer");
        let r = hostRoundFloat(x, 0);
        return mkInt(<i64>r);
      }
      return mkFloat(hostRoundFloat(x, <i32>intOf(nd)));
    }
    case B.DIVMOD: {
      if (!argCount("divmod", npos, 2, 2)) return ERR;
      let q = P.binaryOp(P.Bin.FLOORDIV, arg(args, 0), arg(args, 1));
      if (q == ERR) return ERR;
      let r = P.binaryOp(P.Bin.MOD, arg(args, 0), arg(args, 1));
      if (r == ERR) return ERR;
      let t = newTuple(2);
      tupSet(t, 0, q);
      tupSet(t, 1, r);
      return mkPtr(t);
    }
    case B.ORD: {
      if (!argCount("ord", npos, 1, 1)) return ERR;
      let v = arg(args, 0);
      if (!isStr(v)) return raiseTypeObj(E_TypeError, v, "cannot be interpreted as a character");
      let s = ptrOf(v);
      if (strCps(s) != 1) {
        let m = sbMark();
        sbText("ord() expected a character, but string of length ");
        sbInt(strCps(s));
        sbText(" found");
        return raiseBuilt(E_TypeError, m);
      }
      return mkSmallInt(decodeCp(strData(s)));
    }
    case B.CHR: {
      if (!argCount("chr", npos, 1, 1)) return ERR;
      let c = intOf(arg(args, 0));
      if (c < 0 || c > 0x10FFFF) return raiseText(E_ValueError, "chr() arg not in range(0x110000)");
      let m = sbMark();
      encodeCp(<u32>c);
      return mkStrV(sbTake(m));
    }
    case B.HEX: case B.BIN: case B.OCT: {
      if (!argCount("hex", npos, 1, 1)) return ERR;
      let v = arg(args, 0);
      if (!(isIntV(v) || isBool(v))) return raiseTypeObj(E_TypeError, v, "cannot be interpreted as an integer");
      let i = intOf(v);
      let m = sbMark();
      if (i < 0) sbByte(45);
      let u: u64 = i < 0 ? <u64>(-i) : <u64>i;
      let shift: u32 = id == B.HEX ? 4 : id == B.BIN ? 1 : 3;
      sbByte(48);
      sbByte(id == B.HEX ? 120 : id == B.BIN ? 98 : 111);
      let start = sbMark();
      if (u == 0) sbByte(48);
      while (u != 0) {
        let d = <u32>(u & ((1 << shift) - 1));
        sbByte(d < 10 ? 48 + d : 87 + d);
        u >>= shift;
      }
      reverseBytes(start, sbMark());
      return mkStrV(sbTake(m));
    }
    case B.ID: {
      let v = arg(args, 0);
      return mkInt(isPtr(v) ? <i64>ptrOf(v) : <i64>(v & 0xFFFFFFFFFFFF));
    }
    case B.HASH: {
      let h = P.valueHash(arg(args, 0));
      if (h == -1) return ERR;
      if (isIntV(arg(args, 0))) return arg(args, 0);
      return mkInt(h);
    }
    case B.CALLABLE: {
      let v = arg(args, 0);
      let t = typeOf(v);
      return mkBool(t == T_function || t == T_method || t == T_builtin || t == T_type ||
        ((typeKind(t) == K.INST || typeKind(t) == K.EXC) && lookupType(t, N.S___call__) != NULL));
    }
    case B.FORMAT: {
      if (!argCount("format", npos, 1, 2)) return ERR;
      return formatValue(arg(args, 0), 0, npos == 2 ? arg(args, 1) : NULL);
    }
    case B.BUILD_CLASS: return buildClass(args, nargs, kwnames);
    case B.EXC_INFO: {
      let t = newTuple(3);
      if (t == 0) return ERR;
      let h = handledExc;
      tupSet(t, 0, h == NONE ? NONE : mkPtr(typeOf(h)));
      tupSet(t, 1, h);
      tupSet(t, 2, h == NONE ? NONE : excTb(ptrOf(h)));
      return mkPtr(t);
    }
    case B.POW: case B.GLOBALS: case B.LOCALS: case B.VARS: case B.ASCII: case B.OBJECT_NEW:
      return moreBuiltin(id, args, npos);
    case B.OBJECT_INIT: return NONE;
    case B.EXC_INIT: {
      if (!isExcInstance(self)) return raiseText(E_TypeError, "descriptor '__init__' requires a 'BaseException' object");
      let t = O.tupleFrom(args, npos);
      if (t == 0) return ERR;
      O.setExcArgs(ptrOf(self), mkPtr(t));
      return NONE;
    }
    case B.EXC_WITH_TB: {
      O.setExcTb(ptrOf(self), arg(args, 0));
      return self;
    }
  }
  return callMethod(id, self, args, npos, nargs, kwnames);
}

/** StopIteration, carrying `value` as its argument unless it is None. */
function raiseStopIteration(value: Value): Value {
  if (value == NONE) return raiseStr(E_StopIteration, 0);
  let a = newTuple(1);
  if (a == 0) return ERR;
  tupSet(a, 0, value);
  let e = O.newInstance(E_StopIteration);
  if (e == 0) return ERR;
  O.setExcArgs(e, mkPtr(a));
  return raiseValue(mkPtr(e));
}

function classCheck(t: usize, spec: Value, name: string): Value {
  if (isPtr(spec) && objType(ptrOf(spec)) == T_tuple) {
    let sp = ptrOf(spec);
    for (let i: u32 = 0; i < tupLen(sp); i++) {
      let r = classCheck(t, tupGet(sp, i), name);
      if (r != FALSE) return r;
    }
    return FALSE;
  }
  if (typeOf(spec) != T_type) {
    let m = sbMark();
    sbText(name);
    sbText("() arg 2 must be a type, a tuple of types, or a union");
    return raiseBuilt(E_TypeError, m);
  }
  return mkBool(isSubtype(t, ptrOf(spec)));
}

export function bLen(v: Value): Value {
  if (isPtr(v)) {
    let p = ptrOf(v), t = objType(p);
    if (t == T_str) return mkSmallInt(strCps(p));
    if (t == T_list) return mkSmallInt(listLen(p));
    if (t == T_tuple) return mkSmallInt(tupLen(p));
    if (t == T_dict || t == T_set || t == T_frozenset) return mkSmallInt(dictLen(p));
    if (t == T_range) return mkInt(P.rangeLen(p));
    let k = typeKind(t);
    if (k == K.DICTVIEW) return mkSmallInt(dictLen(ptrOf(load<u64>(p, 16))));
    if (k == K.INST || k == K.EXC) {
      let f = lookupType(t, N.S___len__);
      if (f != NULL) {
        let r = callNested1(f, v);
        if (r == ERR) return ERR;
        if (!isIntV(r)) return raiseTypeObj(E_TypeError, r, "cannot be interpreted as an integer");
        if (intOf(r) < 0) return raiseText(E_ValueError, "__len__() should return >= 0");
        return r;
      }
    }
  }
  let m = sbMark();
  sbText("object of type '");
  sbStr(typeName(typeOf(v)));
  sbText("' has no len()");
  return raiseBuilt(E_TypeError, m);
}

function bPrint(args: usize, nargs: u32, kwnames: usize): Value {
  let nkw = kwCount(kwnames);
  let npos = nargs - nkw;
  let sep = kwArg(args, nargs, kwnames, N.S_sep);
  let end = kwArg(args, nargs, kwnames, N.S_end);
  if (sep != NULL && sep != NONE && !isStr(sep)) return raiseTypeObj(E_TypeError, sep, "");
  if (S_file == 0) { S_file = internText("file"); S_stdout = internText("stdout"); S_write = internText("write"); }
  let file = kwArg(args, nargs, kwnames, S_file);
  // print writes through whatever sys.stdout is now (redirect_stdout, user assignment)
  if (file == NULL || file == NONE) file = dictGetStr(<usize>load<u32>(sysModule, 16), S_stdout);
  if (file == NULL || file == NONE) return NONE;
  if (file != stdoutObj && file != stderrObj) return printTo(file, args, npos, sep, end);
  let m = sbMark();
  for (let i: u32 = 0; i < npos; i++) {
    if (i > 0) { if (sep == NULL || sep == NONE) sbByte(32); else sbStr(ptrOf(sep)); }
    if (!P.appendStr(arg(args, i))) { sbReset(m); return ERR; }
  }
  if (end == NULL || end == NONE) sbByte(10); else if (isStr(end)) sbStr(ptrOf(end));
  hostWrite(file == stderrObj ? 2 : 1, sbBase() + m, sbMark() - m);
  sbReset(m);
  return NONE;
}
let S_file: usize = 0;
let S_stdout: usize = 0;
let S_write: usize = 0;

/** print() to a Python object: one file.write() call per argument, separator and end, as CPython. */
function printTo(file: Value, args: usize, npos: u32, sep: Value, end: Value): Value {
  let write = P.getAttr(file, S_write);
  if (write == ERR) return ERR;
  for (let i: u32 = 0; i < npos; i++) {
    if (i > 0) {
      let sv = sep == NULL || sep == NONE ? mkPtr(internText(" ")) : sep;
      if (callNested1(write, sv) == ERR) return ERR;
    }
    let s = P.strOf(arg(args, i));
    if (s == 0) return ERR;
    if (callNested1(write, mkPtr(s)) == ERR) return ERR;
  }
  let ev = end == NULL || end == NONE ? mkPtr(internText("\n")) : end;
  if (callNested1(write, ev) == ERR) return ERR;
  return NONE;
}

function bMinMax(isMax: bool, args: usize, nargs: u32, kwnames: usize): Value {
  let npos = nargs - kwCount(kwnames);
  let key = kwArg(args, nargs, kwnames, N.S_key);
  let def = kwArg(args, nargs, kwnames, N.S_default);
  let items: Value;
  if (npos == 1) {
    items = O.toListValue(arg(args, 0));
    if (items == ERR) return ERR;
  } else if (npos == 0) {
    return raiseText(E_TypeError, isMax ? "max expected at least 1 argument, got 0" : "min expected at least 1 argument, got 0");
  } else {
    let t = O.tupleFrom(args, npos);
    let l = newList(npos);
    for (let i: u32 = 0; i < npos; i++) listAppend(l, tupGet(t, i));
    items = mkPtr(l);
  }
  let l = ptrOf(items);
  if (listLen(l) == 0) {
    if (def != NULL) return def;
    return raiseText(E_ValueError, isMax ? "max() arg is an empty sequence" : "min() arg is an empty sequence");
  }
  let best = listGet(l, 0);
  let bestKey = key != NULL && key != NONE ? callNested1(key, best) : best;
  if (bestKey == ERR) return ERR;
  for (let i: u32 = 1; i < listLen(l); i++) {
    let v = listGet(l, i);
    let k = key != NULL && key != NONE ? callNested1(key, v) : v;
    if (k == ERR) return ERR;
    let r = P.compareOp(isMax ? 4 /* GT */ : 0 /* LT */, k, bestKey);
    if (r == ERR) return ERR;
    let t = P.truthy(r);
    if (t < 0) return ERR;
    if (t == 1) { best = v; bestKey = k; }
  }
  return best;
}

function reverseList(l: usize): void {
  let n = listLen(l);
  for (let i: u32 = 0; i < n / 2; i++) {
    let a = listGet(l, i);
    listSet(l, i, listGet(l, n - 1 - i));
    listSet(l, n - 1 - i, a);
  }
}
function reverseBytes(a: u32, b: u32): void {
  let base = sbBase();
  let i = a, j = b - 1;
  while (i < j) {
    let x = load<u8>(base + i);
    store<u8>(base + i, load<u8>(base + j));
    store<u8>(base + j, x);
    i++; j--;
  }
}

/** Stable insertion/merge sort by `<` on keys (CPython's list.sort is stable too). */
function sortList(l: usize, key: Value, reverse: Value): bool {
  let n = listLen(l);
  let keys = newList(n);
  if (keys == 0) return false;
  for (let i: u32 = 0; i < n; i++) {
    let v = listGet(l, i);
    let k = key != NULL && key != NONE ? callNested1(key, v) : v;
    if (k == ERR) return false;
    if (!listAppend(keys, k)) return false;
  }
  let rev = reverse != NULL && reverse != NONE && P.truthy(reverse) == 1;
  // bottom-up merge sort, stable: an item from the right run goes first only if strictly less
  // (greater when reversed). The lists keep every object while Python comparisons run; the raw
  // buffers only hold copies of one pass's merged order.
  if (n < 2) return true;
  let bytes = <usize>n << 3;
  let tk = rawAlloc(bytes), tv = rawAlloc(bytes);
  if (tk == 0 || tv == 0) { rawFree(tk, bytes); rawFree(tv, bytes); raiseMemoryError(); return false; }
  let ok = true;
  for (let width: u32 = 1; width < n && ok; width <<= 1) {
    for (let lo: u32 = 0; lo < n && ok; lo += width << 1) {
      let mid = min(lo + width, n), hi = min(lo + (width << 1), n);
      let i = lo, j = mid, k = lo;
      while (i < mid && j < hi) {
        let r = rev ? P.compareOp(0, listGet(keys, i), listGet(keys, j)) : P.compareOp(0, listGet(keys, j), listGet(keys, i));
        if (r == ERR) { ok = false; break; }
        let t = P.truthy(r);
        if (t < 0) { ok = false; break; }
        if (listLen(l) != n) { raiseText(E_ValueError, "list modified during sort"); ok = false; break; }
        let from = t == 1 ? j++ : i++;
        store<u64>(tk + (<usize>k << 3), listGet(keys, from));
        store<u64>(tv + (<usize>k << 3), listGet(l, from));
        k++;
      }
      if (!ok) break;
      while (i < mid) { store<u64>(tk + (<usize>k << 3), listGet(keys, i)); store<u64>(tv + (<usize>k << 3), listGet(l, i)); i++; k++; }
      while (j < hi) { store<u64>(tk + (<usize>k << 3), listGet(keys, j)); store<u64>(tv + (<usize>k << 3), listGet(l, j)); j++; k++; }
    }
    if (!ok) break;
    for (let q: u32 = 0; q < n; q++) {
      listSet(keys, q, load<u64>(tk + (<usize>q << 3)));
      listSet(l, q, load<u64>(tv + (<usize>q << 3)));
    }
  }
  rawFree(tk, bytes);
  rawFree(tv, bytes);
  return ok;
}

function decodeCp(p: usize): i64 {
  let b0 = <u32>load<u8>(p);
  if (b0 < 0x80) return b0;
  if (b0 < 0xE0) return ((b0 & 0x1F) << 6) | (load<u8>(p + 1) & 0x3F);
  if (b0 < 0xF0) return ((b0 & 0x0F) << 12) | ((<u32>load<u8>(p + 1) & 0x3F) << 6) | (load<u8>(p + 2) & 0x3F);
  return ((b0 & 0x07) << 18) | ((<u32>load<u8>(p + 1) & 0x3F) << 12) | ((<u32>load<u8>(p + 2) & 0x3F) << 6) | (load<u8>(p + 3) & 0x3F);
}
export function encodeCp(c: u32): void {
  if (c < 0x80) sbByte(c);
  else if (c < 0x800) { sbByte(0xC0 | (c >> 6)); sbByte(0x80 | (c & 0x3F)); }
  else if (c < 0x10000) { sbByte(0xE0 | (c >> 12)); sbByte(0x80 | ((c >> 6) & 0x3F)); sbByte(0x80 | (c & 0x3F)); }
  else { sbByte(0xF0 | (c >> 18)); sbByte(0x80 | ((c >> 12) & 0x3F)); sbByte(0x80 | ((c >> 6) & 0x3F)); sbByte(0x80 | (c & 0x3F)); }
}

// ---- methods of builtin types ----------------------------------------------------------------

function callMethod(id: i32, self: Value, args: usize, npos: u32, nargs: u32, kwnames: usize): Value {
  let p = ptrOf(self);
  switch (id) {
    case B.LIST_APPEND:
      if (!argCount("list.append", npos, 1, 1)) return ERR;
      return listAppend(p, arg(args, 0)) ? NONE : ERR;
    case B.LIST_POP: {
      let n = listLen(p);
      if (n == 0) return raiseText(E_IndexError, "pop from empty list");
      let i: i64 = npos > 0 ? intOf(arg(args, 0)) : <i64>n - 1;
      if (i < 0) i += n;
      if (i < 0 || i >= <i64>n) return raiseText(E_IndexError, "pop index out of range");
      let v = listGet(p, <u32>i);
      let items = listItems(p);
      memory.copy(items + (<usize>i << 3), items + (<usize>(i + 1) << 3), <usize>(n - 1 - <u32>i) << 3);
      listSetLen(p, n - 1);
      return v;
    }
    case B.LIST_EXTEND: return O.listExtend(p, arg(args, 0)) ? NONE : ERR;
    case B.LIST_INSERT: {
      if (!argCount("insert", npos, 2, 2)) return ERR;
      let n = listLen(p);
      let i = intOf(arg(args, 0));
      if (i < 0) { i += n; if (i < 0) i = 0; }
      if (i > <i64>n) i = n;
      if (!listAppend(p, NONE)) return ERR;
      let items = listItems(p);
      memory.copy(items + (<usize>(i + 1) << 3), items + (<usize>i << 3), <usize>(n - <u32>i) << 3);
      listSet(p, <u32>i, arg(args, 1));
      return NONE;
    }
    case B.LIST_REMOVE: case B.LIST_INDEX: case B.TUPLE_INDEX: {
      let isT = id == B.TUPLE_INDEX;
      let n = isT ? tupLen(p) : listLen(p);
      let from: u32 = 0;
      if (npos > 1 && id != B.LIST_REMOVE) {
        let s = intOf(arg(args, 1));
        if (s < 0) { s += n; if (s < 0) s = 0; }
        from = <u32>s;
      }
      for (let i: u32 = from; i < n; i++) {
        let r = P.valueEq(isT ? tupGet(p, i) : listGet(p, i), arg(args, 0));
        if (r < 0) return ERR;
        if (r == 1) {
          if (id != B.LIST_REMOVE) return mkSmallInt(i);
          let items = listItems(p);
          memory.copy(items + (<usize>i << 3), items + (<usize>(i + 1) << 3), <usize>(n - 1 - i) << 3);
          listSetLen(p, n - 1);
          return NONE;
        }
      }
      if (id == B.LIST_REMOVE) return raiseText(E_ValueError, "list.remove(x): x not in list");
      if (isT) return raiseText(E_ValueError, "tuple.index(x): x not in tuple");
      let m = sbMark();
      if (!P.appendRepr(arg(args, 0))) return ERR;
      sbText(" is not in list");
      return raiseBuilt(E_ValueError, m);
    }
    case B.LIST_COUNT: case B.TUPLE_COUNT: {
      let isT = id == B.TUPLE_COUNT;
      let n = isT ? tupLen(p) : listLen(p);
      let c: i64 = 0;
      for (let i: u32 = 0; i < n; i++) {
        let r = P.valueEq(isT ? tupGet(p, i) : listGet(p, i), arg(args, 0));
        if (r < 0) return ERR;
        c += r;
      }
      return mkInt(c);
    }
    case B.LIST_REVERSE: reverseList(p); return NONE;
    case B.LIST_SORT: {
      if (npos != 0) return raiseText(E_TypeError, "sort() takes no positional arguments");
      return sortList(p, kwArg(args, nargs, kwnames, N.S_key), kwArg(args, nargs, kwnames, N.S_reverse)) ? NONE : ERR;
    }
    case B.LIST_COPY: return O.toListValue(self);
    case B.LIST_CLEAR: listSetLen(p, 0); return NONE;
    case B.DICT_GET: {
      if (!argCount("get", npos, 1, 2)) return ERR;
      let v = dictGet(p, arg(args, 0));
      if (v == ERR) return ERR;
      return v == NULL ? (npos == 2 ? arg(args, 1) : NONE) : v;
    }
    case B.DICT_ITEMS: case B.DICT_KEYS: case B.DICT_VALUES: {
      // live views: they see later changes to the dict, like CPython's
      let t = id == B.DICT_KEYS ? O.T_dict_keys : id == B.DICT_VALUES ? O.T_dict_values : O.T_dict_items;
      let v = gcAlloc(HDR + 8, t);
      if (v == 0) return raiseText(E_RuntimeError, "out of memory");
      store<u64>(v, self, 16);
      return mkPtr(v);
    }
    case B.DICT_POP: {
      if (!argCount("pop", npos, 1, 2)) return ERR;
      let v = dictGet(p, arg(args, 0));
      if (v == ERR) return ERR;
      if (v == NULL) {
        if (npos == 2) return arg(args, 1);
        return raiseKeyError(arg(args, 0));
      }
      O.dictDel(p, arg(args, 0));
      return v;
    }
    case B.DICT_SETDEFAULT: {
      let v = dictGet(p, arg(args, 0));
      if (v == ERR) return ERR;
      if (v != NULL) return v;
      let d: Value = npos == 2 ? arg(args, 1) : NONE;
      return dictSet(p, arg(args, 0), d) ? d : ERR;
    }
    case B.DICT_UPDATE: {
      if (npos == 1) {
        let src = arg(args, 0);
        if (isPtr(src) && objType(ptrOf(src)) == T_dict) {
          let sd = ptrOf(src);
          for (let i: u32 = 0; i < dictUsed(sd); i++) {
            let k = entryKey(sd, i);
            if (k != NULL && !dictSet(p, k, entryVal(sd, i))) return ERR;
          }
        } else if (!dictFromPairs(p, src)) return ERR;
      }
      let nkw = kwCount(kwnames);
      for (let i: u32 = 0; i < nkw; i++) if (!dictSet(p, tupGet(kwnames, i), arg(args, npos + i))) return ERR;
      return NONE;
    }
    case B.DICT_COPY: {
      let d = newDict();
      for (let i: u32 = 0; i < dictUsed(p); i++) {
        let k = entryKey(p, i);
        if (k != NULL && !dictSet(d, k, entryVal(p, i))) return ERR;
      }
      return mkPtr(d);
    }
    case B.DICT_CLEAR: O.dictClear(p); return NONE;
    case B.SET_ADD: return dictSet(p, arg(args, 0), NONE) ? NONE : ERR;
    case B.IO_WRITE: {
      let v = arg(args, 0);
      if (!isStr(v)) {
        let m = sbMark();
        sbText("write() argument must be str, not ");
        sbStr(typeName(typeOf(v)));
        return raiseBuilt(E_TypeError, m);
      }
      hostWrite(self == stderrObj ? 2 : 1, strData(ptrOf(v)), strLen(ptrOf(v)));
      return mkSmallInt(strCps(ptrOf(v)));
    }
    case B.IO_FLUSH: return NONE;
    case B.PROP_GETTER: case B.PROP_SETTER: case B.PROP_DELETER: {
      // a copy of the property with one accessor replaced (decorator form: @x.setter)
      if (!argCount(id == B.PROP_GETTER ? "getter" : id == B.PROP_SETTER ? "setter" : "deleter", npos, 1, 1)) return ERR;
      let g = load<u64>(p, 16), s = load<u64>(p, 24), d = load<u64>(p, 32);
      if (id == B.PROP_GETTER) g = arg(args, 0);
      else if (id == B.PROP_SETTER) s = arg(args, 0);
      else d = arg(args, 0);
      return O.newWrapper(T_property, g, s, d);
    }
    case B.DICT_FROMKEYS: {
      if (!argCount("fromkeys", npos, 1, 2)) return ERR;
      let v: Value = npos > 1 ? arg(args, 1) : NONE;
      let d = newDict();
      if (d == 0) return ERR;
      let it = P.getIter(arg(args, 0));
      if (it == ERR) return ERR;
      while (true) {
        let k = P.iterNext(it);
        if (k == ERR) return ERR;
        if (k == NULL) break;
        if (!dictSet(d, k, v)) return ERR;
      }
      return mkPtr(d);
    }
    case B.DICT_POPITEM: {
      for (let i = <i32>dictUsed(p) - 1; i >= 0; i--) {
        let k = entryKey(p, <u32>i);
        if (k == NULL) continue;
        let t = newTuple(2);
        if (t == 0) return ERR;
        tupSet(t, 0, k);
        tupSet(t, 1, entryVal(p, <u32>i));
        O.dictDel(p, k);
        return mkPtr(t);
      }
      return raiseText(E_KeyError, "popitem(): dictionary is empty");
    }
    case B.SET_ISDISJOINT: {
      let l = O.toListValue(arg(args, 0));
      if (l == ERR) return ERR;
      for (let j: u32 = 0; j < listLen(ptrOf(l)); j++) {
        let r = dictGet(p, listGet(ptrOf(l), j));
        if (r == ERR) return ERR;
        if (r != NULL) return FALSE;
      }
      return TRUE;
    }
    case B.GEN_SEND: case B.GEN_THROW: {
      if (!argCount(id == B.GEN_SEND ? "send" : "throw", npos, 1, id == B.GEN_SEND ? 1 : 3)) return ERR;
      let v: Value;
      if (id == B.GEN_SEND) v = resumeNested(p, arg(args, 0));
      else {
        let e = arg(args, 0);
        if (typeOf(e) == T_type && isExcType(ptrOf(e))) {
          // throw(type, value): a value that already is an instance of type is raised as itself
          let val: Value = npos > 1 ? arg(args, 1) : NONE;
          if (val != NONE && isSubtype(typeOf(val), ptrOf(e))) e = val;
          else e = val != NONE ? callNested1(e, val) : callNested(e, 0, 0);
          if (e == ERR) return ERR;
        }
        if (!isExcInstance(e)) return raiseText(E_TypeError, "exceptions must be classes or instances deriving from BaseException, not " + "object");
        v = genThrow(p, e);
      }
      if (v != NULL) return v;
      return raiseStopIteration(genReturnValue);
    }
    case B.GEN_CLOSE: return genClose(p);
    case B.SET_UNION: case B.SET_INTERSECTION: case B.SET_DIFFERENCE: case B.SET_SYMDIFF: {
      let ops: P.Bin[] = [P.Bin.OR, P.Bin.AND, P.Bin.SUB, P.Bin.XOR];
      let acc: Value = self;
      if (npos == 0) return P.binaryOp(P.Bin.OR, self, mkPtr(O.newDictOf(objType(p))));
      for (let i: u32 = 0; i < npos; i++) {
        let other = arg(args, i);
        let ot = typeOf(other);
        if (ot != T_set && ot != T_frozenset) {
          let s = O.newDictOf(T_set);
          let l = O.toListValue(other);
          if (l == ERR) return ERR;
          for (let j: u32 = 0; j < listLen(ptrOf(l)); j++) if (!dictSet(s, listGet(ptrOf(l), j), NONE)) return ERR;
          other = mkPtr(s);
        }
        acc = P.binaryOp(ops[id - <i32>B.SET_UNION], acc, other);
        if (acc == ERR) return ERR;
      }
      return acc;
    }
    case B.SET_INTERSECTION_UPDATE: case B.SET_DIFFERENCE_UPDATE: case B.SET_SYMDIFF_UPDATE: {
      if (id == B.SET_SYMDIFF_UPDATE && !argCount("set.symmetric_difference_update", npos, 1, 1)) return ERR;
      let op = id == B.SET_INTERSECTION_UPDATE ? P.Bin.AND : id == B.SET_DIFFERENCE_UPDATE ? P.Bin.SUB : P.Bin.XOR;
      for (let i: u32 = 0; i < npos; i++) {
        let other = arg(args, i);
        let ot = typeOf(other);
        if (ot != T_set && ot != T_frozenset) {
          let s = O.newDictOf(T_set);
          if (s == 0) return ERR;
          let it = P.getIter(other);
          if (it == ERR) return ERR;
          while (true) {
            let x = P.iterNext(it);
            if (x == ERR) return ERR;
            if (x == NULL) break;
            if (!dictSet(s, x, NONE)) return ERR;
          }
          other = mkPtr(s);
        }
        if (P.containerInplace(op, self, other) == ERR) return ERR;
      }
      return NONE;
    }
    case B.FROZENSET_COPY: return self;
    case B.OBJECT_SETATTR: case B.OBJECT_DELATTR: {
      let set = id == B.OBJECT_SETATTR;
      if (!argCount(set ? "__setattr__" : "__delattr__", npos, set ? 2 : 1, set ? 2 : 1)) return ERR;
      let name = arg(args, 0);
      if (!isStr(name)) {
        let m = sbMark();
        sbText("attribute name must be string, not '");
        sbStr(typeName(typeOf(name)));
        sbText("'");
        return raiseBuilt(E_TypeError, m);
      }
      let ok = set ? P.setAttrGeneric(self, intern(ptrOf(name)), arg(args, 1)) : P.delAttrGeneric(self, intern(ptrOf(name)));
      return ok ? NONE : ERR;
    }
    case B.RANGE_INDEX: case B.RANGE_COUNT: {
      if (!argCount(id == B.RANGE_INDEX ? "index" : "count", npos, 1, 1)) return ERR;
      let v = arg(args, 0);
      let pos: i64 = -1;
      if (isIntV(v) || isBool(v)) {
        // arithmetic: v is in the range iff it is on the grid and before the end
        let a = load<i64>(p, 16), st = load<i64>(p, 32), x = intOf(v);
        let n = P.rangeLen(p);
        let d = x - a;
        if (d % st == 0 && d / st >= 0 && d / st < n) pos = d / st;
      } else {
        let n = P.rangeLen(p), a = load<i64>(p, 16), st = load<i64>(p, 32);
        let c: i64 = 0;
        for (let i: i64 = 0; i < n; i++) {
          let r = P.valueEq(mkInt(a + i * st), v);
          if (r < 0) return ERR;
          if (r == 1) { if (pos < 0) pos = i; c++; }
        }
        if (id == B.RANGE_COUNT) return mkInt(c);
      }
      if (id == B.RANGE_COUNT) return mkSmallInt(pos >= 0 ? 1 : 0);
      if (pos >= 0) return mkInt(pos);
      if (isIntV(v) || isBool(v)) {
        let m = sbMark();
        sbInt(intOf(v));
        sbText(" is not in range");
        return raiseBuilt(E_ValueError, m);
      }
      return raiseText(E_ValueError, "sequence.index(x): x not in sequence");
    }
    case B.SET_ISSUBSET: case B.SET_ISSUPERSET: {
      let other = arg(args, 0);
      if (typeOf(other) != T_set && typeOf(other) != T_frozenset) {
        let s = O.newDictOf(T_set);
        let l = O.toListValue(other);
        if (s == 0 || l == ERR) return ERR;
        for (let j: u32 = 0; j < listLen(ptrOf(l)); j++) if (!dictSet(s, listGet(ptrOf(l), j), NONE)) return ERR;
        other = mkPtr(s);
      }
      let a = id == B.SET_ISSUBSET ? p : ptrOf(other);
      let b = id == B.SET_ISSUBSET ? ptrOf(other) : p;
      for (let i: u32 = 0; i < dictUsed(a); i++) {
        let k = entryKey(a, i);
        if (k == NULL) continue;
        let r = dictGet(b, k);
        if (r == ERR) return ERR;
        if (r == NULL) return FALSE;
      }
      return TRUE;
    }
    case B.SET_UPDATE: {
      for (let i: u32 = 0; i < npos; i++) {
        let l = O.toListValue(arg(args, i));
        if (l == ERR) return ERR;
        for (let j: u32 = 0; j < listLen(ptrOf(l)); j++) if (!dictSet(p, listGet(ptrOf(l), j), NONE)) return ERR;
      }
      return NONE;
    }
    case B.SET_COPY: return P.binaryOp(P.Bin.OR, self, mkPtr(O.newDictOf(T_set)));
    case B.SET_CLEAR: O.dictClear(p); return NONE;
    case B.SET_POP: {
      for (let i: u32 = 0; i < dictUsed(p); i++) {
        let k = entryKey(p, i);
        if (k == NULL) continue;
        O.dictDel(p, k);
        return k;
      }
      return raiseText(E_KeyError, "pop from an empty set");
    }
    case B.SET_DISCARD: case B.SET_REMOVE: {
      let r = O.dictDel(p, arg(args, 0));
      if (r < 0) return ERR;
      if (r == 0 && id == B.SET_REMOVE) {
        return raiseKeyError(arg(args, 0));
      }
      return NONE;
    }
  }
  return strMethod(id, p, args, npos, nargs, kwnames);
}

function dictFromPairs(d: usize, src: Value): bool {
  let it = P.getIter(src);
  if (it == ERR) return false;
  while (true) {
    let item = P.iterNext(it);
    if (item == ERR) return false;
    if (item == NULL) return true;
    let pair = O.toTupleValue(item);
    if (pair == ERR) return false;
    if (tupLen(ptrOf(pair)) != 2) {
      return raiseText(E_ValueError, "dictionary update sequence element has wrong length") != ERR;
    }
    if (!dictSet(d, tupGet(ptrOf(pair), 0), tupGet(ptrOf(pair), 1))) return false;
  }
  return true;
}


/** str.format: {} {0} {name} with optional !r/!s and :spec. */
export function strFormat(s: usize, args: usize, npos: u32, nargs: u32, kwnames: usize): Value {
  let p = strData(s), n = strLen(s);
  let m = sbMark();
  let auto: u32 = 0;
  for (let i: u32 = 0; i < n; i++) {
    let c = load<u8>(p + i);
    if (c == 123 && i + 1 < n && load<u8>(p + i + 1) == 123) { sbByte(123); i++; continue; }
    if (c == 125 && i + 1 < n && load<u8>(p + i + 1) == 125) { sbByte(125); i++; continue; }
    if (c != 123) { sbByte(c); continue; }
    let j = i + 1;
    while (j < n && load<u8>(p + j) != 125) j++;
    if (j >= n) { sbReset(m); return raiseText(E_ValueError, "Single '{' encountered in format string"); }
    // field: name[!conv][:spec]
    let fEnd = i + 1;
    while (fEnd < j && load<u8>(p + fEnd) != 33 && load<u8>(p + fEnd) != 58) fEnd++;
    let v: Value;
    if (fEnd == i + 1) {
      if (auto >= npos) { sbReset(m); return raiseText(E_IndexError, "Replacement index out of range for positional args tuple"); }
      v = arg(args, auto++);
    } else if (load<u8>(p + i + 1) >= 48 && load<u8>(p + i + 1) <= 57) {
      let k: u32 = 0;
      for (let q = i + 1; q < fEnd; q++) k = k * 10 + (load<u8>(p + q) - 48);
      if (k >= npos) { sbReset(m); return raiseText(E_IndexError, "Replacement index out of range for positional args tuple"); }
      v = arg(args, k);
    } else {
      let name = intern(newStr(p + i + 1, fEnd - i - 1));
      v = kwArg(args, nargs, kwnames, name);
      if (v == NULL) {
        sbReset(m);
        return raiseKeyError(mkPtr(name));
      }
    }
    let conv: u32 = 0;
    let q = fEnd;
    if (q < j && load<u8>(p + q) == 33) { conv = load<u8>(p + q + 1) == 114 ? 2 : 1; q += 2; }
    let spec: Value = NULL;
    if (q < j && load<u8>(p + q) == 58) {
      let sp = newStr(p + q + 1, j - q - 1);
      spec = mkPtr(sp);
    }
    let r = formatValue(v, conv, spec);
    if (r == ERR) { sbReset(m); return ERR; }
    sbStr(ptrOf(r));
    i = j;
  }
  return mkStrV(sbTake(m));
}

/** FORMAT_VALUE and format(): conversion (1 str, 2 repr, 3 ascii) then the format spec. */
export function formatValue(v: Value, conv: u32, spec: Value): Value {
  if (conv == 1) { let s = P.strOf(v); if (s == 0) return ERR; v = mkPtr(s); }
  else if (conv == 2 || conv == 3) { let s = P.reprOf(v); if (s == 0) return ERR; v = mkPtr(s); }
  let hasSpec = spec != NULL && isStr(spec) && strLen(ptrOf(spec)) > 0;
  if (!hasSpec) {
    if (isStr(v)) return v;
    let s = P.strOf(v);
    return s == 0 ? ERR : mkPtr(s);
  }
  let sp = ptrOf(spec);
  let kind: i32, x: f64 = 0, tp: usize = 0, tl: u32 = 0;
  let m = sbMark();
  if (isIntV(v) || isBool(v)) {
    kind = 1;
    sbInt(intOf(v));
    tl = sbMark() - m;
  } else if (isFloat(v)) {
    kind = 2;
    x = floatVal(v);
  } else if (isStr(v)) {
    kind = 3;
    sbStr(ptrOf(v));
    tl = sbMark() - m;
  } else {
    let k = typeKind(typeOf(v));
    let f = k == K.INST || k == K.EXC ? lookupType(typeOf(v), internText("__format__")) : NULL;
    if (f != NULL) return callNested2(f, v, spec);
    let s = P.strOf(v);
    if (s == 0) return ERR;
    kind = 3;
    sbStr(s);
    tl = sbMark() - m;
  }
  // copy the spec next to the text, then leave room for the result
  let specAt = sbMark();
  sbStr(sp);
  let outAt = sbMark();
  let cap: u32 = 256 + tl * 2 + strLen(sp) * 4;
  for (let i: u32 = 0; i < cap; i++) sbByte(0);
  let base = sbBase();
  let r = hostFormat(kind, x, base + m, tl, base + specAt, strLen(sp), base + outAt, <i32>cap);
  if (r < 0) {
    let msg = newStr(base + outAt, <usize>(-r));
    sbReset(m);
    return raiseStr(E_ValueError, msg);
  }
  let out = newStr(sbBase() + outAt, <usize>r);
  sbReset(m);
  return mkStrV(out);
}

// ---- constructing builtin types --------------------------------------------------------------

export function constructBuiltin(t: usize, args: usize, nargs: u32, kwnames: usize): Value {
  let npos = nargs - kwCount(kwnames);
  let a0: Value = npos > 0 ? arg(args, 0) : NULL;
  if (t == T_str) {
    if (npos == 0) return mkPtr(O.emptyStr());
    return mkStrV(P.strOf(a0));
  }
  if (t == T_int) {
    if (npos == 0) return mkSmallInt(0);
    if (isIntV(a0)) return a0;
    if (isBool(a0)) return mkSmallInt(a0 == TRUE ? 1 : 0);
    if (isFloat(a0)) {
      let f = floatVal(a0);
      if (f != f) return raiseText(E_ValueError, "cannot convert float NaN to integer");
      if (f == Infinity || f == -Infinity) return raiseText(E_OverflowError, "cannot convert float infinity to integer");
      if (f >= 9.223372036854775807e18 || f < -9.223372036854775808e18) return raiseText(E_OverflowError, "integer result does not fit in 64 bits (withvm ints are 64-bit)");
      return mkInt(<i64>f);
    }
    if (isStr(a0)) return parseNumber(ptrOf(a0), 1, npos > 1 ? <i32>intOf(arg(args, 1)) : 10);
    let m = sbMark();
    sbText("int() argument must be a string, a bytes-like object or a real number, not '");
    sbStr(typeName(typeOf(a0)));
    sbText("'");
    return raiseBuilt(E_TypeError, m);
  }
  if (t == T_float) {
    if (npos == 0) return mkFloat(0);
    if (isFloat(a0)) return a0;
    if (isIntV(a0) || isBool(a0)) return mkFloat(<f64>intOf(a0));
    if (isStr(a0)) return parseNumber(ptrOf(a0), 2, 10);
    let m = sbMark();
    sbText("float() argument must be a string or a real number, not '");
    sbStr(typeName(typeOf(a0)));
    sbText("'");
    return raiseBuilt(E_TypeError, m);
  }
  if (t == T_bool) {
    if (npos == 0) return FALSE;
    let r = P.truthy(a0);
    return r < 0 ? ERR : mkBool(r == 1);
  }
  if (t == T_list) {
    if (npos == 0) { let l = newList(4); return l == 0 ? ERR : mkPtr(l); }
    return O.toListValue(a0);
  }
  if (t == T_tuple) {
    if (npos == 0) return mkPtr(O.emptyTuple);
    return O.toTupleValue(a0);
  }
  if (t == T_dict) {
    let d = newDict();
    if (d == 0) return ERR;
    let r = callMethod(B.DICT_UPDATE, mkPtr(d), args, npos, nargs, kwnames);
    return r == ERR ? ERR : mkPtr(d);
  }
  if (t == T_set || t == T_frozenset) {
    let s = O.newDictOf(t);
    if (s == 0) return ERR;
    if (npos > 0) {
      let l = O.toListValue(a0);
      if (l == ERR) return ERR;
      for (let i: u32 = 0; i < listLen(ptrOf(l)); i++) if (!dictSet(s, listGet(ptrOf(l), i), NONE)) return ERR;
    }
    return mkPtr(s);
  }
  if (t == T_range) {
    if (!argCount("range", npos, 1, 3)) return ERR;
    for (let i: u32 = 0; i < npos; i++) {
      let v = arg(args, i);
      if (!(isIntV(v) || isBool(v))) return raiseTypeObj(E_TypeError, v, "cannot be interpreted as an integer");
    }
    let a: i64 = 0, b: i64, c: i64 = 1;
    if (npos == 1) b = intOf(a0);
    else { a = intOf(a0); b = intOf(arg(args, 1)); if (npos == 3) c = intOf(arg(args, 2)); }
    if (c == 0) return raiseText(E_ValueError, "range() arg 3 must not be zero");
    return O.newRangeObj(T_range, a, b, c);
  }
  if (t == T_type) {
    if (npos == 1) return mkPtr(typeOf(a0));
    return raiseText(E_TypeError, "type() with 3 arguments is not supported yet");
  }
  if (t == T_object) {
    let o = O.newInstance(T_object);
    return o == 0 ? ERR : mkPtr(o);
  }
  if (t == T_staticmethod || t == T_classmethod) {
    if (!argCount(t == T_staticmethod ? "staticmethod" : "classmethod", npos, 1, 1)) return ERR;
    return O.newWrapper(t, a0, NONE, NONE);
  }
  if (t == T_property) {
    let g: Value = npos > 0 ? a0 : NONE;
    let s: Value = npos > 1 ? arg(args, 1) : NONE;
    let d: Value = npos > 2 ? arg(args, 2) : NONE;
    return O.newWrapper(t, g, s, d);
  }
  if (t == T_super) return makeSuper(args, npos);
  if (t == T_slice) {
    if (npos == 1) return O.newSlice(NONE, a0, NONE);
    return O.newSlice(a0, npos > 1 ? arg(args, 1) : NONE, npos > 2 ? arg(args, 2) : NONE);
  }
  let m = sbMark();
  sbText("cannot create '");
  sbStr(typeName(t));
  sbText("' instances");
  return raiseBuilt(E_TypeError, m);
}

function parseNumber(s: usize, kind: i32, base: i32): Value {
  let m = sbMark();
  for (let i = 0; i < 16; i++) sbByte(0);
  let out = sbBase() + m;
  let ok = hostParseNumber(kind, strData(s), strLen(s), base, out);
  let f = load<f64>(out);
  let i = load<i64>(out, 8);
  sbReset(m);
  if (ok == 1) return kind == 1 ? mkInt(i) : mkFloat(f);
  if (ok == 2) return raiseText(E_OverflowError, "integer result does not fit in 64 bits (withvm ints are 64-bit)");
  let mm = sbMark();
  if (kind == 1) {
    sbText("invalid literal for int() with base ");
    sbInt(base);
    sbText(": ");
  } else sbText("could not convert string to float: ");
  P.appendRepr(mkPtr(s));
  return raiseBuilt(E_ValueError, mm);
}

/** super() with no arguments: the enclosing class from the __class__ cell, self from local 0. */
function makeSuper(args: usize, npos: u32): Value {
  let cls: usize = 0;
  let obj: Value = NULL;
  if (npos == 2) {
    cls = ptrOf(arg(args, 0));
    obj = arg(args, 1);
  } else {
    let f = curFrame;
    let code = <usize>load<u32>(f);
    let nfree = I.codeNFree(code);
    let lb = f + I.FRAME_HDR + (<usize>I.codeMaxBlocks(code) << 4);
    let base = I.codeNlocals(code) + I.codeNCells(code);
    for (let i: u32 = 0; i < nfree; i++) {
      let nm = ptrOf(tupGet(I.codeFreevars(code), i));
      if (O.strEqText(nm, "__class__")) {
        let c = O.cellGet(ptrOf(load<u64>(lb + (<usize>(base + i) << 3))));
        if (isPtr(c)) cls = ptrOf(c);
      }
    }
    if (cls == 0) return raiseText(E_RuntimeError, "super(): __class__ cell not found");
    if (I.codeArgcount(code) == 0) return raiseText(E_RuntimeError, "super(): no arguments");
    obj = load<u64>(lb);
    // the first argument may live in a cell
    let map = I.codeCell2Arg(code);
    if (map != 0) {
      for (let i: u32 = 0; i < I.codeNCells(code); i++) {
        if (load<i32>(map + (<usize>i << 2)) == 0) obj = O.cellGet(ptrOf(load<u64>(lb + (<usize>(I.codeNlocals(code) + i) << 3))));
      }
    }
  }
  let s = gcAlloc(HDR + 16, T_super);
  if (s == 0) return ERR;
  store<u32>(s, <u32>cls, 16);
  store<u64>(s, obj, 24);
  return mkPtr(s);
}

/** __build_class__(func, name, *bases): run the body in a fresh namespace, make the type. */
function buildClass(args: usize, nargs: u32, kwnames: usize): Value {
  let npos = nargs - kwCount(kwnames);
  if (npos < 2) return raiseText(E_TypeError, "__build_class__: not enough arguments");
  let body = ptrOf(arg(args, 0));
  let name = arg(args, 1);
  if (npos > 3) return raiseText(E_TypeError, "multiple inheritance is not supported by withvm");
  let base = T_object;
  if (npos == 3) {
    let b = arg(args, 2);
    if (typeOf(b) != T_type) return raiseText(E_TypeError, "bases must be types");
    base = ptrOf(b);
    if ((typeFlags(base) & TF_BASETYPE) == 0) {
      let m = sbMark();
      sbText("type '");
      sbStr(typeName(base));
      sbText("' is not an acceptable base type");
      return raiseBuilt(E_TypeError, m);
    }
  }
  let ns = newDict();
  if (ns == 0) return ERR;
  let r = runWithLocals(body, O.funcCode(body), O.funcGlobals(body), ns);
  if (r == ERR) return ERR;
  let t = O.newType(ptrOf(name), base, typeKind(base) == K.EXC ? K.EXC : K.INST, TF_BASETYPE);
  if (t == 0) return ERR;
  // the namespace becomes the class dict; the empty one newType made is left to the collector
  store<u32>(t, <u32>ns, 24);
  if (dictGetStr(ns, N.S___qualname__) == NULL) dictSet(ns, mkPtr(N.S___qualname__), name);
  refreshSlots(t);
  listAppend(userClasses, mkPtr(t));
  if (isPtr(r) && objType(ptrOf(r)) == T_cell) O.cellSet(ptrOf(r), mkPtr(t));
  return mkPtr(t);
}

/** The plain-data sys attributes programs in the subset read (the interpreter they mimic is
 * CPython 3.11.7 on a 64-bit little-endian machine). */
function addSysAttrs(sysd: usize): void {
  dictSet(sysd, mkPtr(internText("maxsize")), mkInt(i64.MAX_VALUE));
  dictSet(sysd, mkPtr(internText("maxunicode")), mkSmallInt(0x10FFFF));
  dictSet(sysd, mkPtr(internText("byteorder")), mkPtr(internText("little")));
  dictSet(sysd, mkPtr(internText("platform")), mkPtr(internText("linux")));
  dictSet(sysd, mkPtr(internText("version")), mkPtr(internText("3.11.7")));
  let vi = newTuple(5);
  tupSet(vi, 0, mkSmallInt(3)); tupSet(vi, 1, mkSmallInt(11)); tupSet(vi, 2, mkSmallInt(7));
  tupSet(vi, 3, mkPtr(internText("final"))); tupSet(vi, 4, mkSmallInt(0));
  dictSet(sysd, mkPtr(internText("version_info")), mkPtr(vi));
  dictSet(sysd, mkPtr(internText("hexversion")), mkSmallInt(0x030B07F0));
}
