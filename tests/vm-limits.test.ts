// The execution time limit (timeoutMs, assembly/limits.ts): every way a program can run forever
// is stopped near the limit with TimeLimitError, Python code cannot catch or delay the stop, and
// the VM stays usable afterwards. Timings are asserted loosely: the machines are shared.
import { describe, expect, it } from "vitest";
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createVM, PythonError, TimeLimitError, type VM } from "../src/api.js";

const LIMIT_MS = 200;
/** Far above LIMIT_MS, far below "hung": a run that stops later than this was not stopped by the limit. */
const GENEROUS_MS = 5_000;

const HANGING: Record<string, string> = {
  "while True": "while True:\n    pass\n",
  "for over a huge range": "for i in range(10**17):\n    pass\n",
  "call-only exponential recursion": "def f(n):\n    return f(n - 1) + f(n - 1) if n else 0\nf(60)\n",
  "a loop inside try/except BaseException": [
    "while True:",
    "    try:",
    "        while True:",
    "            pass",
    "    except BaseException:",
    "        print('caught')",
    "",
  ].join("\n"),
  "a loop inside with whose __exit__ loops forever": [
    "class CM:",
    "    def __enter__(self):",
    "        return self",
    "    def __exit__(self, *exc):",
    "        print('exit')",
    "        while True:",
    "            pass",
    "with CM():",
    "    while True:",
    "        pass",
    "",
  ].join("\n"),
  "a finally that loops": "try:\n    while True:\n        pass\nfinally:\n    print('finally')\n    while True:\n        pass\n",
  "a loop inside a generator being iterated": [
    "def numbers():",
    "    try:",
    "        yield 1",
    "        while True:",
    "            pass",
    "    finally:",
    "        print('generator finally')",
    "for n in numbers():",
    "    print(n)",
    "",
  ].join("\n"),
  "a loop whose only back-edge is a threaded conditional jump": "x = 0\nwhile True:\n    if x:\n        pass\n",
  "a native loop (sum over a range)": "print(sum(range(10**18)))\n",
  "a loop in a key function called by sorted": [
    "def key(v):",
    "    while True:",
    "        pass",
    "try:",
    "    sorted([3, 1, 2], key=key)",
    "except BaseException:",
    "    print('caught')",
    "",
  ].join("\n"),
  "a loop in __repr__ under repr()": [
    "class R:",
    "    def __repr__(self):",
    "        while True:",
    "            pass",
    "try:",
    "    print(repr([R()]))",
    "finally:",
    "    print('finally')",
    "",
  ].join("\n"),
  "an allocating loop": "while True:\n    x = [1, 2, 3]\n",
};

/** Runs source on vm expecting the limit to stop it; returns how long it took (ms). */
function expectStopped(vm: VM, source: string, timeoutMs?: number): number {
  const t0 = performance.now();
  let error: unknown = null;
  try {
    vm.run(source, { filename: "spin.py", timeoutMs });
  } catch (e) {
    error = e;
  }
  const elapsed = performance.now() - t0;
  expect(error).toBeInstanceOf(TimeLimitError);
  expect((error as TimeLimitError).timeoutMs).toBe(timeoutMs ?? LIMIT_MS);
  expect((error as TimeLimitError).message).toBe(`time limit of ${timeoutMs ?? LIMIT_MS} ms exceeded`);
  return elapsed;
}

/** The VM works after a stop: a new run, the calls into it, the frame stack empty. */
function expectUsable(vm: VM, out: () => string): void {
  vm.run(
    "class CM:\n    def __enter__(self):\n        return self\n    def __exit__(self, *exc):\n        return True\n" +
      "with CM():\n    raise ValueError\ntry:\n    raise\nexcept RuntimeError as e:\n    print(e)\n" +
      "def total(n):\n    return sum(i for i in range(n))\n",
    { filename: "after.py" },
  );
  expect(out()).toContain("No active exception to reraise\n");
  expect(vm.call("total", 10)).toBe(45);
  expect(vm.stats().framesInUse).toBe(0);
}

