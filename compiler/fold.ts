// Constant folding on the AST, doing what CPython 3.8's ast_opt.c does and nothing more:
// unary and binary operators on constants (within 3.8's size limits), constant subscripts,
// tuples of constants, and literal lists/sets iterated over or tested with `in`.

import { ELLIPSIS, type ConstValue } from "./ast.js";
import type * as A from "./ast.js";

const MAX_INT_SIZE = 128n; // bits
const MAX_COLLECTION_SIZE = 256n;
const MAX_STR_SIZE = 4096n; // characters
const MAX_TOTAL_ITEMS = 1024n;

/** Thrown internally when an operation would raise in Python: the node is left unfolded. */
const NO_FOLD = Symbol("no fold");

export function foldModule(mod: A.Module): void {
  foldBody(mod.body);
}

function isDocstring(body: A.Stmt[]): boolean {
  const s = body[0];
  return !!s && s.kind === "Expr" && s.value.kind === "Constant" && typeof s.value.value === "string";
}

function foldBody(body: A.Stmt[]): void {
  const hadDoc = isDocstring(body);
  for (const s of body) foldStmt(s);
  // A string produced by folding must not become a docstring.
  if (!hadDoc && isDocstring(body)) {
    const st = body[0] as A.ExprStmt;
    const c = st.value;
    st.value = { ...c, kind: "JoinedStr", values: [c] } as A.JoinedStr;
  }
}

function foldStmts(list: A.Stmt[]): void {
  for (const s of list) foldStmt(s);
}

function foldArgs(args: A.Arguments): void {
  args.defaults = args.defaults.map(foldExpr);
  args.kw_defaults = args.kw_defaults.map((d) => (d ? foldExpr(d) : d));
  const all = [...args.posonlyargs, ...args.args, ...args.kwonlyargs];
  if (args.vararg) all.push(args.vararg);
  if (args.kwarg) all.push(args.kwarg);
  for (const a of all) if (a.annotation) a.annotation = foldExpr(a.annotation);
}

function foldStmt(s: A.Stmt): void {
  switch (s.kind) {
    case "FunctionDef":
      foldArgs(s.args);
      foldBody(s.body);
      s.decorator_list = s.decorator_list.map(foldExpr);
      if (s.returns) s.returns = foldExpr(s.returns);
      break;
    case "ClassDef":
      s.bases = s.bases.map(foldExpr);
      for (const k of s.keywords) k.value = foldExpr(k.value);
      foldBody(s.body);
      s.decorator_list = s.decorator_list.map(foldExpr);
      break;
    case "Return":
      if (s.value) s.value = foldExpr(s.value);
      break;
    case "Delete":
      s.targets = s.targets.map(foldExpr);
      break;
    case "Assign":
      s.targets = s.targets.map(foldExpr);
      s.value = foldExpr(s.value);
      break;
    case "AugAssign":
      s.target = foldExpr(s.target);
      s.value = foldExpr(s.value);
      break;
    case "AnnAssign":
      s.target = foldExpr(s.target);
      s.annotation = foldExpr(s.annotation);
      if (s.value) s.value = foldExpr(s.value);
      break;
    case "For":
      s.target = foldExpr(s.target);
      s.iter = foldExpr(s.iter);
      foldStmts(s.body);
      foldStmts(s.orelse);
      s.iter = foldIter(s.iter);
      break;
    case "While":
    case "If":
      s.test = foldExpr(s.test);
      foldStmts(s.body);
      foldStmts(s.orelse);
      break;
    case "With":
      for (const item of s.items) {
        item.context_expr = foldExpr(item.context_expr);
        if (item.optional_vars) item.optional_vars = foldExpr(item.optional_vars);
      }
      foldStmts(s.body);
      break;
    case "Raise":
      if (s.exc) s.exc = foldExpr(s.exc);
      if (s.cause) s.cause = foldExpr(s.cause);
      break;
    case "Try":
      foldStmts(s.body);
      for (const h of s.handlers) {
        if (h.type) h.type = foldExpr(h.type);
        foldStmts(h.body);
      }
      foldStmts(s.orelse);
      foldStmts(s.finalbody);
      break;
    case "Assert":
      s.test = foldExpr(s.test);
      if (s.msg) s.msg = foldExpr(s.msg);
      break;
    case "Expr":
      s.value = foldExpr(s.value);
      break;
    default:
      break;
  }
}

