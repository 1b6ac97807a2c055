// AST → basic blocks → code objects, lowering every construct exactly as CPython 3.8's
// compile.c does (same instruction order, same constant/name numbering, same line-number
// rules), with a compile-time frame-block stack mirroring the VM's run-time block stack.

import { Op, MakeFn, Cmp, CodeFlag } from "../assembly/shared/opcodes.js";
import { ELLIPSIS, type ConstValue } from "./ast.js";
import type * as A from "./ast.js";
import type { CodeConst, CodeObject, Position } from "./code.js";
import { isCode } from "./code.js";
import { PySyntaxError, unsupported } from "./errors.js";
import { Block, type Instr } from "./ir.js";
import { assemble } from "./assemble.js";
import { ScopeKind, mangle, DEF_FREE_CLASS, type Scope, type SymbolTable } from "./symtable.js";
import { truthy } from "./fold.js";

/** CPython's CO_MAXBLOCKS: static nesting limit of the block stack. */
const MAX_BLOCKS = 20;

const enum FBlockKind {
  WHILE_LOOP,
  FOR_LOOP,
  EXCEPT,
  FINALLY_TRY,
  FINALLY_END,
  WITH,
  HANDLER_CLEANUP,
  /** Counts toward the nesting limit only: 3.11 (whose limit errors we report) reserves a
   * level for the exception being handled, which 3.8's run-time EXCEPT_HANDLER block also
   * takes; it emits nothing when unwound. */
  EXCEPTION_HANDLER,
}

/** One entry of the compile-time block stack (3.8's fblockinfo). */
interface FBlock {
  kind: FBlockKind;
  block: Block | null;
  /** Loop exit, finally body or cleanup target; a FINALLY_END's is cleared when the finally
   * body exits early (break/continue/return), which makes the try push a placeholder. */
  exit: Block | null;
  /** The `with` statement, whose position its cleanup instructions report. */
  node: A.Pos | null;
  /** FINALLY_TRY: a None placeholder sits under the block (the finally body exits early). */
  placeholder?: boolean;
}

type ScopeType = "module" | "class" | "function" | "lambda" | "comprehension";

const NO_POS: Position = { line: 0, col: 0, endLine: 0, endCol: 0 };

const POS = Symbol("position");

/** A node's span as a Position, made once per node (instructions share it; never mutated). */
function posOf(node: A.Pos): Position {
  const cached = (node as { [POS]?: Position })[POS];
  if (cached) return cached;
  const p = { line: node.lineno, col: node.col_offset, endLine: node.end_lineno, endCol: node.end_col_offset };
  (node as { [POS]?: Position })[POS] = p;
  return p;
}

/** co_consts dedup key: type and value, as CPython's _PyCode_ConstantKey. */
function constKey(v: CodeConst): string | null {
  if (v === null) return "N";
  if (typeof v === "boolean") return v ? "T" : "F";
  if (typeof v === "bigint") return "i" + v.toString();
  if (typeof v === "number") {
    if (Number.isNaN(v)) return null; // nan != nan: never shared
    return Object.is(v, -0) ? "f-0" : "f" + v.toString();
  }
  if (typeof v === "string") return "s" + v;
  if (v === ELLIPSIS) return "E";
  if (isCode(v)) return codeKey(v);
  if ("tuple" in v) {
    const parts: string[] = [];
    for (const x of v.tuple) {
      const k = constKey(x);
      if (k === null) return null;
      parts.push(k);
    }
    return `(${parts.map((p) => p.length + ":" + p).join("")})`;
  }
  const parts: string[] = [];
  for (const x of v.frozenset) {
    const k = constKey(x);
    if (k === null) return null;
    parts.push(k.length + ":" + k);
  }
  return `{${parts.sort().join("")}}`;
}

/** Equal code objects (3.8's code_richcompare: not positions, filename or line table) are
 * merged into one constant, as 3.8's constant cache does for two identical lambdas. */
const codeKeys = new WeakMap<CodeObject, string | null>();
const latin1 = new TextDecoder("latin1");

function codeKey(c: CodeObject): string | null {
  let key = codeKeys.get(c);
  if (key === undefined) {
    key = computeCodeKey(c);
    codeKeys.set(c, key);
  }
  return key;
}

function computeCodeKey(c: CodeObject): string | null {
  const consts: string[] = [];
  for (const x of c.consts) {
    const k = constKey(x);
    if (k === null) return null;
    consts.push(k.length + ":" + k);
  }
  return (
    "C" +
    JSON.stringify([
      c.name, c.argcount, c.posonlyargcount, c.kwonlyargcount, c.nlocals, c.flags, c.firstlineno,
      latin1.decode(c.code), consts, c.names, c.varnames, c.freevars, c.cellvars,
    ])
  );
}

/** Per code object compilation state (3.8's compiler_unit). */
class Unit {
  readonly consts: CodeConst[] = [];
  private readonly constIndex = new Map<string, number>();
  readonly names: string[] = [];
  private readonly nameIndex = new Map<string, number>();
  readonly varnames: string[] = [];
  private readonly varIndex = new Map<string, number>();
  readonly cellvars: string[];
  readonly freevars: string[];
  readonly cellIndex = new Map<string, number>();
  readonly freeIndex = new Map<string, number>();
  readonly blocks: Block[] = [];
  entry: Block;
  cur: Block;
  lineno = 0;
  linenoSet = false;
  pos: Position = NO_POS;
  readonly fblocks: FBlock[] = [];
  argcount = 0;
  posonlyargcount = 0;
  kwonlyargcount = 0;
  qualname = "";
  privateName: string | null = null;

  constructor(
    readonly ste: Scope,
    readonly name: string,
    readonly scopeType: ScopeType,
    public firstlineno: number,
  ) {
    for (const v of ste.varnames) this.addVarname(v);
    const cells: string[] = [];
    const frees: string[] = [];
    for (const [n, sc] of ste.scopes) {
      if (sc === ScopeKind.CELL) cells.push(n);
      if (sc === ScopeKind.FREE || (ste.symbols.get(n) ?? 0) & DEF_FREE_CLASS) frees.push(n);
    }
    cells.sort(codePointCompare);
    frees.sort(codePointCompare);
    if (ste.needsClassClosure) cells.unshift("__class__");
    this.cellvars = cells;
    this.freevars = frees;
    cells.forEach((n, i) => this.cellIndex.set(n, i));
    frees.forEach((n, i) => this.freeIndex.set(n, i + cells.length));
    this.entry = this.newBlock();
    this.cur = this.entry;
  }

  newBlock(): Block {
    const b = new Block();
    this.blocks.push(b);
    return b;
  }

  addConst(v: CodeConst): number {
    // Code objects: compare in full only when a cheap signature already matches one.
    if (isCode(v)) return this.addCodeConst(v);
    const key = constKey(v);
    if (key !== null) {
      const found = this.constIndex.get(key);
      if (found !== undefined) return found;
      this.constIndex.set(key, this.consts.length);
    }
    this.consts.push(v);
    return this.consts.length - 1;
  }

  private readonly codeBySignature = new Map<string, number[]>();

  private addCodeConst(v: CodeObject): number {
    const signature = `${v.name}\0${v.firstlineno}\0${v.code.length}\0${v.consts.length}`;
    const same = this.codeBySignature.get(signature);
    if (same) {
      const key = codeKey(v);
      if (key !== null) for (const i of same) if (codeKey(this.consts[i] as CodeObject) === key) return i;
      same.push(this.consts.length);
    } else {
      this.codeBySignature.set(signature, [this.consts.length]);
    }
    this.consts.push(v);
    return this.consts.length - 1;
  }

  addName(n: string): number {
    return internIndex(n, this.names, this.nameIndex);
  }

  addVarname(n: string): number {
    return internIndex(n, this.varnames, this.varIndex);
  }
}

/** The index of `n` in `list` (co_names, co_varnames), appending it on first use. */
function internIndex(n: string, list: string[], index: Map<string, number>): number {
  let i = index.get(n);
  if (i === undefined) {
    i = list.length;
    list.push(n);
    index.set(n, i);
  }
  return i;
}

