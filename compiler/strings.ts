// String literal contents: escape decoding and splitting an f-string body into literal text and
// replacement fields (with 3.11's rules for nesting, `!conv`, `:spec` and `=`). Parsing the
// expressions inside the fields is left to the parser, through the `FieldSink` callbacks.

export interface StringPrefix {
  raw: boolean;
  bytes: boolean;
  formatted: boolean;
  /** Prefix length in code units. */
  prefixLength: number;
  /** 1 or 3. */
  quoteLength: number;
}

export function stringPrefix(text: string): StringPrefix {
  let i = 0;
  while (text[i] !== "'" && text[i] !== '"') i++;
  const prefix = text.slice(0, i).toLowerCase();
  const q = text[i];
  const triple = text[i + 1] === q && text[i + 2] === q && text.length >= i + 6;
  return {
    raw: prefix.includes("r"),
    bytes: prefix.includes("b"),
    formatted: prefix.includes("f"),
    prefixLength: i,
    quoteLength: triple ? 3 : 1,
  };
}

/** A problem in a literal; the parser turns it into a SyntaxError at the string token. */
export class LiteralError {
  constructor(
    readonly msg: string,
    /** Code-unit index into the token text where the problem is, if known. */
    readonly index = -1,
  ) {}
}

const SIMPLE_ESCAPES: Record<string, string> = {
  "\\": "\\", "'": "'", '"': '"', a: "\x07", b: "\b", f: "\f", n: "\n", r: "\r", t: "\t", v: "\v",
};

/**
 * Decodes backslash escapes of a non-raw str literal body. Unknown escapes stay as written
 * (CPython only warns about them).
 */
export function decodeEscapes(body: string): string {
  if (body.indexOf("\\") < 0) return body;
  let out = "";
  let runStart = 0;
  let i = 0;
  while (i < body.length) {
    if (body[i] !== "\\") {
      i++;
      continue;
    }
    out += body.slice(runStart, i);
    const escStart = i;
    const c = body[i + 1];
    i += 2;
    if (c === "\n") {
      // Line continuation inside the literal.
    } else if (c in SIMPLE_ESCAPES) {
      out += SIMPLE_ESCAPES[c];
    } else if (c >= "0" && c <= "7") {
      let end = i;
      while (end < i + 2 && body[end] >= "0" && body[end] <= "7") end++;
      out += String.fromCodePoint(parseInt(body.slice(i - 1, end), 8));
      i = end;
    } else if (c === "x" || c === "u" || c === "U") {
      const width = c === "x" ? 2 : c === "u" ? 4 : 8;
      const hex = body.slice(i, i + width);
      if (!/^[0-9a-fA-F]+$/.test(hex) || hex.length < width) {
        let valid = 0;
        while (valid < hex.length && /[0-9a-fA-F]/.test(hex[valid])) valid++;
        const name = c === "x" ? "\\xXX" : c === "u" ? "\\uXXXX" : "\\UXXXXXXXX";
        throw new LiteralError(
          `(unicode error) 'unicodeescape' codec can't decode bytes in position ${escStart}-${i + valid - 1}: truncated ${name} escape`,
        );
      }
      const value = parseInt(hex, 16);
      if (value > 0x10ffff) {
        throw new LiteralError(
          `(unicode error) 'unicodeescape' codec can't decode bytes in position ${escStart}-${i + width - 1}: illegal Unicode character`,
        );
      }
      out += String.fromCodePoint(value);
      i += width;
    } else if (c === "N") {
      throw new LiteralError("\\N{...} escapes are not supported by withvm");
    } else if (c === undefined) {
      out += "\\";
      i--;
    } else {
      out += "\\" + c;
    }
    runStart = i;
  }
  return out + body.slice(runStart);
}

/** One replacement field of an f-string, with indexes into the token text. */
export interface Field {
  /** Index of the `{`. */
  open: number;
  /** Expression source, from just after `{` to the `=`, `!`, `:` or `}` that ends it. */
  exprStart: number;
  exprEnd: number;
  /** The `=` form: the expression text plus `=` and trailing spaces, as CPython echoes it. */
  debugText: string | null;
  /** -1 or the char code of s/r/a. */
  conversion: number;
  /** Pieces of the format spec when there is a `:` (possibly empty). */
  spec: FPiece[] | null;
}

export type FPiece = { literal: string } | { field: Field };

const MAX_FSTRING_NESTING = 2;

/**
 * Splits an f-string token into pieces. `text` is the whole token; `start`/`end` bound the body
 * (between the quotes).
 */
export function splitFString(text: string, start: number, end: number, raw: boolean): FPiece[] {
  const scanner = new FStringScanner(text, end, raw);
  const pieces = scanner.pieces(start, 0);
  return pieces;
}

class FStringScanner {
  pos = 0;
  constructor(
    private readonly text: string,
    private readonly end: number,
    private readonly raw: boolean,
  ) {}

