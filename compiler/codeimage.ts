// The code image: the binary form of a module's code objects that the VM loads. Little-endian
// throughout; assembly/image.ts reads the same layout and must change with this file.
//
//   header   "WVMC"  u16 FORMAT_VERSION  u16 OP_COUNT  u32 payloadLength  u32 fnv1a(payload)
//   payload  one code object (the module), nested code objects inline among its constants
//
//   code object:
//     str name, str qualname, str filename
//     u32 firstlineno, argcount, posonlyargcount, kwonlyargcount, nlocals, stacksize, flags
//     u32 codeLength (bytes, even), code bytes (CPython 3.8 wordcode)
//     u32 constCount, const…
//     u32 count + str… for each of names, varnames, freevars, cellvars
//     u32 lnotabLength, lnotab bytes
//     codeLength/2 positions, each u32 line, u32 col, u32 endLine, u32 endCol
//   str:    u32 byteLength, UTF-8 bytes
//   const:  u8 tag (ConstTag), then: int i64 | bigint str (decimal) | float f64 | str |
//           tuple/frozenset u32 count + const… | code object | nothing (None, bools, Ellipsis)
//
// decodeImage verifies the header, the checksum and every length before building anything, so
// a truncated or corrupted image is rejected with a CodeImageError naming what is wrong.

import { ELLIPSIS, type ConstValue } from "./ast.js";
import { OP_COUNT } from "../assembly/shared/opcodes.js";
import { isCode, type CodeConst, type CodeObject, type Position } from "./code.js";

export const IMAGE_MAGIC = "WVMC";
export const FORMAT_VERSION = 1;
export const HEADER_SIZE = 16;

export const enum ConstTag {
  NONE = 0,
  FALSE = 1,
  TRUE = 2,
  INT = 3,
  BIGINT = 4,
  FLOAT = 5,
  STR = 6,
  TUPLE = 7,
  FROZENSET = 8,
  ELLIPSIS = 9,
  CODE = 10,
}

const I64_MIN = -(1n << 63n);
const I64_MAX = (1n << 63n) - 1n;

export class CodeImageError extends Error {
  constructor(message: string) {
    super(`invalid code image: ${message}`);
    this.name = "CodeImageError";
  }
}

