// Smoke tests of the VM through the public API with hand-assembled code (no compiler needed).
import { describe, expect, it } from "vitest";
import { createVM, PythonError } from "../src/api.js";
import { encodeImage } from "../compiler/codeimage.js";
import { asm } from "./vm-asm.js";

async function vmWithOutput() {
  let out = "";
  const vm = await createVM({ stdout: (t) => (out += t), stderr: (t) => (out += t) });
  return { vm, out: () => out };
}

describe("vm smoke", () => {
  it("prints the sum of two ints", async () => {
    const { vm, out } = await vmWithOutput();
    const mod = asm([
      ["LOAD_NAME", 0], ["LOAD_CONST", 1], ["LOAD_CONST", 2], ["LOAD_CONST", 3], ["BINARY_ADD"],
      ["CALL_FUNCTION", 2], ["POP_TOP"], ["LOAD_CONST", 0], ["RETURN_VALUE"],
    ], { consts: [null, "hello", 1n, 2n], names: ["print"] });
    vm.runImage(encodeImage(mod));
    expect(out()).toBe("hello 3\n");
  });
});
