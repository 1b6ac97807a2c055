// The JS side of vm.call's value conversion (assembly/jsvalue.ts is the VM side): arguments are
// checked and planned here before the VM is entered (so a bad one is the caller's TypeError or
// RangeError, never a VM failure), and results are decoded from the VM's tagged byte stream.
import type { VMExports } from "./loader.js";

/** What vm.call returns: None → null, bool, int (number, or bigint beyond 2**53 - 1), float,
 * str, list and tuple → Array, dict → Map, set and frozenset → Set. */
export type JSValue = null | boolean | number | bigint | string | JSValue[] | Map<JSValue, JSValue> | Set<JSValue>;

/** What vm.call accepts: JSValue, undefined (None), and plain objects (dict with str keys). */
export type JSArgument =
  | JSValue
  | undefined
  | readonly JSArgument[]
  | ReadonlyMap<JSArgument, JSArgument>
  | ReadonlySet<JSArgument>
  | { readonly [key: string]: JSArgument };

/** The VM heap could not hold an argument (api.ts reports it as a Python MemoryError). */
export class VMMemoryError extends Error {}

/** One planned builder call into the VM (assembly/index.ts's arg* exports). */
export type ArgumentStep = (x: VMExports) => void;

const INT64_MIN = -(1n << 63n);
const INT64_END = 1n << 63n;
const KINDS = { list: 0, dict: 1, set: 2 } as const;

function describe(v: unknown): string {
  if (typeof v === "function") return `a function${v.name ? ` (${v.name})` : ""}`;
  if (typeof v === "symbol") return `a symbol (${v.toString()})`;
  if (Array.isArray(v)) return "an array";
  if (v instanceof Map) return "a Map";
  if (v instanceof Set) return "a Set";
  if (typeof v === "object" && v !== null) {
    return isPlainObject(v) ? "a plain object" : `an object of class ${v.constructor?.name ?? "(none)"}`;
  }
  return `a ${typeof v}`;
}

function isPlainObject(o: object): boolean {
  const proto = Object.getPrototypeOf(o);
  return proto === Object.prototype || proto === null;
}

function pushString(x: VMExports, s: string): void {
  const bytes = new TextEncoder().encode(s);
  const p = x.allocBytes(bytes.length + 1);
  new Uint8Array(x.memory.buffer, p, bytes.length).set(bytes);
  x.argStr(p, bytes.length);
  x.freeBytes(p);
}

/**
 * Checks vm.call's arguments and returns the builder calls that recreate them in the VM, in
 * postfix order: Arrays → list, Maps → dict, Sets → set, plain objects → dict with str keys,
 * recursively. A container met twice becomes the same Python object twice; one that contains
 * itself is refused, as are functions, symbols, other objects, unhashable dict keys or set items
 * (containers) and BigInts outside the signed 64-bit range.
 */
