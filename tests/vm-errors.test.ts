// Uncaught-exception reports: runs ../shared/language/errors/uncaught_*.py and compares the
// PythonError traceback with NAME.err (CPython 3.11's exact text) and stdout with NAME.out.
import { describe, expect, it } from "vitest";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { createVM, PythonError } from "../src/api.js";

const DIR = new URL("../../shared/language/errors/", import.meta.url).pathname;

describe("language/errors uncaught tracebacks", () => {
  const programs = readdirSync(DIR).filter((f) => f.startsWith("uncaught_") && f.endsWith(".py")).sort();
  it("has programs", () => expect(programs.length).toBeGreaterThan(0));
  for (const file of programs) {
    const source = readFileSync(join(DIR, file), "utf-8");
    it(file, async () => {
      let stdout = "";
      const vm = await createVM({ stdout: (t) => (stdout += t) });
      let err: unknown = null;
      try {
        vm.run(source, { filename: file });
      } catch (e) {
        err = e;
      }
      expect(err).toBeInstanceOf(PythonError);
      expect((err as PythonError).traceback).toBe(readFileSync(join(DIR, file.replace(/\.py$/, ".err")), "utf-8"));
      expect(stdout).toBe(readFileSync(join(DIR, file.replace(/\.py$/, ".out")), "utf-8"));
    });
  }
});
