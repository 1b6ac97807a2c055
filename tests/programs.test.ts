// Differential test of our own corpus, tests/programs/<topic>/*.py: each program runs under CPython
// 3.11 (the oracle, in this same test run) and under the built withvm CLI; stdout, exit status and,
// for uncaught errors, the normalised traceback must agree. tests/programs/pending.txt lists known gaps.
import { describe, expect, it } from "vitest";
import { execFile } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { dirname, join, relative, sep } from "node:path";

const ROOT = fileURLToPath(new URL("./programs/", import.meta.url));
const CLI = fileURLToPath(new URL("../dist/src/cli.js", import.meta.url));
const PENDING_FILE = join(ROOT, "pending.txt");
const TIMEOUT_MS = 20_000;

/** Every program, as a path relative to tests/programs with "/" separators, sorted. */
const programs: string[] = (readdirSync(ROOT, { recursive: true }) as string[])
  .filter((p) => p.endsWith(".py"))
  .map((p) => p.split(sep).join("/"))
  .sort();

/** Programs in errors/ end with an uncaught exception; every other program exits with 0. */
const expectedStatus = (program: string) => (program.startsWith("errors/") ? 1 : 0);

interface Run {
  status: number | null;
  signal: string | null;
  stdout: string;
  stderr: string;
}

function run(command: string, args: string[], program: string, env: Record<string, string> = {}): Promise<Run> {
  const cwd = join(ROOT, dirname(program));
  return new Promise((resolve) => {
    execFile(
      command,
      args,
      { cwd, encoding: "utf-8", timeout: TIMEOUT_MS, maxBuffer: 16 << 20, env: { ...process.env, PYTHONIOENCODING: "utf-8", ...env } },
      (error, stdout, stderr) => {
        const code = error && typeof error.code === "number" ? error.code : error ? null : 0;
        resolve({ status: code, signal: error?.signal ?? null, stdout, stderr });
      },
    );
  });
}

const base = (program: string) => program.slice(program.lastIndexOf("/") + 1);
const python = (program: string, hashSeed = "0") => run("python3", ["-S", base(program)], program, { PYTHONHASHSEED: hashSeed });
const withvm = (program: string) => run(process.execPath, [CLI, "run", base(program)], program);

/** CPython's result for each program, computed once per test run and shared by both suites. */
const oracle = new Map<string, Promise<Run>>();
const expected = (program: string) => {
  if (!oracle.has(program)) oracle.set(program, python(program));
  return oracle.get(program)!;
};

/**
 * A traceback as the comparison sees it (rules from ../shared/language/INDEX.md, "Comparing .err
 * files"): caret-only lines dropped, `File "<any path>/NAME.py"` reduced to `File "NAME.py"`, a
 * trailing `. Did you mean: '...'?` removed from the last line, line endings normalised.
 */