/** FNV-1a, 32-bit: cheap, and enough to catch accidental corruption. */
export function fnv1a(bytes: Uint8Array, start = 0, end = bytes.length): number {
  let hash = 0x811c9dc5;
  for (let i = start; i < end; i++) {
    hash ^= bytes[i];
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

class Writer {
  private buf = new Uint8Array(1024);
  private view = new DataView(this.buf.buffer);
  length = 0;
  private static encoder = new TextEncoder();

  private reserve(n: number): void {
    if (this.length + n <= this.buf.length) return;
    let size = this.buf.length * 2;
    while (size < this.length + n) size *= 2;
    const next = new Uint8Array(size);
    next.set(this.buf.subarray(0, this.length));
    this.buf = next;
    this.view = new DataView(next.buffer);
  }
  u8(v: number): void {
    this.reserve(1);
    this.buf[this.length++] = v;
  }
  u16(v: number): void {
    this.reserve(2);
    this.view.setUint16(this.length, v, true);
    this.length += 2;
  }
  u32(v: number): void {
    this.reserve(4);
    this.view.setUint32(this.length, v >>> 0, true);
    this.length += 4;
  }
  i64(v: bigint): void {
    this.reserve(8);
    this.view.setBigInt64(this.length, v, true);
    this.length += 8;
  }
  f64(v: number): void {
    this.reserve(8);
    this.view.setFloat64(this.length, v, true);
    this.length += 8;
  }
  bytes(b: Uint8Array): void {
    this.reserve(b.length);
    this.buf.set(b, this.length);
    this.length += b.length;
  }
  str(s: string): void {
    const b = Writer.encoder.encode(s);
    this.u32(b.length);
    this.bytes(b);
  }
  result(): Uint8Array {
    return this.buf.slice(0, this.length);
  }
}

export function encodeImage(module: CodeObject): Uint8Array {
  const body = new Writer();
  writeCode(body, module);
  const payload = body.result();
  const out = new Writer();
  for (const ch of IMAGE_MAGIC) out.u8(ch.charCodeAt(0));
  out.u16(FORMAT_VERSION);
  out.u16(OP_COUNT);
  out.u32(payload.length);
  out.u32(fnv1a(payload));
  out.bytes(payload);
  return out.result();
}

function writeCode(w: Writer, co: CodeObject): void {
  w.str(co.name);
  w.str(co.qualname);
  w.str(co.filename);
  for (const v of [co.firstlineno, co.argcount, co.posonlyargcount, co.kwonlyargcount, co.nlocals, co.stacksize, co.flags]) w.u32(v);
  w.u32(co.code.length);
  w.bytes(co.code);
  w.u32(co.consts.length);
  for (const c of co.consts) writeConst(w, c);
  for (const list of [co.names, co.varnames, co.freevars, co.cellvars]) {
    w.u32(list.length);
    for (const s of list) w.str(s);
  }
  w.u32(co.lnotab.length);
  w.bytes(co.lnotab);
  const units = co.code.length >> 1;
  if (co.positions.length !== units) throw new Error(`${co.qualname}: ${co.positions.length} positions for ${units} code units`);
  for (const p of co.positions) {
    w.u32(p.line);
    w.u32(p.col);
    w.u32(p.endLine);
    w.u32(p.endCol);
  }
}

function writeConst(w: Writer, c: CodeConst): void {
  if (c === null) w.u8(ConstTag.NONE);
  else if (c === false) w.u8(ConstTag.FALSE);
  else if (c === true) w.u8(ConstTag.TRUE);
  else if (c === ELLIPSIS) w.u8(ConstTag.ELLIPSIS);
  else if (typeof c === "bigint") {
    if (c >= I64_MIN && c <= I64_MAX) {
      w.u8(ConstTag.INT);
      w.i64(c);
    } else {
      w.u8(ConstTag.BIGINT);
      w.str(c.toString());
    }
  } else if (typeof c === "number") {
    w.u8(ConstTag.FLOAT);
    w.f64(c);
  } else if (typeof c === "string") {
    w.u8(ConstTag.STR);
    w.str(c);
  } else if (isCode(c)) {
    w.u8(ConstTag.CODE);
    writeCode(w, c);
  } else if ("tuple" in c) {
    w.u8(ConstTag.TUPLE);
    w.u32(c.tuple.length);
    for (const e of c.tuple) writeConst(w, e);
  } else if ("frozenset" in c) {
    w.u8(ConstTag.FROZENSET);
    w.u32(c.frozenset.length);
    for (const e of c.frozenset) writeConst(w, e);
  } else {
    throw new Error(`unencodable constant ${String(c)}`);
  }
}

class Reader {
  private view: DataView;
  private static decoder = new TextDecoder("utf-8", { fatal: true });
  constructor(
    private data: Uint8Array,
    public pos: number,
    private end: number,
  ) {
    this.view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  }
  need(n: number, what: string): void {
    if (n < 0 || this.pos + n > this.end) throw new CodeImageError(`truncated while reading ${what} at byte ${this.pos}`);
  }
  u8(what: string): number {
    this.need(1, what);
    return this.data[this.pos++];
  }
  u16(what: string): number {
    this.need(2, what);
    const v = this.view.getUint16(this.pos, true);
    this.pos += 2;
    return v;
  }
  u32(what: string): number {
    this.need(4, what);
    const v = this.view.getUint32(this.pos, true);
    this.pos += 4;
    return v;
  }
  i64(what: string): bigint {
    this.need(8, what);
    const v = this.view.getBigInt64(this.pos, true);
    this.pos += 8;
    return v;
  }
  f64(what: string): number {
    this.need(8, what);
    const v = this.view.getFloat64(this.pos, true);
    this.pos += 8;
    return v;
  }
  bytes(n: number, what: string): Uint8Array {
    this.need(n, what);
    const b = this.data.slice(this.pos, this.pos + n);
    this.pos += n;
    return b;
  }
  str(what: string): string {
    const n = this.u32(`${what} length`);
    const b = this.bytes(n, what);
    try {
      return Reader.decoder.decode(b);
    } catch {
      throw new CodeImageError(`${what} is not valid UTF-8`);
    }
  }
  atEnd(): boolean {
    return this.pos === this.end;
  }
}

/** Checks the header and checksum, then decodes the module code object. */
export function decodeImage(image: Uint8Array): CodeObject {
  if (image.length < HEADER_SIZE) throw new CodeImageError(`${image.length} bytes is shorter than the ${HEADER_SIZE}-byte header`);
  const r = new Reader(image, 0, image.length);
  let magic = "";
  for (let i = 0; i < 4; i++) magic += String.fromCharCode(r.u8("magic"));
  if (magic !== IMAGE_MAGIC) throw new CodeImageError(`bad magic ${JSON.stringify(magic)} (expected "${IMAGE_MAGIC}")`);
  const version = r.u16("version");
  if (version !== FORMAT_VERSION) throw new CodeImageError(`format version ${version}, this build reads ${FORMAT_VERSION}`);
  const opCount = r.u16("opcode count");
  if (opCount !== OP_COUNT) throw new CodeImageError(`built for ${opCount} opcodes, this build has ${OP_COUNT}`);
  const length = r.u32("payload length");
  const checksum = r.u32("checksum");
  if (HEADER_SIZE + length !== image.length) {
    throw new CodeImageError(`payload is ${image.length - HEADER_SIZE} bytes, header says ${length} (truncated or padded)`);
  }
  if (fnv1a(image, HEADER_SIZE) !== checksum) throw new CodeImageError("checksum mismatch (corrupted)");
  const body = new Reader(image, HEADER_SIZE, image.length);
  const module = readCode(body, 0);
  if (!body.atEnd()) throw new CodeImageError(`${image.length - body.pos} trailing bytes after the module code object`);
  return module;
}

const MAX_NESTING = 200;

function readCode(r: Reader, depth: number): CodeObject {
  if (depth > MAX_NESTING) throw new CodeImageError("code objects nested too deeply");
  const name = r.str("code name");
  const qualname = r.str("qualname");
  const filename = r.str("filename");
  const [firstlineno, argcount, posonlyargcount, kwonlyargcount, nlocals, stacksize, flags] = Array.from({ length: 7 }, () =>
    r.u32("code header"),
  );
  const codeLength = r.u32("code length");
  if (codeLength % 2 !== 0) throw new CodeImageError(`${qualname}: odd code length ${codeLength}`);
  const code = r.bytes(codeLength, "code");
  const constCount = r.u32("constant count");
  const consts: CodeConst[] = [];
  for (let i = 0; i < constCount; i++) consts.push(readConst(r, depth));
  const lists: string[][] = [];
  for (const what of ["names", "varnames", "freevars", "cellvars"]) {
    const n = r.u32(`${what} count`);
    r.need(n * 4, what);
    const list: string[] = [];
    for (let i = 0; i < n; i++) list.push(r.str(what));
    lists.push(list);
  }
  const lnotab = r.bytes(r.u32("lnotab length"), "lnotab");
  const positions: Position[] = [];
  r.need((codeLength / 2) * 16, "positions");
  for (let i = 0; i < codeLength / 2; i++) {
    positions.push({ line: r.u32("position"), col: r.u32("position"), endLine: r.u32("position"), endCol: r.u32("position") });
  }
  const [names, varnames, freevars, cellvars] = lists;
  return {
    kind: "code", name, qualname, filename, firstlineno, argcount, posonlyargcount, kwonlyargcount, nlocals, stacksize,
    flags, code, consts, names, varnames, freevars, cellvars, lnotab, positions,
  };
}

function readConst(r: Reader, depth: number): CodeConst {
  const tag = r.u8("constant tag");
  switch (tag) {
    case ConstTag.NONE: return null;
    case ConstTag.FALSE: return false;
    case ConstTag.TRUE: return true;
    case ConstTag.ELLIPSIS: return ELLIPSIS;
    case ConstTag.INT: return r.i64("int constant");
    case ConstTag.BIGINT: {
      const digits = r.str("bigint constant");
      if (!/^-?[0-9]+$/.test(digits)) throw new CodeImageError(`bad bigint constant ${JSON.stringify(digits)}`);
      return BigInt(digits);
    }
    case ConstTag.FLOAT: return r.f64("float constant");
    case ConstTag.STR: return r.str("str constant");
    case ConstTag.TUPLE:
    case ConstTag.FROZENSET: {
      const n = r.u32("element count");
      r.need(n, "elements");
      const items: ConstValue[] = [];
      for (let i = 0; i < n; i++) {
        const item = readConst(r, depth + 1);
        if (isCode(item)) throw new CodeImageError("code object inside a tuple constant");
        items.push(item);
      }
      return tag === ConstTag.TUPLE ? { tuple: items } : { frozenset: items };
    }
    case ConstTag.CODE: return readCode(r, depth + 1);
    default: throw new CodeImageError(`unknown constant tag ${tag} at byte ${r.pos - 1}`);
  }
}
