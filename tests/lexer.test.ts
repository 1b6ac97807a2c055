// Tokenizer unit tests: token kinds, texts and code-point positions, CPython's NEWLINE/INDENT/
// DEDENT rules, and where tokenizing stops with which error.
import { describe, expect, it } from "vitest";
import { Tok, tokenize, type Token } from "../compiler/lexer.js";

const NAMES: Record<number, string> = {
  [Tok.Name]: "NAME", [Tok.Number]: "NUMBER", [Tok.String]: "STRING", [Tok.Op]: "OP", [Tok.Newline]: "NEWLINE",
  [Tok.Indent]: "INDENT", [Tok.Dedent]: "DEDENT", [Tok.EndMarker]: "ENDMARKER", [Tok.Error]: "ERROR",
};

/** Tokens as "KIND text" strings (text omitted for layout tokens). */
function kinds(source: string): string[] {
  const { tokens } = tokenize(source, "t.py");
  return tokens.map((t) => (t.text && t.type !== Tok.Newline ? `${NAMES[t.type]} ${t.text}` : NAMES[t.type]));
}

function positions(source: string): string[] {
  return tokenize(source, "t.py").tokens.filter((t) => t.text !== "" && t.type !== Tok.Newline).map((t: Token) => `${t.text}@${t.line}:${t.col}-${t.endLine}:${t.endCol}`);
}

function lexError(source: string): { type: string; msg: string; lineno: number; offset: number; immediate: boolean } {
  const { error } = tokenize(source, "t.py");
  if (!error) throw new Error("no tokenizer error");
  const e = error.error;
  return { type: e.type, msg: e.msg, lineno: e.lineno, offset: e.offset, immediate: error.immediate };
}

describe("tokens", () => {
  it("splits operators longest first", () => {
    expect(kinds("a**=b//c->d...e!=f:=g<<=h")).toEqual([
      "NAME a", "OP **=", "NAME b", "OP //", "NAME c", "OP ->", "NAME d", "OP ...", "NAME e", "OP !=", "NAME f",
      "OP :=", "NAME g", "OP <<=", "NAME h", "NEWLINE", "ENDMARKER",
    ]);
  });

  it("reads every number form", () => {
    const numbers = "0 00 7 1_000 0x_1F 0o17 0b1010 1.5 .5 5. 1e10 1E-3 1_0.0_1e+1_0 1j 2.5J";
    expect(kinds(numbers).filter((k) => k.startsWith("NUMBER"))).toEqual(numbers.split(" ").map((n) => `NUMBER ${n}`));
  });

  it("lets a keyword follow a number directly, as CPython still does", () => {
    expect(kinds("1if x else 2")).toEqual(["NUMBER 1", "NAME if", "NAME x", "NAME else", "NUMBER 2", "NEWLINE", "ENDMARKER"]);
    expect(kinds("1else")).toEqual(["NUMBER 1", "NAME else", "NEWLINE", "ENDMARKER"]);
  });

  it("reads string prefixes in any case, and keeps quotes in the text", () => {
    expect(kinds(`r'a' U"b" F'c' Rb'd' fR"""e""" '''f'''`).filter((k) => k.startsWith("STRING"))).toEqual([
      "STRING r'a'", 'STRING U"b"', "STRING F'c'", "STRING Rb'd'", 'STRING fR"""e"""', "STRING '''f'''",
    ]);
    // Not a prefix: a name, then a string.
    expect(kinds("ur'x'").slice(0, 2)).toEqual(["NAME ur", "STRING 'x'"]);
  });

  it("counts columns in code points", () => {
    expect(positions("é = '😀' + x")).toEqual(["é@1:0-1:1", "=@1:2-1:3", "'😀'@1:4-1:7", "+@1:8-1:9", "x@1:10-1:11"]);
  });

  it("normalises identifiers with NFKC", () => {
    expect(kinds("ﬁ = 1")[0]).toBe("NAME fi");
  });

  it("spans multi-line strings", () => {
    expect(positions("x = '''a\nbc'''\ny")).toEqual(["x@1:0-1:1", "=@1:2-1:3", "'''a\nbc'''@1:4-2:5", "y@3:0-3:1"]);
    expect(positions("s = 'a\\\nb'")).toEqual(["s@1:0-1:1", "=@1:2-1:3", "'a\\\nb'@1:4-2:2"]);
  });
});

