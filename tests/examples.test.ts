// The bundled examples (what `npm start` runs) must print exactly what CPython 3.11 prints for
// them: each runs through the built CLI and through python3 in the same test run.
import { describe, expect, it } from "vitest";
import { spawnSync } from "node:child_process";
import { readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";

const CLI = fileURLToPath(new URL("../dist/src/cli.js", import.meta.url));
const EXAMPLES = fileURLToPath(new URL("../examples/", import.meta.url));

describe("examples/", () => {
  const files = readdirSync(EXAMPLES).filter((f) => f.endsWith(".py")).sort();
  it("has the PEP 343 examples", () => expect(files.length).toBeGreaterThanOrEqual(6));
  for (const file of files) {
    it(file, () => {
      const ours = spawnSync("node", [CLI, "run", file], { cwd: EXAMPLES, encoding: "utf-8", timeout: 30_000 });
      const cpython = spawnSync("python3", [file], { cwd: EXAMPLES, encoding: "utf-8" });
      expect(cpython.status).toBe(0);
      expect(ours.stderr).toBe("");
      expect(ours.status).toBe(0);
      expect(ours.stdout).toBe(cpython.stdout);
    });
  }
});
