// The tokenizer: Python source text → tokens with 1-based lines and 0-based code-point columns,
// including NEWLINE/INDENT/DEDENT by CPython's rules. It checks token syntax only (string
// termination, number forms, brackets); string contents are decoded by the parser.
import { PySyntaxError } from "./errors.js";

export const enum Tok {
  Name,
  Number,
  String,
  Op,
  Newline,
  Indent,
  Dedent,
  EndMarker,
  /** Where tokenizing stopped on an error; the parser raises `Lexed.error` when it gets here. */
  Error,
}

export interface Token {
  type: Tok;
  /** Source text of the token (strings keep prefix and quotes). */
  text: string;
  line: number;
  col: number;
  endLine: number;
  endCol: number;
}

/**
 * Why tokenizing stopped early. CPython raises some tokenizer errors at once (they beat any
 * parser error, even one earlier in the file); others only when the parser reaches them.
 */
export interface LexError {
  error: PySyntaxError;
  /** True for errors CPython raises immediately (bad characters, strings, numbers, brackets). */
  immediate: boolean;
  /** Set when the file ended inside brackets: the innermost open bracket. */
  openBracket?: Token;
}

export interface Lexed {
  tokens: Token[];
  /** The source split into lines (without newline characters), for error reports. */
  lines: string[];
  error: LexError | null;
}

export interface LexOptions {
  /** Line number of the first line (f-string expressions are lexed in place). */
  firstLine?: number;
  /** Added to columns on the first line only. */
  firstCol?: number;
  /** Lex a bare expression: no INDENT/DEDENT/NEWLINE bookkeeping. */
  expressionOnly?: boolean;
}

const TAB_SIZE = 8;
const MAX_INDENT_LEVELS = 100;
const MAX_BRACKET_DEPTH = 200;

// Longest first, so `**=` wins over `**` and `*`.
const OPERATORS = [
  "**=", "//=", ">>=", "<<=", "...", "->", ":=",
  "**", "//", ">>", "<<", "<=", ">=", "==", "!=", "+=", "-=", "*=", "/=", "%=", "&=", "|=", "^=", "@=",
  "+", "-", "*", "/", "%", "@", "&", "|", "^", "~", "<", ">", "(", ")", "[", "]", "{", "}",
  ",", ":", ";", ".", "=",
];
const OPERATORS_BY_FIRST = new Map<string, string[]>();
for (const op of OPERATORS) {
  const list = OPERATORS_BY_FIRST.get(op[0]) ?? [];
  list.push(op);
  OPERATORS_BY_FIRST.set(op[0], list);
}
const CLOSING: Record<string, string> = { ")": "(", "]": "[", "}": "{" };
const STRING_PREFIXES = new Set(["r", "u", "f", "b", "br", "rb", "fr", "rf"]);
// Keywords that may directly follow a number without a space (`1if x else 2`), which CPython
// still accepts with a warning.
const KEYWORDS_AFTER_NUMBER = ["and", "else", "for", "if", "in", "is", "not", "or"];

const ID_START = /[\p{ID_Start}_\u2118\u212E\u309B\u309C\u1885\u1886]/u;
const ID_CONTINUE = /[\p{ID_Continue}\u00B7\u0387\u1369-\u1371\u19DA\u2118\u212E\u309B\u309C\u1885\u1886]/u;

function isAsciiIdStart(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95;
}
function isAsciiIdContinue(c: number): boolean {
  return isAsciiIdStart(c) || (c >= 48 && c <= 57);
}
function isDigit(c: string): boolean {
  return c >= "0" && c <= "9";
}

export function splitLines(source: string): string[] {
  return source.split("\n");
}

/** Normalises newlines the way CPython reads source files. */
export function normalizeNewlines(source: string): string {
  return source.indexOf("\r") < 0 ? source : source.replace(/\r\n?/g, "\n");
}

export function tokenize(source: string, filename: string, options: LexOptions = {}): Lexed {
  return new Lexer(normalizeNewlines(source), filename, options).run();
}

class StopLexing {}

class Lexer {
  private pos = 0;
  private line: number;
  private lineStart = 0;
  /** Whether the current line holds astral characters (columns then need counting). */
  private lineHasAstral = false;
  private readonly tokens: Token[] = [];
  private readonly lines: string[];
  private readonly brackets: Token[] = [];
  private readonly indents = [0];
  private readonly altIndents = [0];
  private atLineStart = true;
  private error: LexError | null = null;
  private readonly firstLine: number;
  private readonly firstCol: number;

