// Scope analysis, as CPython 3.8's symtable: one Scope per module, class, function, lambda and
// comprehension, recording how each name is used, then resolving every name to LOCAL, CELL,
// FREE, GLOBAL_EXPLICIT or GLOBAL_IMPLICIT. Codegen only reads the result; it never guesses.

import type * as A from "./ast.js";
import { PySyntaxError } from "./errors.js";

// Flags recorded while walking (CPython's DEF_* bits).
export const DEF_GLOBAL = 1;
export const DEF_LOCAL = 2;
export const DEF_PARAM = 4;
export const DEF_NONLOCAL = 8;
export const USE = 16;
export const DEF_FREE_CLASS = 64;
export const DEF_IMPORT = 128;
export const DEF_ANNOT = 256;
const DEF_BOUND = DEF_LOCAL | DEF_PARAM | DEF_IMPORT;

export const enum ScopeKind {
  LOCAL = 1,
  GLOBAL_EXPLICIT = 2,
  GLOBAL_IMPLICIT = 3,
  FREE = 4,
  CELL = 5,
}

export type BlockType = "module" | "function" | "class";

export class Scope {
  readonly symbols = new Map<string, number>();
  readonly scopes = new Map<string, ScopeKind>();
  readonly children: Scope[] = [];
  /** Parameters in co_varnames order. */
  readonly varnames: string[] = [];
  isGenerator = false;
  /** A class whose methods use `__class__` or `super`: it gets an implicit __class__ cell. */
  needsClassClosure = false;
  hasFree = false;
  childFree = false;
  nested = false;
  returnsValue = false;
  /** For comprehension scopes, how 3.11's errors name them ("list comprehension", …). */
  comprehension: string | null = null;
  /** Where each global/nonlocal was declared, for errors found later by analysis. */
  readonly directives = new Map<string, A.Pos>();
  constructor(
    readonly type: BlockType,
    readonly name: string,
    readonly node: A.Node | null,
    readonly lineno: number,
  ) {}

  scopeOf(name: string): ScopeKind | 0 {
    return this.scopes.get(name) ?? 0;
  }
}

export interface SymbolTable {
  top: Scope;
  /** The scope of each scope-opening node (FunctionDef, ClassDef, Lambda, comprehensions). */
  byNode: Map<A.Node, Scope>;
}

/** Python's private-name mangling: `__x` inside class `C` is `_C__x`. */
export function mangle(privateName: string | null, name: string): string {
  if (privateName === null || !name.startsWith("__")) return name;
  if (name.endsWith("__") || name.includes(".")) return name;
  const stripped = privateName.replace(/^_+/, "");
  if (stripped === "") return name;
  return `_${stripped}${name}`;
}

export function buildSymbolTable(mod: A.Module, filename: string, source: string): SymbolTable {
  const builder = new Builder(filename, source);
  const top = builder.run(mod);
  analyze(top, builder);
  return { top, byNode: builder.byNode };
}

const COMPREHENSION_NAMES = {
  ListComp: "list comprehension",
  SetComp: "set comprehension",
  DictComp: "dict comprehension",
  GeneratorExp: "generator expression",
} as const;

class Builder {
  readonly byNode = new Map<A.Node, Scope>();
  private stack: Scope[] = [];
  private cur!: Scope;
  private privateName: string | null = null;
  private lines: string[] | null = null;

  constructor(
    readonly filename: string,
    readonly source: string,
  ) {}

  error(msg: string, node: A.Pos | null): never {
    const lineno = node?.lineno ?? 0;
    this.lines ??= this.source.split(/\r\n|\r|\n/);
    const text = lineno > 0 ? this.lines[lineno - 1] ?? "" : "";
    const offset = node ? node.col_offset + 1 : 0;
    let endOffset = offset + 1;
    if (node) endOffset = node.end_lineno === node.lineno ? node.end_col_offset + 1 : text.length + 1;
    throw new PySyntaxError("SyntaxError", msg, this.filename, lineno, offset, text, endOffset);
  }

  run(mod: A.Module): Scope {
    const top = new Scope("module", "top", mod, 0);
    this.cur = top;
    this.stack = [top];
    for (const s of mod.body) this.stmt(s);
    return top;
  }

  private enter(type: BlockType, name: string, node: A.Node, lineno: number): Scope {
    const scope = new Scope(type, name, node, lineno);
    const prev = this.cur;
    if (prev.type === "function" || prev.nested) scope.nested = true;
    prev.children.push(scope);
    this.byNode.set(node, scope);
    this.stack.push(scope);
    this.cur = scope;
    return scope;
  }

  private leave(): void {
    this.stack.pop();
    this.cur = this.stack[this.stack.length - 1];
  }

