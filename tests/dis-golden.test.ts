// Every CPython 3.8 listing in ../shared/dis-golden: compile NAME.py, round-trip it through the
// code image, disassemble, and compare with NAME.dis line for line.
import { describe, expect, it } from "vitest";
import { readFileSync, readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { compile } from "../compiler/compile.js";
import { encodeImage, decodeImage } from "../compiler/codeimage.js";
import { disassemble } from "../compiler/disasm.js";
import { verify } from "../compiler/verify.js";

const dir = fileURLToPath(new URL("../../shared/dis-golden/", import.meta.url));
const sources = readdirSync(dir).filter((f) => f.endsWith(".py") && f !== "gen.py").sort();

describe("dis-golden", () => {
  it("finds the golden listings", () => {
    expect(sources.length).toBeGreaterThan(0);
  });
  for (const file of sources) {
    it(file, () => {
      const path = dir + file;
      const source = readFileSync(path, "utf-8");
      const code = compile(source, file);
      verify(code);
      const decoded = decodeImage(encodeImage(code));
      expect(disassemble(decoded)).toBe(readFileSync(path.replace(/\.py$/, ".dis"), "utf-8"));
    });
  }
});
