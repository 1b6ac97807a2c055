// tinybench: the `with` exit paths against a no-with baseline, K iterations per sample
// (vm-core-measurements.md §7). Run: npm run build && node --import ... or via vitest bench
// tooling; prints ns per loop iteration. CPython 3.11 reference on this box: with ≈ 310 ns,
// raise-inside-with-caught-outside ≈ 760 ns (measured with the same loops in python3).
import { Bench } from "tinybench";
import { createVM } from "../src/api.js";

const K = 100_000;
const SOURCE = `
class CM:
    def __enter__(self):
        return self
    def __exit__(self, t, v, tb):
        return False
cm = CM()
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
def with_return_inner():
    with cm:
        return 1
def with_return(n):
    for i in range(n):
        with_return_inner()
def with_break(n):
    for i in range(n):
        for j in range(2):
            with cm:
                break
`;

const vm = await createVM();
vm.run(SOURCE, { filename: "bench.py" });
const bench = new Bench({ name: "exit paths", time: 1000, warmupTime: 250, warmupIterations: 4 });
for (const name of ["baseline", "with_pass", "with_raise", "with_return", "with_break"]) {
  bench.add(name, () => {
    vm.call(name, K);
  });
}
await bench.run();
for (const t of bench.tasks) {
  if (t.result.state !== "completed") continue;
  const l = t.result.latency;
  console.log(`${t.name.padEnd(12)} ${((l.mean * 1e6) / K).toFixed(1).padStart(7)} ns/iter  p99 ${((l.p99 * 1e6) / K).toFixed(1)}  (${l.samplesCount} samples)`);
}
