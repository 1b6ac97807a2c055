// Exit-path overhead: what it costs to leave a `with` block each way (normal completion,
// exception caught outside, exception suppressed by __exit__, break, continue, return), with a
// class-based manager, next to CPython 3.11 running the same source in the same run.
import { Bench } from "tinybench";
import { createVM } from "../src/api.js";
import { runCpython } from "./cpython.js";

/** Loop iterations per sample: a single exit is far below the timer's resolution. */
const K = 20_000;

export const EXIT_PATH_SOURCE = `
class CM:
    def __enter__(self):
        return self
    def __exit__(self, t, v, tb):
        return False

class Suppress:
    def __enter__(self):
        return self
    def __exit__(self, t, v, tb):
        return True

cm = CM()
quiet = Suppress()

def baseline(n):
    for i in range(n):
        pass

def with_normal(n):
    for i in range(n):
        with cm:
            pass

def with_raise_caught_outside(n):
    for i in range(n):
        try:
            with cm:
                raise ValueError
        except ValueError:
            pass

def with_raise_suppressed(n):
    for i in range(n):
        with quiet:
            raise ValueError

def with_break(n):
    for i in range(n):
        while True:
            with cm:
                break

def with_continue(n):
    for i in range(n):
        with cm:
            continue

def return_from_with():
    with cm:
        return 1

def with_return(n):
    for i in range(n):
        return_from_with()
`;

/** The same loops with @contextmanager managers (PEP 343's generator templates). */
export const CONTEXTMANAGER_SOURCE = `
from contextlib import contextmanager

@contextmanager
def managed():
    yield 1

@contextmanager
def swallowing():
    try:
        yield 1
    except ValueError:
        pass

def cm_normal(n):
    for i in range(n):
        with managed():
            pass

def cm_raise_swallowed_in_generator(n):
    for i in range(n):
        with swallowing():
            raise ValueError

def cm_raise_caught_outside(n):
    for i in range(n):
        try:
            with managed():
                raise ValueError
        except ValueError:
            pass
`;

export const CONTEXTMANAGER_PATHS = ["cm_normal", "cm_raise_swallowed_in_generator", "cm_raise_caught_outside"];

export const EXIT_PATHS = [
  "baseline",
  "with_normal",
  "with_raise_caught_outside",
  "with_raise_suppressed",
  "with_break",
  "with_continue",
  "with_return",
];

const CPYTHON_TIMER = `
import json, sys, time
job = json.load(sys.stdin)
env = {}
exec(compile(job["source"], "bench.py", "exec"), env)
out = {}
for name in job["cases"]:
    fn = env[name]
    fn(job["k"])  # warm-up: 3.11 specialises the loop on its first runs
    samples = []
    deadline = time.perf_counter() + job["seconds"]
    while time.perf_counter() < deadline or len(samples) < 5:
        t0 = time.perf_counter_ns()
        fn(job["k"])
        samples.append((time.perf_counter_ns() - t0) / job["k"])
    out[name] = {"min": min(samples), "mean": sum(samples) / len(samples)}
print(json.dumps(out))
`;

export interface PathResult {
  name: string;
  withvmMin: number;
  withvmMean: number;
  cpythonMin: number;
  cpythonMean: number;
}

/** ns per iteration for each case, withvm and CPython, measured now on this machine. */
export async function benchExitPaths(source = EXIT_PATH_SOURCE, cases = EXIT_PATHS): Promise<PathResult[]> {
  const vm = await createVM();
  vm.run(source, { filename: "bench.py" });
  const bench = new Bench({ name: "exit paths", time: 1000, warmupTime: 250, warmupIterations: 4 });
  for (const name of cases) bench.add(name, () => void vm.call(name, K));
  await bench.run();
  const cpython = runCpython<Record<string, { min: number; mean: number }>>(CPYTHON_TIMER, { source, cases, k: K, seconds: 1 });
  return bench.tasks.map((task) => {
    if (task.result.state !== "completed") throw new Error(`${task.name}: ${task.result.state}`);
    const perIteration = (ms: number) => (ms * 1e6) / K;
    return {
      name: task.name,
      withvmMin: perIteration(task.result.latency.min),
      withvmMean: perIteration(task.result.latency.mean),
      cpythonMin: cpython[task.name].min,
      cpythonMean: cpython[task.name].mean,
    };
  });
}

export function printPathResults(title: string, results: PathResult[]): void {
  console.log(`${title} (ns per loop iteration; best sample, mean in brackets)`);
  console.log(`  ${"case".padEnd(32)} ${"withvm".padStart(16)} ${"CPython 3.11".padStart(18)}   speed-up`);
  for (const r of results) {
    const ours = `${r.withvmMin.toFixed(1)} (${r.withvmMean.toFixed(1)})`;
    const theirs = `${r.cpythonMin.toFixed(1)} (${r.cpythonMean.toFixed(1)})`;
    console.log(`  ${r.name.padEnd(32)} ${ours.padStart(16)} ${theirs.padStart(18)}   ${(r.cpythonMin / r.withvmMin).toFixed(2)}x`);
  }
}
