// Build step (npm run build:pylib): compiles every bundled module src/pylib/NAME.py with our own
// compiler into build/pylib/NAME.img plus build/pylib/index.json, so the package ships code images
// and a VM only decodes them at start-up instead of parsing Python (see loadPylib in loader.ts).
import { readdirSync, readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { compile } from "../../compiler/compile.js";
import { encodeImage } from "../../compiler/codeimage.js";

const root = process.argv[2] ?? ".";
const srcDir = join(root, "src/pylib");
const outDir = join(root, "build/pylib");
mkdirSync(outDir, { recursive: true });
const names: string[] = [];
for (const file of readdirSync(srcDir).filter((f) => f.endsWith(".py")).sort()) {
  const name = file.slice(0, -3);
  // the filename tracebacks show for frames inside the module
  const image = encodeImage(compile(readFileSync(join(srcDir, file), "utf-8"), `${name}.py`));
  writeFileSync(join(outDir, `${name}.img`), image);
  names.push(name);
}
writeFileSync(join(outDir, "index.json"), JSON.stringify(names) + "\n");
console.log(`pylib: ${names.join(", ")} -> ${outDir}`);
