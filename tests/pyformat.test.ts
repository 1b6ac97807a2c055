// src/pyformat.ts against CPython itself: every case below is enumerated from a grid (or a seeded
// generator), written to one JSON file, answered by a single python3 process in this same run,
// and compared exactly, errors included (type and message).
import { beforeAll, describe, expect, it } from "vitest";
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  PyOverflowError,
  PyValueError,
  floatRepr,
  formatFloat,
  formatInt,
  formatStr,
  intToString,
  parsePyFloat,
  parsePyInt,
  roundFloat,
} from "../src/pyformat.js";

type Kind = "repr" | "ffloat" | "fint" | "fstr" | "round" | "pfloat" | "pint" | "tostr";
// [kind, value, argument]: floats travel as JS number strings, ints as hex strings (decimal ones
// over 4300 digits would trip CPython's own int(str) limit on the way in).
type Case = [Kind, string, string | number | null];

// The oracle answers each case with "ok:<text>", "F:<float repr>", "I:<int as hex>", "null" (the parse
// failures the VM words itself) or "err:<Type>: <message>".
const ORACLE = String.raw`
import json, sys
cases = json.load(open(sys.argv[1], encoding="utf-8"))
def pf(s):
    return float(s)
out = []
for kind, v, arg in cases:
    try:
        if kind == "repr":
            r = "ok:" + repr(pf(v))
        elif kind == "ffloat":
            r = "ok:" + format(pf(v), arg)
        elif kind == "fint":
            r = "ok:" + format(int(v, 16), arg)
        elif kind == "fstr":
            r = "ok:" + format(v, arg)
        elif kind == "round":
            x = round(pf(v)) if arg is None else round(pf(v), arg)
            r = ("I:" + hex(x)) if isinstance(x, int) else ("F:" + repr(x))
        elif kind == "pfloat":
            try:
                r = "F:" + repr(float(v))
            except ValueError as e:
                r = "null" if str(e).startswith("could not convert string to float") else "err:ValueError: " + str(e)
        elif kind == "pint":
            try:
                r = "I:" + hex(int(v, arg))
            except ValueError as e:
                r = "null" if str(e).startswith("invalid literal for int()") else "err:ValueError: " + str(e)
        elif kind == "tostr":
            n = int(v, 16)
            r = "ok:" + {2: bin, 8: oct, 16: hex, 10: str}[arg](n)
    except Exception as e:
        r = "err:" + type(e).__name__ + ": " + str(e)
    out.append(r)
json.dump(out, open(sys.argv[2], "w", encoding="utf-8"))
`;

// ---- deterministic generators -------------------------------------------------------------

