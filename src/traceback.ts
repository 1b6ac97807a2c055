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
  /** For NameError: names visible where it was raised (3.11's "Did you mean" suggestion). */
  candidates?: string[];
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

/** [start, end) of the primary part inside a failing expression, as 3.11's anchors: the
 * operator of a top-level binary operation, or the `[...]` of a subscript; null otherwise. */
export function caretAnchors(segment: string): [number, number] | null {
  const ops: { at: number; len: number; level: number }[] = [];
  const levels: Record<string, number> = { "|": 0, "^": 1, "&": 2, "<<": 3, ">>": 3, "+": 4, "-": 4, "*": 5, "/": 5, "//": 5, "%": 5, "@": 5, "**": 6 };
  let depth = 0;
  let prevOperand = false; // was the previous significant token an operand (so +/- are binary)?
  let lastOpen = -1;
  for (let i = 0; i < segment.length; ) {
    const c = segment[i];
    if (c === " " || c === "\t") { i++; continue; }
    if (c === "'" || c === '"') {
      const triple = segment.startsWith(c.repeat(3), i);
      const q = triple ? c.repeat(3) : c;
      let j = i + q.length;
      while (j < segment.length && !segment.startsWith(q, j)) j += segment[j] === "\\" ? 2 : 1;
      i = j + q.length;
      prevOperand = true;
      continue;
    }
    if ("([{".includes(c)) {
      if (depth === 0 && c === "[") lastOpen = i;
      depth++; i++; prevOperand = false; continue;
    }
    if (")]}".includes(c)) { depth--; i++; prevOperand = true; continue; }
    if (/[A-Za-z_0-9.]/.test(c)) {
      let j = i;
      while (j < segment.length && /[A-Za-z_0-9.]/.test(segment[j])) j++;
      const word = segment.slice(i, j);
      if (depth === 0 && ["and", "or", "not", "in", "is", "if", "else", "lambda", "for"].includes(word)) return null;
      i = j;
      prevOperand = true;
      continue;
    }
    const two = segment.slice(i, i + 2);
    if (depth === 0) {
      if (["==", "!=", "<=", ">=", ":="].includes(two) || (c === "<" && two !== "<<") || (c === ">" && two !== ">>") || c === "," || c === "=") return null;
    }
    const tok = two in levels && two.length === 2 ? two : c;
    if (depth === 0 && tok in levels && prevOperand) ops.push({ at: i, len: tok.length, level: levels[tok] });
    prevOperand = false;
    i += tok.length;
  }
  if (ops.length > 0) {
    const low = Math.min(...ops.map((o) => o.level));
    const same = ops.filter((o) => o.level === low);
    const root = low === 6 ? same[0] : same[same.length - 1];
    return [root.at, root.at + root.len];
  }
  const trimmed = segment.trimEnd();
  if (trimmed.endsWith("]") && lastOpen > 0 && depth === 0) return [lastOpen, trimmed.length];
  return null;
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
  const anchors = f.endLine === f.line ? caretAnchors(original.slice(start, end)) : null;
  if (end > start && (end - start < stripped.length || anchors)) {
    let marks = "";
    for (let i = start; i < end; i++) marks += !anchors || (i - start >= anchors[0] && i - start < anchors[1]) ? "^" : "~";
    out.push(`    ${" ".repeat(start - leading)}${marks}\n`);
  }
  return out;
}

// 3.11's suggestion metric: substitutions differing only in case cost 1, other edits cost 2.
const MOVE_COST = 2;
const CASE_COST = 1;
function substitutionCost(a: string, b: string): number {
  if (a === b) return 0;
  return a.toLowerCase() === b.toLowerCase() ? CASE_COST : MOVE_COST;
}
function levenshtein(a: string, b: string, maxCost: number): number {
  if (a === b) return 0;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j * MOVE_COST);
  for (let i = 1; i <= a.length; i++) {
    const row = [i * MOVE_COST];
    let rowMin = row[0];
    for (let j = 1; j <= b.length; j++) {
      const v = Math.min(prev[j] + MOVE_COST, row[j - 1] + MOVE_COST, prev[j - 1] + substitutionCost(a[i - 1], b[j - 1]));
      row.push(v);
      rowMin = Math.min(rowMin, v);
    }
    if (rowMin > maxCost) return maxCost + 1;
    prev = row;
  }
  return prev[b.length];
}

/** The closest visible name to the one a NameError reports, as CPython 3.11 chooses it. */
export function suggestName(message: string, candidates: string[]): string | null {
  const m = /^name '(.*)' is not defined$/.exec(message);
  if (!m || candidates.length > 750) return null;
  const wrong = m[1];
  if (wrong.length > 40) return null;
  let best = wrong.length;
  let suggestion: string | null = null;
  for (const name of candidates) {
    if (name === wrong) continue;
    const maxDistance = Math.min(Math.floor(((name.length + wrong.length + 3) * MOVE_COST) / 6), best - 1);
    const d = levenshtein(wrong, name, maxDistance);
    if (d > maxDistance) continue;
    if (suggestion === null || d < best) {
      suggestion = name;
      best = d;
    }
  }
  return suggestion;
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
    const suggestion = s.type === "NameError" ? suggestName(s.message, s.candidates ?? []) : null;
    text += suggestion ? `${s.line}. Did you mean: '${suggestion}'?\n` : `${s.line}\n`;
    if (i < sections.length - 1) text += s.link === "cause" ? CAUSE_SEP : CONTEXT_SEP;
  });
  return text;
}
