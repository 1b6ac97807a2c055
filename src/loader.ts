// The only file that touches @assemblyscript/loader: compiles build/vm.wasm once (cached
// WebAssembly.Module) and makes instances from it. Environment-specific fetching is confined to
// readWasmBytes (Node: fs; browsers: fetch), so a move to generated bindings touches one file.
import { instantiateSync } from "@assemblyscript/loader";

/** The numeric export surface of assembly/index.ts. */
export interface VMExports {
  memory: WebAssembly.Memory;
  opCount(): number;
  init(frameStackBytes: number): void;
  allocBytes(n: number): number;
  freeBytes(p: number): void;
  loadModule(ptr: number, len: number): number;
  runCode(code: number): number;
  argsReset(): void;
  argNumber(x: number, isInt: number): void;
  argInt64(x: bigint): void;
  argBool(b: number): void;
  argNone(): void;
  argStr(ptr: number, len: number): void;
  callGlobal(ptr: number, len: number): number;
  outPtr(): number;
  outLen(): number;
  excReport(): number;
  collectGarbage(): void;
  gcCount(): number;
  heapLiveBytes(): number;
  framesInUse(): number;
  recursionLimit(n: number): void;
  heapLimit(bytes: number): void;
  gcThreshold(bytes: number): void;
  debugTrap(): void;
  traceInstructions(on: number): void;
  registerModule(namePtr: number, nameLen: number, code: number): void;
  loadLibrary(ptr: number, len: number): number;
  beginRun(deadlineMs: number): void;
  argContainer(kind: number, n: number): number;
  argRef(i: number): void;
  resultEncode(): number;
  timedOut(): number;
}

let cached: WebAssembly.Module | null = null;
let pending: Promise<WebAssembly.Module> | null = null;

const WASM_CANDIDATES = ["../build/vm.wasm", "../../build/vm.wasm"];

async function readWasmBytes(): Promise<ArrayBuffer | Uint8Array> {
  return readBuildFile(WASM_CANDIDATES, "vm.wasm");
}

async function readBuildFile(candidates: string[], what: string): Promise<ArrayBuffer | Uint8Array> {
  const isNode = typeof process !== "undefined" && !!process.versions?.node;
  let lastError: unknown = null;
  for (const rel of candidates) {
    const url = new URL(rel, import.meta.url);
    try {
      if (isNode) {
        const { readFile } = await import("node:fs/promises");
        return await readFile(url);
      }
      const res = await fetch(url);
      if (res.ok) return await res.arrayBuffer();
      lastError = new Error(`${url}: HTTP ${res.status}`);
    } catch (e) {
      lastError = e;
    }
  }
  throw new Error(`cannot load ${what}: ${String(lastError)}`);
}

/** A bundled Python module (src/pylib) as the code image the build compiled it to. */
export interface PylibModule {
  name: string;
  image: Uint8Array;
}
let pylib: Promise<PylibModule[]> | null = null;

/** The bundled modules, read once per process from build/pylib (written by src/pylib/build.ts). */
export function loadPylib(): Promise<PylibModule[]> {
  pylib ??= (async () => {
    const dirs = ["../build/pylib/", "../../build/pylib/"];
    const index = await readBuildFile(dirs.map((d) => d + "index.json"), "build/pylib/index.json (run npm run build:pylib)");
    const names = JSON.parse(new TextDecoder().decode(index)) as string[];
    return Promise.all(names.map(async (name) => ({
      name,
      image: new Uint8Array(await readBuildFile(dirs.map((d) => `${d}${name}.img`), `${name}.img`)),
    })));
  })();
  return pylib;
}

/** Compiles the VM module once per process; later calls reuse it. */
export async function loadVMModule(): Promise<WebAssembly.Module> {
  if (cached) return cached;
  if (!pending) {
    pending = readWasmBytes().then(async (bytes) => {
      cached = await WebAssembly.compile(bytes as BufferSource);
      return cached;
    });
  }
  return pending;
}

/** A fresh instance of the cached module (also used to recover after a trap). */
export function instantiateVM(module: WebAssembly.Module, imports: Record<string, Record<string, unknown>>): VMExports {
  const result = instantiateSync<Record<string, unknown>>(module, imports as never);
  return result.exports as unknown as VMExports;
}
