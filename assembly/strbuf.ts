// One growable byte buffer for building strs (repr, str(), join, print, error messages).
// Builders note sbMark(), append, then sbTake(mark) makes the str and rewinds, so nested
// builders (repr of a list calling an element's __repr__) share it safely. Offsets only:
// the block may move when it grows.

import { newStr, strData, strLen } from "./objects";
import { rawRealloc, rawAlloc } from "./heap";

let sb: usize = 0;
let sbCap: u32 = 0;
let sbLen: u32 = 0;

export function sbInit(): void {
  sbCap = 4096;
  sb = rawAlloc(sbCap);
  sbLen = 0;
}
@inline export function sbMark(): u32 { return sbLen; }
@inline export function sbBase(): usize { return sb; }
export function sbReset(m: u32): void { sbLen = m; }

function sbReserve(n: u32): void {
  if (sbLen + n <= sbCap) return;
  let cap = sbCap * 2;
  while (cap < sbLen + n) cap *= 2;
  sb = rawRealloc(sb, sbCap, cap);
  sbCap = cap;
}
export function sbByte(b: u32): void {
  sbReserve(1);
  store<u8>(sb + sbLen, <u8>b);
  sbLen++;
}
export function sbBytes(p: usize, n: u32): void {
  sbReserve(n);
  memory.copy(sb + sbLen, p, n);
  sbLen += n;
}
export function sbStr(s: usize): void { sbBytes(strData(s), strLen(s)); }
/** Cold: appends an AS string literal. */
export function sbText(t: string): void {
  let buf = String.UTF8.encode(t);
  sbBytes(changetype<usize>(buf), buf.byteLength);
}
export function sbInt(v: i64): void {
  if (v == 0) { sbByte(48); return; }
  let neg = v < 0;
  let u: u64 = neg ? <u64>(-v) : <u64>v; // i64 min negates to itself; as u64 that is right
  if (neg) sbByte(45);
  let start = sbLen;
  while (u != 0) { sbByte(<u32>(48 + u % 10)); u /= 10; }
  // digits went in backwards
  let i = start, j = sbLen - 1;
  while (i < j) {
    let a = load<u8>(sb + i);
    store<u8>(sb + i, load<u8>(sb + j));
    store<u8>(sb + j, a);
    i++; j--;
  }
}
/** The bytes from mark to the end as a new str (0 on MemoryError); rewinds to mark. */
export function sbTake(m: u32): usize {
  let s = newStr(sb + m, sbLen - m);
  sbLen = m;
  return s;
}
