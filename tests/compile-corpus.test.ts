// Every corpus program that CPython compiles must compile here too and pass the verifier.
import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { compile } from "../compiler/compile.js";
import { verify } from "../compiler/verify.js";
import { isCode, type CodeObject } from "../compiler/code.js";
import { corpusDirs, expectedSyntaxError, pyFiles } from "./support/corpus.js";

function countCode(code: CodeObject): number {
  let n = 1;
  for (const c of code.consts) if (isCode(c)) n += countCode(c);
  return n;
}

for (const dir of corpusDirs) {
  const files = pyFiles(dir).filter((p) => expectedSyntaxError(p) === null);
  describe(dir.split("/shared/")[1], () => {
    it("has programs", () => expect(files.length).toBeGreaterThan(0));
    for (const path of files) {
      it(path.split("/").pop()!, () => {
        const name = path.split("/").pop()!;
        const code = compile(readFileSync(path, "utf-8"), name);
        verify(code);
        expect(code.name).toBe("<module>");
        expect(countCode(code)).toBeGreaterThan(0);
      });
    }
  });
}