function rng(seed: number): () => number {
  // mulberry32: small, seeded, good enough to spread cases
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function product(...lists: string[][]): string[] {
  return lists.reduce<string[]>((acc, list) => acc.flatMap((a) => list.map((b) => a + b)), [""]);
}

function fromBits(hi: number, lo: number): number {
  const buf = new DataView(new ArrayBuffer(8));
  buf.setUint32(0, hi);
  buf.setUint32(4, lo);
  return buf.getFloat64(0);
}

const rand = rng(20261122);
const randomDoubles: number[] = [];
for (let i = 0; i < 400; i++) {
  const x = fromBits((rand() * 2 ** 32) >>> 0, (rand() * 2 ** 32) >>> 0);
  if (Number.isFinite(x)) randomDoubles.push(x);
}
// Doubles of ordinary magnitude, where fixed formats show many digits.
const midDoubles = Array.from({ length: 300 }, () => (rand() - 0.5) * 10 ** Math.floor(rand() * 24 - 8));
// Short decimals: their doubles sit just off a decimal tie, the classic toFixed trap (2.675).
const shortDecimals = Array.from({ length: 300 }, () => {
  const digits = 1 + Math.floor(rand() * 6);
  return Number((Math.floor(rand() * 10 ** digits) / 10 ** Math.floor(rand() * (digits + 2))).toPrecision(digits));
});
const specialFloats = [
  0, -0, 1, -1, 0.5, 1.5, 2.5, -2.5, 3.5, 0.125, 0.375, -0.125, 2.675, 1.005, 0.045, 1e16, 1e15, 9999999999999998,
  1e-4, 1e-5, 0.0001, 0.00009999, 1e22, 1e21, 1e23, 5e-324, -5e-324, 2.2250738585072014e-308, 2.225073858507201e-308,
  1.7976931348623157e308, -1.7976931348623157e308, -0.5, -0.4, -0.004, -1e-10, -5e-7, 0.1, 0.2, 0.3, 1 / 3, 2 / 3,
  123456789.125, 9.5, 0.95, 0.995,
  9.9999995, 99.5, 999999.5, 0.5e-6, 2 ** 52, 2 ** 53, 2 ** 53 + 2, 2 ** 63, 2 ** 64, 2 ** 1023, 1234.5678,
  -1234.5678, 1e100, 1.5e300, 4.35, 0.000123456, Infinity, -Infinity, NaN,
];
for (let e = -330; e <= 310; e += 7) specialFloats.push(10 ** e, 2 ** Math.max(-1074, Math.min(1023, e * 3)));
const allFloats = [...specialFloats, ...randomDoubles, ...midDoubles, ...shortDecimals];

const bigInts: bigint[] = [
  0n, 1n, -1n, 7n, -7n, 65n, 255n, -255n, 1234567n, -1234567n, 10n ** 15n, 2n ** 31n - 1n, 2n ** 53n + 1n,
  2n ** 63n - 1n, 2n ** 63n, -(2n ** 63n), -(2n ** 63n) - 1n, 2n ** 64n, -(2n ** 64n) + 1n, 10n ** 20n,
  123456789012345678901234567890n, 0x10ffffn, 0x110000n, 2n ** 1024n, 2n ** 1024n - 2n ** 970n,
  2n ** 1024n - 2n ** 970n - 1n, 10n ** 4300n, 10n ** 4300n - 1n, -(10n ** 4300n),
];

/** Exact decimal text of the point halfway between |x| and the next double up. */
function midpoint(x: number): string {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, Math.abs(x));
  const bits = view.getBigUint64(0);
  const biased = Number(bits >> 52n);
  const frac = bits & ((1n << 52n) - 1n);
  const mant = biased === 0 ? frac : frac | (1n << 52n);
  const exp2 = (biased === 0 ? -1074 : biased - 1075) - 1; // (2*mant + 1) * 2^exp2
  const odd = 2n * mant + 1n;
  if (exp2 >= 0) return (odd << BigInt(exp2)).toString();
  const digits = (odd * 5n ** BigInt(-exp2)).toString().padStart(-exp2 + 1, "0");
  return digits.slice(0, digits.length + exp2) + "." + digits.slice(digits.length + exp2);
}

function hex(v: bigint): string {
  return v < 0n ? "-0x" + (-v).toString(16) : "0x" + v.toString(16);
}

function fstr(x: number): string {
  return Object.is(x, -0) ? "-0" : String(x);
}

// ---- cases -------------------------------------------------------------------------------

const cases: Case[] = [];
const groups: Record<string, [number, number]> = {};
function section(name: string, fill: () => void): void {
  const start = cases.length;
  fill();
  groups[name] = [start, cases.length];
}

section("repr", () => {
  for (const x of allFloats) cases.push(["repr", fstr(x), null]);
  for (let i = 0; i < 3000; i++) {
    const x = fromBits((rand() * 2 ** 32) >>> 0, (rand() * 2 ** 32) >>> 0);
    cases.push(["repr", fstr(x), null]);
  }
  for (let e = -25; e <= 25; e++) {
    for (const m of [1, 9.999999999999998, 5, 1.5]) cases.push(["repr", fstr(m * 10 ** e), null]);
  }
});

