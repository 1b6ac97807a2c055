// Generator finalization (PEP 342 / PEP 343): close() runs a pending __exit__ exactly once, the
// collector closes unreachable generators suspended inside `with`, generators still suspended at
// program end are closed as CPython 3.11's shutdown closes them (its output is the oracle, run
// here), and a million short-lived generators keep wasm memory flat.
import { describe, expect, it } from "vitest";
import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createVM } from "../src/api.js";

const CM = `
class CM:
    def __init__(self, name):
        self.name = name
    def __enter__(self):
        print("enter", self.name)
        return self
    def __exit__(self, t, v, tb):
        print("exit", self.name, t.__name__ if t else None)
        return False
def gen(name):
    with CM(name):
        try:
            yield 1
            yield 2
        finally:
            print("finally", name)
`;

async function run(src: string, gcThreshold?: number): Promise<{ out: string; err: string }> {
  let out = "";
  let err = "";
  const vm = await createVM({ stdout: (t) => (out += t), stderr: (t) => (err += t) });
  if (gcThreshold !== undefined) vm.setGCThreshold(gcThreshold);
  vm.run(src, { filename: "fin.py" });
  return { out, err };
}

function cpython(src: string): string {
  const dir = mkdtempSync(join(tmpdir(), "withvm-fin-"));
  try {
    writeFileSync(join(dir, "fin.py"), src);
    return execFileSync("python3", ["-S", "fin.py"], { cwd: dir, encoding: "utf-8" });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe("generator finalization", () => {
  it("close() of a generator abandoned inside with runs __exit__ exactly once", async () => {
    const src = CM + `
g = gen("a")
print(next(g))
g.close()
g.close()
print("closed twice")
for i in range(5):
    pass
print("end")
`;
    const { out } = await run(src, 0); // collect at every back-edge: no second close either
    expect(out).toBe("enter a\n1\nfinally a\nexit a GeneratorExit\nclosed twice\nend\n");
    expect(out).toBe(cpython(src));
  });

  it("the collector closes an unreachable generator suspended inside with", async () => {
    const src = CM + `
def abandon():
    g = gen("lost")
    next(g)
abandon()
for i in range(3):
    pass
print("after the loop")
`;
    // CPython closes it at once (refcounting); withvm at the next collection, here the loop's
    // first back-edge, so the two agree line for line
    const { out } = await run(src, 0);
    expect(out).toBe("enter lost\nfinally lost\nexit lost GeneratorExit\nafter the loop\n");
    expect(out).toBe(cpython(src));
  });

  it("without a collection the generator waits, then is closed at program end", async () => {
    const { out } = await run(CM + "def abandon():\n    g = gen('late')\n    next(g)\nabandon()\nprint('main done')\n");
    expect(out).toBe("enter late\nmain done\nfinally late\nexit late GeneratorExit\n");
  });

  it("generators still suspended at program end are closed as CPython's shutdown does", async () => {
    const src = CM + `
first = gen("global")
next(first)
def hold():
    h = gen("in a list")
    next(h)
    return h
kept = [hold()]
done = gen("finished")
list(done)
print("end of program")
`;
    const { out } = await run(src);
    expect(out).toBe(cpython(src));
    expect(out).toContain("end of program\nfinally global\nexit global GeneratorExit\nfinally in a list\n");
  });

  it("a generator that ignores GeneratorExit at close is reported, not fatal", async () => {
    const src = "def stubborn():\n    while True:\n        try:\n            yield 1\n        except GeneratorExit:\n            print('ignoring')\ng = stubborn()\nnext(g)\nprint('end')\n";
    const { out, err } = await run(src);
    expect(out).toBe("end\nignoring\n");
    expect(err).toMatch(/^Exception ignored in: <generator object stubborn at 0x[0-9a-f]+>\nRuntimeError: generator ignored GeneratorExit\n$/);
  });

  it("a million short-lived generators keep wasm memory flat", async () => {
    const vm = await createVM();
    vm.run(CM.replace(/print\([^)]*\)/g, "pass") + `
def count(n):
    i = 0
    while i < n:
        yield i
        i += 1
def consumed(n):
    total = 0
    for k in range(n):
        for v in count(3):
            total += v
    return total
def abandoned(n):
    for k in range(n):
        g = gen(k)
        next(g)
    return n
`, { filename: "million.py" });
    vm.call("consumed", 100_000); // warm-up: reach the steady-state heap
    vm.call("abandoned", 100_000);
    const before = vm.memoryBytes();
    expect(vm.call("consumed", 1_000_000)).toBe(3_000_000);
    expect(vm.call("abandoned", 1_000_000)).toBe(1_000_000);
    const after = vm.memoryBytes();
    console.log(`a million generators (and a million abandoned inside with): wasm memory ${before} -> ${after} bytes, live heap ${vm.stats().liveBytes}`);
    expect(after).toBe(before);
  }, 60_000);
});
