// The public API: createVM({ stdout, stderr }) → vm with run(source), runImage(image), call(name,
// ...args). Uncaught Python exceptions become PythonError carrying type, message and CPython 3.11
// traceback text (formatted here from the frame records the VM exports). A wasm trap poisons the
// instance: it is re-made from the cached Module and the failure surfaces as VMInternalError.
import { loadVMModule, loadPylib, instantiateVM, type VMExports, type PylibModule } from "./loader.js";
import { createHostImports, type HostState } from "./host.js";
import { formatTraceback, type ExcRecord } from "./traceback.js";
import { decodeImage, encodeImage, CodeImageError } from "../compiler/codeimage.js";
import { verify } from "../compiler/verify.js";
import { compile } from "../compiler/compile.js";
import { PySyntaxError } from "../compiler/errors.js";
import { OP_COUNT, Op } from "../assembly/shared/opcodes.js";
import { OPS } from "../compiler/opinfo.js";
import { isCode, type CodeObject } from "../compiler/code.js";
import { planCallArguments, decodeResult, resultError, VMMemoryError, type JSValue, type JSArgument } from "./jsvalue.js";

export { CodeImageError, PySyntaxError };
export type { JSValue, JSArgument };

export class PythonError extends Error {
  /** Exception class name, e.g. "ValueError". */
  readonly type: string;
  /** str(exception). */
  readonly pyMessage: string;
  /** Full CPython-format report: "Traceback (most recent call last): ... Type: message". */
  readonly traceback: string;
  constructor(type: string, message: string, traceback: string) {
    super(message === "" ? type : `${type}: ${message}`);
    this.name = "PythonError";
    this.type = type;
    this.pyMessage = message;
    this.traceback = traceback;
  }
}

/** A run stopped by its time limit (`timeoutMs`). Python code cannot catch or delay it; the VM
 * stays usable (globals of the last run, imported modules and the heap are kept). CLI exit 124. */
export class TimeLimitError extends Error {
  constructor(readonly timeoutMs: number) {
    super(`time limit of ${timeoutMs} ms exceeded`);
    this.name = "TimeLimitError";
  }
}

/** A VM failure that is not a Python exception (a wasm trap or broken invariant); CLI exit 70. */
export class VMInternalError extends Error {
  constructor(message: string, readonly trap?: unknown) {
    super(message);
    this.name = "VMInternalError";
  }
}

export interface VMOptions {
  stdout?: (text: string) => void;
  stderr?: (text: string) => void;
  /** Python frames allowed before RecursionError (default 1000, CPython's). */
  recursionLimit?: number;
  /** Wall-clock limit of every run and call in milliseconds (default: none); past it the run
   * stops with TimeLimitError. run/runImage may override it per run. */
  timeoutMs?: number;
}

/** One executed instruction, reported before it runs (for `withvm trace`). */
export interface TraceStep {
  code: CodeObject;
  /** CPython 3.8 byte offset of the instruction. */
  offset: number;
  opname: string;
  /** The instruction's 3.8 argument (EXTENDED_ARG folded in), as dis shows it; null if none. */
  arg: number | null;
  /** Value stack, bottom to top, as reprs that never run Python code ("NULL" = finally marker). */
  stack: string[];
  /** Block stack, outermost first: type, handler offset (-1 for EXCEPT_HANDLER), stack depth. */
  blocks: { type: "SETUP_FINALLY" | "EXCEPT_HANDLER"; handler: number; level: number }[];
}

export interface RunOptions {
  filename?: string;
  /** Called before every instruction; makes the run much slower. */
  trace?: (step: TraceStep) => void;
  /** Source text for traceback lines (run() passes it automatically). */
  source?: string;
  /** This run's time limit in milliseconds, instead of the VM's (createVM's timeoutMs);
   * Infinity = none. */
  timeoutMs?: number;
}

type CompileFn = (source: string, filename: string) => Uint8Array;

/** Source → code image through the compiler (parser + codegen + assembler). */
function compileToImage(source: string, filename: string): Uint8Array {
  return encodeImage(compile(source, filename));
}

const FRAME_STACK_BYTES = 8 << 20;

export class VM {
  private exports!: VMExports;
  private readonly host: HostState;
  private readonly decoders = [new TextDecoder(), new TextDecoder(), new TextDecoder()];
  private lastSource = new Map<string, string>();
  /** Decodes raw trace records while a traced run is active. */
  private onTrace: ((record: string) => void) | null = null;
  /** A parked host error being rethrown as itself (not an internal failure). */
  private rethrown: unknown = undefined;