function codePointCompare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export class CodeGen {
  private u!: Unit;
  private readonly stack: Unit[] = [];
  /** >0 while compiling code 3.8 drops (`if 0:` bodies): visited for errors, never emitted. */
  private noEmit = 0;
  private lines: string[] | null = null;

  constructor(
    private readonly st: SymbolTable,
    private readonly filename: string,
    private readonly source: string,
  ) {}

  // ---- errors ----

  private error(msg: string, node: A.Pos | null): never {
    this.lines ??= this.source.split(/\r\n|\r|\n/);
    const lineno = node?.lineno ?? this.u.lineno;
    const text = this.lines[lineno - 1] ?? "";
    const offset = node ? node.col_offset + 1 : 0;
    const endOffset = node ? (node.end_lineno === node.lineno ? node.end_col_offset + 1 : text.length + 1) : offset + 1;
    throw new PySyntaxError("SyntaxError", msg, this.filename, lineno, offset, text, endOffset);
  }

  // ---- entry ----

  compileModule(mod: A.Module): CodeObject {
    this.enterScope("<module>", "module", this.st.top, 0);
    this.body(mod.body);
    return this.leaveScope(true);
  }

  private enterScope(name: string, scopeType: ScopeType, ste: Scope, firstlineno: number): void {
    const parent: Unit | null = this.u ?? null;
    const u = new Unit(ste, name, scopeType, firstlineno);
    if (parent) this.stack.push(parent);
    this.u = u;
    u.privateName = parent?.privateName ?? null;
    u.qualname = this.qualnameFor(u, parent);
  }

  private qualnameFor(u: Unit, parent: Unit | null): string {
    if (!parent || u.scopeType === "module") return u.name;
    let forceGlobal = false;
    if (u.scopeType === "function" || u.scopeType === "class") {
      const m = mangle(parent.privateName, u.name);
      if (parent.ste.scopeOf(m) === ScopeKind.GLOBAL_EXPLICIT) forceGlobal = true;
    }
    if (forceGlobal || parent.scopeType === "module") return u.name;
    const base =
      parent.scopeType === "function" || parent.scopeType === "lambda" ? `${parent.qualname}.<locals>` : parent.qualname;
    return `${base}.${u.name}`;
  }

  private leaveScope(addNone: boolean): CodeObject {
    const u = this.u;
    // Every path that falls off the end returns None (3.8 checks only the last block).
    if (!u.cur.hasReturn) {
      this.nextBlock();
      if (addNone) this.loadConst(null);
      this.emit(Op.RETURN_VALUE);
    }
    const code = assemble({
      name: u.name,
      qualname: u.qualname,
      filename: this.filename,
      firstlineno: u.firstlineno,
      argcount: u.argcount,
      posonlyargcount: u.posonlyargcount,
      kwonlyargcount: u.kwonlyargcount,
      flags: this.codeFlags(u),
      entry: u.entry,
      consts: u.consts,
      names: u.names,
      varnames: u.varnames,
      freevars: u.freevars,
      cellvars: u.cellvars,
    });
    const parent = this.stack.pop();
    if (parent) this.u = parent;
    return code;
  }

  private codeFlags(u: Unit): number {
    let flags = 0;
    const ste = u.ste;
    if (ste.type === "function") {
      flags |= CodeFlag.OPTIMIZED | CodeFlag.NEWLOCALS;
      if (ste.nested) flags |= CodeFlag.NESTED;
      if (ste.isGenerator) flags |= CodeFlag.GENERATOR;
      const node = ste.node as A.FunctionDef | A.Lambda | null;
      if (node && (node.kind === "FunctionDef" || node.kind === "Lambda")) {
        if (node.args.vararg) flags |= CodeFlag.VARARGS;
        if (node.args.kwarg) flags |= CodeFlag.VARKEYWORDS;
      }
    }
    if (u.freevars.length === 0 && u.cellvars.length === 0) flags |= CodeFlag.NOFREE;
    return flags;
  }

  // ---- emission ----

  private emitInstr(op: Op, arg: number, target: Block | null): void {
    if (this.noEmit) return;
    const u = this.u;
    let lineno = 0;
    if (!u.linenoSet) {
      u.linenoSet = true;
      lineno = u.lineno;
    }
    const instr: Instr = { op, arg, target, lineno, pos: u.pos };
    u.cur.instrs.push(instr);
    if (op === Op.RETURN_VALUE) u.cur.hasReturn = true;
  }

  private emit(op: Op, arg = 0): void {
    this.emitInstr(op, arg, null);
  }

  private jump(op: Op, target: Block): void {
    this.emitInstr(op, 0, target);
  }

  private loadConst(v: CodeConst): void {
    if (this.noEmit) return;
    this.emit(Op.LOAD_CONST, this.u.addConst(v));
  }

  private emitName(op: Op, name: string): void {
    if (this.noEmit) return;
    this.emit(op, this.u.addName(name));
  }

  private useNextBlock(b: Block): void {
    this.u.cur.next = b;
    this.u.cur = b;
  }

  private nextBlock(): void {
    this.useNextBlock(this.u.newBlock());
  }

  private setLine(lineno: number): void {
    this.u.lineno = lineno;
    this.u.linenoSet = false;
  }

  // ---- frame blocks ----

  private pushFBlock(kind: FBlockKind, block: Block | null, exit: Block | null, node: A.Pos | null, at: A.Pos): FBlock {
    if (this.u.fblocks.length >= MAX_BLOCKS) this.error("too many statically nested blocks", at);
    const fb: FBlock = { kind, block, exit, node };
    this.u.fblocks.push(fb);
    return fb;
  }

  private popFBlock(): void {
    this.u.fblocks.pop();
  }

  /** Emits what leaving `fb` early needs; `preserveTos` keeps a return value on top. */
  private unwindFBlock(fb: FBlock, preserveTos: boolean): void {
    switch (fb.kind) {
      case FBlockKind.WHILE_LOOP:
      case FBlockKind.EXCEPTION_HANDLER:
        return;
      case FBlockKind.FOR_LOOP:
        if (preserveTos) this.emit(Op.ROT_TWO);
        this.emit(Op.POP_TOP); // the iterator
        return;
      case FBlockKind.EXCEPT:
        this.emit(Op.POP_BLOCK);
        return;
      case FBlockKind.FINALLY_TRY:
        this.emit(Op.POP_BLOCK);
        // With a placeholder, a return value takes its slot; otherwise it is dropped after.
        if (fb.placeholder && preserveTos) {
          this.emit(Op.ROT_TWO);
          this.emit(Op.POP_TOP);
        }
        this.jump(Op.CALL_FINALLY, fb.exit!);
        if (fb.placeholder && !preserveTos) this.emit(Op.POP_TOP);
        return;
      case FBlockKind.FINALLY_END:
        // Leaving a finally body early: the try side pushed a placeholder under the marker.
        fb.exit = null;
        this.emit(Op.POP_FINALLY, preserveTos ? 1 : 0);
        if (preserveTos) this.emit(Op.ROT_TWO);
        this.emit(Op.POP_TOP);
        return;
      case FBlockKind.WITH: {
        const saved = this.u.pos;
        this.u.pos = posOf(fb.node!);
        this.emit(Op.POP_BLOCK);
        if (preserveTos) this.emit(Op.ROT_TWO);
        this.emit(Op.BEGIN_FINALLY);
        this.emit(Op.WITH_CLEANUP_START);
        this.emit(Op.WITH_CLEANUP_FINISH);
        this.emit(Op.POP_FINALLY, 0);
        this.u.pos = saved;
        return;
      }
      case FBlockKind.HANDLER_CLEANUP:
        if (preserveTos) this.emit(Op.ROT_FOUR);
        if (fb.exit) {
          this.emit(Op.POP_BLOCK);
          this.emit(Op.POP_EXCEPT);
          this.jump(Op.CALL_FINALLY, fb.exit);
        } else {
          this.emit(Op.POP_EXCEPT);
        }
        return;
    }
  }

  // ---- statements ----

  /** A module or class body: the docstring goes to __doc__. */
  private body(stmts: A.Stmt[]): void {
    const u = this.u;
    if (u.scopeType === "module" && !u.lineno && stmts.length) u.lineno = stmts[0].lineno;
    if (stmts.some(hasAnnotation)) this.emit(Op.SETUP_ANNOTATIONS);
    let i = 0;
    const doc = docstring(stmts);
    if (doc !== null) {
      i = 1;
      const st = stmts[0] as A.ExprStmt;
      this.expr(st.value);
      this.nameop("__doc__", "Store");
    }
    for (; i < stmts.length; i++) this.stmt(stmts[i]);
  }

  private stmts(list: A.Stmt[]): void {
    for (const s of list) this.stmt(s);
  }

  private stmt(s: A.Stmt): void {
    this.setLine(s.lineno);
    this.u.pos = posOf(s);
    switch (s.kind) {
      case "FunctionDef":
        return this.functionDef(s);
      case "ClassDef":
        return this.classDef(s);
      case "Return":
        return this.returnStmt(s);
      case "Delete":
        for (const t of s.targets) this.expr(t);
        return;
      case "Assign":
        this.expr(s.value);
        s.targets.forEach((t, i) => {
          if (i < s.targets.length - 1) this.emit(Op.DUP_TOP);
          this.expr(t);
        });
        return;
      case "AugAssign":
        return this.augAssign(s);
      case "AnnAssign":
        return this.annAssign(s);
      case "For":
        return this.forStmt(s);
      case "While":
        return this.whileStmt(s);
      case "If":
        return this.ifStmt(s);
      case "Raise": {
        let n = 0;
        if (s.exc) {
          this.expr(s.exc);
          n++;
          if (s.cause) {
            this.expr(s.cause);
            n++;
          }
        }
        this.emit(Op.RAISE_VARARGS, n);
        return;
      }
      case "Try":
        if (s.finalbody.length) return this.tryFinally(s);
        return this.tryExcept(s);
      case "Assert":
        return this.assertStmt(s);
      case "Import":
        return this.importStmt(s);
      case "ImportFrom":
        return this.importFrom(s);
      case "Global":
      case "Nonlocal":
      case "Pass":
        return;
      case "Expr":
        // A constant statement (a docstring elsewhere, `...`) emits nothing.
        if (s.value.kind === "Constant") return;
        this.expr(s.value);
        this.emit(Op.POP_TOP);
        return;
      case "Break":
        return this.breakStmt(s);
      case "Continue":
        return this.continueStmt(s);
      case "With":
        return this.withStmt(s, 0);
    }
  }

  private decorators(list: A.Expr[]): void {
    for (const d of list) this.expr(d);
  }

  private functionDef(s: A.FunctionDef): void {
    const scope = this.st.byNode.get(s)!;
    const firstlineno = s.decorator_list.length ? s.decorator_list[0].lineno : s.lineno;
    this.decorators(s.decorator_list);
    let flags = this.defaultArguments(s.args);
    if (this.annotations(s.args, s.returns)) flags |= MakeFn.ANNOTATIONS;
    this.enterScope(s.name, "function", scope, firstlineno);
    const doc = docstring(s.body);
    this.u.addConst(doc);
    this.u.argcount = s.args.args.length + s.args.posonlyargs.length;
    this.u.posonlyargcount = s.args.posonlyargs.length;
    this.u.kwonlyargcount = s.args.kwonlyargs.length;
    this.stmts(s.body);
    const qualname = this.u.qualname;
    const code = this.leaveScope(true);
    this.u.pos = posOf(s);
    this.makeClosure(code, flags, qualname);
    for (let i = 0; i < s.decorator_list.length; i++) this.emit(Op.CALL_FUNCTION, 1);
    this.nameop(s.name, "Store");
  }

  private defaultArguments(args: A.Arguments): number {
    let flags = 0;
    if (args.defaults.length) {
      for (const d of args.defaults) this.expr(d);
      this.emit(Op.BUILD_TUPLE, args.defaults.length);
      flags |= MakeFn.DEFAULTS;
    }
    const keys: string[] = [];
    args.kwonlyargs.forEach((a, i) => {
      const d = args.kw_defaults[i];
      if (d) {
        keys.push(mangle(this.u.privateName, a.arg));
        this.expr(d);
      }
    });
    if (keys.length) {
      this.loadConst({ tuple: keys });
      this.emit(Op.BUILD_CONST_KEY_MAP, keys.length);
      flags |= MakeFn.KWDEFAULTS;
    }
    return flags;
  }

  private annotations(args: A.Arguments, returns: A.Expr | null): boolean {
    const names: string[] = [];
    const visit = (list: A.Arg[]) => {
      for (const a of list) {
        if (a.annotation) {
          this.expr(a.annotation);
          names.push(mangle(this.u.privateName, a.arg));
        }
      }
    };
    visit(args.args);
    visit(args.posonlyargs);
    if (args.vararg) visit([args.vararg]);
    visit(args.kwonlyargs);
    if (args.kwarg) visit([args.kwarg]);
    if (returns) {
      this.expr(returns);
      names.push("return");
    }
    if (names.length) {
      this.loadConst({ tuple: names });
      this.emit(Op.BUILD_CONST_KEY_MAP, names.length);
      return true;
    }
    return false;
  }

  private makeClosure(code: CodeObject, flags: number, qualname: string): void {
    if (code.freevars.length) {
      for (const name of code.freevars) {
        // A class's own __class__ cell, or the enclosing scope's cell or free variable.
        let arg: number | undefined;
        if (this.u.scopeType === "class" && name === "__class__") arg = this.u.cellIndex.get(name);
        else if (this.u.ste.scopeOf(name) === ScopeKind.CELL) arg = this.u.cellIndex.get(name);
        else arg = this.u.freeIndex.get(name);
        if (arg === undefined) throw new Error(`internal: no closure cell for '${name}' in ${this.u.name}`);
        this.emit(Op.LOAD_CLOSURE, arg);
      }
      flags |= MakeFn.CLOSURE;
      this.emit(Op.BUILD_TUPLE, code.freevars.length);
    }
    this.loadConst(code);
    this.loadConst(qualname);
    this.emit(Op.MAKE_FUNCTION, flags);
  }

  private classDef(s: A.ClassDef): void {
    if (s.bases.length > 1) this.error(unsupported("multiple inheritance"), s);
    if (s.keywords.length) this.error(unsupported("class keywords"), s);
    const scope = this.st.byNode.get(s)!;
    this.decorators(s.decorator_list);
    const firstlineno = s.decorator_list.length ? s.decorator_list[0].lineno : s.lineno;
    this.enterScope(s.name, "class", scope, firstlineno);
    this.u.privateName = s.name;
    this.nameop("__name__", "Load");
    this.nameop("__module__", "Store");
    this.loadConst(this.u.qualname);
    this.nameop("__qualname__", "Store");
    this.body(s.body);
    if (this.u.ste.needsClassClosure) {
      this.emit(Op.LOAD_CLOSURE, this.u.cellIndex.get("__class__")!);
      this.emit(Op.DUP_TOP);
      this.nameop("__classcell__", "Store");
    } else {
      this.loadConst(null);
    }
    this.emit(Op.RETURN_VALUE);
    const code = this.leaveScope(true);
    this.u.pos = posOf(s);
    this.emit(Op.LOAD_BUILD_CLASS);
    this.makeClosure(code, 0, code.name);
    this.loadConst(s.name);
    this.callHelper(2, s.bases, s.keywords);
    for (let i = 0; i < s.decorator_list.length; i++) this.emit(Op.CALL_FUNCTION, 1);
    this.nameop(s.name, "Store");
  }

  private returnStmt(s: A.Return): void {
    if (this.u.ste.type !== "function") this.error("'return' outside function", s);
    const preserveTos = s.value !== null && s.value.kind !== "Constant";
    if (preserveTos) this.expr(s.value!);
    for (let depth = this.u.fblocks.length - 1; depth >= 0; depth--) {
      this.unwindFBlock(this.u.fblocks[depth], preserveTos);
    }
    if (s.value === null) this.loadConst(null);
    else if (!preserveTos) this.expr(s.value);
    this.emit(Op.RETURN_VALUE);
  }

  private breakStmt(s: A.Break): void {
    for (let depth = this.u.fblocks.length - 1; depth >= 0; depth--) {
      const fb = this.u.fblocks[depth];
      this.unwindFBlock(fb, false);
      if (fb.kind === FBlockKind.WHILE_LOOP || fb.kind === FBlockKind.FOR_LOOP) {
        this.jump(Op.JUMP_ABSOLUTE, fb.exit!);
        return;
      }
    }
    this.error("'break' outside loop", s);
  }

  private continueStmt(s: A.Continue): void {
    for (let depth = this.u.fblocks.length - 1; depth >= 0; depth--) {
      const fb = this.u.fblocks[depth];
      if (fb.kind === FBlockKind.WHILE_LOOP || fb.kind === FBlockKind.FOR_LOOP) {
        this.jump(Op.JUMP_ABSOLUTE, fb.block!);
        return;
      }
      this.unwindFBlock(fb, false);
    }
    this.error("'continue' not properly in loop", s);
  }

  private augAssign(s: A.AugAssign): void {
    const t = s.target;
    const op = INPLACE[s.op];
    switch (t.kind) {
      case "Attribute":
        this.withExprLine(t, () => {
          this.expr(t.value);
          this.emit(Op.DUP_TOP);
          this.emitName(Op.LOAD_ATTR, t.attr);
        });
        this.expr(s.value);
        this.emit(op);
        this.withExprLine(t, () => {
          this.emit(Op.ROT_TWO);
          this.emitName(Op.STORE_ATTR, t.attr);
        });
        return;
      case "Subscript":
        this.withExprLine(t, () => {
          this.expr(t.value);
          this.slice(t.slice);
          this.emit(Op.DUP_TOP_TWO);
          this.emit(Op.BINARY_SUBSCR);
        });
        this.expr(s.value);
        this.emit(op);
        this.withExprLine(t, () => {
          this.emit(Op.ROT_THREE);
          this.emit(Op.STORE_SUBSCR);
        });
        return;
      case "Name":
        this.nameop(t.id, "Load");
        this.expr(s.value);
        this.emit(op);
        this.nameop(t.id, "Store");
        return;
      default:
        this.error("illegal expression for augmented assignment", s);
    }
  }

  private annAssign(s: A.AnnAssign): void {
    const t = s.target;
    if (s.value) {
      this.expr(s.value);
      this.expr(t);
    }
    if (t.kind === "Name") {
      if (s.simple && (this.u.scopeType === "module" || this.u.scopeType === "class")) {
        this.expr(s.annotation);
        this.emitName(Op.LOAD_NAME, "__annotations__");
        this.loadConst(mangle(this.u.privateName, t.id));
        this.emit(Op.STORE_SUBSCR);
      }
    } else if (t.kind === "Attribute") {
      if (!s.value) this.checkAnnExpr(t.value);
    } else if (t.kind === "Subscript") {
      if (!s.value) {
        this.checkAnnExpr(t.value);
        this.checkAnnSubscr(t.slice);
      }
    }
    // 3.8 evaluates annotations of complex targets only in module and class bodies.
    if (t.kind !== "Name" && (this.u.scopeType === "module" || this.u.scopeType === "class")) {
      this.checkAnnExpr(s.annotation);
    }
  }

  private checkAnnExpr(e: A.Expr): void {
    this.expr(e);
    this.emit(Op.POP_TOP);
  }

  private checkAnnSubscr(e: A.Expr): void {
    if (e.kind === "Slice") {
      if (e.lower) this.checkAnnExpr(e.lower);
      if (e.upper) this.checkAnnExpr(e.upper);
      if (e.step) this.checkAnnExpr(e.step);
    } else if (e.kind === "Tuple" && e.elts.some((x) => x.kind === "Slice")) {
      for (const x of e.elts) this.checkAnnSubscr(x);
    } else {
      this.checkAnnExpr(e);
    }
  }

  /**
   * `for t in it: body else: orelse` →
   *   <it> GET_ITER  start: FOR_ITER cleanup  <store t> <body> JUMP_ABSOLUTE start
   *   cleanup: <orelse>  end:
   */
  private forStmt(s: A.For): void {
    const start = this.u.newBlock();
    const cleanup = this.u.newBlock();
    const end = this.u.newBlock();
    this.pushFBlock(FBlockKind.FOR_LOOP, start, end, null, s);
    this.expr(s.iter);
    this.emit(Op.GET_ITER);
    this.useNextBlock(start);
    this.jump(Op.FOR_ITER, cleanup);
    this.expr(s.target);
    this.stmts(s.body);
    this.jump(Op.JUMP_ABSOLUTE, start);
    this.useNextBlock(cleanup);
    this.popFBlock();
    this.stmts(s.orelse);
    this.useNextBlock(end);
  }

  private whileStmt(s: A.While): void {
    const constant = exprConstant(s.test);
    if (constant === 0) {
      this.noEmit++;
      this.pushFBlock(FBlockKind.WHILE_LOOP, null, null, null, s);
      this.stmts(s.body);
      this.popFBlock();
      this.noEmit--;
      this.stmts(s.orelse);
      return;
    }
    const loop = this.u.newBlock();
    const end = this.u.newBlock();
    const anchor = constant === -1 ? this.u.newBlock() : null;
    this.useNextBlock(loop);
    this.pushFBlock(FBlockKind.WHILE_LOOP, loop, end, null, s);
    if (anchor) this.jumpIf(s.test, anchor, false);
    this.stmts(s.body);
    this.jump(Op.JUMP_ABSOLUTE, loop);
    if (anchor) this.useNextBlock(anchor);
    this.popFBlock();
    this.stmts(s.orelse);
    this.useNextBlock(end);
  }

  private ifStmt(s: A.If): void {
    const end = this.u.newBlock();
    const constant = exprConstant(s.test);
    if (constant === 0) {
      this.noEmit++;
      this.stmts(s.body);
      this.noEmit--;
      this.stmts(s.orelse);
    } else if (constant === 1) {
      this.stmts(s.body);
      if (s.orelse.length) {
        this.noEmit++;
        this.stmts(s.orelse);
        this.noEmit--;
      }
    } else {
      const next = s.orelse.length ? this.u.newBlock() : end;
      this.jumpIf(s.test, next, false);
      this.stmts(s.body);
      if (s.orelse.length) {
        this.jump(Op.JUMP_FORWARD, end);
        this.useNextBlock(next);
        this.stmts(s.orelse);
      }
    }
    this.useNextBlock(end);
  }

  /**
   * `try: body finally: fin` →
   *   [LOAD_CONST None]  SETUP_FINALLY end  <body>  POP_BLOCK  BEGIN_FINALLY
   *   end: <fin>  END_FINALLY  [POP_TOP]
   * The finally body is compiled first: if it contains break/continue/return, a None
   * placeholder is pushed before SETUP_FINALLY (and popped after END_FINALLY) so those
   * exits find the same stack shape on every path in.
   */
  private tryFinally(s: A.Try): void {
    const body = this.u.newBlock();
    const end = this.u.newBlock();
    const start = this.u.cur;

    this.useNextBlock(end);
    const fin = this.pushFBlock(FBlockKind.FINALLY_END, end, end, null, s);
    this.stmts(s.finalbody);
    this.emit(Op.END_FINALLY);
    const breakFinally = fin.exit === null;
    if (breakFinally) this.emit(Op.POP_TOP);
    this.popFBlock();

    const finallyTail = this.u.cur;
    this.u.cur = start;
    start.next = null;

    this.setLine(s.lineno);
    this.u.pos = posOf(s);
    if (breakFinally) this.loadConst(null);
    this.jump(Op.SETUP_FINALLY, end);
    this.useNextBlock(body);
    this.pushFBlock(FBlockKind.FINALLY_TRY, body, end, null, s).placeholder = breakFinally;
    if (s.handlers.length) this.tryExcept(s);
    else this.stmts(s.body);
    this.emit(Op.POP_BLOCK);
    this.emit(Op.BEGIN_FINALLY);
    this.popFBlock();

    this.u.cur.next = end;
    this.u.cur = finallyTail;
  }

  /**
   * `try: body except E as n: h else: orelse` →
   *   SETUP_FINALLY except  <body>  POP_BLOCK  JUMP_FORWARD orelse
   *   except: DUP_TOP <E> COMPARE_OP exception-match  POP_JUMP_IF_FALSE next
   *     POP_TOP  STORE n  POP_TOP  SETUP_FINALLY cleanup  <h>  POP_BLOCK  BEGIN_FINALLY
   *     cleanup: n = None; del n  END_FINALLY  POP_EXCEPT  JUMP_FORWARD end
   *   next: …  END_FINALLY   orelse: <orelse>   end:
   */
  private tryExcept(s: A.Try): void {
    const body = this.u.newBlock();
    let except = this.u.newBlock();
    const orelse = this.u.newBlock();
    const end = this.u.newBlock();
    this.jump(Op.SETUP_FINALLY, except);
    this.useNextBlock(body);
    this.pushFBlock(FBlockKind.EXCEPT, body, null, null, s);
    this.stmts(s.body);
    this.emit(Op.POP_BLOCK);
    this.popFBlock();
    this.jump(Op.JUMP_FORWARD, orelse);
    this.useNextBlock(except);
    if (s.handlers.length) this.pushFBlock(FBlockKind.EXCEPTION_HANDLER, null, null, null, s.handlers[0]);
    s.handlers.forEach((h, i) => {
      if (!h.type && i < s.handlers.length - 1) this.error("default 'except:' must be last", h);
      this.setLine(h.lineno);
      this.u.pos = posOf(h);
      except = this.u.newBlock();
      if (h.type) {
        this.emit(Op.DUP_TOP);
        this.expr(h.type);
        this.emit(Op.COMPARE_OP, Cmp.EXC_MATCH);
        this.jump(Op.POP_JUMP_IF_FALSE, except);
      }
      this.emit(Op.POP_TOP);
      if (h.name) {
        const cleanupEnd = this.u.newBlock();
        const cleanupBody = this.u.newBlock();
        this.nameop(h.name, "Store");
        this.emit(Op.POP_TOP);
        this.jump(Op.SETUP_FINALLY, cleanupEnd);
        this.useNextBlock(cleanupBody);
        this.pushFBlock(FBlockKind.HANDLER_CLEANUP, cleanupBody, cleanupEnd, null, h);
        this.stmts(h.body);
        this.emit(Op.POP_BLOCK);
        this.emit(Op.BEGIN_FINALLY);
        this.popFBlock();
        this.useNextBlock(cleanupEnd);
        this.pushFBlock(FBlockKind.FINALLY_END, cleanupEnd, null, null, h);
        this.loadConst(null);
        this.nameop(h.name, "Store");
        this.nameop(h.name, "Del");
        this.emit(Op.END_FINALLY);
        this.emit(Op.POP_EXCEPT);
        this.popFBlock();
      } else {
        const cleanupBody = this.u.newBlock();
        this.emit(Op.POP_TOP);
        this.emit(Op.POP_TOP);
        this.useNextBlock(cleanupBody);
        this.pushFBlock(FBlockKind.HANDLER_CLEANUP, cleanupBody, null, null, h);
        this.stmts(h.body);
        this.popFBlock();
        this.emit(Op.POP_EXCEPT);
      }
      this.jump(Op.JUMP_FORWARD, end);
      this.useNextBlock(except);
    });
    if (s.handlers.length) this.popFBlock();
    this.emit(Op.END_FINALLY);
    this.useNextBlock(orelse);
    this.stmts(s.orelse);
    this.useNextBlock(end);
  }

  /**
   * `with m as v: body` behaves like: mgr = m; exit = type(mgr).__exit__;
   * v = type(mgr).__enter__(mgr); try: body; finally: exit(exc info or Nones), where a truthy
   * exit result swallows the exception. Emitted as:
   *   <m> SETUP_WITH L  <store v | POP_TOP>  <body>  POP_BLOCK  BEGIN_FINALLY
   *   L: WITH_CLEANUP_START  WITH_CLEANUP_FINISH  END_FINALLY
   * Several items nest, the first outermost. The set-up and cleanup instructions report the
   * `with` statement's position (where 3.11 reports an exception from __exit__).
   */
  private withStmt(s: A.With, pos: number): void {
    const item = s.items[pos];
    const block = this.u.newBlock();
    const fin = this.u.newBlock();
    const withPos = posOf(s);
    this.expr(item.context_expr);
    this.u.pos = withPos;
    this.jump(Op.SETUP_WITH, fin);
    this.useNextBlock(block);
    this.pushFBlock(FBlockKind.WITH, block, fin, s, s);
    if (item.optional_vars) this.expr(item.optional_vars);
    else this.emit(Op.POP_TOP);
    if (pos + 1 === s.items.length) this.stmts(s.body);
    else this.withStmt(s, pos + 1);
    this.u.pos = withPos;
    this.emit(Op.POP_BLOCK);
    this.emit(Op.BEGIN_FINALLY);
    this.popFBlock();
    this.useNextBlock(fin);
    this.pushFBlock(FBlockKind.FINALLY_END, fin, null, null, s);
    this.emit(Op.WITH_CLEANUP_START);
    this.emit(Op.WITH_CLEANUP_FINISH);
    this.emit(Op.END_FINALLY);
    this.popFBlock();
  }

  private assertStmt(s: A.Assert): void {
    const end = this.u.newBlock();
    this.jumpIf(s.test, end, true);
    // 3.11 reports a failed `assert <comparison>` at the comparison, any other at the statement.
    if (s.test.kind === "Compare") this.u.pos = posOf(s.test);
    this.emitName(Op.LOAD_GLOBAL, "AssertionError");
    if (s.msg) {
      this.expr(s.msg);
      this.emit(Op.CALL_FUNCTION, 1);
    }
    this.emit(Op.RAISE_VARARGS, 1);
    this.useNextBlock(end);
  }

  private importStmt(s: A.Import): void {
    for (const alias of s.names) {
      this.loadConst(0n);
      this.loadConst(null);
      this.emitName(Op.IMPORT_NAME, alias.name);
      if (alias.asname) {
        const parts = alias.name.split(".");
        if (parts.length > 1) {
          for (let i = 1; i < parts.length; i++) {
            this.emitName(Op.IMPORT_FROM, parts[i]);
            if (i < parts.length - 1) {
              this.emit(Op.ROT_TWO);
              this.emit(Op.POP_TOP);
            }
          }
          this.nameop(alias.asname, "Store");
          this.emit(Op.POP_TOP);
        } else {
          this.nameop(alias.asname, "Store");
        }
      } else {
        this.nameop(alias.name.split(".")[0], "Store");
      }
    }
  }

  private importFrom(s: A.ImportFrom): void {
    if (s.level > 0) this.error(unsupported("relative imports"), s);
    if (s.names.length && s.names[0].name === "*") this.error(unsupported("'from ... import *'"), s);
    this.loadConst(BigInt(s.level));
    this.loadConst({ tuple: s.names.map((a) => a.name) });
    this.emitName(Op.IMPORT_NAME, s.module ?? "");
    for (const alias of s.names) {
      this.emitName(Op.IMPORT_FROM, alias.name);
      this.nameop(alias.asname ?? alias.name, "Store");
    }
    this.emit(Op.POP_TOP);
  }

  // ---- expressions ----

  /** Visits `e` with 3.8's line rule: a sub-expression on another line gets its own line
   * entry, and the line goes back to the enclosing one afterwards. */
  private expr(e: A.Expr): void {
    const u = this.u;
    const oldLine = u.lineno;
    const oldPos = u.pos;
    if (e.lineno !== u.lineno) {
      u.lineno = e.lineno;
      u.linenoSet = false;
    }
    u.pos = posOf(e);
    this.expr1(e);
    if (oldLine !== u.lineno) {
      u.lineno = oldLine;
      u.linenoSet = false;
    }
    u.pos = oldPos;
  }

  /** Line and position handling of expr() for code that re-emits part of a node. */
  private withExprLine(e: A.Expr, f: () => void): void {
    const u = this.u;
    const oldLine = u.lineno;
    const oldPos = u.pos;
    if (e.lineno !== u.lineno) {
      u.lineno = e.lineno;
      u.linenoSet = false;
    }
    u.pos = posOf(e);
    f();
    if (oldLine !== u.lineno) {
      u.lineno = oldLine;
      u.linenoSet = false;
    }
    u.pos = oldPos;
  }

  private expr1(e: A.Expr): void {
    switch (e.kind) {
      case "BoolOp": {
        const jumpOp = e.op === "And" ? Op.JUMP_IF_FALSE_OR_POP : Op.JUMP_IF_TRUE_OR_POP;
        const end = this.u.newBlock();
        const n = e.values.length - 1;
        for (let i = 0; i < n; i++) {
          this.expr(e.values[i]);
          this.jump(jumpOp, end);
        }
        this.expr(e.values[n]);
        this.useNextBlock(end);
        return;
      }
      case "BinOp":
        this.expr(e.left);
        this.expr(e.right);
        this.emit(BINARY[e.op]);
        return;
      case "UnaryOp":
        this.expr(e.operand);
        this.emit(UNARY[e.op]);
        return;
      case "Lambda":
        return this.lambda(e);
      case "IfExp": {
        const end = this.u.newBlock();
        const next = this.u.newBlock();
        this.jumpIf(e.test, next, false);
        this.expr(e.body);
        this.jump(Op.JUMP_FORWARD, end);
        this.useNextBlock(next);
        this.expr(e.orelse);
        this.useNextBlock(end);
        return;
      }
      case "Dict":
        return this.dict(e);
      case "Set":
        return this.starUnpack(e.elts, Op.BUILD_SET, Op.BUILD_SET, Op.BUILD_SET_UNPACK);
      case "GeneratorExp":
        return this.comprehension(e, "<genexpr>", [e.elt]);
      case "ListComp":
        return this.comprehension(e, "<listcomp>", [e.elt]);
      case "SetComp":
        return this.comprehension(e, "<setcomp>", [e.elt]);
      case "DictComp":
        return this.comprehension(e, "<dictcomp>", [e.key, e.value]);
      case "Yield":
        if (this.u.ste.type !== "function") this.error("'yield' outside function", e);
        if (e.value) this.expr(e.value);
        else this.loadConst(null);
        this.emit(Op.YIELD_VALUE);
        return;
      case "YieldFrom":
        if (this.u.ste.type !== "function") this.error("'yield' outside function", e);
        this.expr(e.value);
        this.emit(Op.GET_YIELD_FROM_ITER);
        this.loadConst(null);
        this.emit(Op.YIELD_FROM);
        return;
      case "Compare":
        return this.compare(e);
      case "Call":
        return this.call(e);
      case "Constant":
        this.loadConst(e.value);
        return;
      case "JoinedStr":
        for (const v of e.values) this.expr(v);
        if (e.values.length !== 1) this.emit(Op.BUILD_STRING, e.values.length);
        return;
      case "FormattedValue": {
        this.expr(e.value);
        let arg = e.conversion === 115 ? 1 : e.conversion === 114 ? 2 : e.conversion === 97 ? 3 : 0;
        if (e.format_spec) {
          this.expr(e.format_spec);
          arg |= 4;
        }
        this.emit(Op.FORMAT_VALUE, arg);
        return;
      }
      case "Attribute":
        this.expr(e.value);
        if (e.ctx === "Load") this.emitName(Op.LOAD_ATTR, mangle(this.u.privateName, e.attr));
        else if (e.ctx === "Store") this.emitName(Op.STORE_ATTR, mangle(this.u.privateName, e.attr));
        else this.emitName(Op.DELETE_ATTR, mangle(this.u.privateName, e.attr));
        return;
      case "Subscript":
        this.expr(e.value);
        this.slice(e.slice);
        this.emit(e.ctx === "Load" ? Op.BINARY_SUBSCR : e.ctx === "Store" ? Op.STORE_SUBSCR : Op.DELETE_SUBSCR);
        return;
      case "Starred":
        if (e.ctx === "Store") this.error("starred assignment target must be in a list or tuple", e);
        this.error("can't use starred expression here", e);
        return;
      case "Name":
        return this.nameop(e.id, e.ctx);
      case "List":
        if (e.ctx === "Store") return this.assignSequence(e.elts, e);
        if (e.ctx === "Load") return this.starUnpack(e.elts, Op.BUILD_LIST, Op.BUILD_TUPLE, Op.BUILD_LIST_UNPACK);
        for (const x of e.elts) this.expr(x);
        return;
      case "Tuple":
        if (e.ctx === "Store") return this.assignSequence(e.elts, e);
        if (e.ctx === "Load") return this.starUnpack(e.elts, Op.BUILD_TUPLE, Op.BUILD_TUPLE, Op.BUILD_TUPLE_UNPACK);
        for (const x of e.elts) this.expr(x);
        return;
      case "Slice":
        // Only reachable through subscripts; 3.8 has no Slice expression of its own.
        return this.slice(e);
    }
  }

  /** A subscript's index: 3.8 visits slices without a line change of their own. */
  private slice(s: A.Expr): void {
    if (s.kind === "Slice") {
      let n = 2;
      if (s.lower) this.expr(s.lower);
      else this.loadConst(null);
      if (s.upper) this.expr(s.upper);
      else this.loadConst(null);
      if (s.step) {
        n++;
        this.expr(s.step);
      }
      this.emit(Op.BUILD_SLICE, n);
    } else if (s.kind === "Tuple" && s.elts.some((x) => x.kind === "Slice")) {
      // An extended slice: each dimension, then one tuple.
      for (const d of s.elts) this.slice(d);
      this.emit(Op.BUILD_TUPLE, s.elts.length);
    } else {
      this.expr(s);
    }
  }

  private nameop(name: string, ctx: A.ExprContext): void {
    const u = this.u;
    const mangled = mangle(u.privateName, name);
    const scope = u.ste.scopeOf(mangled);
    const isFunction = u.ste.type === "function";
    if (scope === ScopeKind.FREE || scope === ScopeKind.CELL) {
      const arg = scope === ScopeKind.CELL ? u.cellIndex.get(mangled)! : u.freeIndex.get(mangled)!;
      const op =
        ctx === "Load" ? (u.ste.type === "class" ? Op.LOAD_CLASSDEREF : Op.LOAD_DEREF) : ctx === "Store" ? Op.STORE_DEREF : Op.DELETE_DEREF;
      this.emit(op, arg);
      return;
    }
    if (scope === ScopeKind.LOCAL && isFunction) {
      const op = ctx === "Load" ? Op.LOAD_FAST : ctx === "Store" ? Op.STORE_FAST : Op.DELETE_FAST;
      // Unlike co_names, co_varnames gains nothing from dropped code.
      if (!this.noEmit) this.emit(op, u.addVarname(mangled));
      return;
    }
    if ((scope === ScopeKind.GLOBAL_IMPLICIT && isFunction) || scope === ScopeKind.GLOBAL_EXPLICIT) {
      const op = ctx === "Load" ? Op.LOAD_GLOBAL : ctx === "Store" ? Op.STORE_GLOBAL : Op.DELETE_GLOBAL;
      this.emit(op, u.addName(mangled));
      return;
    }
    // 3.8 records these names in co_names even in code it drops (`if 0:` bodies).
    const op = ctx === "Load" ? Op.LOAD_NAME : ctx === "Store" ? Op.STORE_NAME : Op.DELETE_NAME;
    this.emit(op, u.addName(mangled));
  }

  private assignSequence(elts: A.Expr[], node: A.Expr): void {
    let seenStar = false;
    elts.forEach((elt, i) => {
      if (elt.kind === "Starred" && !seenStar) {
        const after = elts.length - i - 1;
        if (i >= 256 || after >= 0x7fffffff >> 8) this.error("too many expressions in star-unpacking assignment", node);
        this.emit(Op.UNPACK_EX, i + (after << 8));
        seenStar = true;
      } else if (elt.kind === "Starred") {
        this.error("multiple starred expressions in assignment", node);
      }
    });
    if (!seenStar) this.emit(Op.UNPACK_SEQUENCE, elts.length);
    for (const elt of elts) this.expr(elt.kind === "Starred" ? elt.value : elt);
  }

  private starUnpack(elts: A.Expr[], single: Op, inner: Op, outer: Op): void {
    let nsub = 0;
    let nseen = 0;
    for (const elt of elts) {
      if (elt.kind === "Starred") {
        if (nseen) {
          this.emit(inner, nseen);
          nseen = 0;
          nsub++;
        }
        this.expr(elt.value);
        nsub++;
      } else {
        this.expr(elt);
        nseen++;
      }
    }
    if (nsub) {
      if (nseen) {
        this.emit(inner, nseen);
        nsub++;
      }
      this.emit(outer, nsub);
    } else {
      this.emit(single, nseen);
    }
  }

  private dict(e: A.Dict): void {
    const n = e.values.length;
    let containers = 0;
    let elements = 0;
    let isUnpacking = false;
    for (let i = 0; i < n; i++) {
      isUnpacking = e.keys[i] === null;
      if (elements === 0xffff || (elements && isUnpacking)) {
        this.subdict(e, i - elements, i);
        containers++;
        elements = 0;
      }
      if (isUnpacking) {
        this.expr(e.values[i]);
        containers++;
      } else {
        elements++;
      }
    }
    if (elements || containers === 0) {
      this.subdict(e, n - elements, n);
      containers++;
    }
    if (containers > 1 || isUnpacking) this.emit(Op.BUILD_MAP_UNPACK, containers);
  }

  private subdict(e: A.Dict, begin: number, end: number): void {
    const n = end - begin;
    const keys = e.keys.slice(begin, end);
    if (n > 1 && keys.every((k) => k !== null && k.kind === "Constant")) {
      for (let i = begin; i < end; i++) this.expr(e.values[i]);
      this.loadConst({ tuple: keys.map((k) => (k as A.Constant).value) });
      this.emit(Op.BUILD_CONST_KEY_MAP, n);
    } else {
      for (let i = begin; i < end; i++) {
        this.expr(e.keys[i]!);
        this.expr(e.values[i]);
      }
      this.emit(Op.BUILD_MAP, n);
    }
  }

  private compare(e: A.Compare): void {
    this.expr(e.left);
    const n = e.ops.length - 1;
    if (n === 0) {
      this.expr(e.comparators[0]);
      this.emit(Op.COMPARE_OP, CMP[e.ops[0]]);
      return;
    }
    const cleanup = this.u.newBlock();
    this.compareLinks(e, cleanup, Op.JUMP_IF_FALSE_OR_POP);
    this.expr(e.comparators[n]);
    this.emit(Op.COMPARE_OP, CMP[e.ops[n]]);
    const end = this.u.newBlock();
    this.jump(Op.JUMP_FORWARD, end);
    this.useNextBlock(cleanup);
    this.emit(Op.ROT_TWO);
    this.emit(Op.POP_TOP);
    this.useNextBlock(end);
  }

  /**
   * Every link of a chained comparison but the last: `a < b < c` keeps b for the next link
   * (DUP_TOP, ROT_THREE) and leaves for `cleanup` through `linkJump` as soon as a link is false.
   */
  private compareLinks(e: A.Compare, cleanup: Block, linkJump: Op.JUMP_IF_FALSE_OR_POP | Op.POP_JUMP_IF_FALSE): void {
    for (let i = 0; i < e.ops.length - 1; i++) {
      this.expr(e.comparators[i]);
      this.emit(Op.DUP_TOP);
      this.emit(Op.ROT_THREE);
      this.emit(Op.COMPARE_OP, CMP[e.ops[i]]);
      this.jump(linkJump, cleanup);
      this.nextBlock();
    }
  }

  /** Jumps to `next` when `e` is truthy (cond) or falsy (!cond), as 3.8's compiler_jump_if. */
  private jumpIf(e: A.Expr, next: Block, cond: boolean): void {
    switch (e.kind) {
      case "UnaryOp":
        if (e.op === "Not") return this.jumpIf(e.operand, next, !cond);
        break;
      case "BoolOp": {
        const n = e.values.length - 1;
        const cond2 = e.op === "Or";
        let next2 = next;
        if (cond2 !== cond) next2 = this.u.newBlock();
        for (let i = 0; i < n; i++) this.jumpIf(e.values[i], next2, cond2);
        this.jumpIf(e.values[n], next, cond);
        if (next2 !== next) this.useNextBlock(next2);
        return;
      }
      case "IfExp": {
        const end = this.u.newBlock();
        const next2 = this.u.newBlock();
        this.jumpIf(e.test, next2, false);
        this.jumpIf(e.body, next, cond);
        this.jump(Op.JUMP_FORWARD, end);
        this.useNextBlock(next2);
        this.jumpIf(e.orelse, next, cond);
        this.useNextBlock(end);
        return;
      }
      case "Compare": {
        const n = e.ops.length - 1;
        if (n > 0) {
          // A chained comparison as a condition: jump straight on each link's result.
          const cleanup = this.u.newBlock();
          this.expr(e.left);
          this.compareLinks(e, cleanup, Op.POP_JUMP_IF_FALSE);
          this.expr(e.comparators[n]);
          this.emit(Op.COMPARE_OP, CMP[e.ops[n]]);
          this.jump(cond ? Op.POP_JUMP_IF_TRUE : Op.POP_JUMP_IF_FALSE, next);
          const end = this.u.newBlock();
          this.jump(Op.JUMP_FORWARD, end);
          this.useNextBlock(cleanup);
          this.emit(Op.POP_TOP);
          if (!cond) this.jump(Op.JUMP_FORWARD, next);
          this.useNextBlock(end);
          return;
        }
        break;
      }
      default:
        break;
    }
    this.expr(e);
    this.jump(cond ? Op.POP_JUMP_IF_TRUE : Op.POP_JUMP_IF_FALSE, next);
  }

  private call(e: A.Call): void {
    const f = e.func;
    if (f.kind === "Attribute" && f.ctx === "Load" && e.keywords.length === 0 && !e.args.some((a) => a.kind === "Starred")) {
      // obj.m(args) without keywords or stars: LOAD_METHOD / CALL_METHOD.
      this.expr(f.value);
      // The lookup reports the attribute's span (3.11), the call the whole call's; 3.8 gives
      // the attribute no line of its own.
      const callPos = this.u.pos;
      this.u.pos = posOf(f);
      this.emitName(Op.LOAD_METHOD, mangle(this.u.privateName, f.attr));
      this.u.pos = callPos;
      for (const a of e.args) this.expr(a);
      this.emit(Op.CALL_METHOD, e.args.length);
      return;
    }
    this.expr(f);
    this.callHelper(0, e.args, e.keywords);
  }

  private callHelper(n: number, args: A.Expr[], keywords: A.Keyword[]): void {
    const mustDictUnpack = keywords.some((k) => k.arg === null);
    let nseen = n;
    let nsubargs = 0;
    for (const elt of args) {
      if (elt.kind === "Starred") {
        if (nseen) {
          this.emit(Op.BUILD_TUPLE, nseen);
          nseen = 0;
          nsubargs++;
        }
        this.expr(elt.value);
        nsubargs++;
      } else {
        this.expr(elt);
        nseen++;
      }
    }
    if (nsubargs || mustDictUnpack) {
      if (nseen) {
        this.emit(Op.BUILD_TUPLE, nseen);
        nsubargs++;
      }
      if (nsubargs > 1) this.emit(Op.BUILD_TUPLE_UNPACK_WITH_CALL, nsubargs);
      else if (nsubargs === 0) this.emit(Op.BUILD_TUPLE, 0);
      let nsubkwargs = 0;
      nseen = 0;
      keywords.forEach((kw, i) => {
        if (kw.arg === null) {
          if (nseen) {
            this.subkwargs(keywords, i - nseen, i);
            nsubkwargs++;
            nseen = 0;
          }
          this.expr(kw.value);
          nsubkwargs++;
        } else {
          nseen++;
        }
      });
      if (nseen) {
        this.subkwargs(keywords, keywords.length - nseen, keywords.length);
        nsubkwargs++;
      }
      if (nsubkwargs > 1) this.emit(Op.BUILD_MAP_UNPACK_WITH_CALL, nsubkwargs);
      this.emit(Op.CALL_FUNCTION_EX, nsubkwargs > 0 ? 1 : 0);
      return;
    }
    if (keywords.length) {
      for (const kw of keywords) this.expr(kw.value);
      this.loadConst({ tuple: keywords.map((k) => k.arg!) });
      this.emit(Op.CALL_FUNCTION_KW, n + args.length + keywords.length);
      return;
    }
    this.emit(Op.CALL_FUNCTION, n + args.length);
  }

  private subkwargs(keywords: A.Keyword[], begin: number, end: number): void {
    const n = end - begin;
    if (n > 1) {
      for (let i = begin; i < end; i++) this.expr(keywords[i].value);
      this.loadConst({ tuple: keywords.slice(begin, end).map((k) => k.arg!) });
      this.emit(Op.BUILD_CONST_KEY_MAP, n);
    } else {
      for (let i = begin; i < end; i++) {
        this.loadConst(keywords[i].arg!);
        this.expr(keywords[i].value);
      }
      this.emit(Op.BUILD_MAP, n);
    }
  }

  private lambda(e: A.Lambda): void {
    const scope = this.st.byNode.get(e)!;
    const flags = this.defaultArguments(e.args);
    this.enterScope("<lambda>", "lambda", scope, e.lineno);
    // None first, so a lambda can never have a docstring.
    this.u.addConst(null);
    this.u.argcount = e.args.args.length + e.args.posonlyargs.length;
    this.u.posonlyargcount = e.args.posonlyargs.length;
    this.u.kwonlyargcount = e.args.kwonlyargs.length;
    this.expr(e.body);
    let code: CodeObject;
    const qualname = this.u.qualname;
    if (this.u.ste.isGenerator) {
      code = this.leaveScope(false);
    } else {
      this.emit(Op.RETURN_VALUE);
      code = this.leaveScope(true);
    }
    this.makeClosure(code, flags, qualname);
  }

  /**
   * `[elt for t in it if c]` → a nested function `<listcomp>(.0)`:
   *   BUILD_LIST 0  LOAD_FAST .0  start: FOR_ITER anchor  <store t>
   *   <c> POP_JUMP_IF_FALSE start  <elt> LIST_APPEND 2  JUMP_ABSOLUTE start  anchor: RETURN_VALUE
   * called with iter(<it>), the outermost iterable evaluated in the enclosing scope.
   */
  private comprehension(e: A.ListComp | A.SetComp | A.DictComp | A.GeneratorExp, name: string, elts: A.Expr[]): void {
    const scope = this.st.byNode.get(e)!;
    const outermost = e.generators[0];
    this.enterScope(name, "comprehension", scope, e.lineno);
    if (e.kind === "ListComp") this.emit(Op.BUILD_LIST, 0);
    else if (e.kind === "SetComp") this.emit(Op.BUILD_SET, 0);
    else if (e.kind === "DictComp") this.emit(Op.BUILD_MAP, 0);
    this.comprehensionGenerator(e, 0, elts);
    if (e.kind !== "GeneratorExp") this.emit(Op.RETURN_VALUE);
    const qualname = this.u.qualname;
    const code = this.leaveScope(true);
    this.makeClosure(code, 0, qualname);
    this.expr(outermost.iter);
    this.emit(Op.GET_ITER);
    this.emit(Op.CALL_FUNCTION, 1);
  }

  private comprehensionGenerator(e: A.ListComp | A.SetComp | A.DictComp | A.GeneratorExp, index: number, elts: A.Expr[]): void {
    const start = this.u.newBlock();
    const skip = this.u.newBlock();
    const ifCleanup = this.u.newBlock();
    const anchor = this.u.newBlock();
    const gen = e.generators[index];
    if (gen.is_async) this.error(unsupported("asynchronous comprehensions"), e);
    if (index === 0) {
      this.u.argcount = 1;
      this.emit(Op.LOAD_FAST, 0);
    } else {
      this.expr(gen.iter);
      this.emit(Op.GET_ITER);
    }
    this.useNextBlock(start);
    this.jump(Op.FOR_ITER, anchor);
    this.nextBlock();
    this.expr(gen.target);
    for (const cond of gen.ifs) {
      this.jumpIf(cond, ifCleanup, false);
      this.nextBlock();
    }
    index++;
    if (index < e.generators.length) this.comprehensionGenerator(e, index, elts);
    if (index >= e.generators.length) {
      switch (e.kind) {
        case "GeneratorExp":
          this.expr(elts[0]);
          this.emit(Op.YIELD_VALUE);
          this.emit(Op.POP_TOP);
          break;
        case "ListComp":
          this.expr(elts[0]);
          this.emit(Op.LIST_APPEND, index + 1);
          break;
        case "SetComp":
          this.expr(elts[0]);
          this.emit(Op.SET_ADD, index + 1);
          break;
        case "DictComp":
          this.expr(elts[0]);
          this.expr(elts[1]);
          this.emit(Op.MAP_ADD, index + 1);
          break;
      }
      this.useNextBlock(skip);
    }
    this.useNextBlock(ifCleanup);
    this.jump(Op.JUMP_ABSOLUTE, start);
    this.useNextBlock(anchor);
  }
}

