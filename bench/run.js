// Exit-path benchmark (tinybench, K loop iterations per sample as vm-core-measurements.md §7
// advises): `with` normal exit, raise-inside-with caught outside, return and break out of a
// with, against a no-with baseline. `npm run bench` builds first; this reads dist/ and build/.
// CPython 3.11 on the same box, same loops: with ≈ 310 ns/iter, raise path ≈ 760 ns/iter.
import { Bench } from "tinybench";
import { createVM } from "../dist/src/api.js";

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
  const perIter = (ms) => ((ms * 1e6) / K).toFixed(1);
  console.log(`${t.name.padEnd(12)} mean ${perIter(l.mean).padStart(7)} ns/iter  p50 ${perIter(l.p50)}  p99 ${perIter(l.p99)}  (${l.samplesCount} samples)`);
}
console.log("wasm memory after:", vm.memoryBytes(), "bytes", vm.stats());
