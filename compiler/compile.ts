// The compiler's one entry point: source → parse → fold → scopes → codegen → assembled
// CodeObject tree. Every compile-stage failure surfaces as a PySyntaxError.

import type { Module } from "./ast.js";
import type { CodeObject } from "./code.js";
import { parse } from "./parser.js";
import { foldModule } from "./fold.js";
import { buildSymbolTable } from "./symtable.js";
import { CodeGen } from "./codegen.js";

export function compile(source: string, filename: string): CodeObject {
  return compileModule(parse(source, filename), source, filename);
}

/** Compiles an already-parsed module (which it folds in place); `source` is only used to quote
 * lines in error reports. */
export function compileModule(mod: Module, source: string, filename: string): CodeObject {
  foldModule(mod);
  const st = buildSymbolTable(mod, filename, source);
  return new CodeGen(st, filename, source).compileModule(mod);
}
