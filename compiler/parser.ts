// The parser: tokens → the AST of compiler/ast.ts, node for node and position for position what
// CPython 3.11's `ast.parse` builds, by recursive descent. It reports CPython's SyntaxError and
// IndentationError messages, and rejects valid Python outside the subset by name.
import type {
  Alias, Arg, Arguments, CmpOpKind, Comprehension, ConstValue, ExceptHandler, Expr, ExprContext,
  JoinedStr, Keyword, Module, OperatorKind, Pos, Stmt, WithItem,
} from "./ast.js";
import { ELLIPSIS } from "./ast.js";
import { PySyntaxError, unsupported, type SyntaxErrorType } from "./errors.js";
import { Tok, tokenize, type Lexed, type Token } from "./lexer.js";
import { decodeEscapes, LiteralError, splitFString, stringPrefix, type FPiece } from "./strings.js";

export function parse(source: string, filename: string): Module {
  const lexed = tokenize(source, filename);
  const parser = new Parser(lexed, lexed.lines, filename, null);
  try {
    return parser.parseModule();
  } catch (e) {
    // The depth guard should stop runaway nesting first; this is the last line of defence so a
    // bad program can never surface as a JS stack overflow.
    if (e instanceof RangeError) {
      throw new PySyntaxError("SyntaxError", DEPTH_MESSAGE, filename, 1, 0, lexed.lines[0] ?? "");
    }
    throw e;
  }
}

/** CPython raises RecursionError with this text; withvm keeps every compile error a SyntaxError. */
const DEPTH_MESSAGE = "maximum recursion depth exceeded during ast construction";
const MAX_DEPTH = 600;

const KEYWORDS = new Set([
  "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue",
  "def", "del", "elif", "else", "except", "finally", "for", "from", "global", "if", "import", "in",
  "is", "lambda", "nonlocal", "not", "or", "pass", "raise", "return", "try", "while", "with", "yield",
]);

const AUG_OPS: Record<string, OperatorKind> = {
  "+=": "Add", "-=": "Sub", "*=": "Mult", "@=": "MatMult", "/=": "Div", "%=": "Mod", "**=": "Pow",
  "<<=": "LShift", ">>=": "RShift", "|=": "BitOr", "^=": "BitXor", "&=": "BitAnd", "//=": "FloorDiv",
};

const COMPARE_OPS: Record<string, CmpOpKind> = {
  "==": "Eq", "!=": "NotEq", "<": "Lt", "<=": "LtE", ">": "Gt", ">=": "GtE", in: "In", is: "Is",
};

/** Binary operator levels from loosest to tightest, each left-associative. */
const BINARY_LEVELS: Record<string, OperatorKind>[] = [
  { "|": "BitOr" },
  { "^": "BitXor" },
  { "&": "BitAnd" },
  { "<<": "LShift", ">>": "RShift" },
  { "+": "Add", "-": "Sub" },
  { "*": "Mult", "/": "Div", "//": "FloorDiv", "%": "Mod", "@": "MatMult" },
];

/** A node without its position fields; `Omit` spread over each member of a union. */
type Bare<T> = T extends unknown ? Omit<T, keyof Pos> : never;

type TargetKind = "assign" | "for" | "del";

/** Positions come from tokens: a node starts at its first token, even a parenthesis. */
interface Span {
  line: number;
  col: number;
}

class Parser {
  private i = 0;
  private readonly toks: Token[];
  /** Furthest token index looked at, as CPython's "last token" for generic errors. */
  private furthest = 0;
  /** Nodes written in parentheses (so `(a) = 1` and `(a): int` are told apart from `a`). */
  private readonly parenthesized = new WeakSet<Expr>();
  /** Nesting depth of brackets around the current token, for the forgotten-comma hint. */
  private bracketDepth = 0;
  private recursion = 0;
  /** Furthest token a failed speculative parse reached (CPython reports generic errors there). */
  private speculationFurthest = 0;

  constructor(
    private readonly lexed: Lexed,
    private readonly lines: string[],
    private readonly filename: string,
    /** For an f-string expression: CPython prefixes its messages with "f-string: ". */
    private readonly fstringToken: Token | null,
  ) {
    this.toks = lexed.tokens;
  }

  // ---- token access ----

  /** The current token. Reaching where tokenizing failed raises that error, as in CPython. */
  private get tok(): Token {
    if (this.i > this.furthest) this.furthest = this.i;
    const t = this.toks[this.i];
    if (t.type === Tok.Error) this.raiseLexError();
    return t;
  }

  /** The current token's type (a call, so TypeScript does not keep a stale narrowing). */
  private tokType(): Tok {
    return this.tok.type;
  }

  private peekAt(k: number): Token {
    const idx = Math.min(this.i + k, this.toks.length - 1);
    if (idx > this.furthest) this.furthest = idx;
    const t = this.toks[idx];
    if (t.type === Tok.Error) this.raiseLexError();
    return t;
  }

  private next(): Token {
    const t = this.tok;
    if (t.type === Tok.Error) this.raiseLexError();
    if (t.type === Tok.EndMarker) return t;
    this.i++;
    return t;
  }

  private isOp(text: string, t = this.tok): boolean {
    return t.type === Tok.Op && t.text === text;
  }

  private isKw(text: string, t = this.tok): boolean {
    return t.type === Tok.Name && t.text === text;
  }

  private isName(t = this.tok): boolean {
    return t.type === Tok.Name && !KEYWORDS.has(t.text);
  }

  private eatOp(text: string): boolean {
    if (this.isOp(text)) {
      this.next();
      return true;
    }
    return false;
  }

  private eatKw(text: string): boolean {
    if (this.isKw(text)) {
      this.next();
      return true;
    }
    return false;
  }

  private expectOp(text: string): Token {
    if (!this.isOp(text)) this.fail();
    return this.next();
  }

  private expectName(): string {
    if (!this.isName()) {
      if (this.isKw("async") || this.isKw("await")) this.rejectAsync();
      this.fail();
    }
    return this.next().text;
  }

  private get prev(): Token {
    return this.toks[this.i - 1];
  }

  /** Where a node starting at the current token begins (the token itself: no allocation). */
  private start(): Span {
    return this.tok;
  }

  /** Fills in a node's position from `from` to the end of the last consumed token. */
  private fin<T extends Pos>(node: Bare<T>, from: Span): T {
    const p = this.prev;
    const n = node as unknown as T;
    n.lineno = from.line;
    n.col_offset = from.col;
    n.end_lineno = p.endLine;
    n.end_col_offset = p.endCol;
    return n;
  }

  private posFrom<T extends Pos>(node: Bare<T>, first: Pos, last: Pos): T {
    const n = node as unknown as T;
    n.lineno = first.lineno;
    n.col_offset = first.col_offset;
    n.end_lineno = last.end_lineno;
    n.end_col_offset = last.end_col_offset;
    return n;
  }

  // ---- errors ----

  private raiseLexError(): never {
    throw this.lexed.error!.error;
  }

  /** The place to report an error at a token; EOF-ish tokens report at the last NEWLINE. */
  private where(t: Token): { line: number; col: number; endLine: number; endCol: number } {
    if (t.type === Tok.Indent) return { line: t.line, col: -1, endLine: t.line, endCol: -1 };
    let k = this.toks.indexOf(t);
    while (this.toks[k].type === Tok.Dedent) k++;
    if (this.toks[k].type === Tok.EndMarker && !this.fstringToken) {
      // At end of file CPython points just past the last line that has any text.
      let line = this.lines.length;
      while (line > 1 && this.lines[line - 1] === "") line--;
      const col = [...(this.lines[line - 1] ?? "")].length;
      return { line, col, endLine: line, endCol: col };
    }
    return { line: t.line, col: t.col, endLine: t.endLine, endCol: t.endCol };
  }

  private makeError(msg: string, line: number, col: number, endLine: number, endCol: number, type: SyntaxErrorType = "SyntaxError"): PySyntaxError {
    if (this.fstringToken) msg = "f-string: " + msg;
    const text = this.lines[line - 1] ?? "";
    const endOffset = endLine === line ? endCol + 1 : [...text].length + 1;
    return new PySyntaxError(type, msg, this.filename, line, col + 1, text, Math.max(endOffset, col + 2));
  }