describe("time limit", () => {
  for (const [name, source] of Object.entries(HANGING)) {
    it(`stops ${name}; no handler runs; the VM is usable afterwards`, async () => {
      let out = "";
      const vm = await createVM({ stdout: (t) => (out += t), timeoutMs: LIMIT_MS });
      const elapsed = expectStopped(vm, source);
      expect(elapsed).toBeGreaterThanOrEqual(LIMIT_MS - 5);
      expect(elapsed).toBeLessThan(GENEROUS_MS);
      for (const word of ["caught", "exit", "finally"]) expect(out).not.toContain(word);
      out = "";
      expectUsable(vm, () => out);
    });
  }

  it("keeps collecting garbage in a loop that allocates under a limit", async () => {
    const vm = await createVM({ timeoutMs: LIMIT_MS });
    const before = vm.stats().collections;
    expectStopped(vm, HANGING["an allocating loop"]);
    expect(vm.stats().collections).toBeGreaterThan(before);
    vm.collect();
    expect(vm.stats().liveBytes).toBeLessThan(8 << 20);
  });

  it("keeps the last run's globals when a vm.call is stopped", async () => {
    const vm = await createVM({ timeoutMs: LIMIT_MS });
    vm.run("answer = 42\ndef spin():\n    while True:\n        pass\ndef get():\n    return answer\n", { filename: "g.py" });
    const t0 = performance.now();
    expect(() => vm.call("spin")).toThrow(TimeLimitError);
    expect(performance.now() - t0).toBeLessThan(GENEROUS_MS);
    expect(vm.call("get")).toBe(42);
  });

  it("leaves a generator stopped mid-resume finished, not running", async () => {
    const vm = await createVM({ timeoutMs: LIMIT_MS });
    vm.run(
      [
        "def spinning():",
        "    yield 1",
        "    while True:",
        "        pass",
        "g = spinning()",
        "next(g)",
        "def resume():",
        "    return next(g)",
        "def state():",
        "    try:",
        "        next(g)",
        "        return 'yielded'",
        "    except StopIteration:",
        "        return 'finished'",
        "    except ValueError as e:",
        "        return str(e)",
        "",
      ].join("\n"),
      { filename: "gen.py" },
    );
    expect(() => vm.call("resume")).toThrow(TimeLimitError);
    expect(vm.call("state")).toBe("finished");
  });

  it("takes the per-run timeoutMs over the VM's, and vm.call the VM's", async () => {
    const vm = await createVM({ timeoutMs: 20 });
    const busy = "def busy():\n    x = 0\n    for i in range(3 * 10**7):\n        x += i\n    return x\n";
    vm.run(busy + "busy()\n", { filename: "busy.py", timeoutMs: 120_000 }); // finishes
    expect(() => vm.call("busy")).toThrow(TimeLimitError);
    expectStopped(vm, "while True:\n    pass\n", 50);
    const unlimited = await createVM();
    expectStopped(unlimited, "while True:\n    pass\n", 30);
    unlimited.run(busy, { filename: "busy.py" });
    expect(unlimited.call("busy")).toBe((3 * 10 ** 7 * (3 * 10 ** 7 - 1)) / 2);
  });

  it("does not turn an ordinary exception into a time-limit stop", async () => {
    const vm = await createVM({ timeoutMs: 5_000 });
    expect(() => vm.run("raise KeyError('k')\n", { filename: "k.py" })).toThrow(PythonError);
  });

  it("refuses a timeoutMs that is not a number of milliseconds", async () => {
    await expect(createVM({ timeoutMs: -1 })).rejects.toThrow(RangeError);
    const vm = await createVM();
    expect(() => vm.run("pass", { timeoutMs: Number.NaN })).toThrow(RangeError);
  });
});

describe("withvm run --timeout", () => {
  const CLI = fileURLToPath(new URL("../dist/src/cli.js", import.meta.url));
  const withvm = (args: string[], cwd = process.cwd()) => {
    const r = spawnSync("node", [CLI, ...args], { cwd, encoding: "utf-8", timeout: 30_000 });
    return { status: r.status, stdout: r.stdout, stderr: r.stderr };
  };

  it("stops -c CODE with status 124 and a one-line message", () => {
    const r = withvm(["run", "--timeout", "0.3", "-c", "print('started')\nwhile True:\n    pass\n"]);
    expect(r.status).toBe(124);
    expect(r.stdout).toBe("started\n");
    expect(r.stderr).toBe("withvm: stopped: time limit of 0.3 s exceeded\n");
  });

  it("stops FILE.py the same way and lets a quick program finish", () => {
    const dir = mkdtempSync(join(tmpdir(), "withvm-timeout-"));
    writeFileSync(join(dir, "spin.py"), "def f(n):\n    return f(n - 1) + f(n - 1) if n else 0\nf(60)\n");
    writeFileSync(join(dir, "quick.py"), "print(sum(range(10)))\n");
    const r = withvm(["run", "--timeout", "0.3", "spin.py"], dir);
    expect(r.status).toBe(124);
    expect(r.stderr).toBe("withvm: stopped: time limit of 0.3 s exceeded\n");
    const q = withvm(["run", "--timeout", "5", "quick.py"], dir);
    expect(q.status).toBe(0);
    expect(q.stdout).toBe("45\n");
  });

  it("rejects a bad --timeout as a usage error", () => {
    const r = withvm(["run", "--timeout", "soon", "-c", "pass"]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("--timeout takes a number of seconds");
  });
});
