// The host side of the wasm imports (assembly/host.ts): output bytes, float/number formatting
// and parsing. Every import is wrapped so a JS exception never unwinds through wasm frames: it
// is parked here and the import returns a neutral value; api.ts reports parked errors.
import { caseMap, casePredicate } from "./unicase.js";
import { floatRepr, formatFloat, formatInt, formatStr, roundFloat, parsePyFloat, parsePyInt } from "./pyformat-bridge.js";

export interface HostState {
  memory(): WebAssembly.Memory;
  write(fd: number, bytes: Uint8Array): void;
  parked: unknown[];
  /** Receives one raw trace record per executed instruction while tracing is on. */
  trace(record: string): void;
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

function bytesAt(state: HostState, ptr: number, len: number): Uint8Array {
  return new Uint8Array(state.memory().buffer, ptr, len);
}
function readText(state: HostState, ptr: number, len: number): string {
  return decoder.decode(bytesAt(state, ptr, len));
}
/** Writes UTF-8 text into [out, out+cap); returns the byte count (truncated to cap). */
function writeText(state: HostState, text: string, out: number, cap: number): number {
  const bytes = encoder.encode(text);
  const n = Math.min(bytes.length, cap);
  new Uint8Array(state.memory().buffer, out, n).set(bytes.subarray(0, n));
  return n;
}

function guard<A extends unknown[], R>(state: HostState, fallback: R, fn: (...args: A) => R): (...args: A) => R {
  return (...args: A) => {
    try {
      return fn(...args);
    } catch (e) {
      state.parked.push(e);
      return fallback;
    }
  };
}

export function createHostImports(state: HostState): Record<string, Record<string, unknown>> {
  return {
    host: {
      write: guard(state, -1, (fd: number, ptr: number, len: number) => {
        // copy: the view dies if a later call grows memory
        state.write(fd, bytesAt(state, ptr, len).slice());
        return len;
      }),
      floatRepr: guard(state, 0, (x: number, out: number, cap: number) => writeText(state, floatRepr(x), out, cap)),
      formatFixed: guard(state, 0, (x: number, prec: number, out: number, cap: number) =>
        writeText(state, formatFloat(x, `.${prec}f`), out, cap)),
      format: guard(state, 0, (kind: number, x: number, sp: number, sl: number, specPtr: number, specLen: number, out: number, cap: number) => {
        const spec = readText(state, specPtr, specLen);
        try {
          let text: string;
          if (kind === 1) text = formatInt(BigInt(readText(state, sp, sl)), spec);
          else if (kind === 2) text = formatFloat(x, spec);
          else text = formatStr(readText(state, sp, sl), spec);
          return writeText(state, text, out, cap);
        } catch (e) {
          // a bad format spec is a Python ValueError, reported with its message
          return -writeText(state, e instanceof Error ? e.message : String(e), out, cap);
        }
      }),
      parseNumber: guard(state, 0, (kind: number, ptr: number, len: number, base: number, out: number) => {
        const text = readText(state, ptr, len);
        const view = new DataView(state.memory().buffer, out, 16);
        if (kind === 2) {
          const v = parsePyFloat(text);
          if (v === null) return 0;
          view.setFloat64(0, v, true);
          return 1;
        }
        const v = parsePyInt(text, base);
        if (v === null) return 0;
        if (v > (1n << 63n) - 1n || v < -(1n << 63n)) return 2;
        view.setFloat64(0, Number(v), true);
        view.setBigInt64(8, v, true);
        return 1;
      }),
      // a clock that throws reads as "past any deadline": better a stopped run than a hung one
      now: guard(state, Infinity, () => performance.now()),
      traceStep: guard(state, undefined, (ptr: number, len: number) => state.trace(readText(state, ptr, len))),
      roundFloat: guard(state, NaN, (x: number, nd: number) => roundFloat(x, nd)),
      strCase: guard(state, 0, (op: number, ptr: number, len: number, out: number, cap: number) => {
        const text = readText(state, ptr, len);
        if (op >= 10) return casePredicate(op, text) ? 1 : 0;
        const bytes = encoder.encode(caseMap(op, text));
        if (bytes.length > cap) return -bytes.length;
        new Uint8Array(state.memory().buffer, out, bytes.length).set(bytes);
        return bytes.length;
      }),
    },
    env: {
      abort: (msg: number, file: number, line: number, col: number) => {
        throw new WebAssembly.RuntimeError(`VM abort at ${line}:${col}`);
      },
      trace: () => {},
      seed: () => Date.now(),
    },
  };
}
