// Compiler throughput: compile every program of the shared corpora (source → code objects →
// code image) and report source KB/s, next to CPython 3.11's compile() on the same files.
import { Bench } from "tinybench";
import { compile } from "../compiler/compile.js";
import { encodeImage } from "../compiler/codeimage.js";
import { readPrograms } from "./corpus.js";
import { runCpython } from "./cpython.js";

const CORPUS = ["conformance/programs", "language/programs", "dis-golden"];

const CPYTHON_COMPILE = `
import json, sys, time
files = json.load(sys.stdin)
best = None
for _ in range(30):
    t0 = time.perf_counter_ns()
    for f in files:
        compile(f["source"], f["name"], "exec")
    dt = time.perf_counter_ns() - t0
    best = dt if best is None or dt < best else best
print(json.dumps({"bestNs": best}))
`;

export interface CompileResult {
  files: number;
  sourceKB: number;
  withvmKBs: number;
  cpythonKBs: number;
}

export async function benchCompile(): Promise<CompileResult> {
  const files = readPrograms(CORPUS);
  const bytes = files.reduce((n, f) => n + Buffer.byteLength(f.source), 0);
  const bench = new Bench({ name: "compile", time: 2000, warmupTime: 500 });
  bench.add("withvm compile (corpus)", () => {
    for (const f of files) encodeImage(compile(f.source, f.name));
  });
  await bench.run();
  const task = bench.tasks[0];
  if (task.result.state !== "completed") throw new Error(`compile benchmark ${task.result.state}`);
  const oursMs = task.result.latency.min;
  const { bestNs } = runCpython<{ bestNs: number }>(CPYTHON_COMPILE, files.map(({ name, source }) => ({ name, source })));
  const kb = bytes / 1024;
  return {
    files: files.length,
    sourceKB: kb,
    withvmKBs: kb / (oursMs / 1000),
    cpythonKBs: kb / (bestNs / 1e9),
  };
}