// Layout grid: every combination of the fill/align/sign/z/#/0/width/grouping options, each spec
// crossed with a rotating triple of values so all values meet all options.
const layoutValues = [-1234.5678, 0, -0, 1e20, Infinity, -Infinity, NaN, -0.0001, 12.5, 1234567.891];
const fillAlign = ["", "<", ">", "^", "=", "*<", "*^", "0=", "0<", "x>", "é=", "😀^"];
const layoutOptions = product(
  fillAlign, ["", "+", "-", " "], ["", "z"], ["", "#"], ["", "0"], ["", "1", "9", "13"], ["", ",", "_"],
);

section("float layout", () => {
  let i = 0;
  for (const opt of layoutOptions) {
    for (const tail of ["", "f", ".2e", "g", ".1%", "n", ".3", "F", ".0f"]) {
      for (let j = 0; j < 3; j++) {
        cases.push(["ffloat", fstr(layoutValues[(i + j * 3) % layoutValues.length]!), opt + tail]);
      }
      i++;
    }
  }
});

section("float precision", () => {
  const precisions = ["", ".0", ".1", ".2", ".3", ".5", ".6", ".10", ".15", ".16", ".17", ".20", ".30", ".60", ".120"];
  const types = ["", "e", "E", "f", "F", "g", "G", "n", "%"];
  for (const x of allFloats) {
    for (const p of precisions) for (const t of types) cases.push(["ffloat", fstr(x), p + t]);
    for (const alt of ["#", "#.0", "#.3", "z", "z.0", "z.2", "z#.1"]) {
      for (const t of ["", "e", "f", "g", "%", "G"]) cases.push(["ffloat", fstr(x), alt + t]);
    }
    for (const t of [".340f", ".800e", ".400g", ".330", "#.400g"]) cases.push(["ffloat", fstr(x), t]);
  }
});

// Short random spec strings over the spec alphabet: covers invalid specs and error precedence.
// Includes a Unicode digit (CPython reads widths with Py_UNICODE_TODECIMAL) and an astral char.
const specAlphabet = Array.from("<>^=+- z#00123456789,_.%eEfFgGnbcdoxXs\x01éa*٥😀");
function randomSpecs(seed: number, count: number): string[] {
  const r = rng(seed);
  return Array.from({ length: count }, () => {
    const len = Math.floor(r() * 7);
    let s = "";
    for (let k = 0; k < len; k++) s += specAlphabet[Math.floor(r() * specAlphabet.length)]!;
    return s;
  });
}

section("float fuzz", () => {
  const specs = randomSpecs(1, 6000);
  specs.push("99999999999999999999", ".99999999999999999999", "9223372036854775808", ".9223372036854775807");
  specs.push(".2147483648", ".2147483648f", ".2147483648e", ".2147483648s", ".2147483648x");
  specs.forEach((spec, i) => cases.push(["ffloat", fstr(layoutValues[i % layoutValues.length]!), spec]));
});

section("int layout", () => {
  const types = ["", "b", "c", "d", "o", "x", "X", "n", "e", "f", "g", "%", "s"];
  const values = bigInts.filter((v) => v < 10n ** 30n && v > -(10n ** 30n));
  let i = 0;
  for (const opt of layoutOptions) {
    for (const t of types) {
      for (const prec of i % 7 === 0 ? ["", ".2"] : [""]) {
        const v = t === "c" ? BigInt(i % 3 === 0 ? 0x10ffff : 65 + (i % 50)) : values[i % values.length]!;
        cases.push(["fint", hex(v), opt + prec + t]);
        i++;
      }
    }
  }
});

section("int values", () => {
  const types = ["", "b", "c", "d", "o", "x", "X", "n", "e", ".3e", "f", "g", ".20g", "%"];
  const specs = product(["", "#", "+", "0="], ["", "30", "_", ","], types);
  for (const v of bigInts) for (const s of specs) cases.push(["fint", hex(v), s]);
  const r = rng(7);
  for (let i = 0; i < 300; i++) {
    const v = BigInt(Math.floor(r() * 2 ** 53)) * BigInt(Math.floor(r() * 2 ** 40)) * (r() < 0.5 ? -1n : 1n);
    for (const s of ["", ",", "_x", "#o", ".5e", "f", "g"]) cases.push(["fint", hex(v), s]);
  }
});

