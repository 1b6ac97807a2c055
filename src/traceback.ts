// CPython 3.11's uncaught-exception report, built from the frame records the VM exports:
// "Traceback (most recent call last):", File/line/function lines, the stripped source line with
// 3.11's caret line when the failing span is narrower than the line, repeated-frame folding, and
// the chained sections joined by the cause/context separators.

export interface FrameRecord {
  file: string;
  line: number;
  func: string;
  /** 0-based UTF-8 byte columns of the failing span (3.11 co_positions). */
  col: number;
  endLine: number;
  endCol: number;
}

export interface ExcRecord {
  frames: FrameRecord[];
  hasTraceback: boolean;
  type: string;
  message: string;
  /** "Type: message" as CPython prints it. */
  line: string;
  /** How the NEXT (newer) section relates to this one. */
  link: "cause" | "context" | null;
}

const CAUSE_SEP = "\nThe above exception was the direct cause of the following exception:\n\n";
const CONTEXT_SEP = "\nDuring handling of the above exception, another exception occurred:\n\n";
const encoder = new TextEncoder();
const decoder = new TextDecoder();

function byteToCharOffset(line: string, byteOffset: number): number {
  return decoder.decode(encoder.encode(line).slice(0, byteOffset)).length;
}

function frameLines(f: FrameRecord, source: string | undefined): string[] {
  const out = [`  File "${f.file}", line ${f.line}, in ${f.func}\n`];
  if (source === undefined || f.line <= 0) return out;
  const original = source.split("\n")[f.line - 1];
  if (original === undefined) return out;
  const stripped = original.trim();
  if (stripped === "") return out;
  out.push(`    ${stripped}\n`);
  if (f.endLine <= 0 || (f.col === 0 && f.endCol === 0)) return out;
  const leading = original.length - original.trimStart().length;
  const start = byteToCharOffset(original, f.col);
  let end = byteToCharOffset(original, f.endCol);
  if (f.endLine !== f.line) end = leading + stripped.length;
  if (end - start < stripped.length && end > start) {
    out.push(`    ${" ".repeat(start - leading)}${"^".repeat(end - start)}\n`);
  }
  return out;
}

export function formatTraceback(sections: ExcRecord[], sourceOf: (file: string) => string | undefined): string {
  let text = "";
  sections.forEach((s, i) => {
    if (s.hasTraceback) {
      text += "Traceback (most recent call last):\n";
      let prev: FrameRecord | null = null;
      let repeats = 0;
      const flushRepeats = () => {
        if (repeats > 3) text += `  [Previous line repeated ${repeats - 3} more time${repeats - 3 === 1 ? "" : "s"}]\n`;
      };
      for (const f of s.frames) {
        const same = prev && prev.file === f.file && prev.line === f.line && prev.func === f.func;
        if (same) {
          repeats++;
          if (repeats > 3) continue;
        } else {
          flushRepeats();
          repeats = 1;
        }
        prev = f;
        text += frameLines(f, sourceOf(f.file)).join("");
      }
      flushRepeats();
    }
    text += `${s.line}\n`;
    if (i < sections.length - 1) text += s.link === "cause" ? CAUSE_SEP : CONTEXT_SEP;
  });
  return text;
}
