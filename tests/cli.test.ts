// End-to-end checks of the `withvm` command as a user runs it (the built dist/src/cli.js):
// compile errors from every stage with CPython's report and exit status 1, usage errors with 2.
import { describe, expect, it } from "vitest";
import { spawnSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { join } from "node:path";

const CLI = fileURLToPath(new URL("../dist/src/cli.js", import.meta.url));
const ERRORS = fileURLToPath(new URL("../../shared/language/errors/", import.meta.url));
const UNSUPPORTED = join(ERRORS, "unsupported");

function withvm(args: string[], cwd: string) {
  const r = spawnSync("node", [CLI, ...args], { cwd, encoding: "utf-8", timeout: 30_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

const isCaretLine = (line: string) => /^\s*[~^]+\s*$/.test(line);
const withoutCarets = (text: string) => text.split("\n").filter((l) => !isCaretLine(l)).join("\n");

/** The shared error programs whose expected stderr is a compile error. */
const syntaxErrorPrograms = readdirSync(ERRORS)
  .filter((f) => f.endsWith(".py"))
  .filter((f) => /^(SyntaxError|IndentationError)\b/.test(readFileSync(join(ERRORS, f.replace(/\.py$/, ".err")), "utf-8").trimEnd().split("\n").at(-1)!))
  .sort();

describe("compile errors through withvm run and withvm dis", () => {
  it("finds the compile-error programs", () => {
    expect(syntaxErrorPrograms.length).toBeGreaterThanOrEqual(11);
  });

  for (const name of syntaxErrorPrograms) {
    const expected = readFileSync(join(ERRORS, name.replace(/\.py$/, ".err")), "utf-8");
    for (const command of ["run", "dis"]) {
      it(`${command} ${name}`, () => {
        const r = withvm([command, name], ERRORS);
        expect(r.stdout).toBe("");
        expect(r.status).toBe(1);
        expect(withoutCarets(r.stderr)).toBe(withoutCarets(expected));
      });
    }
  }
});

describe("unsupported constructs", () => {
  for (const name of readdirSync(UNSUPPORTED).filter((f) => f.endsWith(".py")).sort()) {
    it(`run ${name} stops with an error naming the construct`, () => {
      const r = withvm(["run", name], UNSUPPORTED);
      expect(r.status).toBe(1);
      const last = r.stderr.trimEnd().split("\n").at(-1)!;
      expect(last).toMatch(/^(SyntaxError: .* not supported by withvm|ModuleNotFoundError: No module named '\w+')$/);
      // A syntactic construct is refused at compile time, before the program prints anything.
      if (last.startsWith("SyntaxError")) expect(r.stdout).toBe("");
      expect(r.stderr).not.toMatch(/\n\s+at /); // no JS stack trace
    });
  }
});

describe("usage", () => {
  it("exits 2 on an unknown command", () => {
    const r = withvm(["frobnicate"], ERRORS);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("unknown command");
  });
  it("exits 2 on a missing file", () => {
    const r = withvm(["run", "no_such_file.py"], ERRORS);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("can't open file");
  });
  it("prints help with exit 0", () => {
    const r = withvm(["--help"], ERRORS);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("dis FILE.py");
  });
});