section("int fuzz", () => {
  const specs = randomSpecs(2, 6000);
  specs.push(".2147483648", ".2147483648f", ".2147483648e", ".2147483648g", ".9223372036854775808");
  specs.forEach((spec, i) => cases.push(["fint", hex(bigInts[i % 12]!), spec]));
});

const strValues = ["", "a", "ab", "héllo", "😀x😀", "tab\there", "long string value"];
section("str layout", () => {
  const opts = product(fillAlign, ["", "+", " "], ["", "z"], ["", "#"], ["", "0"], ["", "1", "4", "9"], ["", ",", "_"]);
  let i = 0;
  for (const opt of opts) {
    for (const tail of ["", "s", ".0", ".2s", ".10", "d"]) {
      cases.push(["fstr", strValues[i % strValues.length]!, opt + tail]);
      i++;
    }
  }
  for (const fill of ["😀", "\u00a0", "{"]) {
    for (const a of "<>^") {
      for (const w of ["6", "7"]) for (const v of strValues) cases.push(["fstr", v, fill + a + w + ".3"]);
    }
  }
  randomSpecs(3, 4000).forEach((spec, j) => cases.push(["fstr", strValues[j % strValues.length]!, spec]));
});

section("round", () => {
  const nds: (number | null)[] = [null];
  for (let n = -20; n <= 20; n++) nds.push(n);
  nds.push(-400, -309, -308, -307, -300, 300, 322, 323, 324, 400);
  for (const x of allFloats) for (const n of nds) cases.push(["round", fstr(x), n]);
});

// float() inputs: a grid of whitespace x sign x body, plus seeded random strings.
const floatBodies = [
  "0", "1", "1.5", "-1", "1_000", "1__000", "_1", "1_", "1_.5", "1._5", "1.5_", "1e5", "1E5", "1e+5", "1e-5", "1e",
  "1e_5", "1e5_0", "1e5_", ".5", "5.", ".", "e5", ".e5", "5.e5", "inf", "Inf", "INFINITY", "infinity", "infinit",
  "nan", "NaN", "nAn", "-nan", "+inf", "in f", "0x10", "1 2", "1.2.3", "00012", "0_0", "1e999", "1e-999",
  "2.4703282292062327e-324", "2.4703282292062328e-324", "9007199254740993", "9007199254740992.5000000000000000001",
  // Just below the overflow threshold 2**1024 - 2**970 (which rounds up to inf).
  ((2n ** 1024n - 2n ** 970n) - 1n).toString() + ".9999999999",
  "١٢٣", "١.٥", "𝟏𝟐", "1\u00002", "", "   ", "++1", "+-1", "1e+-5", "０", "1٫5",
];
section("parse float", () => {
  for (const ws of ["", " ", "\t\n", "\u00a0", "\u3000", "\x1c", "\x85", "\u200b"]) {
    for (const sign of ["", "+", "-"]) {
      for (const body of floatBodies) cases.push(["pfloat", ws + sign + body + ws, null]);
    }
  }
  for (const x of [...randomDoubles, ...midDoubles, ...specialFloats.filter(Number.isFinite)]) {
    cases.push(["pfloat", x.toPrecision(17), null], ["pfloat", x.toExponential(25), null]);
    // Exact midpoints between neighbouring doubles, and one unit either side in the last digit:
    // only a correctly rounded parser gets all three right.
    const mid = midpoint(x);
    cases.push(["pfloat", mid, null]);
    cases.push(["pfloat", mid.replace(/5$/, "49"), null], ["pfloat", mid.replace(/5$/, "51"), null]);
  }
  // Every BMP character below U+3100 (and U+FEFF) around a number: finds each whitespace
  // character CPython strips and each one it rejects.
  for (let cp = 0; cp < 0x3100; cp++) {
    const ch = String.fromCharCode(cp);
    cases.push(["pfloat", ch + "5" + ch, null]);
  }
  cases.push(["pfloat", "\ufeff5", null]);
  for (const zero of ["\u0660", "\u0966", "\uff10", "\u{1d7ce}"]) {
    for (const body of ["1", "12.5", "1e3", "1_2", " -7 ", "9876543210", "0.5e-9"]) {
      const text = body.replace(/\d/g, (d) => String.fromCodePoint(zero.codePointAt(0)! + Number(d)));
      cases.push(["pfloat", text, null], ["pint", text, 0], ["pint", text, 16]);
    }
  }
  const alphabet = Array.from("0123456789_.eE+-infatyINFATY x");
  const r = rng(11);
  for (let i = 0; i < 15000; i++) {
    let s = "";
    const len = 1 + Math.floor(r() * 8);
    for (let k = 0; k < len; k++) s += alphabet[Math.floor(r() * alphabet.length)]!;
    cases.push(["pfloat", s, null]);
  }
});