function constant(node: A.Pos, value: ConstValue): A.Constant {
  return {
    kind: "Constant",
    value,
    lineno: node.lineno,
    col_offset: node.col_offset,
    end_lineno: node.end_lineno,
    end_col_offset: node.end_col_offset,
  };
}

function foldComprehensions(gens: A.Comprehension[]): void {
  for (const g of gens) {
    g.target = foldExpr(g.target);
    g.iter = foldExpr(g.iter);
    g.ifs = g.ifs.map(foldExpr);
    g.iter = foldIter(g.iter);
  }
}

export function foldExpr(e: A.Expr): A.Expr {
  switch (e.kind) {
    case "BoolOp":
      e.values = e.values.map(foldExpr);
      return e;
    case "BinOp": {
      e.left = foldExpr(e.left);
      e.right = foldExpr(e.right);
      if (e.left.kind !== "Constant" || e.right.kind !== "Constant") return e;
      const v = tryFold(() => binop(e.op, e.left.kind === "Constant" ? e.left.value : null, (e.right as A.Constant).value));
      return v === NO_FOLD ? e : constant(e, v);
    }
    case "UnaryOp": {
      e.operand = foldExpr(e.operand);
      const arg = e.operand;
      if (arg.kind !== "Constant") {
        // `not (a is b)` → `a is not b`, and likewise for in/not in.
        if (e.op === "Not" && arg.kind === "Compare" && arg.ops.length === 1) {
          const flipped = { Is: "IsNot", IsNot: "Is", In: "NotIn", NotIn: "In" } as const;
          const op = arg.ops[0];
          if (op === "Is" || op === "IsNot" || op === "In" || op === "NotIn") {
            return { ...arg, ops: [flipped[op]], lineno: e.lineno, col_offset: e.col_offset, end_lineno: e.end_lineno, end_col_offset: e.end_col_offset };
          }
        }
        return e;
      }
      const v = tryFold(() => unaryop(e.op, arg.value));
      return v === NO_FOLD ? e : constant(e, v);
    }
    case "Lambda":
      foldArgs(e.args);
      e.body = foldExpr(e.body);
      return e;
    case "IfExp":
      e.test = foldExpr(e.test);
      e.body = foldExpr(e.body);
      e.orelse = foldExpr(e.orelse);
      return e;
    case "Dict":
      e.keys = e.keys.map((k) => (k ? foldExpr(k) : k));
      e.values = e.values.map(foldExpr);
      return e;
    case "Set":
      e.elts = e.elts.map(foldExpr);
      return e;
    case "ListComp":
    case "SetComp":
    case "GeneratorExp":
      e.elt = foldExpr(e.elt);
      foldComprehensions(e.generators);
      return e;
    case "DictComp":
      e.key = foldExpr(e.key);
      e.value = foldExpr(e.value);
      foldComprehensions(e.generators);
      return e;
    case "Yield":
      if (e.value) e.value = foldExpr(e.value);
      return e;
    case "YieldFrom":
      e.value = foldExpr(e.value);
      return e;
    case "Compare": {
      e.left = foldExpr(e.left);
      e.comparators = e.comparators.map(foldExpr);
      const last = e.ops.length - 1;
      if (e.ops[last] === "In" || e.ops[last] === "NotIn") e.comparators[last] = foldIter(e.comparators[last]);
      return e;
    }
    case "Call":
      e.func = foldExpr(e.func);
      e.args = e.args.map(foldExpr);
      for (const k of e.keywords) k.value = foldExpr(k.value);
      return e;
    case "FormattedValue":
      e.value = foldExpr(e.value);
      if (e.format_spec) e.format_spec = foldExpr(e.format_spec) as A.JoinedStr;
      return e;
    case "JoinedStr":
      e.values = e.values.map(foldExpr);
      return e;
    case "Attribute":
      e.value = foldExpr(e.value);
      return e;
    case "Subscript": {
      e.value = foldExpr(e.value);
      e.slice = foldExpr(e.slice);
      if (e.ctx !== "Load" || e.value.kind !== "Constant" || e.slice.kind !== "Constant") return e;
      const container = e.value.value;
      const index = e.slice.value;
      const v = tryFold(() => subscript(container, index));
      return v === NO_FOLD ? e : constant(e, v);
    }
    case "Starred":
      e.value = foldExpr(e.value);
      return e;
    case "Slice":
      if (e.lower) e.lower = foldExpr(e.lower);
      if (e.upper) e.upper = foldExpr(e.upper);
      if (e.step) e.step = foldExpr(e.step);
      return e;
    case "Name":
      if (e.ctx === "Load" && e.id === "__debug__") return constant(e, true);
      return e;
    case "List":
      e.elts = e.elts.map(foldExpr);
      return e;
    case "Tuple":
      e.elts = e.elts.map(foldExpr);
      if (e.ctx === "Load" && e.elts.every((x) => x.kind === "Constant")) {
        return constant(e, { tuple: e.elts.map((x) => (x as A.Constant).value) });
      }
      return e;
    default:
      return e;
  }
}

