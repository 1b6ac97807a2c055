// Differential test of our own corpus, tests/programs/<topic>/*.py: each program runs under CPython
// 3.11 (the oracle, in this same test run) and under the built withvm CLI; stdout, exit status and,
// for uncaught errors, the normalised traceback must agree. tests/programs/pending.txt lists known gaps.
import { describe, expect, it } from "vitest";
import { execFile, spawn } from "node:child_process";
import type { Readable } from "node:stream";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { dirname, join, relative, sep } from "node:path";

const ROOT = fileURLToPath(new URL("./programs/", import.meta.url));
// WITHVM_CLI=/path/to/cli.js runs the corpus against another build (say, a colleague's worktree).
const CLI = process.env.WITHVM_CLI ?? fileURLToPath(new URL("../dist/src/cli.js", import.meta.url));
const PENDING_FILE = join(ROOT, "pending.txt");
const TIMEOUT_MS = 10_000; // CPython runs each program in well under a second

/** Every program, as a path relative to tests/programs with "/" separators, sorted. */
const programs: string[] = (readdirSync(ROOT, { recursive: true }) as string[])
  .filter((p) => p.endsWith(".py"))
  .map((p) => p.split(sep).join("/"))
  .sort();

/** Programs in errors/ end with an uncaught exception; every other program exits with 0. */
const expectedStatus = (program: string) => (program.startsWith("errors/") ? 1 : 0);

interface Run {
  ms: number;
  status: number | null;
  signal: string | null;
  stdout: string;
  stderr: string;
}

function run(command: string, args: string[], program: string, env: Record<string, string> = {}): Promise<Run> {
  const cwd = join(ROOT, dirname(program));
  const started = Date.now();
  return new Promise((resolve) => {
    execFile(
      command,
      args,
      { cwd, encoding: "utf-8", timeout: TIMEOUT_MS, maxBuffer: 16 << 20, env: { ...process.env, PYTHONIOENCODING: "utf-8", ...env } },
      (error, stdout, stderr) => {
        const code = error && typeof error.code === "number" ? error.code : error ? null : 0;
        resolve({ ms: Date.now() - started, status: code, signal: error?.signal ?? null, stdout, stderr });
      },
    );
  });
}

/**
 * CPython under bash's `time`, whose report (user and system CPU seconds) goes to a fourth pipe so
 * that the program's own stdout and stderr stay untouched. CPU time, unlike wall time, does not grow
 * when other jobs load the machine.
 */
