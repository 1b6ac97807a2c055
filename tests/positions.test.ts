// The positions table follows CPython 3.11's co_positions where tracebacks look: a call reports
// the Call node's span (a multi-line call starts on its first line), an operator its BinOp,
// and every with-cleanup instruction, inline copies included, the `with` statement's span.
// Expectations come from python3 (3.11) itself, instruction kind by instruction kind.
import { afterAll, describe, expect, it } from "vitest";
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Op } from "../assembly/shared/opcodes.js";
import { compile } from "../compiler/compile.js";
import { isCode, type CodeObject, type Position } from "../compiler/code.js";
import { OPS, hasArg } from "../compiler/opinfo.js";

const SOURCE = `class CM:
    def __enter__(self):
        return self
    def __exit__(self, *exc):
        return False

def f(a, b):
    x = a + b
    y = g(a,
          b)
    with CM() as c:
        z = a * b
    with CM():
        if a:
            return h(a)
    return (x
            - y)
`;

/** 3.11 positions of instructions named in `ops`, per code object, depth first. */
const PROBE = `
import sys, dis, json
code = compile(open(sys.argv[1]).read(), "t.py", "exec")
ops = set(sys.argv[2].split(","))
out = []
def walk(co):
    for ins in dis.get_instructions(co):
        if ins.opname in ops:
            p = ins.positions
            out.append([co.co_name, ins.opname, p.lineno, p.col_offset, p.end_lineno, p.end_col_offset])
    for c in co.co_consts:
        if hasattr(c, "co_code"):
            walk(c)
walk(code)
print(json.dumps(out))
`;

function cpythonPositions(path: string, ops: string[]): [string, string, number, number, number, number][] {
  return JSON.parse(execFileSync("python3", ["-c", PROBE, path, ops.join(",")], { encoding: "utf-8" }));
}

function ours(code: CodeObject, want: Set<Op>, out: [string, Op, Position][] = []): [string, Op, Position][] {
  for (let i = 0; i < code.code.length; i += 2) {
    const op = code.code[i] as Op;
    if (want.has(op)) out.push([code.name, op, code.positions[i / 2]]);
  }
  for (const c of code.consts) if (isCode(c)) ours(c, want, out);
  return out;
}

const span = (p: Position) => [p.line, p.col, p.endLine, p.endCol];

describe("positions", () => {
  const dir = mkdtempSync(join(tmpdir(), "withvm-pos-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const path = join(dir, "t.py");
  writeFileSync(path, SOURCE);
  const code = compile(SOURCE, "t.py");

  it("calls carry the Call node's span", () => {
    // Leave out 3.11's inline __exit__ calls (positioned on the with statement itself).
    const withSpans = new Set(cpythonPositions(path, ["BEFORE_WITH"]).map((t) => JSON.stringify(t.slice(2))));
    const theirs = cpythonPositions(path, ["CALL"]).filter((t) => t[0] === "f" && !withSpans.has(JSON.stringify(t.slice(2))));
    const mine = ours(code, new Set([Op.CALL_FUNCTION, Op.CALL_METHOD])).filter(([fn]) => fn === "f");
    expect(mine.map(([, , p]) => span(p))).toEqual(theirs.map((t) => t.slice(2)));
  });

  it("binary operators carry the BinOp's span", () => {
    const theirs = cpythonPositions(path, ["BINARY_OP"]);
    const mine = ours(code, new Set([Op.BINARY_ADD, Op.BINARY_MULTIPLY, Op.BINARY_SUBTRACT]));
    expect(mine.map(([, , p]) => span(p))).toEqual(theirs.map((t) => t.slice(2)));
  });

  it("with set-up and cleanup report the with statement", () => {
    // 3.11's __exit__ calls: the CALLs positioned on a with statement.
    const withSpans = cpythonPositions(path, ["BEFORE_WITH"]).map((t) => JSON.stringify(t.slice(2)));
    const cleanup = new Set([Op.SETUP_WITH, Op.POP_BLOCK, Op.BEGIN_FINALLY, Op.WITH_CLEANUP_START, Op.WITH_CLEANUP_FINISH, Op.POP_FINALLY]);
    const mine = ours(code, cleanup).filter(([fn]) => fn === "f");
    expect(mine.length).toBeGreaterThan(10);
    for (const [, , p] of mine) expect(withSpans).toContain(JSON.stringify(span(p)));
    const ends = ours(code, new Set([Op.END_FINALLY])).filter(([fn]) => fn === "f");
    for (const [, , p] of ends) expect(withSpans).toContain(JSON.stringify(span(p)));
  });

  it("EXTENDED_ARG units copy their instruction's position", () => {
    const body = Array.from({ length: 300 }, (_, i) => `    v${i} = ${i}`).join("\n");
    const src = `def big():\n${body}\n    return v299\n`;
    const p = join(dir, "big.py");
    writeFileSync(p, src);
    const big = compile(src, "big.py").consts.find(isCode)!;
    let seen = 0;
    for (let i = 0; i < big.code.length; i += 2) {
      if (big.code[i] === Op.EXTENDED_ARG) {
        let j = i;
        while (big.code[j] === Op.EXTENDED_ARG) j += 2;
        expect(hasArg(big.code[j] as Op)).toBe(true);
        expect(big.positions[i / 2]).toEqual(big.positions[j / 2]);
        seen++;
      }
    }
    expect(seen).toBeGreaterThan(0);
    expect(OPS[Op.EXTENDED_ARG].name).toBe("EXTENDED_ARG");
  });
});
