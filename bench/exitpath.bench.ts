// Exit-path benchmark with @contextmanager managers: the same Python source runs under withvm
// (vm.call of each loop function) and under CPython 3.11 (timeit on the same functions) in this
// one run, so the ratios compare like with like on whatever load the machine has now.
import { createVM } from "../src/api.js";
import { runCpython } from "./cpython.js";

export const EXIT_SOURCE = `
from contextlib import contextmanager
class CM:
    def __enter__(self):
        return self
    def __exit__(self, t, v, tb):
        return False
cm = CM()
@contextmanager
def managed():
    yield 1
@contextmanager
def swallowing():
    try:
        yield 1
    except ValueError:
        pass
def baseline(n):
    for i in range(n):
        pass
def with_pass(n):
    for i in range(n):
        with cm:
            pass
def with_raise(n):
    for i in range(n):
        try:
            with cm:
                raise ValueError
        except ValueError:
            pass
def cm_pass(n):
    for i in range(n):
        with managed():
            pass
def cm_swallow(n):
    for i in range(n):
        with swallowing():
            raise ValueError
`;

export const EXIT_CASES = ["baseline", "with_pass", "with_raise", "cm_pass", "cm_swallow"];

const CPYTHON = `
import json, sys, timeit
cfg = json.load(sys.stdin)
ns = {}
exec(compile(cfg["source"], "bench.py", "exec"), ns)
out = {}
for name in cfg["cases"]:
    fn = ns[name]
    fn(1000)
    best = min(timeit.repeat(lambda: fn(cfg["k"]), number=1, repeat=cfg["repeat"]))
    out[name] = best * 1e9 / cfg["k"]
print(json.dumps(out))
`;

export interface ExitRow { name: string; withvm: number; cpython: number }

/** Best-of-`repeat` ns per loop iteration for every case, withvm and CPython. */
export async function benchExitPaths(k = 100_000, repeat = 15): Promise<ExitRow[]> {
  const vm = await createVM();
  vm.run(EXIT_SOURCE, { filename: "bench.py" });
  const ours: Record<string, number> = {};
  for (const name of EXIT_CASES) {
    vm.call(name, 10_000); // warm-up
    let best = Infinity;
    for (let r = 0; r < repeat; r++) {
      const t0 = process.hrtime.bigint();
      vm.call(name, k);
      best = Math.min(best, Number(process.hrtime.bigint() - t0) / k);
    }
    ours[name] = best;
  }
  const theirs = runCpython<Record<string, number>>(CPYTHON, { source: EXIT_SOURCE, cases: EXIT_CASES, k, repeat });
  return EXIT_CASES.map((name) => ({ name, withvm: ours[name], cpython: theirs[name] }));
}
