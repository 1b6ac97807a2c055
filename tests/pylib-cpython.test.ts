// The bundled Python library (src/pylib) must behave like CPython's own modules. This runs every
// corpus program that imports one of them under CPython 3.11 with our copy shadowing the stdlib
// (python3 -S keeps site from importing the real contextlib first) and compares with NAME.out.
import { describe, expect, it } from "vitest";
import { spawnSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { join } from "node:path";

const PYLIB = fileURLToPath(new URL("../src/pylib/", import.meta.url));
const FOLDERS = ["conformance/programs", "language/programs"].map((f) => fileURLToPath(new URL(`../../shared/${f}/`, import.meta.url)));
const bundled = readdirSync(PYLIB).filter((f) => f.endsWith(".py")).map((f) => f.slice(0, -3));
const importsBundled = (source: string) => bundled.some((m) => new RegExp(`^\\s*(from ${m} import|import ${m}\\b)`, "m").test(source));

describe("src/pylib under CPython", () => {
  it("uses our module, not the stdlib's", () => {
    for (const name of bundled) {
      const r = spawnSync("python3", ["-S", "-c", `import ${name}; print(${name}.__file__)`], { env: { ...process.env, PYTHONPATH: PYLIB }, encoding: "utf-8" });
      expect(r.stdout.trim()).toBe(join(PYLIB, `${name}.py`));
    }
  });

  for (const dir of FOLDERS) {
    for (const file of readdirSync(dir).filter((f) => f.endsWith(".py")).sort()) {
      const source = readFileSync(join(dir, file), "utf-8");
      if (!importsBundled(source)) continue;
      it(file, () => {
        const r = spawnSync("python3", ["-S", file], { cwd: dir, env: { ...process.env, PYTHONPATH: PYLIB }, encoding: "utf-8" });
        expect(r.stderr).toBe("");
        expect(r.stdout).toBe(readFileSync(join(dir, file.replace(/\.py$/, ".out")), "utf-8"));
      });
    }
  }
});
