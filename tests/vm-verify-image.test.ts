// Images with a valid checksum but bytecode no compiler of ours would emit (a bad opcode, an
// operand out of range, a jump outside the code, a stack underflow) are refused by runImage
// before anything runs, and the VM runs the next good image normally.
import { describe, expect, it } from "vitest";
import { createVM } from "../src/api.js";
import { compile } from "../compiler/compile.js";
import { encodeImage } from "../compiler/codeimage.js";
import { CodeVerifyError } from "../compiler/verify.js";
import { OP_COUNT, Op } from "../assembly/shared/opcodes.js";
import type { CodeObject } from "../compiler/code.js";

const SOURCE = "x = 1\nprint('ran', x)\n";

/** The compiled module with its code bytes changed by `edit` (checksum recomputed on encode). */
function tampered(edit: (code: Uint8Array, co: CodeObject) => void): Uint8Array {
  const co = compile(SOURCE, "img.py");
  const code = co.code.slice();
  edit(code, co);
  return encodeImage({ ...co, code });
}

const cases: [string, (code: Uint8Array, co: CodeObject) => void][] = [
  ["an opcode outside the table", (code) => void (code[0] = OP_COUNT)],
  ["a constant index out of range", (code, co) => void (code[1] = co.consts.length)],
  ["a name index out of range", (code, co) => void (code[3] = co.names.length + 5)],
  ["a jump outside the code", (code) => { code[0] = Op.JUMP_ABSOLUTE; code[1] = 250; }],
  ["a stack underflow", (code) => void (code[0] = Op.POP_TOP)],
];

describe("runImage verifies bytecode before running it", () => {
  for (const [what, edit] of cases) {
    it(`refuses ${what}`, async () => {
      let out = "";
      const vm = await createVM({ stdout: (t) => (out += t) });
      expect(() => vm.runImage(tampered(edit))).toThrow(CodeVerifyError);
      expect(out).toBe("");
      vm.runImage(encodeImage(compile(SOURCE, "img.py")));
      expect(out).toBe("ran 1\n");
    });
  }
});
