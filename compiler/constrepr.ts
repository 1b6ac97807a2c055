// Python's view of compile-time constants: repr() exactly as CPython prints it (str quoting,
// float shortest-repr, tuples, frozenset in hash-table order), and truthiness. The
// disassembler and the peephole pass use these; nothing here emits code.

import { ELLIPSIS, type ConstValue } from "./ast.js";
import { isCode, type CodeConst } from "./code.js";

export function truthyConst(v: CodeConst): boolean {
  if (v === null) return false;
  if (typeof v === "boolean") return v;
  if (typeof v === "bigint") return v !== 0n;
  if (typeof v === "number") return v !== 0;
  if (typeof v === "string") return v.length > 0;
  if (v === ELLIPSIS || isCode(v)) return true;
  if ("tuple" in v) return v.tuple.length > 0;
  return v.frozenset.length > 0;
}

export function pyRepr(v: CodeConst): string {
  if (v === null) return "None";
  if (typeof v === "boolean") return v ? "True" : "False";
  if (typeof v === "bigint") return v.toString();
  if (typeof v === "number") return floatRepr(v);
  if (typeof v === "string") return strRepr(v);
  if (v === ELLIPSIS) return "Ellipsis";
  if (isCode(v)) return `<code object ${v.name} at 0x?, file "${v.filename}", line ${v.firstlineno}>`;
  if ("tuple" in v) {
    if (v.tuple.length === 1) return `(${pyRepr(v.tuple[0])},)`;
    return `(${v.tuple.map(pyRepr).join(", ")})`;
  }
  if (v.frozenset.length === 0) return "frozenset()";
  // 3.8 builds the set from the literal's items, then rebuilds it from that set's iteration
  // order when merging constants: the printed order is the second table's.
  return `frozenset({${setOrder(setOrder(v.frozenset)).map(pyRepr).join(", ")}})`;
}

export function floatRepr(x: number): string {
  if (Number.isNaN(x)) return "nan";
  if (x === Infinity) return "inf";
  if (x === -Infinity) return "-inf";
  if (x === 0) return Object.is(x, -0) ? "-0.0" : "0.0";
  // Shortest round-tripping digits, then Python's layout: exponent form outside [1e-4, 1e16).
  const [mant, expStr] = x.toExponential().split("e");
  const exp = Number(expStr);
  const neg = mant.startsWith("-");
  const digits = mant.replace("-", "").replace(".", "");
  let out: string;
  if (exp < -4 || exp >= 16) {
    const m = digits.length > 1 ? `${digits[0]}.${digits.slice(1)}` : digits;
    const e = Math.abs(exp);
    out = `${m}e${exp < 0 ? "-" : "+"}${e < 10 ? "0" + e : e}`;
  } else if (exp < 0) {
    out = `0.${"0".repeat(-exp - 1)}${digits}`;
  } else if (digits.length <= exp + 1) {
    out = `${digits}${"0".repeat(exp + 1 - digits.length)}.0`;
  } else {
    out = `${digits.slice(0, exp + 1)}.${digits.slice(exp + 1)}`;
  }
  return neg ? "-" + out : out;
}

const NON_PRINTABLE = /[\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Cn}\p{Zl}\p{Zp}\p{Zs}]/u;

export function strRepr(s: string): string {
  const quote = s.includes("'") && !s.includes('"') ? '"' : "'";
  let out = quote;
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    if (ch === quote || ch === "\\") out += "\\" + ch;
    else if (ch === "\t") out += "\\t";
    else if (ch === "\n") out += "\\n";
    else if (ch === "\r") out += "\\r";
    else if (cp < 0x20 || cp === 0x7f) out += "\\x" + cp.toString(16).padStart(2, "0");
    else if (cp < 0x7f) out += ch;
    else if (ch !== " " && NON_PRINTABLE.test(ch)) {
      if (cp <= 0xff) out += "\\x" + cp.toString(16).padStart(2, "0");
      else if (cp <= 0xffff) out += "\\u" + cp.toString(16).padStart(4, "0");
      else out += "\\U" + cp.toString(16).padStart(8, "0");
    } else out += ch;
  }
  return out + quote;
}

// ---- frozenset iteration order: CPython's set table, for the hashes we can compute ----

const MASK64 = (1n << 64n) - 1n;
const HASH_MODULUS = (1n << 61n) - 1n;

/** hash() of a constant as an unsigned 64-bit value; null when it depends on the process. */
function pyHash(v: ConstValue): bigint | null {
  let n: bigint;
  if (typeof v === "boolean") n = v ? 1n : 0n;
  else if (typeof v === "bigint") n = v;
  else if (typeof v === "number" && Number.isInteger(v)) n = BigInt(v);
  else if (typeof v === "number" && Number.isFinite(v)) return floatHash(v);
  else return null;
  let h = (n < 0n ? -n : n) % HASH_MODULUS;
  if (n < 0n) h = -h;
  if (h === -1n) h = -2n;
  return h & MASK64;
}

/** CPython's hash of a non-integral finite float: its value modulo 2**61 - 1. */
function floatHash(v: number): bigint {
  const neg = v < 0;
  let m = Math.abs(v);
  // frexp: m in [0.5, 1), v = m * 2**e
  let e = Math.floor(Math.log2(m)) + 1;
  m = m / 2 ** e;
  while (m >= 1) {
    m /= 2;
    e++;
  }
  while (m < 0.5) {
    m *= 2;
    e--;
  }
  let x = 0n;
  while (m) {
    x = ((x << 28n) & HASH_MODULUS) | (x >> (61n - 28n));
    m *= 268435456;
    e -= 28;
    const y = Math.floor(m);
    m -= y;
    x += BigInt(y);
    if (x >= HASH_MODULUS) x -= HASH_MODULUS;
  }
  const shift = BigInt(e >= 0 ? e % 61 : 61 - 1 - ((-1 - e) % 61));
  x = ((x << shift) & HASH_MODULUS) | (x >> (61n - shift));
  if (neg) x = -x;
  if (x === -1n) x = -2n;
  return x & MASK64;
}

function setOrder(items: ConstValue[]): ConstValue[] {
  const hashes = items.map(pyHash);
  if (hashes.some((h) => h === null)) return items;
  let mask = 7;
  let table: (number | null)[] = new Array(8).fill(null);
  let fill = 0;
  const insert = (tab: (number | null)[], m: number, idx: number) => {
    const hash = hashes[idx]!;
    let perturb = hash;
    let i = Number(hash & BigInt(m));
    for (;;) {
      if (tab[i] === null) {
        tab[i] = idx;
        return;
      }
      if (i + 9 <= m) {
        for (let j = 1; j <= 9; j++) {
          if (tab[i + j] === null) {
            tab[i + j] = idx;
            return;
          }
        }
      }
      perturb >>= 5n;
      i = Number((BigInt(i) * 5n + 1n + perturb) & BigInt(m));
    }
  };
  for (let idx = 0; idx < items.length; idx++) {
    insert(table, mask, idx);
    fill++;
    if (fill * 5 >= mask * 3) {
      const minUsed = fill > 50000 ? fill * 2 : fill * 4;
      let size = 8;
      while (size <= minUsed) size <<= 1;
      const old = table;
      mask = size - 1;
      table = new Array(size).fill(null);
      for (const e of old) if (e !== null) insert(table, mask, e);
    }
  }
  return table.filter((e): e is number => e !== null).map((i) => items[i]);
}