/** A literal list iterated over becomes a tuple, a literal set a frozenset (when constant). */
function foldIter(arg: A.Expr): A.Expr {
  if (arg.kind === "List") {
    if (arg.elts.some((x) => x.kind === "Starred")) return arg;
    const tuple: A.Tuple = { ...arg, kind: "Tuple" };
    if (tuple.ctx === "Load" && tuple.elts.every((x) => x.kind === "Constant")) {
      return constant(arg, { tuple: tuple.elts.map((x) => (x as A.Constant).value) });
    }
    return tuple;
  }
  if (arg.kind === "Set") {
    if (arg.elts.every((x) => x.kind === "Constant")) {
      return constant(arg, { frozenset: dedupSet(arg.elts.map((x) => (x as A.Constant).value)) });
    }
  }
  return arg;
}

function tryFold(f: () => ConstValue): ConstValue | typeof NO_FOLD {
  try {
    return f();
  } catch (err) {
    if (err === NO_FOLD) return NO_FOLD;
    throw err;
  }
}

function fail(): never {
  throw NO_FOLD;
}

// ---- Python semantics of the folded operations ----

type Num = bigint | number;

function asNum(v: ConstValue): Num | null {
  if (typeof v === "boolean") return v ? 1n : 0n;
  if (typeof v === "bigint" || typeof v === "number") return v;
  return null;
}

function bits(n: bigint): bigint {
  if (n < 0n) n = -n;
  return BigInt(n.toString(2).length) - (n === 0n ? 1n : 0n);
}

function toFloat(n: Num): number {
  const f = Number(n);
  if (!Number.isFinite(f) && typeof n === "bigint") fail(); // OverflowError
  return f;
}

function floorDivInt(a: bigint, b: bigint): bigint {
  if (b === 0n) fail();
  const q = a / b;
  return (a % b !== 0n && (a < 0n) !== (b < 0n)) ? q - 1n : q;
}

function modInt(a: bigint, b: bigint): bigint {
  if (b === 0n) fail();
  const r = a % b;
  return r !== 0n && (r < 0n) !== (b < 0n) ? r + b : r;
}

function modFloat(a: number, b: number): number {
  if (b === 0) fail();
  let r = a % b;
  if (r !== 0 && (r < 0) !== (b < 0)) r += b;
  else if (r === 0) r = b < 0 ? -0 : 0;
  return r;
}