  /**
   * Raises a parser error, unless the tokenizer stopped on a problem CPython reports instead: a
   * bracket left open on an earlier line than the parser had read to.
   */
  private raise(err: PySyntaxError): never {
    const lexErr = this.lexed.error;
    // CPython tokenizes the rest of the file after a parser error, and errors its tokenizer
    // raises on the spot replace the parser's, except "unexpected indent/unindent".
    const indentProblem = err.type === "IndentationError" && err.msg.startsWith("unexpected ");
    if (lexErr?.immediate && !indentProblem) throw lexErr.error;
    if (lexErr?.openBracket) {
      const furthestLine = this.toks[Math.min(this.furthest, this.toks.length - 2)]?.line ?? 0;
      if (furthestLine > lexErr.openBracket.line) throw lexErr.error;
    }
    throw err;
  }

  private errorAt(msg: string, t: Token, endTok: Token = t, type: SyntaxErrorType = "SyntaxError"): never {
    if (t.type === Tok.Error) this.raiseLexError();
    const a = this.where(t);
    const b = this.where(endTok);
    this.raise(this.makeError(msg, a.line, a.col, b.endLine, b.endCol, type));
  }

  private errorAtNode(msg: string, node: Pos, endNode: Pos = node): never {
    this.raise(this.makeError(msg, node.lineno, node.col_offset, endNode.end_lineno, endNode.end_col_offset));
  }

  /** The generic failure at the current token: "invalid syntax" (or what CPython says there). */
  private fail(): never {
    const t = this.tok;
    if (t.type === Tok.Error) this.raiseLexError();
    if (t.type === Tok.Indent) this.errorAt("unexpected indent", t, t, "IndentationError");
    if (t.type === Tok.Dedent) this.errorAt("unexpected unindent", t, t, "IndentationError");
    if (t.type === Tok.EndMarker && this.lexed.error?.openBracket) this.raiseLexError();
    if (this.isKw("async") || this.isKw("await")) this.rejectAsync();
    const furthest = this.toks[this.speculationFurthest];
    if (this.speculationFurthest > this.i && furthest.type !== Tok.Error && furthest.type !== Tok.EndMarker) {
      this.errorAt("invalid syntax", furthest);
    }
    this.errorAt("invalid syntax", t);
  }

  private rejectAsync(): never {
    const t = this.tok;
    if (this.isKw("await")) this.errorAt(unsupported("'await'"), t);
    const next = this.peekAt(1);
    const what = this.isKw("def", next) ? "'async def'" : this.isKw("for", next) ? "'async for'" : this.isKw("with", next) ? "'async with'" : null;
    if (what === null) this.errorAt("invalid syntax", t);
    this.errorAt(unsupported(what), t, next);
  }

  private enter(): void {
    // Deep nesting would overflow the JS stack; CPython gives up at a similar depth.
    if (++this.recursion > MAX_DEPTH) this.errorAt(DEPTH_MESSAGE, this.tok);
  }

  private leave(): void {
    this.recursion--;
  }

  /** Runs `attempt`; on a SyntaxError rewinds and returns null (PEG-style ordered choice). */
  private speculate<T>(attempt: () => T): T | null {
    const saved = this.i;
    const savedDepth = this.bracketDepth;
    try {
      return attempt();
    } catch (e) {
      // A tokenizer error ends the parse at once, whichever alternative was being tried.
      if (!(e instanceof PySyntaxError) || e === this.lexed.error?.error) throw e;
      this.speculationFurthest = Math.max(this.speculationFurthest, this.furthest);
      this.i = saved;
      this.bracketDepth = savedDepth;
      return null;
    }
  }

  // ---- module and blocks ----

  parseModule(): Module {
    const body: Stmt[] = [];
    while (this.tokType() !== Tok.EndMarker) {
      if (this.tokType() === Tok.Newline) {
        this.next();
        continue;
      }
      body.push(...this.statement());
    }
    return { kind: "Module", body };
  }

  /** One logical statement: a compound statement, or a line of `;`-separated simple ones. */
  private statement(): Stmt[] {
    const t = this.tok;
    if (t.type === Tok.Name) {
      switch (t.text) {
        case "def":
          return [this.funcDef([], this.start())];
        case "class":
          return [this.classDef([], this.start())];
        case "if":
          return [this.ifStmt()];
        case "while":
          return [this.whileStmt()];
        case "for":
          return [this.forStmt()];
        case "try":
          return [this.tryStmt()];
        case "with":
          return [this.withStmt()];
        case "async":
          this.rejectAsync();
        // falls through: rejectAsync never returns
        case "match":
          this.rejectMatch();
          break;
      }
    } else if (this.isOp("@")) {
      return [this.decorated()];
    }
    return this.simpleStatements();
  }

  private simpleStatements(): Stmt[] {
    const out: Stmt[] = [this.simpleStatement()];
    while (this.eatOp(";")) {
      if (this.tokType() === Tok.Newline) break;
      out.push(this.simpleStatement());
    }
    if (this.tokType() !== Tok.Newline) this.fail();
    this.next();
    return out;
  }

  /**
   * A block after `header:`, either an indented suite or simple statements on the same line.
   * `what` names the header for "expected an indented block after ..." messages.
   */
  private block(what: string, headerLine: number): Stmt[] {
    if (this.tokType() !== Tok.Newline) {
      return this.simpleStatements();
    }
    this.next();
    const first: Token = this.tok;
    if (first.type !== Tok.Indent) {
      if (first.type === Tok.Error) this.raiseLexError();
      this.errorAt(`expected an indented block after ${what} on line ${headerLine}`, this.tok, this.tok, "IndentationError");
    }
    this.next();
    const body: Stmt[] = [];
    while (this.tokType() !== Tok.Dedent && this.tokType() !== Tok.EndMarker) {
      body.push(...this.statement());
    }
    if (this.tokType() === Tok.Dedent) this.next();
    return body;
  }

  /** `:` after a compound statement's header. */
  private colon(forced: boolean): void {
    if (this.isOp(":")) {
      this.next();
      return;
    }
    if (forced || this.tokType() === Tok.Newline) {
      const p = this.prev;
      const t = this.tok;
      if (t.type === Tok.Newline) this.errorAt("expected ':'", t);
      this.raise(this.makeError("expected ':'", p.endLine, p.endCol, t.endLine, t.endCol));
    }
    this.fail();
  }

  private endOf(body: Stmt[]): Pos {
    return body[body.length - 1];
  }

  private finStmt<T extends Pos>(node: Bare<T>, from: Span, last: Pos): T {
    const n = node as unknown as T;
    n.lineno = from.line;
    n.col_offset = from.col;
    n.end_lineno = last.end_lineno;
    n.end_col_offset = last.end_col_offset;
    return n;
  }

  // ---- compound statements ----

  private decorated(): Stmt {
    const decorators: Expr[] = [];
    while (this.eatOp("@")) {
      decorators.push(this.namedExpression());
      if (this.tokType() !== Tok.Newline) this.fail();
      this.next();
    }
    const from = this.start();
    if (this.isKw("def")) return this.funcDef(decorators, from);
    if (this.isKw("class")) return this.classDef(decorators, from);
    if (this.isKw("async")) this.rejectAsync();
    this.fail();
  }

  private funcDef(decorators: Expr[], from: Span): Stmt {
    const defTok = this.next();
    const name = this.expectName();
    if (!this.isOp("(")) this.errorAt("expected '('", this.tok);
    this.next();
    this.bracketDepth++;
    const args = this.parameters(")");
    this.bracketDepth--;
    this.expectOp(")");
    let returns: Expr | null = null;
    if (this.eatOp("->")) returns = this.expression();
    this.colon(true);
    const body = this.block("function definition", defTok.line);
    return this.finStmt({ kind: "FunctionDef", name, args, body, decorator_list: decorators, returns }, from, this.endOf(body));
  }

  private classDef(decorators: Expr[], from: Span): Stmt {
    const classTok = this.next();
    const name = this.expectName();
    let bases: Expr[] = [];
    let keywords: Keyword[] = [];
    if (this.isOp("(")) {
      this.next();
      this.bracketDepth++;
      [bases, keywords] = this.callArguments(false);
      this.bracketDepth--;
      this.expectOp(")");
    }
    this.colon(false);
    const body = this.block("class definition", classTok.line);
    return this.finStmt({ kind: "ClassDef", name, bases, keywords, body, decorator_list: decorators }, from, this.endOf(body));
  }

