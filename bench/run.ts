// `npm run bench`: runs the benchmarks named on the command line (all by default) and prints
// each next to CPython 3.11 measured in the same run. Ratios are what we quote.
import { benchCompile } from "./compile.bench.js";
import { benchExitPaths, printPathResults, CONTEXTMANAGER_SOURCE, CONTEXTMANAGER_PATHS } from "./exitpaths.bench.js";

const BENCHES: Record<string, () => Promise<void>> = {
  async exitpaths() {
    printPathResults("exit paths, class-based manager", await benchExitPaths());
  },
  async contextmanager() {
    printPathResults("exit paths, @contextmanager manager", await benchExitPaths(CONTEXTMANAGER_SOURCE, CONTEXTMANAGER_PATHS));
  },
  async compile() {
    const r = await benchCompile();
    console.log(`compile: ${r.files} files, ${r.sourceKB.toFixed(1)} KB of source`);
    console.log(`  withvm  ${r.withvmKBs.toFixed(0).padStart(8)} KB/s`);
    console.log(`  CPython ${r.cpythonKBs.toFixed(0).padStart(8)} KB/s   (compile(), best of 30)`);
    console.log(`  ratio   ${(r.withvmKBs / r.cpythonKBs).toFixed(2)}x CPython`);
  },
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