describe("layout", () => {
  it("emits INDENT and DEDENT, ignoring blank and comment lines", () => {
    expect(kinds("if a:\n    b\n\n  # note\n    c\nd\n")).toEqual([
      "NAME if", "NAME a", "OP :", "NEWLINE", "INDENT", "NAME b", "NEWLINE", "NAME c", "NEWLINE", "DEDENT", "NAME d", "NEWLINE", "ENDMARKER",
    ]);
  });

  it("closes every open block at the end, with or without a final newline", () => {
    expect(kinds("if a:\n  if b:\n    c")).toEqual([
      "NAME if", "NAME a", "OP :", "NEWLINE", "INDENT", "NAME if", "NAME b", "OP :", "NEWLINE", "INDENT", "NAME c", "NEWLINE", "DEDENT", "DEDENT", "ENDMARKER",
    ]);
  });

  it("counts a tab as up to the next multiple of 8, but refuses to guess between tabs and spaces", () => {
    // A tab then a space is column 9, deeper than the tab's 8: an INDENT.
    expect(kinds("if a:\n\tb\n\t c\n").slice(4, 9)).toEqual(["INDENT", "NAME b", "NEWLINE", "INDENT", "NAME c"]);
    // A tab and 8 spaces are both column 8, but only with 8-column tabs: CPython's TabError.
    expect(lexError("if a:\n\tb\n        c\n")).toMatchObject({ type: "IndentationError", msg: "inconsistent use of tabs and spaces in indentation", lineno: 3 });
  });

  it("joins lines inside brackets and after a backslash", () => {
    expect(kinds("x = (1,\n  2)\ny = 1 + \\\n  2\n")).toEqual([
      "NAME x", "OP =", "OP (", "NUMBER 1", "OP ,", "NUMBER 2", "OP )", "NEWLINE", "NAME y", "OP =", "NUMBER 1", "OP +", "NUMBER 2", "NEWLINE", "ENDMARKER",
    ]);
  });

  it("treats CRLF like LF", () => {
    expect(kinds("a\r\nb\r\n")).toEqual(kinds("a\nb\n"));
  });

  it("gives an empty file just an end marker", () => {
    expect(kinds("")).toEqual(["ENDMARKER"]);
    expect(kinds("# only\n\n")).toEqual(["ENDMARKER"]);
  });
});

describe("errors", () => {
  it("reports unterminated strings at their start, with the line where the file or line ended", () => {
    expect(lexError("x = 1\ny = 'abc\n")).toMatchObject({ msg: "unterminated string literal (detected at line 2)", lineno: 2, offset: 5, immediate: true });
    expect(lexError("x = '''abc\n\n\n")).toMatchObject({ msg: "unterminated triple-quoted string literal (detected at line 3)", lineno: 1, offset: 5 });
  });

  it("reports brackets that do not match", () => {
    expect(lexError("x = )")).toMatchObject({ msg: "unmatched ')'", lineno: 1, offset: 5, immediate: true });
    expect(lexError("x = (]")).toMatchObject({ msg: "closing parenthesis ']' does not match opening parenthesis '('" });
    expect(lexError("x = (\n]")).toMatchObject({ msg: "closing parenthesis ']' does not match opening parenthesis '(' on line 1", lineno: 2 });
  });

  it("reports a bracket never closed at the bracket, for the parser to raise", () => {
    expect(lexError("x = 1\ny = [1,\n  2\n")).toMatchObject({ msg: "'[' was never closed", lineno: 2, offset: 5, immediate: false });
  });

  it("reports bad numbers", () => {
    expect(lexError("1_").msg).toBe("invalid decimal literal");
    expect(lexError("1__0").msg).toBe("invalid decimal literal");
    expect(lexError("0x").msg).toBe("invalid hexadecimal literal");
    expect(lexError("0b102").msg).toBe("invalid digit '2' in binary literal");
    expect(lexError("0o8").msg).toBe("invalid digit '8' in octal literal");
    expect(lexError("012").msg).toBe("leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers");
    expect(lexError("1abc").msg).toBe("invalid decimal literal");
    expect(lexError("1e+").msg).toBe("invalid decimal literal");
  });

  it("names invalid non-ASCII characters but leaves stray ASCII to the parser", () => {
    expect(lexError("a € b")).toMatchObject({ msg: "invalid character '€' (U+20AC)", offset: 3 });
    expect(kinds("a $ b")).toEqual(["NAME a", "OP $", "NAME b", "NEWLINE", "ENDMARKER"]);
  });

  it("reports indentation that matches no outer level, before any DEDENT", () => {
    const lexed = tokenize("if a:\n    b\n  c\n", "t.py");
    expect(lexed.error?.error).toMatchObject({ type: "IndentationError", msg: "unindent does not match any outer indentation level", lineno: 3 });
    expect(lexed.tokens.some((t) => t.type === Tok.Dedent)).toBe(false);
    expect(lexed.tokens[lexed.tokens.length - 1].type).toBe(Tok.Error);
  });

  it("reports a backslash not at the end of a line", () => {
    expect(lexError("x = \\ 1").msg).toBe("unexpected character after line continuation character");
    expect(lexError("x = 1 \\").msg).toBe("unexpected EOF while parsing");
  });
});