  private ifStmt(): Stmt {
    const from = this.start();
    const keyword = this.next();
    const test = this.namedExpression();
    this.colon(false);
    const body = this.block(`'${keyword.text}' statement`, keyword.line);
    let orelse: Stmt[] = [];
    if (this.isKw("elif")) {
      orelse = [this.ifStmt()];
    } else if (this.isKw("else")) {
      orelse = this.elseBlock();
    }
    const last = orelse.length ? this.endOf(orelse) : this.endOf(body);
    return this.finStmt({ kind: "If", test, body, orelse }, from, last);
  }

  private elseBlock(): Stmt[] {
    const elseTok = this.next();
    this.colon(true);
    return this.block("'else' statement", elseTok.line);
  }

  private whileStmt(): Stmt {
    const from = this.start();
    const keyword = this.next();
    const test = this.namedExpression();
    this.colon(false);
    const body = this.block("'while' statement", keyword.line);
    const orelse = this.isKw("else") ? this.elseBlock() : [];
    return this.finStmt({ kind: "While", test, body, orelse }, from, this.endOf(orelse.length ? orelse : body));
  }

  private forStmt(): Stmt {
    const from = this.start();
    const keyword = this.next();
    const target = this.targetList("for", () => this.isKw("in"));
    if (!this.isKw("in")) this.fail();
    this.next();
    const iter = this.starExpressions();
    this.colon(false);
    const body = this.block("'for' statement", keyword.line);
    const orelse = this.isKw("else") ? this.elseBlock() : [];
    return this.finStmt({ kind: "For", target, iter, body, orelse }, from, this.endOf(orelse.length ? orelse : body));
  }

  private tryStmt(): Stmt {
    const from = this.start();
    const keyword = this.next();
    this.colon(true);
    const body = this.block("'try' statement", keyword.line);
    const handlers: ExceptHandler[] = [];
    while (this.isKw("except")) handlers.push(this.exceptHandler());
    let orelse: Stmt[] = [];
    let finalbody: Stmt[] = [];
    if (handlers.length > 0 && this.isKw("else")) orelse = this.elseBlock();
    if (this.isKw("finally")) {
      const finallyTok = this.next();
      this.colon(true);
      finalbody = this.block("'finally' statement", finallyTok.line);
    }
    if (handlers.length === 0 && finalbody.length === 0) {
      this.errorAt("expected 'except' or 'finally' block", this.tok);
    }
    const last = finalbody.length ? this.endOf(finalbody) : orelse.length ? this.endOf(orelse) : handlers[handlers.length - 1];
    return this.finStmt({ kind: "Try", body, handlers, orelse, finalbody }, from, last);
  }

  private exceptHandler(): ExceptHandler {
    const from = this.start();
    const keyword = this.next();
    if (this.isOp("*")) this.errorAt(unsupported("'except*'"), keyword, this.tok);
    let type: Expr | null = null;
    let name: string | null = null;
    if (!this.isOp(":")) {
      if (this.tokType() === Tok.Newline) this.colon(false);
      type = this.expression();
      if (this.isOp(",")) {
        const first = type;
        const saved = this.i;
        this.next();
        const rest = this.speculate(() => this.expression());
        if (rest) {
          this.errorAtNode("multiple exception types must be parenthesized", first, rest);
        }
        this.i = saved;
      }
      if (this.eatKw("as")) name = this.expectName();
    }
    this.colon(false);
    const body = this.block("'except' statement", keyword.line);
    return this.finStmt({ kind: "ExceptHandler", type, name, body }, from, this.endOf(body));
  }

  /**
   * `with` items. 3.10's grammar tries `with (item, item):` first, so `with (A(), B()):` is two
   * items; when that does not parse, the parenthesis belongs to the first item's expression.
   */
  private withStmt(): Stmt {
    const from = this.start();
    const keyword = this.next();
    let items: WithItem[] | null = null;
    if (this.isOp("(")) {
      items = this.speculate(() => {
        this.next();
        this.bracketDepth++;
        const list: WithItem[] = [this.withItem()];
        while (this.eatOp(",")) {
          if (this.isOp(")")) break;
          list.push(this.withItem());
        }
        this.bracketDepth--;
        this.expectOp(")");
        // A NEWLINE here is a forgotten colon, which colon() reports below.
        if (!this.isOp(":") && this.tokType() !== Tok.Newline) this.fail();
        return list;
      });
    }
    if (!items) {
      items = [this.withItem()];
      while (this.eatOp(",")) items.push(this.withItem());
    }
    this.colon(false);
    const body = this.block("'with' statement", keyword.line);
    return this.finStmt({ kind: "With", items, body }, from, this.endOf(body));
  }

  private withItem(): WithItem {
    const context_expr = this.expression();
    let optional_vars: Expr | null = null;
    if (this.eatKw("as")) {
      optional_vars = this.target("assign");
      if (!this.isOp(",") && !this.isOp(")") && !this.isOp(":") && this.tokType() !== Tok.Newline) this.fail();
    }
    return { kind: "withitem", context_expr, optional_vars };
  }

  /** `match` is a soft keyword: only a full `match subject:` header makes it a statement. */
  private rejectMatch(): void {
    const matchTok = this.tok;
    const matchIndex = this.i;
    const next = this.peekAt(1);
    if (next.type === Tok.Newline || (next.type === Tok.Op && ["=", ".", ",", ")", ";", ":"].includes(next.text)) || next.text in AUG_OPS) return;
    const isMatch = this.speculate(() => {
      this.next();
      this.starNamedExpressions();
      return this.isOp(":") && this.peekAt(1).type === Tok.Newline;
    });
    this.i = matchIndex;
    if (isMatch) this.errorAt(unsupported("'match' statements"), matchTok);
  }

  // ---- simple statements ----

  private simpleStatement(): Stmt {
    const t = this.tok;
    const from = this.start();
    if (t.type === Tok.Name) {
      switch (t.text) {
        case "pass":
          this.next();
          return this.fin({ kind: "Pass" }, from);
        case "break":
          this.next();
          return this.fin({ kind: "Break" }, from);
        case "continue":
          this.next();
          return this.fin({ kind: "Continue" }, from);
        case "return": {
          this.next();
          const value = this.atSimpleEnd() ? null : this.starExpressions();
          return this.fin({ kind: "Return", value }, from);
        }
        case "raise": {
          this.next();
          let exc: Expr | null = null;
          let cause: Expr | null = null;
          if (!this.atSimpleEnd()) {
            exc = this.expression();
            if (this.eatKw("from")) cause = this.expression();
          }
          return this.fin({ kind: "Raise", exc, cause }, from);
        }
        case "global":
        case "nonlocal": {
          this.next();
          const names = [this.expectName()];
          while (this.eatOp(",")) names.push(this.expectName());
          return this.fin({ kind: t.text === "global" ? "Global" : "Nonlocal", names }, from);
        }
        case "del":
          return this.delStmt();
        case "assert": {
          this.next();
          const test = this.expression();
          const msg = this.eatOp(",") ? this.expression() : null;
          return this.fin({ kind: "Assert", test, msg }, from);
        }
        case "import":
          return this.importStmt();
        case "from":
          return this.fromImport();
      }
    }
    return this.expressionStatement();
  }

  private atSimpleEnd(): boolean {
    return this.tokType() === Tok.Newline || this.isOp(";");
  }

  private delStmt(): Stmt {
    const from = this.start();
    this.next();
    const targets: Expr[] = [];
    for (;;) {
      const e = this.delTarget();
      targets.push(e);
      if (!this.eatOp(",")) break;
      if (this.atSimpleEnd()) break;
    }
    if (!this.atSimpleEnd()) {
      // `del f()`-style errors name what cannot be deleted.
      this.fail();
    }
    return this.fin({ kind: "Delete", targets }, from);
  }

  private delTarget(): Expr {
    const e = this.starTargetExpr();
    this.setContext(e, "Del", "del");
    return e;
  }

  private dottedName(): string {
    let name = this.expectName();
    while (this.eatOp(".")) name += "." + this.expectName();
    return name;
  }

  private importStmt(): Stmt {
    const from = this.start();
    this.next();
    const names: Alias[] = [];
    do {
      const aliasFrom = this.start();
      const name = this.dottedName();
      const asname = this.eatKw("as") ? this.expectName() : null;
      names.push(this.fin({ kind: "alias", name, asname }, aliasFrom));
    } while (this.eatOp(","));
    return this.fin({ kind: "Import", names }, from);
  }

