// Runs every program of the with-statement conformance corpus and the language corpus through
// the public API and compares stdout with NAME.out exactly; every program runs, generators and
// contextlib included.
import { describe, expect, it } from "vitest";
import { readdirSync, readFileSync, existsSync } from "node:fs";
import { join } from "node:path";
import { createVM, PythonError } from "../src/api.js";

const SHARED = new URL("../../shared/", import.meta.url).pathname;
const CORPORA = [join(SHARED, "conformance/programs"), join(SHARED, "language/programs")];

async function runProgram(path: string, filename: string): Promise<{ stdout: string; error: unknown }> {
  let stdout = "";
  const vm = await createVM({ stdout: (t) => (stdout += t), stderr: () => {} });
  let error: unknown = null;
  try {
    vm.run(readFileSync(path, "utf-8"), { filename });
  } catch (e) {
    error = e;
  }
  return { stdout, error };
}

for (const dir of CORPORA) {
  describe(dir.replace(SHARED, ""), () => {
    const programs = existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith(".py")).sort() : [];
    it("has programs", () => expect(programs.length).toBeGreaterThan(0));
    for (const file of programs) {
      const path = join(dir, file);
      const source = readFileSync(path, "utf-8");
      const expected = readFileSync(path.replace(/\.py$/, ".out"), "utf-8");
      it(file, async () => {
        const { stdout, error } = await runProgram(path, file);
        if (error && !(error instanceof PythonError)) throw error;
        const report = error instanceof PythonError ? `\n--- uncaught ---\n${error.traceback}` : "";
        expect(stdout + report).toBe(expected);
      });
    }
  });
}