function seqLen(v: ConstValue): number | null {
  if (typeof v === "string") return [...v].length;
  if (v && typeof v === "object" && "tuple" in v) return v.tuple.length;
  return null;
}

function totalItems(v: ConstValue): number {
  if (v && typeof v === "object" && "tuple" in v) {
    let n = v.tuple.length;
    for (const x of v.tuple) n += totalItems(x);
    return n;
  }
  if (v && typeof v === "object" && "frozenset" in v) return v.frozenset.length;
  return 0;
}

function repeat(seq: ConstValue, count: bigint): ConstValue {
  const len = BigInt(seqLen(seq)!);
  if (len > 0n) {
    const isStr = typeof seq === "string";
    if (count < 0n || count > (isStr ? MAX_STR_SIZE : MAX_COLLECTION_SIZE) / len) fail();
    if (!isStr && count > 0n && BigInt(totalItems(seq)) > MAX_TOTAL_ITEMS / count) fail();
  }
  const n = count < 0n ? 0 : Number(count);
  if (typeof seq === "string") return seq.repeat(n);
  const items = (seq as { tuple: ConstValue[] }).tuple;
  const out: ConstValue[] = [];
  for (let i = 0; i < n; i++) out.push(...items);
  return { tuple: out };
}

function binop(op: A.OperatorKind, l: ConstValue, r: ConstValue): ConstValue {
  const a = asNum(l);
  const b = asNum(r);
  if (a === null || b === null) {
    // Sequences: concatenation and repetition only.
    if (op === "Add" && typeof l === "string" && typeof r === "string") return l + r;
    if (op === "Add" && isTuple(l) && isTuple(r)) return { tuple: [...l.tuple, ...r.tuple] };
    if (op === "Mult") {
      if (seqLen(l) !== null && b !== null && typeof b === "bigint") return repeat(l, b);
      if (seqLen(r) !== null && a !== null && typeof a === "bigint") return repeat(r, a);
    }
    fail();
  }
  // bool & | ^ bool stays a bool; every other operator makes an int.
  if (typeof l === "boolean" && typeof r === "boolean") {
    if (op === "BitAnd") return l && r;
    if (op === "BitOr") return l || r;
    if (op === "BitXor") return l !== r;
  }
  if (typeof a === "bigint" && typeof b === "bigint") return intOp(op, a, b);
  if (op === "LShift" || op === "RShift" || op === "BitAnd" || op === "BitOr" || op === "BitXor") fail();
  if (op === "MatMult") fail();
  return floatOp(op, toFloat(a), toFloat(b));
}

function isTuple(v: ConstValue): v is { tuple: ConstValue[] } {
  return !!v && typeof v === "object" && "tuple" in v;
}

function intOp(op: A.OperatorKind, a: bigint, b: bigint): ConstValue {
  switch (op) {
    case "Add":
      return a + b;
    case "Sub":
      return a - b;
    case "Mult":
      if (a !== 0n && b !== 0n && bits(a) + bits(b) > MAX_INT_SIZE) fail();
      return a * b;
    case "Div":
      if (b === 0n) fail();
      return trueDivide(a, b);
    case "FloorDiv":
      return floorDivInt(a, b);
    case "Mod":
      return modInt(a, b);
    case "Pow":
      if (b < 0n) {
        if (a === 0n) fail();
        return floatPow(toFloat(a), toFloat(b));
      }
      if (a !== 0n && b > 0n && bits(a) > MAX_INT_SIZE / b) fail();
      return a ** b;
    case "LShift":
      if (b < 0n) fail();
      if (a !== 0n && b !== 0n && (b > MAX_INT_SIZE || bits(a) > MAX_INT_SIZE - b)) fail();
      return a << b;
    case "RShift":
      if (b < 0n) fail();
      return a >> b;
    case "BitAnd":
      return a & b;
    case "BitOr":
      return a | b;
    case "BitXor":
      return a ^ b;
    case "MatMult":
      fail();
  }
}