  private fromImport(): Stmt {
    const from = this.start();
    this.next();
    let level = 0;
    while (this.isOp(".") || this.isOp("...")) level += this.next().text.length;
    const module = level > 0 && this.isKw("import") ? null : this.dottedName();
    if (!this.isKw("import")) this.fail();
    this.next();
    const names: Alias[] = [];
    if (this.isOp("*")) {
      const aliasFrom = this.start();
      this.next();
      names.push(this.fin({ kind: "alias", name: "*", asname: null }, aliasFrom));
    } else {
      const parens = this.eatOp("(");
      if (parens) this.bracketDepth++;
      for (;;) {
        const aliasFrom = this.start();
        const name = this.expectName();
        const asname = this.eatKw("as") ? this.expectName() : null;
        names.push(this.fin({ kind: "alias", name, asname }, aliasFrom));
        if (!this.isOp(",")) break;
        const comma = this.next();
        if (parens && this.isOp(")")) break;
        if (!parens && this.atSimpleEnd()) {
          this.errorAt("trailing comma not allowed without surrounding parentheses", this.tok);
        }
        void comma;
      }
      if (parens) {
        this.bracketDepth--;
        this.expectOp(")");
      }
    }
    return this.fin({ kind: "ImportFrom", module, names, level }, from);
  }

  /** Expression statements, assignments (plain, chained, annotated) and augmented assignment. */
  private expressionStatement(): Stmt {
    const from = this.start();
    const first = this.isKw("yield") ? this.yieldExpr() : this.starExpressions();
    if (this.isOp("=")) return this.assignment(from, first);
    if (this.isOp(":")) return this.annAssign(from, first);
    const t = this.tok;
    if (t.type === Tok.Op && t.text in AUG_OPS) {
      if (!["Name", "Attribute", "Subscript"].includes(first.kind)) {
        this.errorAtNode(`'${exprName(first)}' is an illegal expression for augmented assignment`, first);
      }
      this.setContext(first, "Store", "assign");
      this.next();
      const value = this.isKw("yield") ? this.yieldExpr() : this.starExpressions();
      return this.fin({ kind: "AugAssign", target: first, op: AUG_OPS[t.text], value }, from);
    }
    if (!this.atSimpleEnd()) this.statementJunk(first);
    return this.fin({ kind: "Expr", value: first }, from);
  }

  /** What CPython says when an expression statement is followed by something unexpected. */
  private statementJunk(first: Expr): never {
    if (first.kind === "Name" && (first.id === "print" || first.id === "exec") && this.startsExpression(this.tok)) {
      const rest = this.speculate(() => this.starExpressions());
      const end = rest ?? first;
      this.errorAtNode(`Missing parentheses in call to '${first.id}'. Did you mean ${first.id}(...)?`, first, end);
    }
    this.fail();
  }

  private assignment(from: Span, first: Expr): Stmt {
    const segments: Expr[] = [first];
    while (this.isOp("=")) {
      this.next();
      if (this.atSimpleEnd()) {
        // `x = 1 =`: CPython names a bad target before complaining about the missing value.
        for (const target of segments) this.setContext(target, "Store", "assign");
        this.fail();
      }
      segments.push(this.isKw("yield") ? this.yieldExpr() : this.starExpressions());
    }
    if (this.isOp(":=")) this.fail();
    const value = segments.pop()!;
    const invalid = segments.some((t) => invalidTarget(t, "assign") !== null);
    if (invalid && segments.length === 1) this.mistypedComparison(first, value);
    for (const target of segments) {
      if ((target.kind === "Yield" || target.kind === "YieldFrom") && !this.parenthesized.has(target)) {
        this.errorAtNode("assignment to yield expression not possible", target);
      }
      this.setContext(target, "Store", "assign");
    }
    return this.fin({ kind: "Assign", targets: segments, value }, from);
  }

  /**
   * CPython reads an invalid `target = value` as a mistyped comparison first: the expression
   * just before the only `=` (the last item of a bare tuple) decides the message.
   */
  private mistypedComparison(first: Expr, value: Expr): void {
    if (!isBitwiseOrLevel(value)) return;
    let e = first;
    if (e.kind === "Tuple" && !this.parenthesized.has(e)) e = e.elts[e.elts.length - 1];
    if (e.kind === "Name" && !this.parenthesized.has(e)) {
      this.errorAtNode("invalid syntax. Maybe you meant '==' or ':=' instead of '='?", e, value);
    }
    if (!isBitwiseOrLevel(e) || e.kind === "List" || e.kind === "Tuple" || e.kind === "GeneratorExp") return;
    if (e.kind === "Constant" && (e.value === null || typeof e.value === "boolean")) return;
    if (this.parenthesizedStart(e)) return;
    this.errorAtNode(`cannot assign to ${exprName(e)} here. Maybe you meant '==' instead of '='?`, e);
  }

  /** Whether `e` begins with a parenthesised tuple/genexp or a list (excluded by CPython). */
  private parenthesizedStart(e: Expr): boolean {
    let inner: Expr = e;
    for (;;) {
      if (inner.kind === "BinOp") inner = inner.left;
      else if (inner.kind === "Call" || inner.kind === "Attribute" || inner.kind === "Subscript") inner = inner.kind === "Call" ? inner.func : inner.value;
      else break;
      if (inner.lineno !== e.lineno || inner.col_offset !== e.col_offset) return false;
    }
    return inner !== e && (inner.kind === "List" || inner.kind === "Tuple" || inner.kind === "GeneratorExp" || (inner.kind === "Constant" && (inner.value === null || typeof inner.value === "boolean")));
  }

  private annAssign(from: Span, target: Expr): Stmt {
    const bareYield = (target.kind === "Yield" || target.kind === "YieldFrom") && !this.parenthesized.has(target);
    if (bareYield || !this.startsExpression(this.peekAt(1))) {
      this.next();
      this.fail();
    }
    const paren = this.parenthesized.has(target);
    if (target.kind === "Tuple" && !paren) this.errorAtNode("only single target (not tuple) can be annotated", target.elts[0] ?? target);
    if (target.kind === "List") this.errorAtNode("only single target (not list) can be annotated", target);
    if (target.kind === "Tuple") this.errorAtNode("only single target (not tuple) can be annotated", target);
    if (target.kind !== "Name" && target.kind !== "Attribute" && target.kind !== "Subscript") {
      this.errorAtNode("illegal target for annotation", target);
    }
    this.next();
    // Without an annotation CPython does not get as far as judging the target.
    if (!this.startsExpression(this.tok)) this.fail();
    this.setContext(target, "Store", "assign");
    const annotation = this.expression();
    let value: Expr | null = null;
    if (this.eatOp("=")) value = this.isKw("yield") ? this.yieldExpr() : this.starExpressions();
    const simple = target.kind === "Name" && !paren ? 1 : 0;
    return this.fin({ kind: "AnnAssign", target, annotation, value, simple }, from);
  }

  // ---- targets ----

  /** Comma-separated targets (for `for` and comprehensions) up to a token `stop` accepts. */
  private targetList(kind: TargetKind, stop: () => boolean): Expr {
    const startIndex = this.i;
    const parsed = this.speculate(() => this.targetListUnchecked(kind, stop));
    if (parsed) return parsed;
    this.nameInvalidTarget(startIndex, kind);
    return this.targetListUnchecked(kind, stop);
  }

  /**
   * After a target failed to parse: CPython re-reads it as an ordinary expression and, if that
   * works, names the part that cannot be assigned to (`for not x in y` → "expression").
   */
  private nameInvalidTarget(startIndex: number, kind: TargetKind): void {
    const saved = this.i;
    this.i = startIndex;
    const whole = this.speculate(() => this.starExpressions());
    const bad = whole && invalidTarget(whole, kind);
    this.i = saved;
    if (bad) this.errorAtNode(`cannot assign to ${exprName(bad)}`, bad);
    this.i = startIndex;
  }

  private targetListUnchecked(kind: TargetKind, stop: () => boolean): Expr {
    const from = this.start();
    const first = this.starTargetExpr();
    let result = first;
    if (this.isOp(",")) {
      const elts = [first];
      while (this.eatOp(",")) {
        if (stop()) break;
        elts.push(this.starTargetExpr());
      }
      result = this.fin({ kind: "Tuple", elts, ctx: "Load" }, from);
    }
    if (!stop()) this.fail();
    this.setContext(result, "Store", kind);
    return result;
  }

  private starTargetExpr(): Expr {
    if (this.isOp("*")) {
      const from = this.start();
      this.next();
      const value = this.bitwiseOr();
      return this.fin({ kind: "Starred", value, ctx: "Load" }, from);
    }
    return this.bitwiseOr();
  }

