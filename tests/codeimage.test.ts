// The code image round-trips every corpus program exactly (decode(encode(x)) deep-equals x and
// disassembles the same), and damaged images are rejected with a CodeImageError saying why.
import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { compile } from "../compiler/compile.js";
import { encodeImage, decodeImage, CodeImageError, HEADER_SIZE } from "../compiler/codeimage.js";
import { disassemble } from "../compiler/disasm.js";
import type { CodeObject } from "../compiler/code.js";
import { corpusDirs, expectedSyntaxError, pyFiles, shared } from "./support/corpus.js";

function compileFile(path: string): CodeObject {
  return compile(readFileSync(path, "utf-8"), path.split("/").pop()!);
}

describe("round trip", () => {
  const files = [...corpusDirs, shared + "dis-golden/"]
    .flatMap(pyFiles)
    .filter((p) => !p.endsWith("/gen.py") && expectedSyntaxError(p) === null);
  it("has programs", () => expect(files.length).toBeGreaterThan(100));
  for (const path of files) {
    it(path.split("/shared/")[1], () => {
      const code = compileFile(path);
      const decoded = decodeImage(encodeImage(code));
      expect(decoded).toEqual(code);
      expect(disassemble(decoded)).toBe(disassemble(code));
    });
  }
});

describe("damaged images are rejected", () => {
  const image = encodeImage(compileFile(shared + "dis-golden/with_basic.py"));
  const expectRejected = (bytes: Uint8Array, pattern: RegExp) => {
    let error: unknown = null;
    try {
      decodeImage(bytes);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(CodeImageError);
    expect((error as Error).message).toMatch(pattern);
  };

  it("accepts the intact image", () => expect(decodeImage(image).name).toBe("<module>"));
  it("truncated image", () => expectRejected(image.slice(0, image.length - 7), /truncated/));
  it("truncated header", () => expectRejected(image.slice(0, HEADER_SIZE - 1), /header/));
  it("flipped payload byte", () => {
    const bad = image.slice();
    bad[HEADER_SIZE + 40] ^= 0x10;
    expectRejected(bad, /checksum/);
  });
  it("wrong magic", () => {
    const bad = image.slice();
    bad[0] = "X".charCodeAt(0);
    expectRejected(bad, /magic/);
  });
  it("wrong format version", () => {
    const bad = image.slice();
    bad[4] += 1;
    expectRejected(bad, /version/);
  });
  it("wrong opcode count", () => {
    const bad = image.slice();
    bad[6] += 1;
    expectRejected(bad, /opcodes/);
  });
  it("trailing bytes", () => {
    const bad = new Uint8Array(image.length + 3);
    bad.set(image);
    expectRejected(bad, /header says|trailing/);
  });
});