section("parse int", () => {
  const bodies = [
    "0", "00", "000", "0_0", "010", "0_1", "1", "12", "1_2", "1__2", "_12", "12_", "0x1f", "0X1F", "0x_1f", "0x__1f",
    "0x", "0x_", "0b101", "0B1_01", "0b2", "0o17", "0o8", "0O_7", "z", "Z9", "ff", "0b1", "0xg", "1.0", "1e3", "",
    "١٢٣", "𝟗", "9223372036854775808", "-9223372036854775809", "1".repeat(4300), "1".repeat(4301),
    "1_".repeat(4300) + "1", "1".repeat(5000) + "x", "f".repeat(5000), "0x" + "f".repeat(5000), "7".repeat(4400),
  ];
  const bases = [0, 2, 8, 10, 16, 36, 3, 1, 37, -1];
  for (let b = 2; b <= 36; b++) {
    for (const body of ["0", "1", "10", "z", "Z_z", "0x10", "0b1", "0o7", "_1", "1_", "9" + "a".repeat(40)]) {
      cases.push(["pint", body, b], ["pint", "-" + body, b]);
    }
  }
  for (const ws of ["", " ", "\t\n", "\u00a0", "\x1c"]) {
    for (const sign of ["", "-", "+", "+-"]) {
      for (const body of bodies) for (const b of bases) cases.push(["pint", ws + sign + body + ws, b]);
    }
  }
  // Every Unicode decimal digit this engine knows, each as a one-digit int() literal.
  for (let cp = 0x80; cp < 0x20000; cp++) {
    const ch = String.fromCodePoint(cp);
    if (/^\p{Nd}$/u.test(ch)) cases.push(["pint", ch, 10]);
  }
  const alphabet = Array.from("0123456789abcdefxobzXOB_+- ");
  const r = rng(13);
  for (let i = 0; i < 15000; i++) {
    let s = "";
    const len = 1 + Math.floor(r() * 7);
    for (let k = 0; k < len; k++) s += alphabet[Math.floor(r() * alphabet.length)]!;
    cases.push(["pint", s, bases[i % 6]!]);
  }
});

section("int to string", () => {
  for (const v of bigInts) for (const b of [2, 8, 10, 16]) cases.push(["tostr", hex(v), b]);
});

// ---- running both sides ---------------------------------------------------------------------

let expected: string[] = [];

beforeAll(() => {
  const dir = mkdtempSync(join(tmpdir(), "pyformat-"));
  const input = join(dir, "cases.json");
  const output = join(dir, "answers.json");
  writeFileSync(input, JSON.stringify(cases));
  const run = spawnSync("python3", ["-c", ORACLE, input, output], { encoding: "utf-8" });
  if (run.status !== 0) throw new Error(`python3 oracle failed: ${run.stderr}`);
  expected = JSON.parse(readFileSync(output, "utf-8")) as string[];
});

function floatText(x: number): string {
  return Number.isNaN(x) ? "nan" : Object.is(x, -0) ? "-0" : String(x);
}