  constructor(
    private readonly src: string,
    private readonly filename: string,
    private readonly options: LexOptions,
  ) {
    this.firstLine = options.firstLine ?? 1;
    this.firstCol = options.firstCol ?? 0;
    this.line = this.firstLine;
    this.lines = splitLines(src);
    this.startLine(0);
  }

  run(): Lexed {
    try {
      this.scan();
    } catch (e) {
      if (!(e instanceof StopLexing)) throw e;
      const last = this.tokens[this.tokens.length - 1];
      const line = last ? last.endLine : this.line;
      const col = last ? last.endCol : 0;
      this.tokens.push({ type: Tok.Error, text: "", line, col, endLine: line, endCol: col });
    }
    return { tokens: this.tokens, lines: this.lines, error: this.error };
  }

  // ---- positions ----

  private startLine(index: number): void {
    this.lineStart = index;
    const end = this.src.indexOf("\n", index);
    const text = this.src.slice(index, end < 0 ? this.src.length : end);
    this.lineHasAstral = /[\uD800-\uDBFF]/.test(text);
  }

  private colAt(index: number): number {
    let col = index - this.lineStart;
    if (this.lineHasAstral) col = [...this.src.slice(this.lineStart, index)].length;
    return this.line === this.firstLine ? col + this.firstCol : col;
  }

  private lineText(line: number): string {
    return this.lines[line - this.firstLine] ?? "";
  }

  private newline(index: number): void {
    this.line++;
    this.startLine(index + 1);
  }

  // ---- errors ----

  /** Stops with an error CPython raises as soon as the tokenizer meets it. */
  private fail(msg: string, line: number, col: number, endCol = col + 1, type: "SyntaxError" | "IndentationError" = "SyntaxError"): never {
    this.error = { error: new PySyntaxError(type, msg, this.filename, line, col + 1, this.lineText(line), endCol + 1), immediate: true };
    throw new StopLexing();
  }

  /** Stops with an error CPython only reports when the parser reaches this point. */
  private failLater(error: PySyntaxError, openBracket?: Token): never {
    this.error = { error, immediate: false, openBracket };
    throw new StopLexing();
  }

  private push(type: Tok, start: number, end: number, startLine = this.line, startCol = this.colAt(start)): Token {
    const tok: Token = { type, text: this.src.slice(start, end), line: startLine, col: startCol, endLine: this.line, endCol: this.colAt(end) };
    this.tokens.push(tok);
    return tok;
  }

  // ---- the scanner ----

  private scan(): void {
    const src = this.src;
    const expressionOnly = this.options.expressionOnly === true;
    for (;;) {
      if (this.atLineStart && !expressionOnly) {
        this.atLineStart = false;
        if (this.indentation()) continue;
      }
      const pos = this.pos;
      if (pos >= src.length) break;
      const ch = src[pos];
      const code = src.charCodeAt(pos);
      if (ch === " " || ch === "\t" || ch === "\f") {
        this.pos++;
      } else if (ch === "#") {
        const end = src.indexOf("\n", pos);
        this.pos = end < 0 ? src.length : end;
      } else if (ch === "\n") {
        if (this.brackets.length === 0 && !expressionOnly) {
          this.push(Tok.Newline, pos, pos + 1);
          this.atLineStart = true;
        }
        this.newline(pos);
        this.pos = pos + 1;
      } else if (ch === "\\") {
        this.continuation();
      } else if (isAsciiIdStart(code) || code >= 128) {
        this.nameOrString();
      } else if (isDigit(ch) || (ch === "." && isDigit(src[pos + 1] ?? ""))) {
        this.number();
      } else if (ch === "'" || ch === '"') {
        this.string(pos, pos);
      } else {
        this.operator();
      }
    }
    this.finish();
  }

  /** Backslash-newline joins lines; anything else after a backslash is an error. */
  private continuation(): void {
    const next = this.src[this.pos + 1];
    if (next === "\n") {
      this.newline(this.pos + 1);
      this.pos += 2;
      if (this.pos >= this.src.length) this.unexpectedEof();
      return;
    }
    if (next === undefined) this.unexpectedEof();
    const col = this.colAt(this.pos);
    this.failLater(new PySyntaxError("SyntaxError", "unexpected character after line continuation character", this.filename, this.line, col + 2, this.lineText(this.line)));
  }