  constructor(
    private readonly module: WebAssembly.Module,
    private readonly options: VMOptions,
    private readonly compiler: CompileFn,
    private readonly pylib: PylibModule[] = [],
  ) {
    this.host = {
      memory: () => this.exports.memory,
      write: (fd, bytes) => this.write(fd, bytes),
      parked: [],
      trace: (record) => this.onTrace?.(record),
    };
    checkTimeout(options.timeoutMs);
    this.instantiate();
  }

  private instantiate(): void {
    this.exports = instantiateVM(this.module, createHostImports(this.host));
    if (this.exports.opCount() !== OP_COUNT) {
      throw new VMInternalError(`vm.wasm has ${this.exports.opCount()} opcodes, the compiler ${OP_COUNT}: rebuild`);
    }
    this.exports.init(FRAME_STACK_BYTES);
    this.exports.recursionLimit(this.options.recursionLimit ?? 1000);
    this.registerPylib();
  }

  /** Hands the bundled modules' code to the VM; each runs on its first import. */
  private registerPylib(): void {
    const x = this.exports;
    for (const { name, image } of this.pylib) {
      const ptr = x.allocBytes(image.length);
      new Uint8Array(x.memory.buffer, ptr, image.length).set(image);
      const code = x.loadLibrary(ptr, image.length);
      x.freeBytes(ptr);
      if (code <= 0) throw new VMInternalError(`bundled module ${name} did not load (${code}): rebuild`);
      const nameBytes = new TextEncoder().encode(name);
      const np = x.allocBytes(nameBytes.length + 1);
      new Uint8Array(x.memory.buffer, np, nameBytes.length).set(nameBytes);
      x.registerModule(np, nameBytes.length, code);
      x.freeBytes(np);
    }
  }

  private write(fd: number, bytes: Uint8Array): void {
    const text = this.decoders[fd === 2 ? 2 : 1].decode(bytes, { stream: true });
    const sink = fd === 2 ? this.options.stderr : this.options.stdout;
    if (sink) sink(text);
  }

  /** Compiles source to a code image for runImage, without running it. A compile error throws
   * the PySyntaxError run() throws. The source is remembered for the image's traceback lines. */
  compile(source: string, options: { filename?: string } = {}): Uint8Array {
    const filename = options.filename ?? "<string>";
    const image = this.compiler(source, filename);
    this.lastSource.set(filename, source);
    return image;
  }

  /** Compiles and runs a module. Throws PythonError / PySyntaxError / VMInternalError / TimeLimitError. */
  run(source: string, options: RunOptions = {}): void {
    const filename = options.filename ?? "<string>";
    const image = this.compiler(source, filename);
    this.runImage(image, { ...options, filename, source });
  }

  /** Verifies and runs a code image (compiler/codeimage.ts). Rejects bad images before running. */
  runImage(image: Uint8Array, options: RunOptions = {}): void {
    checkTimeout(options.timeoutMs);
    const co = decodeImage(image); // throws CodeImageError on truncation/corruption
    verify(co); // bad opcodes, operands, jumps or stack depth: CodeVerifyError, nothing runs
    if (options.source !== undefined) this.lastSource.set(co.filename, options.source);
    const trace = options.trace;
    if (trace) this.onTrace = traceDecoder(co, trace);
    try {
      this.runDecoded(image, options.timeoutMs ?? this.options.timeoutMs);
    } finally {
      if (trace) {
        this.onTrace = null;
        this.exports.traceInstructions(0);
      }
    }
  }

  private runDecoded(image: Uint8Array, timeoutMs: number | undefined): void {
    this.guard(() => {
      if (this.onTrace) this.exports.traceInstructions(1);
      const x = this.exports;
      const ptr = x.allocBytes(image.length);
      new Uint8Array(x.memory.buffer, ptr, image.length).set(image);
      const code = x.loadModule(ptr, image.length);
      x.freeBytes(ptr);
      if (code <= 0) {
        const why = ["", "truncated", "malformed", "an int constant beyond 64 bits"][-code] ?? "unreadable";
        if (-code === 3) throw new PythonError("OverflowError", "int constant does not fit in 64 bits (withvm ints are 64-bit)", "OverflowError: int constant does not fit in 64 bits (withvm ints are 64-bit)\n");
        throw new CodeImageError(`the VM could not load it (${why})`);
      }
      const status = this.timed(timeoutMs, () => x.runCode(code));
      if (status !== 0) this.throwPython();
      this.rethrowParked();
    });
  }