  /** Pieces up to the end of the body (level 0) or the `}` closing a format spec (level > 0). */
  pieces(start: number, level: number): FPiece[] {
    const out: FPiece[] = [];
    const text = this.text;
    this.pos = start;
    let literal = "";
    let runStart = start;
    const flushRaw = (upTo: number): void => {
      const chunk = text.slice(runStart, upTo);
      literal += this.raw ? chunk : decodeEscapes(chunk);
    };
    while (this.pos < this.end) {
      const ch = text[this.pos];
      if (ch === "\\" && !this.raw) {
        // Skip the escaped character, except `\{`, where the brace still opens a field, and
        // `\N{...}`, whose braces belong to the escape.
        const next = text[this.pos + 1];
        if (next === "N" && text[this.pos + 2] === "{") {
          const close = text.indexOf("}", this.pos);
          this.pos = close < 0 || close > this.end ? this.end : close + 1;
        } else if (next === "{" || next === "}") {
          this.pos += 1;
        } else {
          this.pos += 2;
        }
        continue;
      }
      if (ch === "{" || ch === "}") {
        if (text[this.pos + 1] === ch && level === 0) {
          flushRaw(this.pos + 1);
          this.pos += 2;
          runStart = this.pos;
          continue;
        }
        if (ch === "}") {
          if (level > 0) break;
          throw new LiteralError("f-string: single '}' is not allowed", this.pos);
        }
        flushRaw(this.pos);
        if (literal !== "") out.push({ literal });
        literal = "";
        if (level >= MAX_FSTRING_NESTING) throw new LiteralError("f-string: expressions nested too deeply", this.pos);
        out.push({ field: this.field(level) });
        runStart = this.pos;
        continue;
      }
      this.pos++;
    }
    if (level > 0 && this.pos >= this.end) throw new LiteralError("f-string: expecting '}'", this.pos);
    flushRaw(this.pos);
    if (literal !== "") out.push({ literal });
    return out;
  }

  /** Scans one `{...}` field starting at the `{`; leaves `pos` after its `}`. */
  private field(level: number): Field {
    const text = this.text;
    const open = this.pos;
    const exprStart = open + 1;
    let pos = exprStart;
    const brackets: string[] = [];
    let quote = "";
    for (;;) {
      if (pos >= this.end) {
        if (quote) throw new LiteralError("f-string: unterminated string", pos);
        if (brackets.length > 0) throw new LiteralError(`f-string: unmatched '${brackets[brackets.length - 1]}'`, pos);
        throw new LiteralError("f-string: expecting '}'", pos);
      }
      const ch = text[pos];
      if (ch === "\\") throw new LiteralError("f-string expression part cannot include a backslash", pos);
      if (quote) {
        if (text.startsWith(quote, pos)) {
          pos += quote.length;
          quote = "";
        } else pos++;
        continue;
      }
      if (ch === "'" || ch === '"') {
        quote = text[pos + 1] === ch && text[pos + 2] === ch ? ch.repeat(3) : ch;
        pos += quote.length;
        continue;
      }
      if (ch === "(" || ch === "[" || ch === "{") {
        brackets.push(ch);
        pos++;
        continue;
      }
      if (ch === ")" || ch === "]" || ch === "}") {
        if (brackets.length === 0) {
          if (ch === "}") break;
          throw new LiteralError(`f-string: unmatched '${ch}'`, pos);
        }
        const opener = brackets.pop()!;
        const expected = opener === "(" ? ")" : opener === "[" ? "]" : "}";
        if (ch !== expected) {
          throw new LiteralError(`f-string: closing parenthesis '${ch}' does not match opening parenthesis '${opener}'`, pos);
        }
        pos++;
        continue;
      }
      if (ch === "#") throw new LiteralError("f-string expression part cannot include '#'", pos);
      if (brackets.length === 0) {
        const next = text[pos + 1];
        if (ch === "!" && next === "=") {
          pos += 2;
          continue;
        }
        if ((ch === "=" || ch === "<" || ch === ">") && next === "=") {
          pos += 2;
          continue;
        }
        if (ch === "!" || ch === ":" || ch === "=") break;
      }
      pos++;
    }
    const exprEnd = pos;
    if (text.slice(exprStart, exprEnd).trim() === "") {
      throw new LiteralError("f-string: empty expression not allowed", pos);
    }
    let debugText: string | null = null;
    if (text[pos] === "=") {
      pos++;
      while (pos < this.end && /[ \t\n\f\r]/.test(text[pos])) pos++;
      debugText = text.slice(exprStart, pos);
    }
    let conversion = -1;
    if (text[pos] === "!") {
      const c = text[pos + 1];
      if (pos + 1 >= this.end) throw new LiteralError("f-string: expecting '}'", pos);
      if (c !== "s" && c !== "r" && c !== "a") {
        throw new LiteralError("f-string: invalid conversion character: expected 's', 'r', or 'a'", pos + 1);
      }
      conversion = c.charCodeAt(0);
      pos += 2;
      if (pos >= this.end || (text[pos] !== ":" && text[pos] !== "}")) throw new LiteralError("f-string: expecting '}'", pos);
    }
    let spec: FPiece[] | null = null;
    if (text[pos] === ":") {
      spec = this.pieces(pos + 1, level + 1);
      pos = this.pos;
    }
    if (pos >= this.end || text[pos] !== "}") throw new LiteralError("f-string: expecting '}'", pos);
    this.pos = pos + 1;
    return { open, exprStart, exprEnd, debugText, conversion, spec };
  }
}
