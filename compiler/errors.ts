// Compile-time errors: CPython's SyntaxError and IndentationError, raised by the lexer, the
// parser, scope analysis and codegen alike, and formatted exactly as CPython 3.11 prints them.
// Valid Python that withvm does not support is a SyntaxError too, with a message naming it.

export type SyntaxErrorType = "SyntaxError" | "IndentationError";

export class PySyntaxError extends Error {
  constructor(
    readonly type: SyntaxErrorType,
    /** CPython's message, e.g. "invalid syntax" or "'[' was never closed". */
    readonly msg: string,
    readonly filename: string,
    /** 1-based line of the error. */
    readonly lineno: number,
    /** 1-based column of the first caret (0 = no caret line). */
    readonly offset: number,
    /** The source line, unstripped, without its newline. */
    readonly text: string,
    /** 1-based column just past the last caret; defaults to offset + 1. */
    readonly endOffset = offset + 1,
  ) {
    super(`${type}: ${msg} (${filename}, line ${lineno})`);
    this.name = type;
  }

  /** The report CPython prints on stderr, ending in a newline. */
  report(): string {
    const lines = [`  File "${this.filename}", line ${this.lineno}`];
    const stripped = this.text.replace(/^[ \t\f]+/, "");
    if (stripped.trim() !== "") {
      lines.push(`    ${stripped.replace(/\s+$/, "")}`);
      const indent = this.text.length - stripped.length;
      if (this.offset > 0) {
        const start = Math.max(0, this.offset - 1 - indent);
        const width = Math.max(1, Math.min(this.endOffset, this.text.length + 1) - this.offset);
        lines.push(`    ${" ".repeat(start)}${"^".repeat(width)}`);
      }
    }
    lines.push(`${this.type}: ${this.msg}`);
    return lines.join("\n") + "\n";
  }
}

/** The message for valid Python outside withvm's subset. */
export function unsupported(construct: string): string {
  return `${construct} ${/s$/.test(construct) ? "are" : "is"} not supported by withvm`;
}