// ---- tables and helpers ----

const BINARY: Record<A.OperatorKind, Op> = {
  Add: Op.BINARY_ADD,
  Sub: Op.BINARY_SUBTRACT,
  Mult: Op.BINARY_MULTIPLY,
  MatMult: Op.BINARY_MATRIX_MULTIPLY,
  Div: Op.BINARY_TRUE_DIVIDE,
  Mod: Op.BINARY_MODULO,
  Pow: Op.BINARY_POWER,
  LShift: Op.BINARY_LSHIFT,
  RShift: Op.BINARY_RSHIFT,
  BitOr: Op.BINARY_OR,
  BitXor: Op.BINARY_XOR,
  BitAnd: Op.BINARY_AND,
  FloorDiv: Op.BINARY_FLOOR_DIVIDE,
};

const INPLACE: Record<A.OperatorKind, Op> = {
  Add: Op.INPLACE_ADD,
  Sub: Op.INPLACE_SUBTRACT,
  Mult: Op.INPLACE_MULTIPLY,
  MatMult: Op.INPLACE_MATRIX_MULTIPLY,
  Div: Op.INPLACE_TRUE_DIVIDE,
  Mod: Op.INPLACE_MODULO,
  Pow: Op.INPLACE_POWER,
  LShift: Op.INPLACE_LSHIFT,
  RShift: Op.INPLACE_RSHIFT,
  BitOr: Op.INPLACE_OR,
  BitXor: Op.INPLACE_XOR,
  BitAnd: Op.INPLACE_AND,
  FloorDiv: Op.INPLACE_FLOOR_DIVIDE,
};