function timedPython(program: string, hashSeed: string): Promise<Run & { cpuMs: number }> {
  const script = 'TIMEFORMAT="%3U %3S"; { time python3 -S "$0" 2>&5; } 5>&2 2>&3';
  return new Promise((resolve) => {
    const child = spawn("bash", ["-c", script, base(program)], {
      cwd: join(ROOT, dirname(program)),
      env: { ...process.env, PYTHONIOENCODING: "utf-8", PYTHONHASHSEED: hashSeed },
      stdio: ["ignore", "pipe", "pipe", "pipe"],
      timeout: TIMEOUT_MS,
    });
    const text = ["", "", ""];
    [child.stdout!, child.stderr!, child.stdio[3] as Readable].forEach((stream, i) => {
      stream.setEncoding("utf-8");
      stream.on("data", (chunk: string) => (text[i] += chunk));
    });
    const started = Date.now();
    child.on("close", (status, signal) => {
      const cpuMs = text[2].trim().split(/\s+/).reduce((sum, seconds) => sum + 1000 * Number(seconds), 0);
      resolve({ ms: Date.now() - started, status, signal, stdout: text[0], stderr: text[1], cpuMs });
    });
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
function normaliseTraceback(text: string): string {
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

/**
 * A failure that pending.txt never excuses: a missing feature may make withvm print the wrong
 * thing or refuse the program, but it must not hang, die on a signal, report an internal VM
 * failure (exit status 70) or leak a JavaScript stack trace.
 */
function crash(got: Run): string | null {
  if (got.signal) return `withvm was killed by ${got.signal} (timeout ${TIMEOUT_MS} ms?)`;
  if (got.status === 70) return "withvm reported an internal VM failure (exit status 70)";
  if (/^\s+at .+(\(.*:\d+:\d+\)|:\d+:\d+)$/m.test(got.stderr)) return "withvm leaked a JavaScript stack trace";
  return null;
}

/** Why withvm's run differs from CPython's, or null when it matches. */
function difference(want: Run, got: Run): string | null {
  if (got.status !== want.status) return `exit status ${got.status}, CPython ${want.status}\n--- withvm stderr ---\n${got.stderr}`;
  if (got.stdout !== want.stdout) return `stdout differs\n--- CPython ---\n${want.stdout}\n--- withvm ---\n${got.stdout}\n--- withvm stderr ---\n${got.stderr}`;
  const wantErr = normaliseTraceback(want.stderr);
  const gotErr = normaliseTraceback(got.stderr);
  if (gotErr !== wantErr) return `stderr differs (after normalisation)\n--- CPython ---\n${wantErr}\n--- withvm ---\n${gotErr}`;
  return null;
}

describe("comparison rules", () => {
  const result = (fields: Partial<Run>): Run => ({ ms: 0, status: 0, signal: null, stdout: "", stderr: "", ...fields });
  it("normalises tracebacks as ../shared/language/INDEX.md says", () => {
    const cpython = 'Traceback (most recent call last):\n  File "/abs/dir/x.py", line 3, in <module>\n    print(d[k])\n          ~^^^\nNameError: name \'k\' is not defined. Did you mean: \'d\'?\n';
    const ours = 'Traceback (most recent call last):\r\n  File "x.py", line 3, in <module>\r\n    print(d[k])\r\nNameError: name \'k\' is not defined\r\n';
    expect(normaliseTraceback(cpython)).toBe(normaliseTraceback(ours));
    expect(normaliseTraceback(cpython)).not.toBe(normaliseTraceback(ours.replace("line 3", "line 4")));
  });
  it("tells differences and crashes apart", () => {
    expect(difference(result({ stdout: "a\n" }), result({ stdout: "a\n" }))).toBeNull();
    expect(difference(result({ stdout: "a\n" }), result({ stdout: "a" }))).toMatch(/^stdout differs/);
    expect(difference(result({ status: 1 }), result({ status: 0 }))).toMatch(/^exit status 0, CPython 1/);
    expect(crash(result({ status: 1, stderr: "Error: x\n    at run (file:///a/cli.js:10:5)\n" }))).toMatch(/JavaScript stack/);
    expect(crash(result({ status: 70 }))).toMatch(/internal VM failure/);
    expect(crash(result({ status: 1, stderr: "SyntaxError: 'match' statements are not supported by withvm\n" }))).toBeNull();
  });
});

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
        const first = await expected(program);
        const second = await timedPython(program, "1");
        expect(first.status, first.stderr).toBe(expectedStatus(program));
        expect(first.stdout, "prints something").not.toBe("");
        if (expectedStatus(program) === 0) expect(first.stderr).toBe("");
        else expect(first.stderr).toMatch(/^Traceback \(most recent call last\):\n[\s\S]*\n\w[\w.]*(: .*)?\n$/);
        const { ms: _ms1, ...firstResult } = first;
        const { ms: _ms2, cpuMs, ...secondResult } = second;
        expect(secondResult, "same result with another PYTHONHASHSEED").toEqual(firstResult);
        const traceback = normaliseTraceback(first.stderr);
        expect(first.stdout + traceback, "no absolute path in the output").not.toContain(ROOT);
        const files = [...traceback.matchAll(/^\s*File "([^"]*)"/gm)].map((m) => m[1]);
        expect(files.filter((f) => f !== base(program)), "tracebacks go through the program only, never library code").toEqual([]);
        expect(cpuMs, "runs in under a second of CPU time").toBeGreaterThan(0);
        expect(cpuMs, "runs in under a second of CPU time").toBeLessThan(1000);
      });
    }
  });
});

// withvm runs `from contextlib import ...` on src/pylib/contextlib.py, so a program must behave the
// same under CPython with that copy shadowing the stdlib (-S keeps site from importing the real one).
describe.concurrent("src/pylib under CPython agrees with the stdlib on our programs", () => {
  const PYLIB = fileURLToPath(new URL("../src/pylib/", import.meta.url));
  const bundled = existsSync(PYLIB) ? readdirSync(PYLIB).filter((f) => f.endsWith(".py")).map((f) => f.slice(0, -3)) : [];
  const users = programs.filter((p) => bundled.some((m) => new RegExp(`^\\s*(from ${m} import|import ${m}\\b)`, "m").test(readFileSync(join(ROOT, p), "utf-8"))));
  it("finds programs that import a bundled module", () => expect(users.length).toBeGreaterThan(0));
  for (const program of users) {
    it(program, async () => {
      const [want, got] = await Promise.all([expected(program), run("python3", ["-S", base(program)], program, { PYTHONPATH: PYLIB })]);
      expect(difference(want, got)).toBeNull();
    });
  }
});

describe.concurrent("withvm agrees with CPython", () => {
  for (const program of programs) {
    const reason = pending.get(program);
    it(program, async (ctx) => {
      if (!existsSync(CLI)) throw new Error(`${relative(process.cwd(), CLI)} missing: run npm run build`);
      const [want, got] = await Promise.all([expected(program), withvm(program)]);
      const fatal = crash(got);
      if (fatal !== null) expect.fail(`${program}: ${fatal}\n--- withvm stderr ---\n${got.stderr}`);
      const diff = difference(want, got);
      if (reason === undefined) {
        if (diff !== null) expect.fail(`${program}: ${diff}`);
      } else {
        if (diff === null) expect.fail(`${program} now passes: remove it from the pending list (tests/programs/pending.txt)`);
        ctx.skip(`pending: ${reason} (now: ${diff.split("\n")[0]})`);
      }
    });
  }
});
