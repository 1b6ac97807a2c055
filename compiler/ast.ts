// The syntax tree, shaped exactly like CPython 3.11's `ast` module: the same node names (the
// `kind` field) and field names, so tests can compare our parser with `ast.parse` and codegen
// can be read next to CPython's compile.c. Positions: 1-based lines, 0-based columns counted
// in code points (CPython counts UTF-8 bytes; tests convert).

export interface Pos {
  lineno: number;
  col_offset: number;
  end_lineno: number;
  end_col_offset: number;
}

/** Python's Ellipsis constant (`...`). */
export const ELLIPSIS: unique symbol = Symbol("Ellipsis");

/**
 * A constant's value: None is null, int is bigint (exact, any size), float is number, str is
 * string. Tuples and frozensets only appear after constant folding in the compiler.
 */
export type ConstValue =
  | null
  | boolean
  | bigint
  | number
  | string
  | typeof ELLIPSIS
  | { tuple: ConstValue[] }
  | { frozenset: ConstValue[] };

export type ExprContext = "Load" | "Store" | "Del";
export type BoolOpKind = "And" | "Or";
export type OperatorKind =
  | "Add" | "Sub" | "Mult" | "MatMult" | "Div" | "Mod" | "Pow"
  | "LShift" | "RShift" | "BitOr" | "BitXor" | "BitAnd" | "FloorDiv";
export type UnaryOpKind = "Invert" | "Not" | "UAdd" | "USub";
export type CmpOpKind = "Eq" | "NotEq" | "Lt" | "LtE" | "Gt" | "GtE" | "Is" | "IsNot" | "In" | "NotIn";

export interface Module {
  kind: "Module";
  body: Stmt[];
}

export interface Arg extends Pos {
  kind: "arg";
  arg: string;
  annotation: Expr | null;
}

export interface Arguments {
  kind: "arguments";
  posonlyargs: Arg[];
  args: Arg[];
  vararg: Arg | null;
  kwonlyargs: Arg[];
  /** One entry per kwonlyarg; null where it has no default. */
  kw_defaults: (Expr | null)[];
  kwarg: Arg | null;
  /** Defaults of the last len(defaults) positional parameters. */
  defaults: Expr[];
}

export interface Keyword extends Pos {
  kind: "keyword";
  /** null for `**mapping`. */
  arg: string | null;
  value: Expr;
}

export interface Alias extends Pos {
  kind: "alias";
  name: string;
  asname: string | null;
}

export interface WithItem {
  kind: "withitem";
  context_expr: Expr;
  optional_vars: Expr | null;
}

export interface Comprehension {
  kind: "comprehension";
  target: Expr;
  iter: Expr;
  ifs: Expr[];
  is_async: number;
}

export interface ExceptHandler extends Pos {
  kind: "ExceptHandler";
  type: Expr | null;
  name: string | null;
  body: Stmt[];
}

// ---- statements ----
export interface FunctionDef extends Pos {
  kind: "FunctionDef";
  name: string;
  args: Arguments;
  body: Stmt[];
  decorator_list: Expr[];
  returns: Expr | null;
}
export interface ClassDef extends Pos {
  kind: "ClassDef";
  name: string;
  bases: Expr[];
  keywords: Keyword[];
  body: Stmt[];
  decorator_list: Expr[];
}
export interface Return extends Pos { kind: "Return"; value: Expr | null }
export interface Delete extends Pos { kind: "Delete"; targets: Expr[] }
export interface Assign extends Pos { kind: "Assign"; targets: Expr[]; value: Expr }
export interface AugAssign extends Pos { kind: "AugAssign"; target: Expr; op: OperatorKind; value: Expr }
export interface AnnAssign extends Pos { kind: "AnnAssign"; target: Expr; annotation: Expr; value: Expr | null; simple: number }
export interface For extends Pos { kind: "For"; target: Expr; iter: Expr; body: Stmt[]; orelse: Stmt[] }
export interface While extends Pos { kind: "While"; test: Expr; body: Stmt[]; orelse: Stmt[] }
export interface If extends Pos { kind: "If"; test: Expr; body: Stmt[]; orelse: Stmt[] }
export interface With extends Pos { kind: "With"; items: WithItem[]; body: Stmt[] }
export interface Raise extends Pos { kind: "Raise"; exc: Expr | null; cause: Expr | null }
export interface Try extends Pos {
  kind: "Try";
  body: Stmt[];
  handlers: ExceptHandler[];
  orelse: Stmt[];
  finalbody: Stmt[];
}
export interface Assert extends Pos { kind: "Assert"; test: Expr; msg: Expr | null }
export interface Import extends Pos { kind: "Import"; names: Alias[] }
export interface ImportFrom extends Pos { kind: "ImportFrom"; module: string | null; names: Alias[]; level: number }
export interface Global extends Pos { kind: "Global"; names: string[] }
export interface Nonlocal extends Pos { kind: "Nonlocal"; names: string[] }
export interface ExprStmt extends Pos { kind: "Expr"; value: Expr }
export interface Pass extends Pos { kind: "Pass" }
export interface Break extends Pos { kind: "Break" }
export interface Continue extends Pos { kind: "Continue" }