  /** Calls global function `name` of the last run with JS arguments (converted as
   * planCallArguments says); returns the result as a JS value (decodeResult). */
  call(name: string, ...args: JSArgument[]): JSValue {
    // Bad arguments are the caller's mistake: refuse them before entering the VM, whose
    // guard would treat any JS exception as an internal failure and rebuild the instance.
    const steps = planCallArguments(args);
    const outcome = this.guard(() => {
      const x = this.exports;
      x.argsReset();
      try {
        for (const step of steps) step(x);
      } catch (e) {
        if (!(e instanceof VMMemoryError)) throw e;
        throw new PythonError("MemoryError", "", `MemoryError: ${e.message}\n`);
      }
      const nameBytes = new TextEncoder().encode(name);
      const np = x.allocBytes(nameBytes.length + 1);
      new Uint8Array(x.memory.buffer, np, nameBytes.length).set(nameBytes);
      const status = this.timed(this.options.timeoutMs, () => x.callGlobal(np, nameBytes.length));
      x.freeBytes(np);
      if (status === 2) throw new PythonError("NameError", `name '${name}' is not defined`, `NameError: name '${name}' is not defined\n`);
      if (status !== 0) this.throwPython();
      this.rethrowParked();
      return this.result();
    });
    // a result that does not convert is the caller's to handle, thrown outside the guard
    if (outcome instanceof Error) throw outcome;
    return outcome.value;
  }

  /** Runs one VM entry under a time limit (ms; undefined or Infinity = none), flushes the
   * output, and turns a stop by the limit into TimeLimitError. */
  private timed(timeoutMs: number | undefined, enter: () => number): number {
    const x = this.exports;
    const limited = timeoutMs !== undefined && timeoutMs !== Infinity;
    x.beginRun(limited ? performance.now() + timeoutMs : Infinity);
    const status = enter();
    this.flush();
    if (x.timedOut()) {
      this.host.parked.length = 0; // a sink error after the stop is not this run's outcome
      throw new TimeLimitError(timeoutMs!);
    }
    return status;
  }

  private result(): { value: JSValue } | Error {
    const x = this.exports;
    const n = x.resultEncode();
    if (n < 0) return resultError(-n, this.outText());
    return { value: decodeResult(new Uint8Array(x.memory.buffer, x.outPtr(), n)) };
  }

  private outText(): string {
    const x = this.exports;
    return new TextDecoder().decode(new Uint8Array(x.memory.buffer, x.outPtr(), x.outLen()));
  }

  private throwPython(): never {
    const x = this.exports;
    x.excReport();
    const records = parseReport(this.outText());
    const last = records.sections[records.sections.length - 1];
    const text = formatTraceback(records.sections, (file) => this.lastSource.get(file));
    if (this.host.parked.length > 0) {
      const e = this.host.parked.shift();
      this.host.parked.length = 0;
      this.rethrown = e;
      throw e;
    }
    throw new PythonError(last?.type ?? "SystemError", last?.message ?? "", text);
  }

  /** A host callback (e.g. the stdout sink) threw during a run that otherwise finished:
   * surface that original error rather than dropping it. */
  private rethrowParked(): void {
    if (this.host.parked.length === 0) return;
    const e = this.host.parked.shift();
    this.host.parked.length = 0;
    this.rethrown = e;
    throw e;
  }

  private flush(): void {
    for (const fd of [1, 2]) {
      const rest = this.decoders[fd].decode();
      if (rest) (fd === 2 ? this.options.stderr : this.options.stdout)?.(rest);
    }
  }

  /** Runs fn; a wasm trap poisons the instance, which is rebuilt before reporting. */
  private guard<T>(fn: () => T): T {
    try {
      return fn();
    } catch (e) {
      if (e instanceof PythonError || e instanceof CodeImageError || e instanceof VMInternalError || e instanceof TimeLimitError) throw e;
      if (e === this.rethrown) {
        this.rethrown = undefined;
        throw e;
      }
      // anything else escaped from wasm (a trap, or a stack overflow): the instance is suspect
      this.instantiate();
      throw new VMInternalError(`internal VM error: ${e instanceof Error ? e.message : String(e)}`, e);
    }
  }