  /** A single target after `as`. */
  private target(kind: TargetKind): Expr {
    const startIndex = this.i;
    const parsed = this.speculate(() => this.starTargetExpr());
    if (!parsed) this.nameInvalidTarget(startIndex, kind);
    const e = parsed ?? this.starTargetExpr();
    this.setContext(e, "Store", kind);
    return e;
  }

  /** Marks `e` as a Store/Del target, or raises CPython's "cannot assign to ..." error. */
  private setContext(e: Expr, ctx: ExprContext, kind: TargetKind): void {
    const bad = invalidTarget(e, kind);
    if (bad) {
      const verb = kind === "del" ? "delete" : "assign to";
      this.errorAtNode(`cannot ${verb} ${exprName(bad)}`, bad);
    }
    applyContext(e, ctx);
  }

  // ---- expressions ----

  private startsExpression(t: Token): boolean {
    if (t.type === Tok.Number || t.type === Tok.String) return true;
    if (t.type === Tok.Name) return !KEYWORDS.has(t.text) || ["None", "True", "False", "not", "lambda", "await"].includes(t.text);
    if (t.type === Tok.Op) return ["(", "[", "{", "-", "+", "~", "..."].includes(t.text);
    return false;
  }

  /** star_expressions: an expression or an unparenthesised tuple, elements may be starred. */
  private starExpressions(): Expr {
    const from = this.start();
    const first = this.starExpression();
    if (!this.isOp(",")) return first;
    const elts = [first];
    while (this.eatOp(",")) {
      if (!this.startsStarExpression()) break;
      elts.push(this.starExpression());
    }
    return this.fin({ kind: "Tuple", elts, ctx: "Load" }, from);
  }

  private startsStarExpression(): boolean {
    return this.isOp("*") || this.startsExpression(this.tok) || this.isKw("yield");
  }

  private starExpression(): Expr {
    if (this.isOp("*")) {
      const from = this.start();
      this.next();
      const value = this.bitwiseOr();
      return this.fin({ kind: "Starred", value, ctx: "Load" }, from);
    }
    return this.expression();
  }

  /** star_named_expressions, as inside `[...]`, `{...}` or after `match`. */
  private starNamedExpressions(): Expr {
    const from = this.start();
    const first = this.starNamedExpression();
    if (!this.isOp(",")) return first;
    const elts = [first];
    while (this.eatOp(",")) {
      if (!this.startsStarExpression()) break;
      elts.push(this.starNamedExpression());
    }
    return this.fin({ kind: "Tuple", elts, ctx: "Load" }, from);
  }

  private starNamedExpression(): Expr {
    if (this.isOp("*")) {
      const from = this.start();
      this.next();
      const value = this.bitwiseOr();
      return this.fin({ kind: "Starred", value, ctx: "Load" }, from);
    }
    return this.namedExpression();
  }

  /** An expression where `:=` would be allowed; withvm rejects `:=` by name. */
  private namedExpression(equalsHint = true): Expr {
    const startTok = this.tok;
    const e = this.expression();
    if (this.isOp(":=")) {
      if (e.kind !== "Name") this.errorAtNode(`cannot use assignment expressions with ${exprName(e)}`, e);
      this.errorAt(unsupported("assignment expressions (:=)"), startTok, this.tok);
    }
    if (equalsHint && this.isOp("=")) this.namedEquals(e);
    return e;
  }

  /** `if x = 1:`-style mistakes inside a condition or brackets. */
  private namedEquals(e: Expr): void {
    const saved = this.i;
    this.next();
    const value = this.speculate(() => this.bitwiseOr());
    const after = this.tok;
    this.i = saved;
    if (!value || this.isOp("=", after) || this.isOp(":=", after)) return;
    if (e.kind === "Name") {
      this.errorAtNode("invalid syntax. Maybe you meant '==' or ':=' instead of '='?", e, value);
    }
    if (isBitwiseOrLevel(e) && e.kind !== "List" && e.kind !== "Tuple" && e.kind !== "GeneratorExp" && !(e.kind === "Constant" && (e.value === null || typeof e.value === "boolean"))) {
      this.errorAtNode(`cannot assign to ${exprName(e)} here. Maybe you meant '==' instead of '='?`, e);
    }
  }

  /** Inside brackets, two expressions in a row mean a missing comma (CPython's hint). */
  private forgottenComma(e: Expr, startTok: Token): void {
    const t = this.tok;
    if (!this.startsExpression(t)) return;
    if (e.kind === "Lambda" || e.kind === "IfExp") return;
    if (startTok.type === Tok.Name && (startTok.text === "match" || startTok.text === "case" || startTok.text === "_")) return;
    if (startTok.type === Tok.Name && this.toks[this.toks.indexOf(startTok) + 1]?.type === Tok.String) return;
    if (e.kind === "Name" && (e.id === "print" || e.id === "exec")) return;
    const saved = this.i;
    const savedDepth = this.bracketDepth;
    // The second expression is read without this hint, as CPython's expression_without_invalid.
    this.bracketDepth = 0;
    const next = this.speculate(() => this.expression());
    this.bracketDepth = savedDepth;
    this.i = saved;
    if (!next) return;
    this.errorAtNode("invalid syntax. Perhaps you forgot a comma?", e, next);
  }

  private expression(): Expr {
    if (this.isKw("lambda")) {
      this.enter();
      const e = this.lambda();
      this.leave();
      return e;
    }
    const from = this.start();
    const startTok = this.tok;
    const body = this.disjunction();
    if (!this.isKw("if")) {
      if (this.bracketDepth > 0) this.forgottenComma(body, startTok);
      return body;
    }
    const ifTok = this.next();
    const test = this.disjunction();
    if (!this.isKw("else")) {
      if (!this.isOp(":")) this.errorAtNode("expected 'else' after 'if' expression", body, test);
      void ifTok;
      this.fail();
    }
    this.next();
    const orelse = this.expression();
    return this.fin({ kind: "IfExp", test, body, orelse }, from);
  }

  private lambda(): Expr {
    const from = this.start();
    this.next();
    const args = this.parameters(":");
    this.expectOp(":");
    const body = this.expression();
    return this.fin({ kind: "Lambda", args, body }, from);
  }

  private yieldExpr(): Expr {
    const from = this.start();
    this.next();
    if (this.eatKw("from")) {
      const value = this.expression();
      return this.fin({ kind: "YieldFrom", value }, from);
    }
    const value = this.startsStarExpression() ? this.starExpressions() : null;
    return this.fin({ kind: "Yield", value }, from);
  }

  private disjunction(): Expr {
    const from = this.start();
    const first = this.conjunction();
    if (!this.isKw("or")) return first;
    const values = [first];
    while (this.eatKw("or")) values.push(this.conjunction());
    return this.fin({ kind: "BoolOp", op: "Or", values }, from);
  }

  private conjunction(): Expr {
    const from = this.start();
    const first = this.inversion();
    if (!this.isKw("and")) return first;
    const values = [first];
    while (this.eatKw("and")) values.push(this.inversion());
    return this.fin({ kind: "BoolOp", op: "And", values }, from);
  }

  private inversion(): Expr {
    if (this.isKw("not")) {
      const from = this.start();
      this.next();
      this.enter();
      const operand = this.inversion();
      this.leave();
      return this.fin({ kind: "UnaryOp", op: "Not", operand }, from);
    }
    return this.comparison();
  }

  private comparison(): Expr {
    const from = this.start();
    const left = this.bitwiseOr();
    const ops: CmpOpKind[] = [];
    const comparators: Expr[] = [];
    for (;;) {
      const t = this.tok;
      let op: CmpOpKind | undefined;
      if (t.type === Tok.Op && t.text in COMPARE_OPS && t.text !== "in" && t.text !== "is") {
        op = COMPARE_OPS[t.text];
        this.next();
      } else if (this.isKw("in")) {
        op = "In";
        this.next();
      } else if (this.isKw("is")) {
        this.next();
        op = this.eatKw("not") ? "IsNot" : "Is";
      } else if (this.isKw("not") && this.isKw("in", this.peekAt(1))) {
        this.next();
        this.next();
        op = "NotIn";
      }
      if (!op) break;
      ops.push(op);
      comparators.push(this.bitwiseOr());
    }
    if (ops.length === 0) return left;
    return this.fin({ kind: "Compare", left, ops, comparators }, from);
  }