export type Stmt =
  | FunctionDef | ClassDef | Return | Delete | Assign | AugAssign | AnnAssign | For | While | If
  | With | Raise | Try | Assert | Import | ImportFrom | Global | Nonlocal | ExprStmt | Pass
  | Break | Continue;

// ---- expressions ----
export interface BoolOp extends Pos { kind: "BoolOp"; op: BoolOpKind; values: Expr[] }
export interface BinOp extends Pos { kind: "BinOp"; left: Expr; op: OperatorKind; right: Expr }
export interface UnaryOp extends Pos { kind: "UnaryOp"; op: UnaryOpKind; operand: Expr }
export interface Lambda extends Pos { kind: "Lambda"; args: Arguments; body: Expr }
export interface IfExp extends Pos { kind: "IfExp"; test: Expr; body: Expr; orelse: Expr }
/** keys[i] is null for `**mapping` entries. */
export interface Dict extends Pos { kind: "Dict"; keys: (Expr | null)[]; values: Expr[] }
export interface SetExpr extends Pos { kind: "Set"; elts: Expr[] }
export interface ListComp extends Pos { kind: "ListComp"; elt: Expr; generators: Comprehension[] }
export interface SetComp extends Pos { kind: "SetComp"; elt: Expr; generators: Comprehension[] }
export interface DictComp extends Pos { kind: "DictComp"; key: Expr; value: Expr; generators: Comprehension[] }
export interface GeneratorExp extends Pos { kind: "GeneratorExp"; elt: Expr; generators: Comprehension[] }
export interface Yield extends Pos { kind: "Yield"; value: Expr | null }
export interface YieldFrom extends Pos { kind: "YieldFrom"; value: Expr }
export interface Compare extends Pos { kind: "Compare"; left: Expr; ops: CmpOpKind[]; comparators: Expr[] }
export interface Call extends Pos { kind: "Call"; func: Expr; args: Expr[]; keywords: Keyword[] }
/** conversion: -1 none, 115 's', 114 'r', 97 'a' (CPython's values). */
export interface FormattedValue extends Pos {
  kind: "FormattedValue";
  value: Expr;
  conversion: number;
  format_spec: JoinedStr | null;
}
export interface JoinedStr extends Pos { kind: "JoinedStr"; values: Expr[] }
export interface Constant extends Pos { kind: "Constant"; value: ConstValue }
export interface Attribute extends Pos { kind: "Attribute"; value: Expr; attr: string; ctx: ExprContext }
export interface Subscript extends Pos { kind: "Subscript"; value: Expr; slice: Expr; ctx: ExprContext }
export interface Starred extends Pos { kind: "Starred"; value: Expr; ctx: ExprContext }
export interface Name extends Pos { kind: "Name"; id: string; ctx: ExprContext }
export interface List extends Pos { kind: "List"; elts: Expr[]; ctx: ExprContext }
export interface Tuple extends Pos { kind: "Tuple"; elts: Expr[]; ctx: ExprContext }
export interface Slice extends Pos { kind: "Slice"; lower: Expr | null; upper: Expr | null; step: Expr | null }

export type Expr =
  | BoolOp | BinOp | UnaryOp | Lambda | IfExp | Dict | SetExpr | ListComp | SetComp | DictComp
  | GeneratorExp | Yield | YieldFrom | Compare | Call | FormattedValue | JoinedStr | Constant
  | Attribute | Subscript | Starred | Name | List | Tuple | Slice;

export type Node = Module | Stmt | Expr | Arg | Arguments | Keyword | Alias | WithItem | Comprehension | ExceptHandler;