  /** Bytes of wasm linear memory (memory never shrinks). */
  memoryBytes(): number {
    return this.exports.memory.buffer.byteLength;
  }
  /** Live bytes in the VM heap, collections so far, frame-stack bytes in use (should be 0 between runs). */
  stats(): { liveBytes: number; collections: number; framesInUse: number } {
    const x = this.exports;
    return { liveBytes: x.heapLiveBytes(), collections: x.gcCount(), framesInUse: x.framesInUse() };
  }
  /** Bytes allocated between collections; 0 collects at every back-edge (GC stress testing). */
  setGCThreshold(bytes: number): void {
    this.exports.gcThreshold(bytes);
  }
  /** Caps the VM heap (bytes); allocations beyond it raise MemoryError (default 1.5 GiB). */
  setHeapLimit(bytes: number): void {
    this.exports.heapLimit(bytes);
  }
  /** Test hook: executes a wasm `unreachable`, as a VM bug would, to exercise trap recovery. */
  debugTrap(): void {
    this.guard(() => this.exports.debugTrap());
  }
  /** A full collection from outside any run. */
  collect(): void {
    this.exports.collectGarbage();
  }
}

/** Turns the VM's raw records (code index, unit, stack, blocks) into TraceSteps. */
function traceDecoder(module: CodeObject, sink: (step: TraceStep) => void): (record: string) => void {
  const codes: CodeObject[] = [];
  const visit = (co: CodeObject): void => {
    codes.push(co);
    for (const c of co.consts) if (isCode(c)) visit(c);
  };
  visit(module); // the VM numbers code objects in the same preorder as the image
  return (record) => {
    const [ci, unit, stackText, blockText] = record.split("\t");
    const code = codes[Number(ci)];
    if (code === undefined) return; // a bundled module's frame (contextlib): not traced
    const offset = Number(unit) * 2;
    const op = code.code[offset] as Op;
    const info = OPS[op];
    let arg: number | null = null;
    if (info.arg !== "none") {
      arg = code.code[offset + 1];
      for (let back = offset - 2, shift = 8; back >= 0 && code.code[back] === Op.EXTENDED_ARG; back -= 2, shift += 8) {
        arg |= code.code[back + 1] << shift;
      }
    }
    const stack = stackText === "" ? [] : stackText.split("\x1f");
    const blocks = blockText === "" ? [] : blockText.split("\x1f").map((b) => {
      const [type, handler, level] = b.split(":");
      return { type: type as "SETUP_FINALLY" | "EXCEPT_HANDLER", handler: Number(handler) < 0 ? -1 : Number(handler) * 2, level: Number(level) };
    });
    sink({ code, offset, opname: info.name, arg, stack, blocks });
  };
}

function parseReport(text: string): { sections: ExcRecord[] } {
  const sections: ExcRecord[] = [];
  let cur: ExcRecord = { frames: [], hasTraceback: false, type: "", message: "", line: "", link: null };
  for (const line of text.split("\n")) {
    if (line === "") continue;
    const [tag, ...rest] = line.split("\t");
    if (tag === "T") cur.hasTraceback = true;
    else if (tag === "F") {
      const [file, ln, func, col, endLine, endCol] = rest;
      cur.frames.push({ file, line: Number(ln), func, col: Number(col), endLine: Number(endLine), endCol: Number(endCol) });
    } else if (tag === "N") cur.type = rest.join("\t");
    else if (tag === "M") cur.message = rest.join("\t");
    else if (tag === "E") {
      cur.line = rest.join("\t");
      sections.push(cur);
      cur = { frames: [], hasTraceback: false, type: "", message: "", line: "", link: null };
    } else if (tag === "D") {
      const prev = sections[sections.length - 1];
      (prev.candidates ??= []).push(rest.join("\t"));
    } else if (tag === "C") {
      sections[sections.length - 1].link = rest[0] === "cause" ? "cause" : "context";
    }
  }
  return { sections };
}

function checkTimeout(ms: unknown): void {
  if (ms === undefined) return;
  if (typeof ms !== "number" || Number.isNaN(ms) || ms < 0) {
    throw new RangeError(`timeoutMs must be a number of milliseconds >= 0 (or Infinity), not ${String(ms)}`);
  }
}

/** Creates a VM: compiles vm.wasm once per process, one instance per VM. */
export async function createVM(options: VMOptions = {}): Promise<VM> {
  const [module, pylib] = await Promise.all([loadVMModule(), loadPylib()]);
  return new VM(module, options, compileToImage, pylib);
}
