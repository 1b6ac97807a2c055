// NaN-boxed Python values: a u64 is either a raw double or a tagged payload in the NaN space
// (int48, singletons, heap pointer). Only this file knows the bit layout; everything else goes
// through these @inline helpers (vm-core-measurements.md §2: tag tests cost ~0 per op).

export type Value = u64;

// Top 16 bits select the kind. Doubles never produce these patterns because mkFloat
// canonicalises every NaN to 0x7FF8_0000_0000_0000.
export const TAG_INT: u64 = 0xFFF9_0000_0000_0000;
export const TAG_SPECIAL: u64 = 0xFFFA_0000_0000_0000;
export const TAG_PTR: u64 = 0xFFFB_0000_0000_0000;
const PAYLOAD: u64 = 0x0000_FFFF_FFFF_FFFF;

export const NONE: Value = TAG_SPECIAL | 0;
export const FALSE: Value = TAG_SPECIAL | 1;
export const TRUE: Value = TAG_SPECIAL | 2;
/** The finally-state marker BEGIN_FINALLY pushes; also "empty" for locals and cells. */
export const NULL: Value = TAG_SPECIAL | 3;
/** Returned by native helpers when they have set the pending exception (never stored). */
export const ERR: Value = TAG_SPECIAL | 4;
export const ELLIPSIS_V: Value = TAG_SPECIAL | 5;
export const NOTIMPL: Value = TAG_SPECIAL | 6;

export const INT48_MIN: i64 = -(1 << 47);
export const INT48_MAX: i64 = (1 << 47) - 1;

@inline export function tagOf(v: Value): u32 { return <u32>(v >> 48); }
@inline export function isSmallInt(v: Value): bool { return (v >> 48) == 0xFFF9; }
@inline export function isPtr(v: Value): bool { return (v >> 48) == 0xFFFB; }
@inline export function isFloat(v: Value): bool { return (v >> 48) < 0xFFF9; }
@inline export function isSpecial(v: Value): bool { return (v >> 48) == 0xFFFA; }
@inline export function isBool(v: Value): bool { return v == TRUE || v == FALSE; }

@inline export function smallIntVal(v: Value): i64 { return (<i64>(v << 16)) >> 16; }
@inline export function fitsSmall(i: i64): bool { return i >= INT48_MIN && i <= INT48_MAX; }
@inline export function mkSmallInt(i: i64): Value { return TAG_INT | (<u64>i & PAYLOAD); }

@inline export function floatVal(v: Value): f64 { return reinterpret<f64>(v); }
@inline export function mkFloat(f: f64): Value {
  return f != f ? <u64>0x7FF8_0000_0000_0000 : reinterpret<u64>(f);
}

@inline export function ptrOf(v: Value): usize { return <usize><u32>v; }
@inline export function mkPtr(p: usize): Value { return TAG_PTR | <u64>p; }
@inline export function mkBool(b: bool): Value { return b ? TRUE : FALSE; }