export function normaliseTraceback(text: string): string {
  const lines = text
    .replace(/\r\n/g, "\n")
    .split("\n")
    .filter((line) => !/^\s*[~^]+\s*$/.test(line))
    .map((line) => line.replace(/^(\s*File ")[^"]*[\\/]([^"\\/]+")/, "$1$2"));
  while (lines.length > 0 && lines[lines.length - 1] === "") lines.pop();
  if (lines.length > 0) lines[lines.length - 1] = lines[lines.length - 1].replace(/\. Did you mean: '[^']*'\?$/, "");
  return lines.join("\n");
}

/** tests/programs/pending.txt: `topic/name.py  # what withvm is missing`, one a line; `#` lines are comments. */
function readPending(): Map<string, string> {
  const pending = new Map<string, string>();
  if (!existsSync(PENDING_FILE)) return pending;
  readFileSync(PENDING_FILE, "utf-8")
    .split("\n")
    .forEach((raw, index) => {
      const line = raw.trim();
      if (line === "" || line.startsWith("#")) return;
      const match = /^(\S+\.py)\s+#\s*(\S.*)$/.exec(line);
      if (!match) throw new Error(`pending.txt:${index + 1}: expected "topic/name.py  # reason", got ${JSON.stringify(raw)}`);
      if (pending.has(match[1])) throw new Error(`pending.txt:${index + 1}: ${match[1]} is listed twice`);
      pending.set(match[1], match[2]);
    });
  return pending;
}

const pending = readPending();

/** Why withvm's run differs from CPython's, or null when it matches. */
function difference(program: string, want: Run, got: Run): string | null {
  if (got.signal) return `withvm was killed by ${got.signal} (timeout ${TIMEOUT_MS} ms?)\n${got.stderr}`;
  if (got.status !== want.status) return `exit status ${got.status}, CPython ${want.status}\n--- withvm stderr ---\n${got.stderr}`;
  if (got.stdout !== want.stdout) return `stdout differs\n--- CPython ---\n${want.stdout}\n--- withvm ---\n${got.stdout}\n--- withvm stderr ---\n${got.stderr}`;
  const wantErr = normaliseTraceback(want.stderr);
  const gotErr = normaliseTraceback(got.stderr);
  if (gotErr !== wantErr) return `stderr differs (after normalisation)\n--- CPython ---\n${wantErr}\n--- withvm ---\n${gotErr}`;
  return null;
}

describe("the corpus itself under CPython", () => {
  it("has programs in every topic folder and nothing else at the top level", () => {
    const topics = new Set(programs.map((p) => p.split("/")[0]));
    expect([...topics].sort()).toEqual(["contextlib", "errors", "gen", "lang", "try", "with"]);
    expect(programs.every((p) => p.split("/").length === 2)).toBe(true);
    expect(programs.length).toBeGreaterThanOrEqual(80);
  });

  it("pending.txt names only existing programs", () => {
    const missing = [...pending.keys()].filter((p) => !programs.includes(p));
    expect(missing, "listed in pending.txt but not in tests/programs").toEqual([]);
  });

  describe.concurrent("each program", () => {
    for (const program of programs) {
      it(program, async () => {
        const source = readFileSync(join(ROOT, program), "utf-8");
        expect(source.split("\n")[0], "first line says what the program checks").toMatch(/^# \S.{10,}/);
        expect(source, "imports only sys and contextlib").not.toMatch(/^\s*(import (?!sys\s*$)|from (?!contextlib import))/m);
        const started = Date.now();
        const first = await expected(program);
        const elapsed = Date.now() - started;
        const second = await python(program, "1");
        expect(first.status, first.stderr).toBe(expectedStatus(program));
        expect(first.stdout, "prints something").not.toBe("");
        if (expectedStatus(program) === 0) expect(first.stderr).toBe("");
        else expect(first.stderr).toMatch(/^Traceback \(most recent call last\):\n[\s\S]*\n\w[\w.]*(: .*)?\n$/);
        expect(second, "same result with another PYTHONHASHSEED").toEqual(first);
        expect(first.stdout + first.stderr, "no absolute path in the output").not.toContain(ROOT);
        expect(elapsed, "runs in under a second").toBeLessThan(1000);
      });
    }
  });
});

describe.concurrent("withvm agrees with CPython", () => {
  for (const program of programs) {
    const reason = pending.get(program);
    it(program, async (ctx) => {
      if (!existsSync(CLI)) throw new Error(`${relative(process.cwd(), CLI)} missing: run npm run build`);
      const [want, got] = await Promise.all([expected(program), withvm(program)]);
      const diff = difference(program, want, got);
      if (reason === undefined) {
        if (diff !== null) expect.fail(`${program}: ${diff}`);
      } else {
        if (diff === null) expect.fail(`${program} now passes: remove it from the pending list (tests/programs/pending.txt)`);
        ctx.skip(`pending: ${reason}`);
      }
    });
  }
});