  private bitwiseOr(): Expr {
    return this.binary(0);
  }

  private binary(level: number): Expr {
    if (level === BINARY_LEVELS.length) return this.factor();
    const from = this.start();
    let left = this.binary(level + 1);
    const ops = BINARY_LEVELS[level];
    for (;;) {
      const t = this.tok;
      if (t.type !== Tok.Op || !Object.prototype.hasOwnProperty.call(ops, t.text)) break;
      this.next();
      const right = this.binary(level + 1);
      left = this.fin({ kind: "BinOp", left, op: ops[t.text], right }, from);
    }
    return left;
  }

  private factor(): Expr {
    const t = this.tok;
    if (t.type === Tok.Op && (t.text === "-" || t.text === "+" || t.text === "~")) {
      const from = this.start();
      this.next();
      this.enter();
      const operand = this.factor();
      this.leave();
      const op = t.text === "-" ? "USub" : t.text === "+" ? "UAdd" : "Invert";
      return this.fin({ kind: "UnaryOp", op, operand }, from);
    }
    return this.power();
  }

  private power(): Expr {
    const from = this.start();
    if (this.isKw("await")) this.rejectAsync();
    const base = this.primary();
    if (!this.isOp("**")) return base;
    this.next();
    const exponent = this.factor();
    return this.fin({ kind: "BinOp", left: base, op: "Pow", right: exponent }, from);
  }

  private primary(): Expr {
    const from = this.start();
    this.enter();
    let e = this.atom();
    for (;;) {
      if (this.isOp(".")) {
        this.next();
        const attr = this.expectName();
        e = this.fin({ kind: "Attribute", value: e, attr, ctx: "Load" }, from);
      } else if (this.isOp("(")) {
        this.next();
        this.bracketDepth++;
        const [args, keywords] = this.callArguments();
        this.bracketDepth--;
        this.expectOp(")");
        e = this.fin({ kind: "Call", func: e, args, keywords }, from);
      } else if (this.isOp("[")) {
        this.next();
        this.bracketDepth++;
        const slice = this.slices();
        this.bracketDepth--;
        this.expectOp("]");
        e = this.fin({ kind: "Subscript", value: e, slice, ctx: "Load" }, from);
      } else break;
    }
    this.leave();
    return e;
  }

  private slices(): Expr {
    const from = this.start();
    const first = this.slice();
    // A lone starred item is still a tuple: `a[*b]` is `a[(*b,)]`.
    if (!this.isOp(",") && first.kind !== "Starred") return first;
    const elts = [first];
    while (this.eatOp(",")) {
      if (this.isOp("]")) break;
      elts.push(this.slice());
    }
    return this.fin({ kind: "Tuple", elts, ctx: "Load" }, from);
  }

  private slice(): Expr {
    if (this.isOp("*")) {
      const from = this.start();
      this.next();
      const value = this.bitwiseOr();
      return this.fin({ kind: "Starred", value, ctx: "Load" }, from);
    }
    const from = this.start();
    let lower: Expr | null = null;
    if (!this.isOp(":")) {
      lower = this.namedExpression();
      if (!this.isOp(":")) return lower;
    }
    this.next();
    const startsPart = (): boolean => !this.isOp(":") && !this.isOp(",") && !this.isOp("]");
    const upper = startsPart() ? this.expression() : null;
    let step: Expr | null = null;
    if (this.eatOp(":")) step = startsPart() ? this.expression() : null;
    return this.fin({ kind: "Slice", lower, upper, step }, from);
  }

  private atom(): Expr {
    const t = this.tok;
    const from = this.start();
    switch (t.type) {
      case Tok.Name:
        if (!KEYWORDS.has(t.text)) {
          this.next();
          return this.fin({ kind: "Name", id: t.text, ctx: "Load" }, from);
        }
        if (t.text === "None" || t.text === "True" || t.text === "False") {
          this.next();
          const value = t.text === "None" ? null : t.text === "True";
          return this.fin({ kind: "Constant", value }, from);
        }
        this.fail();
      // falls through: fail never returns
      case Tok.Number:
        this.next();
        return this.fin({ kind: "Constant", value: this.numberValue(t) }, from);
      case Tok.String:
        return this.strings();
      case Tok.Op:
        switch (t.text) {
          case "(":
            return this.parenthesisedAtom();
          case "[":
            return this.listAtom();
          case "{":
            return this.braceAtom();
          case "...":
            this.next();
            return this.fin({ kind: "Constant", value: ELLIPSIS }, from);
        }
    }
    this.fail();
  }

  private numberValue(t: Token): ConstValue {
    const text = t.text.replace(/_/g, "");
    const last = text[text.length - 1];
    if (last === "j" || last === "J") this.errorAt(unsupported("complex literals"), t);
    if (/^0[xXoObB]/.test(text)) return BigInt(text.toLowerCase());
    if (/[.eE]/.test(text)) return Number(text);
    return BigInt(text);
  }

  /** `(...)`: a tuple, a generator expression, a yield, or a parenthesised expression. */
  private parenthesisedAtom(): Expr {
    const from = this.start();
    this.next();
    this.bracketDepth++;
    if (this.isOp(")")) {
      this.next();
      this.bracketDepth--;
      return this.fin({ kind: "Tuple", elts: [], ctx: "Load" }, from);
    }
    if (this.isKw("yield")) {
      const y = this.yieldExpr();
      this.bracketDepth--;
      this.expectOp(")");
      this.parenthesized.add(y);
      return y;
    }
    const first = this.starNamedExpression();
    if (this.isKw("for") || this.isKw("async")) {
      const generators = this.comprehensionClauses();
      this.bracketDepth--;
      this.expectOp(")");
      return this.fin({ kind: "GeneratorExp", elt: first, generators }, from);
    }
    if (this.isOp(")")) {
      this.next();
      this.bracketDepth--;
      if (first.kind === "Starred") this.errorAtNode("cannot use starred expression here", first);
      this.parenthesized.add(first);
      return first;
    }
    const elts = [first];
    while (this.eatOp(",")) {
      if (this.isOp(")")) break;
      elts.push(this.starNamedExpression());
    }
    this.bracketDepth--;
    this.expectOp(")");
    const tuple = this.fin<Expr & Pos>({ kind: "Tuple", elts, ctx: "Load" }, from);
    this.parenthesized.add(tuple);
    return tuple;
  }

  private listAtom(): Expr {
    const from = this.start();
    this.next();
    this.bracketDepth++;
    if (this.isOp("]")) {
      this.next();
      this.bracketDepth--;
      return this.fin({ kind: "List", elts: [], ctx: "Load" }, from);
    }
    const first = this.starNamedExpression();
    if (this.isKw("for") || this.isKw("async")) {
      if (first.kind === "Starred") this.errorAtNode("iterable unpacking cannot be used in comprehension", first);
      const generators = this.comprehensionClauses();
      this.bracketDepth--;
      this.expectOp("]");
      return this.fin({ kind: "ListComp", elt: first, generators }, from);
    }
    const elts = [first];
    while (this.eatOp(",")) {
      if (this.isOp("]")) break;
      elts.push(this.starNamedExpression());
      if (this.isKw("for")) this.errorAtNode("did you forget parentheses around the comprehension target?", elts[0], elts[elts.length - 1]);
    }
    this.bracketDepth--;
    this.expectOp("]");
    return this.fin({ kind: "List", elts, ctx: "Load" }, from);
  }

  /** `{...}`: dict, set, or their comprehensions. */
  private braceAtom(): Expr {
    const from = this.start();
    this.next();
    this.bracketDepth++;
    if (this.isOp("}")) {
      this.next();
      this.bracketDepth--;
      return this.fin({ kind: "Dict", keys: [], values: [] }, from);
    }
    if (this.isOp("**")) return this.dictRest(from, null, null);
    const first = this.starNamedExpression();
    if (this.isOp(":") && first.kind !== "Starred") {
      this.next();
      if (this.isOp("}") || this.isOp(",")) this.errorAt("expression expected after dictionary key and ':'", this.prev);
      if (this.isOp("*")) this.errorAt("cannot use a starred expression in a dictionary value", this.tok);
      const value = this.expression();
      if (this.isKw("for") || this.isKw("async")) {
        const generators = this.comprehensionClauses();
        this.bracketDepth--;
        this.expectOp("}");
        return this.fin({ kind: "DictComp", key: first, value, generators }, from);
      }
      return this.dictRest(from, first, value);
    }
    if (this.isKw("for") || this.isKw("async")) {
      if (first.kind === "Starred") this.errorAtNode("iterable unpacking cannot be used in comprehension", first);
      const generators = this.comprehensionClauses();
      this.bracketDepth--;
      this.expectOp("}");
      return this.fin({ kind: "SetComp", elt: first, generators }, from);
    }
    const elts = [first];
    while (this.eatOp(",")) {
      if (this.isOp("}")) break;
      elts.push(this.starNamedExpression());
    }
    this.bracketDepth--;
    this.expectOp("}");
    return this.fin({ kind: "Set", elts }, from);
  }

