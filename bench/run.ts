// `npm run bench`: runs the benchmarks named on the command line (all by default) and prints
// each next to CPython 3.11 measured in the same run. Ratios are what we quote.
import { benchCompile } from "./compile.bench.js";
import { benchExitPaths, printPathResults } from "./exitpaths.bench.js";
import { benchExitPaths as benchExitPathGen } from "./exitpath.bench.js";

const BENCHES: Record<string, () => Promise<void>> = {
  async exitpaths() {
    printPathResults("exit paths, class-based manager", await benchExitPaths());
  },
  async compile() {
    const r = await benchCompile();
    console.log(`compile: ${r.files} files, ${r.sourceKB.toFixed(1)} KB of source`);
    console.log(`  withvm  ${r.withvmKBs.toFixed(0).padStart(8)} KB/s`);
    console.log(`  CPython ${r.cpythonKBs.toFixed(0).padStart(8)} KB/s   (compile(), best of 30)`);
    console.log(`  ratio   ${(r.withvmKBs / r.cpythonKBs).toFixed(2)}x CPython`);
  },
};

BENCHES.exitpath = async () => {
  const rows = await benchExitPathGen();
  console.log("exit paths (ns per loop iteration, best of 15 runs of 100k; CPython 3.11 timeit, same source):");
  console.log("  case          withvm   CPython   CPython/withvm");
  for (const r of rows) {
    console.log(`  ${r.name.padEnd(12)} ${r.withvm.toFixed(1).padStart(7)} ${r.cpython.toFixed(1).padStart(9)}   ${(r.cpython / r.withvm).toFixed(2)}x`);
  }
};

const wanted = process.argv.slice(2);
for (const name of wanted.length ? wanted : Object.keys(BENCHES)) {
  const run = BENCHES[name];
  if (!run) {
    console.error(`unknown benchmark '${name}'; have: ${Object.keys(BENCHES).join(", ")}`);
    process.exit(2);
  }
  await run();
}