  private addDef(name: string, flag: number, scope: Scope = this.cur): void {
    const mangled = mangle(this.privateName, name);
    const old = scope.symbols.get(mangled) ?? 0;
    scope.symbols.set(mangled, old | flag);
    // A `global` anywhere makes the name global in the module's own table too.
    if (flag & DEF_GLOBAL && scope !== this.stack[0]) {
      const top = this.stack[0];
      top.symbols.set(mangled, (top.symbols.get(mangled) ?? 0) | flag);
    }
    if (flag & DEF_PARAM) scope.varnames.push(mangled);
  }

  private stmt(s: A.Stmt): void {
    switch (s.kind) {
      case "FunctionDef": {
        this.addDef(s.name, DEF_LOCAL);
        this.defaults(s.args);
        this.annotations(s.args, s.returns);
        for (const d of s.decorator_list) this.expr(d);
        const first = s.decorator_list.length ? s.decorator_list[0].lineno : s.lineno;
        this.enter("function", s.name, s, first);
        this.params(s.args);
        for (const b of s.body) this.stmt(b);
        this.leave();
        break;
      }
      case "ClassDef": {
        this.addDef(s.name, DEF_LOCAL);
        for (const b of s.bases) this.expr(b);
        for (const k of s.keywords) this.expr(k.value);
        for (const d of s.decorator_list) this.expr(d);
        const first = s.decorator_list.length ? s.decorator_list[0].lineno : s.lineno;
        this.enter("class", s.name, s, first);
        const savedPrivate = this.privateName;
        this.privateName = s.name;
        for (const b of s.body) this.stmt(b);
        this.privateName = savedPrivate;
        this.leave();
        break;
      }
      case "Return":
        if (s.value) {
          this.expr(s.value);
          this.cur.returnsValue = true;
        }
        break;
      case "Delete":
        for (const t of s.targets) this.expr(t);
        break;
      case "Assign":
        for (const t of s.targets) this.expr(t);
        this.expr(s.value);
        break;
      case "AnnAssign":
        if (s.target.kind === "Name") {
          const cur = this.cur.symbols.get(mangle(this.privateName, s.target.id)) ?? 0;
          if (cur & (DEF_GLOBAL | DEF_NONLOCAL) && s.simple) {
            this.error(`annotated name '${s.target.id}' can't be ${cur & DEF_GLOBAL ? "global" : "nonlocal"}`, s);
          }
          if (s.simple) this.addDef(s.target.id, DEF_ANNOT | DEF_LOCAL);
          else if (s.value) this.addDef(s.target.id, DEF_LOCAL);
        } else {
          this.expr(s.target);
        }
        this.expr(s.annotation);
        if (s.value) this.expr(s.value);
        break;
      case "AugAssign":
        this.expr(s.target);
        this.expr(s.value);
        break;
      case "For":
        this.expr(s.target);
        this.expr(s.iter);
        this.stmts(s.body);
        this.stmts(s.orelse);
        break;
      case "While":
        this.expr(s.test);
        this.stmts(s.body);
        this.stmts(s.orelse);
        break;
      case "If":
        this.expr(s.test);
        this.stmts(s.body);
        this.stmts(s.orelse);
        break;
      case "Raise":
        if (s.exc) {
          this.expr(s.exc);
          if (s.cause) this.expr(s.cause);
        }
        break;
      case "Try":
        this.stmts(s.body);
        this.stmts(s.orelse);
        for (const h of s.handlers) {
          if (h.type) this.expr(h.type);
          if (h.name) this.addDef(h.name, DEF_LOCAL);
          this.stmts(h.body);
        }
        this.stmts(s.finalbody);
        break;
      case "Assert":
        this.expr(s.test);
        if (s.msg) this.expr(s.msg);
        break;
      case "Import":
      case "ImportFrom":
        for (const a of s.names) {
          const stored = a.asname ?? a.name;
          const dot = stored.indexOf(".");
          const name = dot >= 0 ? stored.slice(0, dot) : stored;
          if (name !== "*") this.addDef(name, DEF_IMPORT);
        }
        break;
      case "Global":
      case "Nonlocal": {
        const isGlobal = s.kind === "Global";
        const what = isGlobal ? "global" : "nonlocal";
        for (const name of s.names) {
          const cur = this.cur.symbols.get(mangle(this.privateName, name)) ?? 0;
          if (cur & (DEF_PARAM | DEF_LOCAL | USE | DEF_ANNOT)) {
            let msg: string;
            if (cur & DEF_PARAM) msg = `name '${name}' is parameter and ${what}`;
            else if (cur & USE) msg = `name '${name}' is used prior to ${what} declaration`;
            else if (cur & DEF_ANNOT) msg = `annotated name '${name}' can't be ${what}`;
            else msg = `name '${name}' is assigned to before ${what} declaration`;
            this.error(msg, s);
          }
          this.addDef(name, isGlobal ? DEF_GLOBAL : DEF_NONLOCAL);
          if (!this.cur.directives.has(name)) this.cur.directives.set(name, s);
        }
        break;
      }
      case "Expr":
        this.expr(s.value);
        break;
      case "With":
        for (const item of s.items) {
          this.expr(item.context_expr);
          if (item.optional_vars) this.expr(item.optional_vars);
        }
        this.stmts(s.body);
        break;
      case "Pass":
      case "Break":
      case "Continue":
        break;
    }
  }