  private dictRest(from: Span, firstKey: Expr | null, firstValue: Expr | null): Expr {
    const keys: (Expr | null)[] = [];
    const values: Expr[] = [];
    const entry = (): void => {
      if (this.eatOp("**")) {
        keys.push(null);
        values.push(this.bitwiseOr());
        return;
      }
      const key = this.expression();
      if (!this.isOp(":")) {
        if (this.isOp("}") || this.isOp(",")) this.errorAt("':' expected after dictionary key", this.tok);
        this.fail();
      }
      this.next();
      if (this.isOp("}") || this.isOp(",")) this.errorAt("expression expected after dictionary key and ':'", this.prev);
      if (this.isOp("*")) this.errorAt("cannot use a starred expression in a dictionary value", this.tok);
      keys.push(key);
      values.push(this.expression());
    };
    if (firstValue) {
      keys.push(firstKey);
      values.push(firstValue);
    } else entry();
    while (this.eatOp(",")) {
      if (this.isOp("}")) break;
      entry();
    }
    this.bracketDepth--;
    this.expectOp("}");
    return this.fin({ kind: "Dict", keys, values }, from);
  }

  private comprehensionClauses(): Comprehension[] {
    const out: Comprehension[] = [];
    while (this.isKw("for") || this.isKw("async")) {
      if (this.isKw("async")) this.errorAt(unsupported("asynchronous comprehensions"), this.tok, this.peekAt(1));
      this.next();
      const target = this.targetList("for", () => this.isKw("in"));
      this.next();
      const iter = this.disjunction();
      const ifs: Expr[] = [];
      while (this.eatKw("if")) ifs.push(this.disjunction());
      if (this.isOp(":=")) this.errorAt(unsupported("assignment expressions (:=)"), this.tok);
      out.push({ kind: "comprehension", target, iter, ifs, is_async: 0 });
    }
    return out;
  }

  /** Call arguments up to (not including) `)`. */
  private callArguments(bareGenerator = true): [Expr[], Keyword[]] {
    const args: Expr[] = [];
    const keywords: Keyword[] = [];
    let sawKeyword = false;
    let sawDoubleStar = false;
    let count = 0;
    while (!this.isOp(")")) {
      const t = this.tok;
      const from = this.start();
      count++;
      if (this.isOp("*")) {
        this.next();
        const value = this.expression();
        const starred = this.fin<Expr & Pos>({ kind: "Starred", value, ctx: "Load" }, from);
        if (sawDoubleStar) this.errorAtNode("iterable argument unpacking follows keyword argument unpacking", starred);
        args.push(starred);
      } else if (this.isOp("**")) {
        this.next();
        const value = this.expression();
        keywords.push(this.fin({ kind: "keyword", arg: null, value }, from));
        sawDoubleStar = true;
      } else if ((this.isKw("True") || this.isKw("False") || this.isKw("None")) && this.isOp("=", this.peekAt(1))) {
        this.errorAt(`cannot assign to ${t.text}`, t, this.peekAt(1));
      } else if (this.isName(t) && this.isOp("=", this.peekAt(1))) {
        this.next();
        this.next();
        if (this.isOp(")") || this.isOp(",")) this.fail();
        const value = this.expression();
        keywords.push(this.fin({ kind: "keyword", arg: t.text, value }, from));
        sawKeyword = true;
      } else {
        const startIndex = this.i;
        const value = this.namedExpression(false);
        if (this.isOp("=")) {
          this.errorAtNode('expression cannot contain assignment, perhaps you meant "=="?', value);
        }
        if (bareGenerator && (this.isKw("for") || this.isKw("async"))) {
          const generators = this.comprehensionClauses();
          const gen = this.fin<Expr & Pos>({ kind: "GeneratorExp", elt: value, generators }, from);
          if (count === 1 && this.isOp(")")) {
            // The sole-argument generator takes the call's parentheses as its own.
            const open = this.toks[startIndex - 1];
            gen.lineno = open.line;
            gen.col_offset = open.col;
            gen.end_lineno = this.tok.endLine;
            gen.end_col_offset = this.tok.endCol;
            args.push(gen);
            break;
          }
          // A lone generator followed by junk is plain invalid syntax in CPython.
          if (count === 1 && !this.isOp(",")) this.fail();
          this.errorAtNode("Generator expression must be parenthesized", gen);
        }
        if (sawDoubleStar) this.errorAtNode("positional argument follows keyword argument unpacking", value);
        if (sawKeyword) this.errorAtNode("positional argument follows keyword argument", value);
        args.push(value);
      }
      if (!this.eatOp(",")) break;
    }
    return [args, keywords];
  }

  /** Parameters of a def (closed by `)`) or a lambda (closed by `:`). */
  private parameters(close: string): Arguments {
    const isLambda = close === ":";
    const posonlyargs: Arg[] = [];
    const args: Arg[] = [];
    const kwonlyargs: Arg[] = [];
    const kw_defaults: (Expr | null)[] = [];
    const defaults: Expr[] = [];
    let vararg: Arg | null = null;
    let kwarg: Arg | null = null;
    let sawStar = false;
    let sawSlash = false;
    let bareStar: Token | null = null;
    const param = (): Arg => {
      const from = this.start();
      const arg = this.expectName();
      let annotation: Expr | null = null;
      if (!isLambda && this.eatOp(":")) annotation = this.expression();
      return this.fin({ kind: "arg", arg, annotation }, from);
    };
    while (!this.isOp(close)) {
      const t = this.tok;
      if (kwarg) this.errorAt("arguments cannot follow var-keyword argument", t);
      if (this.isOp("(") && !isLambda) this.parenthesizedParameters();
      if (this.isOp("/")) {
        if (sawSlash) this.errorAt("/ may appear only once", t);
        if (sawStar) this.errorAt("/ must be ahead of *", t);
        if (args.length === 0) this.fail();
        this.next();
        sawSlash = true;
        posonlyargs.push(...args.splice(0));
      } else if (this.isOp("*")) {
        if (sawStar) this.errorAt("* argument may appear only once", t);
        this.next();
        sawStar = true;
        if (this.isOp(",") || this.isOp(close)) {
          bareStar = t;
        } else {
          vararg = param();
          if (this.isOp("=")) this.errorAt("var-positional argument cannot have default value", this.tok);
        }
      } else if (this.isOp("**")) {
        this.next();
        kwarg = param();
        if (this.isOp("=")) this.errorAt("var-keyword argument cannot have default value", this.tok);
      } else {
        const a = param();
        let dflt: Expr | null = null;
        if (this.eatOp("=")) {
          if (this.isOp(",") || this.isOp(close)) this.errorAt("expected default value expression", this.prev);
          dflt = this.expression();
        }
        if (sawStar) {
          kwonlyargs.push(a);
          kw_defaults.push(dflt);
        } else {
          if (!dflt && defaults.length > 0) this.errorAtNode("non-default argument follows default argument", a);
          args.push(a);
          if (dflt) defaults.push(dflt);
        }
      }
      if (!this.eatOp(",")) break;
    }
    if (bareStar && kwonlyargs.length === 0) this.errorAt("named arguments must follow bare *", bareStar);
    if (!this.isOp(close)) {
      if (!isLambda && this.tokType() === Tok.Name && this.isOp("(", this.prev)) this.fail();
      this.fail();
    }
    return { kind: "arguments", posonlyargs, args, vararg, kwonlyargs, kw_defaults, kwarg, defaults };
  }

  /** `def f((a, b)):` was Python 2; CPython 3.11 names the mistake. */
  private parenthesizedParameters(): void {
    const open = this.tok;
    let k = 1;
    while (this.isName(this.peekAt(k)) && this.isOp(",", this.peekAt(k + 1))) k += 2;
    if (this.isName(this.peekAt(k)) && this.isOp(")", this.peekAt(k + 1))) k += 1;
    else if (!(k > 1 && this.isOp(")", this.peekAt(k)))) this.fail();
    this.errorAt("Function parameters cannot be parenthesized", open, this.peekAt(k));
  }

