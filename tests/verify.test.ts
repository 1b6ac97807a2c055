// The verifier rejects code objects our compiler would never produce, each for its own reason,
// naming the code object and the offset; everything the compiler produces passes (see
// compile-corpus.test.ts).
import { describe, expect, it } from "vitest";
import { Op } from "../assembly/shared/opcodes.js";
import type { CodeConst, CodeObject } from "../compiler/code.js";
import { verify, CodeVerifyError } from "../compiler/verify.js";
import { CodeImageError } from "../compiler/codeimage.js";

type Ins = [Op | number, number?];

function makeCode(instrs: Ins[], extra: Partial<CodeObject> = {}): CodeObject {
  const code = new Uint8Array(instrs.length * 2);
  instrs.forEach(([op, arg], i) => {
    code[2 * i] = op;
    code[2 * i + 1] = arg ?? 0;
  });
  return {
    kind: "code",
    name: "f",
    qualname: "f",
    filename: "t.py",
    firstlineno: 1,
    argcount: 0,
    posonlyargcount: 0,
    kwonlyargcount: 0,
    nlocals: 1,
    stacksize: 2,
    flags: 0,
    code,
    consts: [null, 1n] as CodeConst[],
    names: ["g"],
    varnames: ["x"],
    freevars: [],
    cellvars: [],
    lnotab: new Uint8Array(0),
    positions: instrs.map(() => ({ line: 1, col: 0, endLine: 1, endCol: 1 })),
    ...extra,
  };
}

function rejects(code: CodeObject, pattern: RegExp, offset?: number): void {
  let error: unknown = null;
  try {
    verify(code);
  } catch (e) {
    error = e;
  }
  expect(error).toBeInstanceOf(CodeVerifyError);
  expect(error).toBeInstanceOf(CodeImageError);
  expect((error as Error).message).toMatch(/code object 'f'/);
  expect((error as Error).message).toMatch(pattern);
  if (offset !== undefined) expect((error as CodeVerifyError).offset).toBe(offset);
}

describe("verify", () => {
  it("accepts a well-formed code object", () => {
    expect(() => verify(makeCode([[Op.LOAD_CONST, 1], [Op.STORE_FAST, 0], [Op.LOAD_CONST, 0], [Op.RETURN_VALUE]]))).not.toThrow();
  });
  it("rejects an unknown opcode", () => rejects(makeCode([[250], [Op.LOAD_CONST, 0], [Op.RETURN_VALUE]]), /unknown opcode 250/, 0));
  it("rejects a constant index out of range", () =>
    rejects(makeCode([[Op.LOAD_CONST, 2], [Op.RETURN_VALUE]]), /LOAD_CONST argument 2 out of range/, 0));
  it("rejects a name index out of range", () =>
    rejects(makeCode([[Op.LOAD_GLOBAL, 1], [Op.RETURN_VALUE]]), /LOAD_GLOBAL argument 1 out of range/));
  it("rejects a local index out of range", () =>
    rejects(makeCode([[Op.LOAD_FAST, 1], [Op.RETURN_VALUE]]), /LOAD_FAST argument 1 out of range/));
  it("rejects a cell index out of range", () =>
    rejects(makeCode([[Op.LOAD_DEREF, 0], [Op.RETURN_VALUE]]), /LOAD_DEREF argument 0 out of range/));
  it("rejects a jump outside the code", () =>
    rejects(makeCode([[Op.JUMP_ABSOLUTE, 40], [Op.LOAD_CONST, 0], [Op.RETURN_VALUE]]), /outside the code/, 0));
  it("rejects a relative jump past the end", () =>
    rejects(makeCode([[Op.JUMP_FORWARD, 4], [Op.LOAD_CONST, 0], [Op.RETURN_VALUE]]), /outside the code/, 0));
  it("rejects a jump into the middle of an instruction", () =>
    rejects(
      makeCode([[Op.JUMP_ABSOLUTE, 4], [Op.EXTENDED_ARG, 0], [Op.LOAD_CONST, 0], [Op.RETURN_VALUE]]),
      /jumps to 4, inside an instruction/,
    ));
  it("rejects an odd jump target", () =>
    rejects(makeCode([[Op.JUMP_ABSOLUTE, 3], [Op.LOAD_CONST, 0], [Op.RETURN_VALUE]]), /inside an instruction/));
  it("rejects EXTENDED_ARG before an argument-less opcode", () =>
    rejects(makeCode([[Op.EXTENDED_ARG, 1], [Op.POP_TOP], [Op.LOAD_CONST, 0], [Op.RETURN_VALUE]]), /EXTENDED_ARG not followed/, 0));
  it("rejects EXTENDED_ARG at the end", () =>
    rejects(makeCode([[Op.LOAD_CONST, 0], [Op.RETURN_VALUE], [Op.EXTENDED_ARG, 1]]), /EXTENDED_ARG at the end/));
  it("rejects an operand made too large by EXTENDED_ARG", () =>
    rejects(makeCode([[Op.EXTENDED_ARG, 1], [Op.LOAD_CONST, 0], [Op.RETURN_VALUE]]), /LOAD_CONST argument 256 out of range/, 2));
  it("rejects stack underflow", () => rejects(makeCode([[Op.POP_TOP], [Op.LOAD_CONST, 0], [Op.RETURN_VALUE]]), /stack underflow/, 0));
  it("rejects a stack deeper than stacksize", () =>
    rejects(
      makeCode([[Op.LOAD_CONST, 0], [Op.LOAD_CONST, 0], [Op.LOAD_CONST, 0], [Op.POP_TOP], [Op.POP_TOP], [Op.RETURN_VALUE]]),
      /stack depth 3 exceeds stacksize 2/,
      4,
    ));
  it("rejects paths meeting with different depths", () =>
    rejects(
      makeCode(
        [[Op.LOAD_CONST, 0], [Op.POP_JUMP_IF_FALSE, 8], [Op.LOAD_CONST, 0], [Op.LOAD_CONST, 0], [Op.RETURN_VALUE]],
        { stacksize: 3 },
      ),
      /inconsistent stack depth/,
    ));
  it("rejects code that runs off the end", () =>
    rejects(makeCode([[Op.LOAD_CONST, 0], [Op.POP_TOP]]), /run off the end/, 2));
  it("rejects a positions table of the wrong length", () =>
    rejects(makeCode([[Op.LOAD_CONST, 0], [Op.RETURN_VALUE]], { positions: [] }), /positions table/));
  it("checks nested code objects", () => {
    const inner = makeCode([[Op.LOAD_CONST, 9], [Op.RETURN_VALUE]]);
    const outer = makeCode([[Op.LOAD_CONST, 0], [Op.RETURN_VALUE]], { consts: [null, inner], name: "m", qualname: "m" });
    rejects(outer, /LOAD_CONST argument 9 out of range/);
  });
});
