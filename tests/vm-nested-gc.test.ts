// Collection inside nested runs (Python called from native code: key functions, dunders called
// by builtins, class bodies, lazy iterators): garbage made there is freed, so long loops in them
// keep the heap bounded, and objects native code holds across the call survive (GC stress).
import { describe, expect, it } from "vitest";
import { spawnSync } from "node:child_process";
import { createVM, PythonError } from "../src/api.js";

const KEY_LOOP = `
def key(x):
    s = 0
    for i in range(150000):
        t = [i, str(i), (i, i)]
        s += len(t)
    return -x
def run(rounds):
    out = None
    for r in range(rounds):
        out = sorted(range(4), key=key)
    return out[0] + out[-1] * 1000
`;

// native code keeps temporaries (sorted's key list, zip's tuples, dict probes, join's list,
// class namespaces) while Python runs loops that allocate; every back-edge collects
const STRESS = `
class H:
    def __init__(self, n):
        self.n = n
    def __hash__(self):
        junk = [str(i) for i in range(20)]
        return hash(self.n)
    def __eq__(self, o):
        for i in range(5):
            junk = (i, [i])
        return isinstance(o, H) and o.n == self.n
    def __repr__(self):
        return "H(%d)" % self.n
def slow_key(x):
    acc = []
    for i in range(10):
        acc.append(str(x) * 2)
    return acc[-1]
def gen(n):
    for i in range(n):
        yield [i, str(i)]
d = {}
for i in range(40):
    d[H(i % 25)] = [i] * 3
print(len(d), d[H(7)], sorted(d, key=lambda h: -h.n)[:3])
print(sorted([str(i) for i in range(60)], key=slow_key)[:5])
print(list(zip(map(slow_key, range(8)), filter(lambda s: len([c for c in s]) > 0, map(str, range(8))))))
print("-".join(str(x[1]) for x in gen(30)))
print(max(range(50), key=lambda v: [v % 7, str(v)]), min(gen(10), key=lambda p: slow_key(p[0]))[1])
class Big:
    items = []
    for i in range(30):
        items.append((i, str(i), [i]))
    total = sum(len(t[1]) for t in items)
print(Big.total, Big.items[-1])
print(sum(map(lambda v: len([str(k) for k in range(v)]), range(25))))
print(sorted({H(i): str(i) for i in range(30)}.items(), key=lambda kv: slow_key(kv[0].n))[:2])
`;

describe("GC in nested runs", () => {
  it("frees garbage made by a key function's loop (heap stays under a small limit)", async () => {
    const vm = await createVM();
    vm.run(KEY_LOOP, { filename: "keyloop.py" });
    vm.setHeapLimit(24 << 20);
    vm.setGCThreshold(1 << 20);
    const before = vm.stats().collections;
    // each key call makes ~450k short-lived objects (~40 MB) in one nested run: without
    // collection inside nested runs this ends in MemoryError
    let err: unknown = null;
    let r: unknown;
    try {
      r = vm.call("run", 2);
    } catch (e) {
      err = e;
    }
    expect(err).toBeNull();
    expect(r).toBe(3 + 0 * 1000);
    expect(vm.stats().collections).toBeGreaterThan(before + 10);
    expect(vm.stats().liveBytes).toBeLessThan(24 << 20);
  }, 120_000);

  it("keeps what native code holds when collecting at every back-edge of nested runs", async () => {
    const py = spawnSync("python3", ["-c", STRESS], { encoding: "utf-8" });
    expect(py.status).toBe(0);
    let out = "";
    const vm = await createVM({ stdout: (t) => (out += t) });
    vm.setGCThreshold(0);
    try {
      vm.run(STRESS, { filename: "stress.py" });
    } catch (e) {
      if (e instanceof PythonError) throw new Error(e.traceback);
      throw e;
    }
    expect(out).toBe(py.stdout);
    expect(vm.stats().collections).toBeGreaterThan(1000);
  }, 120_000);
});
