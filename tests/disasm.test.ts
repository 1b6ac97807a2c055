// More CPython 3.8 listings than ../shared/dis-golden holds: each tests/disasm/NAME.py was
// disassembled by a real CPython 3.8.18 (gen38.py); our listing must match line for line.
// They cover what the shared goldens do not: jump threading, dropped `if 0:` code, EXTENDED_ARG
// and long line-table steps, frozenset order, multi-line statements, and fuzzed programs.
import { describe, expect, it } from "vitest";
import { readFileSync, readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { compile } from "../compiler/compile.js";
import { encodeImage, decodeImage } from "../compiler/codeimage.js";
import { disassemble } from "../compiler/disasm.js";
import { verify } from "../compiler/verify.js";

const dir = fileURLToPath(new URL("./disasm/", import.meta.url));
const sources = readdirSync(dir).filter((f) => f.endsWith(".py") && f !== "gen38.py").sort();

describe("CPython 3.8 listings in tests/disasm", () => {
  it("finds them", () => expect(sources.length).toBeGreaterThan(10));
  for (const file of sources) {
    it(file, () => {
      const code = compile(readFileSync(dir + file, "utf-8"), file);
      verify(code);
      expect(disassemble(decodeImage(encodeImage(code)))).toBe(readFileSync(dir + file.replace(/\.py$/, ".dis"), "utf-8"));
    });
  }
});