  private unexpectedEof(): never {
    const line = this.line;
    this.failLater(new PySyntaxError("SyntaxError", "unexpected EOF while parsing", this.filename, line, this.colAt(this.pos) + 1, this.lineText(line)));
  }

  /**
   * Measures a new line's indentation and emits INDENT/DEDENTs. Returns true when the line is
   * blank or a comment (skipped whole, with no tokens).
   */
  private indentation(): boolean {
    const src = this.src;
    let col = 0;
    let altCol = 0;
    let pos = this.pos;
    for (; pos < src.length; pos++) {
      const ch = src[pos];
      if (ch === " ") {
        col++;
        altCol++;
      } else if (ch === "\t") {
        col = (Math.floor(col / TAB_SIZE) + 1) * TAB_SIZE;
        altCol++;
      } else if (ch === "\f") {
        col = altCol = 0;
      } else break;
    }
    const ch = src[pos];
    if (pos >= src.length || ch === "\n" || ch === "#" || (ch === "\\" && src[pos + 1] === "\n" && false)) {
      // Blank or comment-only line: no NEWLINE, no indentation change.
      if (ch === "#") {
        const end = src.indexOf("\n", pos);
        pos = end < 0 ? src.length : end;
      }
      if (pos < src.length) {
        this.newline(pos);
        this.pos = pos + 1;
        this.atLineStart = true;
        return true;
      }
      this.pos = pos;
      return true;
    }
    this.pos = pos;
    const top = this.indents[this.indents.length - 1];
    if (col > top) {
      if (this.indents.length >= MAX_INDENT_LEVELS) {
        this.failLater(new PySyntaxError("IndentationError", "too many levels of indentation", this.filename, this.line, this.colAt(pos) + 1, this.lineText(this.line)));
      }
      if (altCol <= this.altIndents[this.altIndents.length - 1]) this.inconsistentTabs(pos);
      this.indents.push(col);
      this.altIndents.push(altCol);
      this.tokens.push({ type: Tok.Indent, text: "", line: this.line, col: -1, endLine: this.line, endCol: -1 });
    } else if (col < top) {
      // Check the target level first: CPython reports a mismatch instead of any DEDENT.
      let level = this.indents.length - 1;
      while (col < this.indents[level]) level--;
      if (col !== this.indents[level]) {
        const text = this.lineText(this.line);
        this.failLater(new PySyntaxError("IndentationError", "unindent does not match any outer indentation level", this.filename, this.line, [...text].length + 1, text));
      }
      while (this.indents.length - 1 > level) {
        this.indents.pop();
        this.altIndents.pop();
        this.tokens.push({ type: Tok.Dedent, text: "", line: this.line, col: -1, endLine: this.line, endCol: -1 });
      }
      if (altCol !== this.altIndents[this.altIndents.length - 1]) this.inconsistentTabs(pos);
    } else if (altCol !== this.altIndents[this.altIndents.length - 1]) {
      this.inconsistentTabs(pos);
    }
    return false;
  }

  private inconsistentTabs(pos: number): never {
    // CPython raises TabError, a subclass of IndentationError.
    this.failLater(new PySyntaxError("IndentationError", "inconsistent use of tabs and spaces in indentation", this.filename, this.line, this.colAt(pos) + 1, this.lineText(this.line)));
  }

  private finish(): void {
    if (this.brackets.length > 0) {
      const open = this.brackets[this.brackets.length - 1];
      const error = new PySyntaxError("SyntaxError", `'${open.text}' was never closed`, this.filename, open.line, open.col + 1, this.lineText(open.line));
      this.failLater(error, open);
    }
    const end = this.src.length;
    if (this.options.expressionOnly) {
      this.push(Tok.EndMarker, end, end);
      return;
    }
    const last = this.tokens[this.tokens.length - 1];
    if (last && last.type !== Tok.Newline && last.type !== Tok.Dedent && last.type !== Tok.Indent) {
      // A last line without a newline still ends its statement.
      const col = this.colAt(end);
      this.tokens.push({ type: Tok.Newline, text: "", line: this.line, col, endLine: this.line, endCol: col + 1 });
    }
    const line = this.atLineStart || end === this.lineStart ? this.line : this.line + 1;
    for (let i = this.indents.length - 1; i > 0; i--) {
      this.tokens.push({ type: Tok.Dedent, text: "", line, col: -1, endLine: line, endCol: -1 });
    }
    this.tokens.push({ type: Tok.EndMarker, text: "", line, col: 0, endLine: line, endCol: 0 });
  }

