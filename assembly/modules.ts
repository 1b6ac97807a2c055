// Importable modules other than sys: the table of bundled Python modules (src/pylib, compiled at
// build time and handed over by the host at start-up) and IMPORT_NAME's lookup. A module's code
// runs once per VM, on first import, in the importer's dispatch stack; later imports get the cache.

import { Value, NULL, ERR, mkPtr, ptrOf, isPtr } from "./value";
import { objType } from "./heap";
import { newDict, dictSet, dictGetStr, newModule, T_module, intern, newStr } from "./objects";
import { raiseBuilt, E_ModuleNotFoundError } from "./errors";
import { sbMark, sbText, sbStr } from "./strbuf";
import { runModule, curFrame, setCurFrame, nativeDepth, setNativeDepth } from "./vm";
import * as N from "./names";

/** name (interned str) -> code object (not yet run) or module object. A GC root. */
let table: usize = 0;

export function modulesRoot(): usize { return table; }

/** Makes `name` importable: its module runs `code` when first imported. */
export function registerModule(name: usize, len: usize, code: usize): void {
  if (table == 0) table = newDict();
  dictSet(table, mkPtr(intern(newStr(name, len))), mkPtr(code));
}

/** Makes a module built natively at start-up (e.g. generators.ts's `_contextlib`) importable. */
export function registerNativeModule(name: usize, mod: usize): void {
  if (table == 0) table = newDict();
  dictSet(table, mkPtr(name), mkPtr(mod));
}

/** The module object for IMPORT_NAME `name`, running its code the first time; ERR if unknown or
 * if its body raised (the half-built module is forgotten, so a later import retries, as CPython). */
export function importModule(name: usize): Value {
  let entry: Value = table != 0 ? dictGetStr(table, name) : NULL;
  if (entry == NULL || entry == ERR) {
    let m = sbMark();
    sbText("No module named '");
    sbStr(name);
    sbText("'");
    return raiseBuilt(E_ModuleNotFoundError, m);
  }
  let p = ptrOf(entry);
  if (objType(p) == T_module) return entry;
  let globals = newDict();
  dictSet(globals, mkPtr(N.S___name__), mkPtr(name));
  let mod = newModule(name, globals);
  // cached before running, so an import cycle sees the partial module instead of recursing
  dictSet(table, mkPtr(name), mkPtr(mod));
  let saved = curFrame;
  setNativeDepth(nativeDepth + 1);
  let r = runModule(p, globals);
  setNativeDepth(nativeDepth - 1);
  setCurFrame(saved);
  if (r == ERR) {
    dictSet(table, mkPtr(name), mkPtr(p));
    return ERR;
  }
  return mkPtr(mod);
}