  private stmts(list: A.Stmt[]): void {
    for (const s of list) this.stmt(s);
  }

  private defaults(args: A.Arguments): void {
    for (const d of args.defaults) this.expr(d);
    for (const d of args.kw_defaults) if (d) this.expr(d);
  }

  private annotations(args: A.Arguments, returns: A.Expr | null): void {
    const all = [...args.posonlyargs, ...args.args, ...args.kwonlyargs];
    if (args.vararg) all.push(args.vararg);
    if (args.kwarg) all.push(args.kwarg);
    for (const a of all) if (a.annotation) this.expr(a.annotation);
    if (returns) this.expr(returns);
  }

  private params(args: A.Arguments): void {
    for (const a of args.posonlyargs) this.addDef(a.arg, DEF_PARAM);
    for (const a of args.args) this.addDef(a.arg, DEF_PARAM);
    for (const a of args.kwonlyargs) this.addDef(a.arg, DEF_PARAM);
    if (args.vararg) this.addDef(args.vararg.arg, DEF_PARAM);
    if (args.kwarg) this.addDef(args.kwarg.arg, DEF_PARAM);
  }

  private isFunctionLike(): boolean {
    return this.cur.type === "function";
  }

  private expr(e: A.Expr): void {
    switch (e.kind) {
      case "BoolOp":
        for (const v of e.values) this.expr(v);
        break;
      case "BinOp":
        this.expr(e.left);
        this.expr(e.right);
        break;
      case "UnaryOp":
        this.expr(e.operand);
        break;
      case "Lambda":
        this.defaults(e.args);
        this.enter("function", "lambda", e, e.lineno);
        this.params(e.args);
        this.expr(e.body);
        this.leave();
        break;
      case "IfExp":
        this.expr(e.test);
        this.expr(e.body);
        this.expr(e.orelse);
        break;
      case "Dict":
        e.keys.forEach((k, i) => {
          if (k) this.expr(k);
          this.expr(e.values[i]);
        });
        break;
      case "Set":
        for (const v of e.elts) this.expr(v);
        break;
      case "ListComp":
        this.comprehension(e, "listcomp", [e.elt]);
        break;
      case "SetComp":
        this.comprehension(e, "setcomp", [e.elt]);
        break;
      case "DictComp":
        this.comprehension(e, "dictcomp", [e.key, e.value]);
        break;
      case "GeneratorExp":
        this.comprehension(e, "genexpr", [e.elt]);
        break;
      case "Yield":
      case "YieldFrom":
        if (!this.isFunctionLike()) this.error("'yield' outside function", e);
        if (this.cur.comprehension) this.error(`'yield' inside ${this.cur.comprehension}`, e);
        if (e.value) this.expr(e.value);
        this.cur.isGenerator = true;
        break;
      case "Compare":
        this.expr(e.left);
        for (const c of e.comparators) this.expr(c);
        break;
      case "Call":
        this.expr(e.func);
        for (const a of e.args) this.expr(a);
        for (const k of e.keywords) this.expr(k.value);
        break;
      case "FormattedValue":
        this.expr(e.value);
        if (e.format_spec) this.expr(e.format_spec);
        break;
      case "JoinedStr":
        for (const v of e.values) this.expr(v);
        break;
      case "Constant":
        break;
      case "Attribute":
        this.expr(e.value);
        break;
      case "Subscript":
        this.expr(e.value);
        this.expr(e.slice);
        break;
      case "Starred":
        this.expr(e.value);
        break;
      case "Slice":
        if (e.lower) this.expr(e.lower);
        if (e.upper) this.expr(e.upper);
        if (e.step) this.expr(e.step);
        break;
      case "Name":
        this.addDef(e.id, e.ctx === "Load" ? USE : DEF_LOCAL);
        // super() needs the implicit __class__ cell of the enclosing class.
        if (e.ctx === "Load" && this.cur.type === "function" && e.id === "super") {
          this.addDef("__class__", USE);
        }
        break;
      case "List":
      case "Tuple":
        for (const v of e.elts) this.expr(v);
        break;
    }
  }