const UNARY: Record<A.UnaryOpKind, Op> = {
  Invert: Op.UNARY_INVERT,
  Not: Op.UNARY_NOT,
  UAdd: Op.UNARY_POSITIVE,
  USub: Op.UNARY_NEGATIVE,
};

const CMP: Record<A.CmpOpKind, number> = {
  Lt: Cmp.LT,
  LtE: Cmp.LE,
  Eq: Cmp.EQ,
  NotEq: Cmp.NE,
  Gt: Cmp.GT,
  GtE: Cmp.GE,
  In: Cmp.IN,
  NotIn: Cmp.NOT_IN,
  Is: Cmp.IS,
  IsNot: Cmp.IS_NOT,
};

/** 3.8's expr_constant: 1 / 0 for a constant true / false test, -1 otherwise. */
function exprConstant(e: A.Expr): number {
  if (e.kind === "Constant") return truthy(e.value as ConstValue) ? 1 : 0;
  return -1;
}

function docstring(body: A.Stmt[]): string | null {
  const s = body[0];
  if (s && s.kind === "Expr" && s.value.kind === "Constant" && typeof s.value.value === "string") return s.value.value;
  return null;
}

/** Whether a body has a simple-name annotation at its own level (3.8's find_ann). */
function hasAnnotation(s: A.Stmt): boolean {
  switch (s.kind) {
    case "AnnAssign":
      return true;
    case "For":
    case "While":
    case "If":
      return s.body.some(hasAnnotation) || s.orelse.some(hasAnnotation);
    case "With":
      return s.body.some(hasAnnotation);
    case "Try":
      return (
        s.body.some(hasAnnotation) ||
        s.orelse.some(hasAnnotation) ||
        s.finalbody.some(hasAnnotation) ||
        s.handlers.some((h) => h.body.some(hasAnnotation))
      );
    default:
      return false;
  }
}