  private nameOrString(): void {
    const src = this.src;
    const start = this.pos;
    let pos = start;
    let ascii = true;
    while (pos < src.length) {
      const c = src.charCodeAt(pos);
      if (isAsciiIdContinue(c)) {
        pos++;
      } else if (c >= 128) {
        const cp = src.codePointAt(pos)!;
        const char = String.fromCodePoint(cp);
        const ok = pos === start ? ID_START.test(char) : ID_CONTINUE.test(char);
        if (!ok) break;
        ascii = false;
        pos += char.length;
      } else break;
    }
    if (pos === start) {
      const cp = src.codePointAt(start)!;
      const char = String.fromCodePoint(cp);
      const hex = cp.toString(16).toUpperCase().padStart(4, "0");
      const col = this.colAt(start);
      if (/\p{C}|\p{Z}/u.test(char) && !/\p{Zs}/u.test(char)) {
        this.fail(`invalid non-printable character U+${hex}`, this.line, col);
      }
      this.fail(`invalid character '${char}' (U+${hex})`, this.line, col);
    }
    const quote = src[pos];
    if ((quote === "'" || quote === '"') && STRING_PREFIXES.has(src.slice(start, pos).toLowerCase())) {
      this.string(start, pos);
      return;
    }
    this.pos = pos;
    const tok = this.push(Tok.Name, start, pos);
    if (!ascii) tok.text = tok.text.normalize("NFKC");
    // A following character that cannot start a token here (`a€`) is reported as itself.
    const next = src.codePointAt(pos);
    if (next !== undefined && next >= 128 && !/\s/u.test(String.fromCodePoint(next))) {
      this.nameOrStringAt(pos);
    }
  }

  private nameOrStringAt(pos: number): void {
    this.pos = pos;
    this.nameOrString();
  }

  /** Scans a string literal whose prefix starts at `start` and whose quote is at `quotePos`. */
  private string(start: number, quotePos: number): void {
    const src = this.src;
    const quote = src[quotePos];
    const startLine = this.line;
    const startCol = this.colAt(start);
    const triple = src[quotePos + 1] === quote && src[quotePos + 2] === quote;
    let pos = quotePos + (triple ? 3 : 1);
    for (;;) {
      if (pos >= src.length) {
        // CPython counts the line of the last character; a final newline starts no new line.
        const lastLine = src.endsWith("\n") ? this.line - 1 : this.line;
        if (triple) this.fail(`unterminated triple-quoted string literal (detected at line ${lastLine})`, startLine, startCol);
        this.fail(`unterminated string literal (detected at line ${this.line})`, startLine, startCol);
      }
      const ch = src[pos];
      if (ch === "\\") {
        if (src[pos + 1] === "\n") this.newline(pos + 1);
        pos += 2;
        continue;
      }
      if (ch === "\n") {
        if (!triple) this.fail(`unterminated string literal (detected at line ${this.line})`, startLine, startCol);
        this.newline(pos);
        pos++;
        continue;
      }
      if (ch === quote) {
        if (!triple) {
          pos++;
          break;
        }
        if (src[pos + 1] === quote && src[pos + 2] === quote) {
          pos += 3;
          break;
        }
      }
      pos++;
    }
    if (pos > src.length) pos = src.length;
    this.pos = pos;
    this.push(Tok.String, start, pos, startLine, startCol);
  }