  // ---- strings ----

  /** Adjacent string literals, concatenated into one Constant or JoinedStr as CPython does. */
  private strings(): Expr {
    const tokens: Token[] = [];
    while (this.tokType() === Tok.String) tokens.push(this.next());
    const first = tokens[0];
    const last = tokens[tokens.length - 1];
    const whole: Pos = { lineno: first.line, col_offset: first.col, end_lineno: last.endLine, end_col_offset: last.endCol };
    const anyF = tokens.some((t) => stringPrefix(t.text).formatted);
    const bytesCount = tokens.filter((t) => stringPrefix(t.text).bytes).length;
    if (bytesCount > 0 && bytesCount < tokens.length) {
      this.errorAt("cannot mix bytes and nonbytes literals", first, last);
    }
    let literal = "";
    const parts: Expr[] = [];
    const flush = (): void => {
      if (literal !== "") parts.push(this.posFrom({ kind: "Constant", value: literal }, whole, whole));
      literal = "";
    };
    for (const t of tokens) {
      const p = stringPrefix(t.text);
      if (p.bytes) this.errorAt(unsupported("bytes literals"), t);
      const bodyStart = p.prefixLength + p.quoteLength;
      const bodyEnd = t.text.length - p.quoteLength;
      try {
        if (!p.formatted) {
          const body = t.text.slice(bodyStart, bodyEnd);
          literal += p.raw ? body : decodeEscapes(body);
          continue;
        }
        const pieces = splitFString(t.text, bodyStart, bodyEnd, p.raw);
        for (const piece of pieces) {
          if ("literal" in piece) {
            literal += piece.literal;
            continue;
          }
          const field = piece.field;
          if (field.debugText !== null) literal += field.debugText;
          flush();
          parts.push(this.formattedValue(t, piece, whole));
        }
      } catch (e) {
        if (e instanceof LiteralError) this.literalError(e, t);
        throw e;
      }
    }
    if (!anyF) return this.posFrom({ kind: "Constant", value: literal }, whole, whole);
    flush();
    return this.posFrom({ kind: "JoinedStr", values: parts }, whole, whole);
  }

  private literalError(e: LiteralError, t: Token): never {
    if (e.msg.endsWith("not supported by withvm")) this.errorAt(e.msg, t);
    if (e.msg.startsWith("f-string")) {
      this.raise(new PySyntaxError("SyntaxError", e.msg, this.filename, t.endLine, t.endCol + 1, this.lines[t.endLine - 1] ?? ""));
    }
    this.errorAt(e.msg, t);
  }

  private formattedValue(t: Token, piece: FPiece, whole: Pos): Expr {
    if (!("field" in piece)) throw new Error("unreachable");
    const field = piece.field;
    const value = this.fieldExpression(t, field.open, field.exprEnd);
    let conversion = field.conversion;
    if (field.debugText !== null && conversion === -1 && field.spec === null) conversion = "r".charCodeAt(0);
    let format_spec: JoinedStr | null = null;
    if (field.spec !== null) {
      const tokenSpan: Pos = { lineno: t.line, col_offset: t.col, end_lineno: t.endLine, end_col_offset: t.endCol };
      const values: Expr[] = [];
      // CPython 3.11 quirk: spec text flushed before a nested field spans the whole literal
      // concatenation, but trailing spec text spans only its own string token.
      field.spec.forEach((sub, k) => {
        if (!("literal" in sub)) values.push(this.formattedValue(t, sub, whole));
        else {
          const span = k === field.spec!.length - 1 ? tokenSpan : whole;
          values.push(this.posFrom({ kind: "Constant", value: sub.literal }, span, span));
        }
      });
      format_spec = this.posFrom<JoinedStr>({ kind: "JoinedStr", values }, tokenSpan, tokenSpan);
    }
    return this.posFrom({ kind: "FormattedValue", value, conversion, format_spec }, whole, whole);
  }

  /**
   * Parses the expression of a field in place: CPython lexes `(expr)` with the `(` standing
   * where the `{` is, so nodes get their true positions (and a bare tuple takes the braces').
   */
  private fieldExpression(t: Token, open: number, exprEnd: number): Expr {
    const text = t.text;
    const before = text.slice(0, open);
    const newlines = before.split("\n").length - 1;
    const lastNl = before.lastIndexOf("\n");
    const colInLine = [...before.slice(lastNl + 1)].length;
    // Only the first line of the expression is shifted; later lines keep their own columns.
    const firstCol = newlines === 0 ? t.col + colInLine : colInLine;
    const source = "(" + text.slice(open + 1, exprEnd) + ")";
    const lexed = tokenize(source, this.filename, { firstLine: t.line + newlines, firstCol, expressionOnly: true });
    const sub = new Parser(lexed, this.lines, this.filename, t);
    return sub.fstringExpression();
  }

  fstringExpression(): Expr {
    const from = this.start();
    this.expectOp("(");
    this.bracketDepth++;
    if (this.isKw("yield")) {
      const y = this.yieldExpr();
      this.expectOp(")");
      return y;
    }
    const first = this.starExpressions();
    this.bracketDepth--;
    if (!this.isOp(")")) {
      this.fail();
    }
    this.next();
    if (this.tokType() !== Tok.EndMarker) this.fail();
    if (first.kind === "Starred") this.errorAtNode("cannot use starred expression here", first);
    if (first.kind === "Tuple" && !this.parenthesized.has(first)) {
      // `{a, b}`: the tuple spans the replacement field's braces.
      return this.fin({ ...first }, from);
    }
    return first;
  }
}

/** The first part of `e` that cannot be a target of this kind, or null (CPython's order). */
function invalidTarget(e: Expr, kind: TargetKind): Expr | null {
  switch (e.kind) {
    case "Name":
    case "Attribute":
    case "Subscript":
      return null;
    case "List":
    case "Tuple":
      for (const elt of e.elts) {
        const bad = invalidTarget(elt, kind);
        if (bad) return bad;
      }
      return null;
    case "Starred":
      return kind === "del" ? e : invalidTarget(e.value, kind);
    case "Compare":
      if (kind === "for" && e.ops[0] === "In") return invalidTarget(e.left, kind);
      return e;
    default:
      return e;
  }
}

function applyContext(e: Expr, ctx: ExprContext): void {
  switch (e.kind) {
    case "Name":
    case "Attribute":
    case "Subscript":
      e.ctx = ctx;
      break;
    case "Starred":
      e.ctx = ctx;
      applyContext(e.value, ctx);
      break;
    case "List":
    case "Tuple":
      e.ctx = ctx;
      for (const elt of e.elts) applyContext(elt, ctx);
      break;
  }
}

/** Whether `e` could have come from CPython's `bitwise_or` rule (no comparison, not, and/or…). */
function isBitwiseOrLevel(e: Expr): boolean {
  switch (e.kind) {
    case "BoolOp":
    case "Compare":
    case "IfExp":
    case "Lambda":
    case "Yield":
    case "YieldFrom":
    case "Starred":
      return false;
    case "UnaryOp":
      return e.op !== "Not";
    case "Tuple":
      return true;
    default:
      return true;
  }
}

/** How CPython names an expression in "cannot assign to ..." messages. */
function exprName(e: Expr): string {
  switch (e.kind) {
    case "Attribute": return "attribute";
    case "Subscript": return "subscript";
    case "Starred": return "starred";
    case "Name": return "name";
    case "List": return "list";
    case "Tuple": return "tuple";
    case "Lambda": return "lambda";
    case "Call": return "function call";
    case "BoolOp":
    case "BinOp":
    case "UnaryOp": return "expression";
    case "GeneratorExp": return "generator expression";
    case "Yield":
    case "YieldFrom": return "yield expression";
    case "ListComp": return "list comprehension";
    case "SetComp": return "set comprehension";
    case "DictComp": return "dict comprehension";
    case "Dict": return "dict literal";
    case "Set": return "set display";
    case "JoinedStr":
    case "FormattedValue": return "f-string expression";
    case "Constant":
      if (e.value === null) return "None";
      if (e.value === true) return "True";
      if (e.value === false) return "False";
      if (e.value === ELLIPSIS) return "ellipsis";
      return "literal";
    case "Compare": return "comparison";
    case "IfExp": return "conditional expression";
    case "Slice": return "slice";
  }
}