  private comprehension(
    e: A.ListComp | A.SetComp | A.DictComp | A.GeneratorExp,
    name: string,
    elts: A.Expr[],
  ): void {
    const outermost = e.generators[0];
    // The outermost iterable is evaluated in the enclosing scope.
    this.expr(outermost.iter);
    const scope = this.enter("function", name, e, e.lineno);
    scope.comprehension = COMPREHENSION_NAMES[e.kind];
    if (e.kind === "GeneratorExp") scope.isGenerator = true;
    this.addDef(".0", DEF_PARAM);
    this.expr(outermost.target);
    for (const cond of outermost.ifs) this.expr(cond);
    for (let i = 1; i < e.generators.length; i++) {
      const g = e.generators[i];
      this.expr(g.target);
      this.expr(g.iter);
      for (const cond of g.ifs) this.expr(cond);
    }
    for (const x of elts) this.expr(x);
    this.leave();
  }
}

// ---- analysis: CPython's analyze_block, in the same order so results agree ----

function analyze(top: Scope, builder: Builder): void {
  analyzeBlock(top, null, new Set(), new Set(), builder);
}

function analyzeBlock(
  ste: Scope,
  bound: Set<string> | null,
  free: Set<string>,
  global: Set<string>,
  builder: Builder,
): void {
  const local = new Set<string>();
  const newGlobal = new Set<string>();
  const newFree = new Set<string>();
  const newBound = new Set<string>();

  if (ste.type === "class") {
    for (const g of global) newGlobal.add(g);
    if (bound) for (const b of bound) newBound.add(b);
  }
  for (const [name, flags] of ste.symbols) {
    analyzeName(ste, name, flags, bound, local, free, global, builder);
  }
  if (ste.type !== "class") {
    if (ste.type === "function") for (const l of local) newBound.add(l);
    if (bound) for (const b of bound) newBound.add(b);
    for (const g of global) newGlobal.add(g);
  } else {
    newBound.add("__class__");
  }

  const allFree = new Set<string>();
  for (const child of ste.children) {
    const childFree = new Set(newFree);
    analyzeBlock(child, new Set(newBound), childFree, new Set(newGlobal), builder);
    for (const f of childFree) allFree.add(f);
    if (child.hasFree || child.childFree) ste.childFree = true;
  }
  for (const f of allFree) newFree.add(f);

  if (ste.type === "function") {
    for (const [name, sc] of ste.scopes) {
      if (sc === ScopeKind.LOCAL && newFree.has(name)) {
        ste.scopes.set(name, ScopeKind.CELL);
        newFree.delete(name);
      }
    }
  } else if (ste.type === "class") {
    if (newFree.delete("__class__")) ste.needsClassClosure = true;
  }

  // Free names of children not resolved here propagate upward.
  for (const name of newFree) {
    const flags = ste.symbols.get(name);
    if (flags !== undefined) {
      if (ste.type === "class" && flags & (DEF_BOUND | DEF_GLOBAL)) {
        ste.symbols.set(name, flags | DEF_FREE_CLASS);
      }
      continue;
    }
    if (bound && !bound.has(name)) continue;
    ste.symbols.set(name, 0);
    ste.scopes.set(name, ScopeKind.FREE);
  }
  for (const f of newFree) free.add(f);
}

function analyzeName(
  ste: Scope,
  name: string,
  flags: number,
  bound: Set<string> | null,
  local: Set<string>,
  free: Set<string>,
  global: Set<string>,
  builder: Builder,
): void {
  if (flags & DEF_GLOBAL) {
    if (flags & DEF_NONLOCAL) builder.error(`name '${name}' is nonlocal and global`, ste.directives.get(name) ?? null);
    ste.scopes.set(name, ScopeKind.GLOBAL_EXPLICIT);
    global.add(name);
    if (bound) bound.delete(name);
    return;
  }
  if (flags & DEF_NONLOCAL) {
    if (!bound) builder.error("nonlocal declaration not allowed at module level", ste.directives.get(name) ?? null);
    if (!bound.has(name)) {
      const where = ste.directives.get(name) ?? null;
      builder.error(`no binding for nonlocal '${name}' found`, where);
    }
    ste.scopes.set(name, ScopeKind.FREE);
    ste.hasFree = true;
    free.add(name);
    return;
  }
  if (flags & DEF_BOUND) {
    ste.scopes.set(name, ScopeKind.LOCAL);
    local.add(name);
    global.delete(name);
    return;
  }
  if (bound && bound.has(name)) {
    ste.scopes.set(name, ScopeKind.FREE);
    ste.hasFree = true;
    free.add(name);
    return;
  }
  if (global.has(name)) {
    ste.scopes.set(name, ScopeKind.GLOBAL_IMPLICIT);
    return;
  }
  if (ste.nested) ste.hasFree = true;
  ste.scopes.set(name, ScopeKind.GLOBAL_IMPLICIT);
}