/** Our answer in the oracle's notation. Floats are compared as values, not via floatRepr. */
function actual(c: Case): string {
  const [kind, v, arg] = c;
  try {
    switch (kind) {
      case "repr":
        return "ok:" + floatRepr(Number(v));
      case "ffloat":
        return "ok:" + formatFloat(Number(v), arg as string);
      case "fint":
        return "ok:" + formatInt(BigInt(v.replace("-", "")) * (v[0] === "-" ? -1n : 1n), arg as string);
      case "fstr":
        return "ok:" + formatStr(v, arg as string);
      case "round": {
        const r = roundFloat(Number(v), arg as number | null);
        return typeof r === "bigint" ? "I:" + hex(r) : "F:" + floatText(r);
      }
      case "pfloat": {
        const r = parsePyFloat(v);
        return r === null ? "null" : "F:" + floatText(r);
      }
      case "pint": {
        const r = parsePyInt(v, arg as number);
        return r === null ? "null" : "I:" + hex(r);
      }
      case "tostr":
        return "ok:" + intToString(BigInt(v.replace("-", "")) * (v[0] === "-" ? -1n : 1n), arg as 2 | 8 | 10 | 16);
    }
  } catch (e) {
    if (e instanceof PyValueError || e instanceof PyOverflowError) return `err:${e.name}: ${e.message}`;
    throw e;
  }
}

/** Python's float answers come back as repr text; turn them into the same value notation. */
function normalise(kind: Kind, answer: string): string {
  if (!answer.startsWith("F:") || kind === "repr") return answer;
  const t = answer.slice(2);
  const x = t === "nan" ? NaN : t === "inf" ? Infinity : t === "-inf" ? -Infinity : Number(t);
  return "F:" + floatText(x);
}

/** JSON text of a case or answer, shortened around the middle when long. */
function show(value: unknown): string {
  const s = JSON.stringify(value);
  return s.length > 120 ? `${s.slice(0, 60)}...(${s.length} chars)...${s.slice(-40)}` : s;
}

describe("pyformat matches CPython 3.11", () => {
  it("runs the oracle on python 3.11", () => {
    const v = spawnSync("python3", ["-c", "import sys; print(sys.version_info[:2] == (3, 11))"], { encoding: "utf-8" });
    expect(v.stdout.trim()).toBe("True");
    expect(expected.length).toBe(cases.length);
  });

  for (const name of Object.keys(groups)) {
    const [start, end] = groups[name]!;
    it(`${name} (${end - start} cases)`, () => {
      const failures: string[] = [];
      for (let i = start; i < end; i++) {
        const c = cases[i]!;
        const want = normalise(c[0], expected[i]!);
        const got = actual(c);
        if (got !== want) failures.push(`${show(c)}: got ${show(got)}, CPython ${show(want)}`);
      }
      // PYFORMAT_FAILURES=dir keeps every difference, not just the first 25, for debugging.
      const dump = process.env.PYFORMAT_FAILURES;
      if (dump) writeFileSync(join(dump, `${name.replace(/ /g, "-")}.txt`), failures.join("\n"));
      expect(failures.slice(0, 25), `${failures.length} of ${end - start} cases differ`).toEqual([]);
      expect(end - start).toBeGreaterThan(100);
    });
  }
});

describe("hand-written anchors from the brief", () => {
  it("rounds ties to even on the exact binary value", () => {
    expect(formatFloat(2.5, ".0f")).toBe("2");
    expect(formatFloat(0.125, ".2f")).toBe("0.12");
    expect(formatFloat(2.675, ".2f")).toBe("2.67");
    expect(roundFloat(2.5, null)).toBe(2n);
    expect(roundFloat(0.125, 2)).toBe(0.12);
  });
  it("writes repr thresholds as CPython does", () => {
    expect([1e-5, 1e-4, 1e16, 1e15, -0, 1.5e300].map(floatRepr)).toEqual([
      "1e-05", "0.0001", "1e+16", "1000000000000000.0", "-0.0", "1.5e+300",
    ]);
  });
});