  private number(): void {
    const src = this.src;
    const start = this.pos;
    let pos = start;
    const line = this.line;
    const bad = (msg: string, at: number): never => this.fail(msg, line, this.colAt(at));
    const digitsWith = (test: (c: string) => boolean, kind: string): void => {
      // Digits with single underscores between them.
      for (;;) {
        while (pos < src.length && test(src[pos])) pos++;
        if (src[pos] !== "_") return;
        pos++;
        if (!test(src[pos] ?? "")) bad(`invalid ${kind} literal`, pos);
      }
    };
    const decimalDigits = (): void => digitsWith(isDigit, "decimal");
    const c0 = src[pos];
    const c1 = (src[pos + 1] ?? "").toLowerCase();
    if (c0 === "0" && (c1 === "x" || c1 === "o" || c1 === "b")) {
      pos += 2;
      const kind = c1 === "x" ? "hexadecimal" : c1 === "o" ? "octal" : "binary";
      const valid = c1 === "x" ? (c: string) => /[0-9a-fA-F]/.test(c) : c1 === "o" ? (c: string) => c >= "0" && c <= "7" : (c: string) => c === "0" || c === "1";
      if (src[pos] === "_") pos++;
      if (!valid(src[pos] ?? "")) {
        if (isDigit(src[pos] ?? "")) bad(`invalid digit '${src[pos]}' in ${kind} literal`, pos);
        bad(`invalid ${kind} literal`, pos - 1);
      }
      digitsWith(valid, kind);
      if (isDigit(src[pos] ?? "")) bad(`invalid digit '${src[pos]}' in ${kind} literal`, pos);
      this.endOfNumber(pos, kind);
      return;
    }
    let isFloat = false;
    if (c0 !== ".") {
      decimalDigits();
    }
    if (src[pos] === ".") {
      isFloat = true;
      pos++;
      if (isDigit(src[pos] ?? "")) decimalDigits();
    }
    const e = src[pos];
    if (e === "e" || e === "E") {
      let p = pos + 1;
      if (src[p] === "+" || src[p] === "-") p++;
      if (isDigit(src[p] ?? "")) {
        pos = p;
        decimalDigits();
        isFloat = true;
      } else if (src[p - 1] === "+" || src[p - 1] === "-") {
        bad("invalid decimal literal", p);
      } else if (!this.keywordAfterNumber(pos)) {
        // `1else` is `1` then `else`; any other letter after the `e` is an error.
        bad("invalid decimal literal", pos);
      } else {
        this.endOfNumber(pos, "decimal");
        return;
      }
    }
    if (src[pos] === "j" || src[pos] === "J") {
      pos++;
      this.endOfNumber(pos, "imaginary");
      return;
    }
    if (!isFloat) {
      const text = src.slice(start, pos);
      if (/^0[0-9_]*$/.test(text) && /[1-9]/.test(text)) {
        this.fail("leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers", line, this.colAt(start), this.colAt(pos));
      }
    }
    this.endOfNumber(pos, "decimal");
  }

  /**
   * Whether a keyword that may follow a number starts at `pos`. Like CPython this only peeks at
   * the keyword's letters (`1ifx` passes here and fails later as invalid syntax).
   */
  private keywordAfterNumber(pos: number): boolean {
    const src = this.src;
    if (src[pos] === "i") return "fns".includes(src[pos + 1] ?? "x");
    return KEYWORDS_AFTER_NUMBER.some((k) => k[0] !== "i" && src.startsWith(k, pos));
  }

  private endOfNumber(pos: number, kind: string): void {
    const src = this.src;
    // Only ASCII letters, digits and `_` glue onto a number; `1é` is a number then a name.
    if (pos < src.length && isAsciiIdContinue(src.charCodeAt(pos)) && !this.keywordAfterNumber(pos)) {
      this.fail(`invalid ${kind} literal`, this.line, this.colAt(pos));
    }
    const start = this.pos;
    this.pos = pos;
    this.push(Tok.Number, start, pos);
  }

  private operator(): void {
    const src = this.src;
    const pos = this.pos;
    const ch = src[pos];
    const candidates = OPERATORS_BY_FIRST.get(ch);
    let op = "";
    if (candidates) {
      for (const c of candidates) {
        if (src.startsWith(c, pos)) {
          op = c;
          break;
        }
      }
    }
    if (op === "") {
      if (ch === "!" && src[pos + 1] === "=") op = "!=";
      else {
        // Stray ASCII such as `$`, `?` or a lone `!`: a token no rule accepts, so the parser
        // reports "invalid syntax" here, as CPython does.
        this.pos = pos + 1;
        this.push(Tok.Op, pos, pos + 1);
        return;
      }
    }
    this.pos = pos + op.length;
    const tok = this.push(Tok.Op, pos, pos + op.length);
    if (op === "(" || op === "[" || op === "{") {
      if (this.brackets.length >= MAX_BRACKET_DEPTH) this.fail("too many nested parentheses", tok.line, tok.col);
      this.brackets.push(tok);
    } else if (op === ")" || op === "]" || op === "}") {
      const open = this.brackets.pop();
      if (!open) this.fail(`unmatched '${op}'`, tok.line, tok.col);
      if (open.text !== CLOSING[op]) {
        const where = open.line !== tok.line ? ` on line ${open.line}` : "";
        this.fail(`closing parenthesis '${op}' does not match opening parenthesis '${open.text}'${where}`, tok.line, tok.col);
      }
    }
  }
}