export function planCallArguments(args: readonly unknown[]): ArgumentStep[] {
  const steps: ArgumentStep[] = [];
  const built = new Map<object, number>(); // container → its number in the VM's argument table
  const open = new Set<object>(); // containers being planned: meeting one again is a cycle

  const visit = (v: unknown, path: string, hashable: boolean): void => {
    if (v === null || v === undefined) { steps.push((x) => x.argNone()); return; }
    switch (typeof v) {
      case "boolean": steps.push((x) => x.argBool(v ? 1 : 0)); return;
      case "number":
        if (Number.isSafeInteger(v)) steps.push((x) => x.argNumber(v, 1));
        // integral but beyond 2**53: still exact as a 64-bit int; beyond 2**63 only a float fits
        else if (Number.isInteger(v) && Math.abs(v) < 2 ** 63) steps.push((x) => x.argInt64(BigInt(v)));
        else steps.push((x) => x.argNumber(v, 0));
        return;
      case "bigint":
        if (v < INT64_MIN || v >= INT64_END) throw new RangeError(`vm.call: ${path} is ${v}, outside the signed 64-bit int range`);
        steps.push((x) => x.argInt64(v)); // exact: a Number rounds beyond 2**53
        return;
      case "string": steps.push((x) => pushString(x, v)); return;
      case "object": break;
      default: throw new TypeError(`vm.call: cannot pass ${describe(v)} (${path}) to Python`);
    }
    const o = v as object;
    const isContainer = Array.isArray(o) || o instanceof Map || o instanceof Set || isPlainObject(o);
    if (!isContainer) {
      throw new TypeError(`vm.call: cannot pass ${describe(o)} (${path}) to Python: only arrays, Maps, Sets and plain objects convert`);
    }
    if (hashable) throw new TypeError(`vm.call: ${path} is ${describe(o)}; dict keys and set items must be null, booleans, numbers, BigInts or strings`);
    const index = built.get(o);
    if (index !== undefined) { steps.push((x) => x.argRef(index)); return; }
    if (open.has(o)) throw new TypeError(`vm.call: ${path} contains itself; cyclic arguments cannot be passed to Python`);
    open.add(o);
    let kind: number;
    let n: number;
    if (Array.isArray(o)) {
      kind = KINDS.list;
      n = o.length;
      for (let i = 0; i < n; i++) visit(o[i], `${path}[${i}]`, false); // holes are undefined: None
    } else if (o instanceof Map) {
      kind = KINDS.dict;
      n = o.size;
      for (const [k, item] of o) {
        visit(k, `a key of ${path}`, true);
        visit(item, `${path}.get(${String(k)})`, false);
      }
    } else if (o instanceof Set) {
      kind = KINDS.set;
      n = o.size;
      for (const item of o) visit(item, `an item of ${path}`, true);
    } else {
      if (Object.getOwnPropertySymbols(o).length > 0) throw new TypeError(`vm.call: ${path} has symbol keys; only string keys convert to a dict`);
      const entries = Object.entries(o);
      kind = KINDS.dict;
      n = entries.length;
      for (const [k, item] of entries) {
        steps.push((x) => pushString(x, k));
        visit(item, `${path}.${k}`, false);
      }
    }
    open.delete(o);
    steps.push((x) => {
      if (x.argContainer(kind, n) === 0) throw new VMMemoryError(`vm.call: the VM ran out of memory building ${path}`);
    });
    built.set(o, built.size);
  };

  args.forEach((a, i) => visit(a, `argument ${i + 1}`, false));
  return steps;
}

// tags of the result stream (assembly/jsvalue.ts)
const enum Tag { NONE, FALSE, TRUE, INT, FLOAT, STR, LIST, TUPLE, DICT, SET, REF }
const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);

/** Decodes a result stream; containers shared in Python are shared in the JS value too. */
export function decodeResult(bytes: Uint8Array): JSValue {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const text = new TextDecoder();
  const containers: JSValue[] = [];
  let pos = 0;
  const u32 = (): number => { const v = view.getUint32(pos, true); pos += 4; return v; };
  const item = (): JSValue => {
    const tag = bytes[pos++] as Tag;
    switch (tag) {
      case Tag.NONE: return null;
      case Tag.FALSE: return false;
      case Tag.TRUE: return true;
      case Tag.INT: {
        const v = view.getBigInt64(pos, true);
        pos += 8;
        return v >= -MAX_SAFE && v <= MAX_SAFE ? Number(v) : v;
      }
      case Tag.FLOAT: { const v = view.getFloat64(pos, true); pos += 8; return v; }
      case Tag.STR: {
        const n = u32();
        const s = text.decode(bytes.subarray(pos, pos + n));
        pos += n;
        return s;
      }
      case Tag.LIST: case Tag.TUPLE: {
        const n = u32();
        const a: JSValue[] = [];
        containers.push(a);
        for (let i = 0; i < n; i++) a.push(item());
        return a;
      }
      case Tag.DICT: {
        const n = u32();
        const m = new Map<JSValue, JSValue>();
        containers.push(m);
        for (let i = 0; i < n; i++) { const k = item(); m.set(k, item()); }
        return m;
      }
      case Tag.SET: {
        const n = u32();
        const s = new Set<JSValue>();
        containers.push(s);
        for (let i = 0; i < n; i++) s.add(item());
        return s;
      }
      case Tag.REF: return containers[u32()];
      default: throw new Error(`vm.call: bad result stream tag ${tag} at ${pos - 1}`);
    }
  };
  return item();
}

/** The error for a result the VM could not encode (resultEncode's -code, the Python type). */
export function resultError(code: number, typeName: string): Error {
  switch (code) {
    case 2: return new TypeError(`cannot convert a Python '${typeName}' that contains itself to a JS value`);
    case 3: return new RangeError(`cannot convert a Python '${typeName}' nested more than 1000 levels deep to a JS value`);
    case 4: return new RangeError("cannot convert the result to a JS value: the VM ran out of memory");
    default: return new TypeError(`cannot convert a Python '${typeName}' object to a JS value`);
  }
}
