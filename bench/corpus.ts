// The shared corpora as benchmark input: every Python program under ../shared, read once.
import { readdirSync, readFileSync, existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { join } from "node:path";


export interface SourceFile {
  path: string;
  name: string;
  source: string;
}

/** Every .py in the folders given (relative to ../shared), sorted by path. */
export function readPrograms(folders: string[]): SourceFile[] {
  const files: SourceFile[] = [];
  for (const folder of folders) {
    const dir = join(sharedRoot(), folder);
    for (const name of readdirSync(dir).sort()) {
      if (!name.endsWith(".py") || name === "gen.py") continue;
      const path = join(dir, name);
      files.push({ path, name, source: readFileSync(path, "utf-8") });
    }
  }
  return files;
}

/** ../shared next to the checkout, whether this runs from bench/ or from dist/bench/. */
export function sharedRoot(): string {
  for (const up of ["../../shared", "../../../shared"]) {
    const dir = fileURLToPath(new URL(up, import.meta.url));
    if (existsSync(join(dir, "conformance"))) return dir;
  }
  throw new Error("cannot find ../shared beside the checkout");
}