function trueDivide(a: bigint, b: bigint): number {
  const fa = Number(a);
  const fb = Number(b);
  if (Number.isFinite(fa) && Number.isFinite(fb) && Math.abs(fa) < 2 ** 53 && Math.abs(fb) < 2 ** 53) return fa / fb;
  const r = fa / fb;
  if (!Number.isFinite(r)) fail();
  return r;
}

function floatPow(a: number, b: number): number {
  if (a === 0 && b < 0) fail();
  if (a < 0 && !Number.isInteger(b)) fail(); // complex result
  const r = a ** b;
  if (!Number.isFinite(r) && Number.isFinite(a) && Number.isFinite(b)) fail();
  return r;
}

function floatOp(op: A.OperatorKind, a: number, b: number): number {
  let r: number;
  switch (op) {
    case "Add":
      r = a + b;
      break;
    case "Sub":
      r = a - b;
      break;
    case "Mult":
      r = a * b;
      break;
    case "Div":
      if (b === 0) fail();
      r = a / b;
      break;
    case "FloorDiv": {
      if (b === 0) fail();
      const m = modFloat(a, b);
      r = (a - m) / b;
      // Python rounds the quotient to the nearest integral value.
      const fl = Math.floor(r);
      r = r - fl > 0.5 ? fl + 1 : fl;
      if (r === 0) r = (a / b < 0 ? -0 : 0);
      break;
    }
    case "Mod":
      r = modFloat(a, b);
      break;
    case "Pow":
      r = floatPow(a, b);
      break;
    default:
      fail();
  }
  // Float +, -, *, / overflow to inf in Python; only ** raises (checked in floatPow).
  return r;
}

function unaryop(op: A.UnaryOpKind, v: ConstValue): ConstValue {
  if (op === "Not") return !truthy(v);
  const n = asNum(v);
  if (n === null) fail();
  switch (op) {
    case "UAdd":
      return n;
    case "USub":
      return typeof n === "bigint" ? -n : -n;
    case "Invert":
      if (typeof n !== "bigint") fail();
      return ~n;
  }
}

export function truthy(v: ConstValue): boolean {
  if (v === null) return false;
  if (typeof v === "boolean") return v;
  if (typeof v === "bigint") return v !== 0n;
  if (typeof v === "number") return v !== 0;
  if (typeof v === "string") return v.length > 0;
  if (v === ELLIPSIS) return true;
  if ("tuple" in v) return v.tuple.length > 0;
  return v.frozenset.length > 0;
}

function subscript(container: ConstValue, index: ConstValue): ConstValue {
  const i = asNum(index);
  if (i === null || typeof i !== "bigint") fail();
  let items: ConstValue[];
  if (typeof container === "string") items = [...container];
  else if (isTuple(container)) items = container.tuple;
  else fail();
  let k = Number(i);
  if (k < 0) k += items.length;
  if (k < 0 || k >= items.length) fail();
  return items[k];
}

/** Python equality of two constants, as a set or dict would see it (1 == 1.0 == True). */
export function constEquals(a: ConstValue, b: ConstValue): boolean {
  const x = asNum(a);
  const y = asNum(b);
  if (x !== null && y !== null) {
    if (typeof x === "bigint" && typeof y === "bigint") return x === y;
    return Number(x) === Number(y) && (typeof x !== "bigint" || Number.isInteger(Number(y)) && BigInt(Number(y)) === x) && (typeof y !== "bigint" || Number.isInteger(Number(x)) && BigInt(Number(x)) === y);
  }
  if (typeof a === "string" || typeof b === "string") return a === b;
  if (a === null || b === null || a === ELLIPSIS || b === ELLIPSIS) return a === b;
  if (isTuple(a) && isTuple(b)) return a.tuple.length === b.tuple.length && a.tuple.every((v, i) => constEquals(v, b.tuple[i]));
  return false;
}

function dedupSet(values: ConstValue[]): ConstValue[] {
  const out: ConstValue[] = [];
  for (const v of values) if (!out.some((o) => constEquals(o, v))) out.push(v);
  return out;
}
