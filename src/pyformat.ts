// Host-side number/string formatting and parsing for the VM, matching CPython 3.11 exactly:
// repr(float), format() specs for float/int/str, round(), float(str), int(str, base).
// Pure functions; Python errors are thrown as PyValueError/PyOverflowError carrying CPython's text.

export class PyValueError extends Error {
  override readonly name = "ValueError";
}

export class PyOverflowError extends Error {
  override readonly name = "OverflowError";
}

// CPython 3.11's default sys.get_int_max_str_digits(): decimal<->int conversions longer than
// this raise ValueError (CVE-2020-10735 mitigation); power-of-two bases are exempt.
const MAX_STR_DIGITS = 4300;
const E_INT_TO_STR_LIMIT =
  `Exceeds the limit (${MAX_STR_DIGITS} digits) for integer string conversion; ` +
  "use sys.set_int_max_str_digits() to increase the limit";

// ---------------------------------------------------------------------------------------------
// Exact decimal view of a double. Every finite double is n / 10^k exactly (k >= 0), because
// mant * 2^-e == mant * 5^e / 10^e; BigInt arithmetic on that decides ties exactly.

interface Exact {
  n: bigint;
  k: number;
}

const f64 = new Float64Array(1);
const u32 = new Uint32Array(f64.buffer);
// Float64Array and Uint32Array share the platform byte order, so the high word's index depends on it.
const HI = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? 1 : 0;

function exactAbs(x: number): Exact {
  f64[0] = x;
  const hi = u32[HI]!;
  const lo = u32[1 - HI]!;
  const biased = (hi >>> 20) & 0x7ff;
  let mant = (BigInt(hi & 0xfffff) << 32n) | BigInt(lo);
  let exp2: number;
  if (biased === 0) {
    exp2 = -1074; // subnormal: no hidden bit
  } else {
    mant |= 1n << 52n;
    exp2 = biased - 1075;
  }
  if (mant === 0n) return { n: 0n, k: 0 };
  // Strip factors of two so the power of five (and the BigInts) stay as small as possible.
  while (exp2 < 0 && (mant & 1n) === 0n) {
    mant >>= 1n;
    exp2++;
  }
  if (exp2 >= 0) return { n: mant << BigInt(exp2), k: 0 };
  return { n: mant * 5n ** BigInt(-exp2), k: -exp2 };
}

function pow10(e: number): bigint {
  return 10n ** BigInt(e);
}

/** n / d rounded to nearest, ties to even (n >= 0, d > 0). */
function divHalfEven(n: bigint, d: bigint): bigint {
  const q = n / d;
  const r2 = (n - q * d) * 2n;
  if (r2 > d || (r2 === d && (q & 1n) === 1n)) return q + 1n;
  return q;
}

/** round(|x| * 10^p) half-even, as a decimal string (x finite, p may be negative). */
function fixedDigits(x: number, p: number): string {
  const { n, k } = exactAbs(x);
  if (p >= k) return (n * pow10(p - k)).toString();
  return divHalfEven(n, pow10(k - p)).toString();
}

/** |x| rounded half-even to `count` significant digits: digits string and decimal exponent. */
function sigDigits(x: number, count: number): { digits: string; exp: number } {
  const { n, k } = exactAbs(x);
  if (n === 0n) return { digits: "0".repeat(count), exp: 0 };
  const len = n.toString().length;
  let exp = len - 1 - k;
  const shift = len - count;
  let m: bigint;
  if (shift > 0) {
    m = divHalfEven(n, pow10(shift));
    // Rounding 999.. up gives 10^count: one digit too many, and the exponent moves up.
    if (m.toString().length > count) {
      m /= 10n;
      exp++;
    }
  } else {
    m = n * pow10(-shift);
  }
  return { digits: m.toString(), exp };
}

/**
 * Shortest digits that round-trip |x| (nonzero, finite). ECMAScript's Number#toString already
 * picks the shortest, closest digit string, the same one CPython's repr uses; only the layout differs.
 */
function shortestDigits(x: number): { digits: string; exp: number } {
  const s = Math.abs(x).toString();
  const [mant, expPart] = s.split("e") as [string, string | undefined];
  const point = mant.indexOf(".");
  let digits = mant.replace(".", "");
  let exp = (point < 0 ? mant.length : point) - 1 + (expPart === undefined ? 0 : Number(expPart));
  const lead = digits.length - digits.replace(/^0+/, "").length;
  digits = digits.slice(lead).replace(/0+$/, "");
  exp -= lead;
  return { digits, exp };
}

function expSuffix(exp: number, e: string): string {
  const a = Math.abs(exp);
  return e + (exp < 0 ? "-" : "+") + (a < 10 ? "0" : "") + a;
}

/** Integer part and everything after it, for digits d1.d2d3... * 10^exp written positionally. */
function positional(digits: string, exp: number): { int: string; frac: string } {
  if (exp < 0) return { int: "0", frac: "0".repeat(-exp - 1) + digits };
  if (digits.length <= exp + 1) return { int: digits + "0".repeat(exp + 1 - digits.length), frac: "" };
  return { int: digits.slice(0, exp + 1), frac: digits.slice(exp + 1) };
}

/** repr(float) / str(float). */
export function floatRepr(x: number): string {
  if (Number.isNaN(x)) return "nan";
  if (!Number.isFinite(x)) return x > 0 ? "inf" : "-inf";
  const sign = x < 0 || Object.is(x, -0) ? "-" : "";
  if (x === 0) return sign + "0.0";
  const { int, rest } = reprParts(x, false);
  return sign + int + rest;
}

/** repr's body for nonzero finite x, split at the end of the integer digits. */
function reprParts(x: number, alternate: boolean): { int: string; rest: string } {
  if (x === 0) return { int: "0", rest: ".0" };
  const { digits, exp } = shortestDigits(x);
  // repr switches to exponent form below 1e-4 and from 1e16 up.
  if (exp >= -4 && exp < 16) {
    const { int, frac } = positional(digits, exp);
    return { int, rest: "." + (frac === "" ? "0" : frac) };
  }
  const tail = digits.slice(1);
  return { int: digits[0]!, rest: (tail !== "" ? "." + tail : alternate ? "." : "") + expSuffix(exp, "e") };
}

// ---------------------------------------------------------------------------------------------
// Format-spec mini-language: [[fill]align][sign][z][#][0][width][grouping][.precision][type]

interface Spec {
  fill: string;
  align: string; // "<", ">", "^", "=", or "" when unspecified
  sign: string; // "+", "-", " ", or ""
  noNegZero: boolean;
  alternate: boolean;
  width: number;
  grouping: string; // ",", "_", or ""
  precision: number; // -1 when absent
  type: string; // "" when absent
}

const ALIGNS = "<>^=";
// Py_ssize_t's maximum: CPython refuses widths and precisions beyond it.
const SSIZE_MAX = (1n << 63n) - 1n;

function decimalValue(ch: string): number {
  if (ch >= "0" && ch <= "9") return ch.charCodeAt(0) - 48;
  return unicodeDecimal(ch);
}

// The digit zero of every run of ten decimal digits (category Nd) in Unicode 14.0, the version
// CPython 3.11 ships. A fixed table, not \p{Nd}: the JS engine's newer Unicode has more digits
// (Kawi, Garay, ...) that CPython 3.11 rejects.
const DIGIT_ZEROS = [
  0x30, 0x660, 0x6f0, 0x7c0, 0x966, 0x9e6, 0xa66, 0xae6, 0xb66, 0xbe6, 0xc66, 0xce6, 0xd66, 0xde6, 0xe50,
  0xed0, 0xf20, 0x1040, 0x1090, 0x17e0, 0x1810, 0x1946, 0x19d0, 0x1a80, 0x1a90, 0x1b50, 0x1bb0, 0x1c40,
  0x1c50, 0xa620, 0xa8d0, 0xa900, 0xa9d0, 0xa9f0, 0xaa50, 0xabf0, 0xff10, 0x104a0, 0x10d30, 0x11066,
  0x110f0, 0x11136, 0x111d0, 0x112f0, 0x11450, 0x114d0, 0x11650, 0x116c0, 0x11730, 0x118e0, 0x11950,
  0x11c50, 0x11d50, 0x11da0, 0x16a60, 0x16ac0, 0x16b50, 0x1d7ce, 0x1d7d8, 0x1d7e2, 0x1d7ec, 0x1d7f6,
  0x1e140, 0x1e2f0, 0x1e950, 0x1fbf0,
];

/** Value of a Unicode decimal digit as CPython 3.11 sees it, or -1. */
function unicodeDecimal(ch: string): number {
  const cp = ch.codePointAt(0)!;
  for (const zero of DIGIT_ZEROS) if (cp >= zero && cp < zero + 10) return cp - zero;
  return -1;
}

function typeForMessage(t: string): string {
  const c = t.codePointAt(0)!;
  return c > 32 && c < 128 ? t : "\\x" + c.toString(16);
}

function parseSpec(spec: string, defaultType: string, defaultAlign: string, typeName: string): Spec {
  const cp = Array.from(spec);
  const s: Spec = {
    fill: " ",
    align: "",
    sign: "",
    noNegZero: false,
    alternate: false,
    width: -1,
    grouping: "",
    precision: -1,
    type: defaultType,
  };
  let pos = 0;
  let fillGiven = false;
  if (cp.length >= 2 && ALIGNS.includes(cp[1]!)) {
    s.fill = cp[0]!;
    s.align = cp[1]!;
    fillGiven = true;
    pos = 2;
  } else if (cp.length >= 1 && ALIGNS.includes(cp[0]!)) {
    s.align = cp[0]!;
    pos = 1;
  }
  if (pos < cp.length && "+- ".includes(cp[pos]!)) s.sign = cp[pos++]!;
  if (cp[pos] === "z") {
    s.noNegZero = true;
    pos++;
  }
  if (cp[pos] === "#") {
    s.alternate = true;
    pos++;
  }
  // A leading 0 means zero fill; numbers (default right-aligned) then pad after the sign.
  if (!fillGiven && cp[pos] === "0") {
    s.fill = "0";
    if (s.align === "" && defaultAlign === ">") s.align = "=";
    pos++;
  }
  const readInt = (): number => {
    let v = 0n;
    let count = 0;
    while (pos < cp.length && decimalValue(cp[pos]!) >= 0) {
      v = v * 10n + BigInt(decimalValue(cp[pos]!));
      if (v > SSIZE_MAX) throw new PyValueError("Too many decimal digits in format string");
      pos++;
      count++;
    }
    return count === 0 ? -1 : Number(v);
  };
  s.width = readInt();
  if (cp[pos] === ",") {
    s.grouping = ",";
    pos++;
  }
  if (cp[pos] === "_") {
    if (s.grouping !== "") throw new PyValueError("Cannot specify both ',' and '_'.");
    s.grouping = "_";
    pos++;
  }
  if (cp[pos] === "," && s.grouping === "_") throw new PyValueError("Cannot specify both ',' and '_'.");
  if (cp[pos] === ".") {
    pos++;
    s.precision = readInt();
    if (s.precision < 0) throw new PyValueError("Format specifier missing precision");
  }
  if (cp.length - pos > 1) {
    throw new PyValueError(`Invalid format specifier '${spec}' for object of type '${typeName}'`);
  }
  if (pos < cp.length) s.type = cp[pos]!;
  if (s.grouping !== "") {
    const allowed = s.grouping === "," ? "defgEG%F" : "defgEG%FboxX";
    if (s.type !== "" && !allowed.includes(s.type)) {
      throw new PyValueError(`Cannot specify '${s.grouping}' with '${typeForMessage(s.type)}'.`);
    }
  }
  return s;
}

/** Whether `type` is a single character of `set` (the type is "" or any one code point). */
function isOneOf(type: string, set: string): boolean {
  return type.length === 1 && set.includes(type);
}

function unknownCode(type: string, typeName: string): PyValueError {
  return new PyValueError(`Unknown format code '${typeForMessage(type)}' for object of type '${typeName}'`);
}

/** Length in code points, the unit CPython's widths count (an astral 'c' result is one). */
function cpLength(s: string): number {
  let n = 0;
  for (const _ of s) n++;
  return n;
}

function pad(body: string, bodyLen: number, s: Spec, align: string): string {
  const total = s.width - bodyLen;
  if (total <= 0) return body;
  if (align === "<") return body + s.fill.repeat(total);
  if (align === "^") {
    const left = Math.floor(total / 2);
    return s.fill.repeat(left) + body + s.fill.repeat(total - left);
  }
  return s.fill.repeat(total) + body;
}

/** Insert `sep` every `size` digits from the right, zero-extending to at least `minWidth` chars. */
function group(digits: string, sep: string, size: number, minWidth: number): string {
  let count = digits.length;
  if (sep === "") return "0".repeat(Math.max(0, minWidth - cpLength(digits))) + digits;
  // Smallest digit count whose grouped length reaches minWidth (never a leading separator).
  while (count + Math.floor((count - 1) / size) < minWidth) count++;
  const all = digits.padStart(count, "0");
  const parts: string[] = [];
  for (let end = all.length; end > 0; end -= size) parts.unshift(all.slice(Math.max(0, end - size), end));
  return parts.join(sep);
}

/**
 * Lay out a number: sign, prefix (0x...), integer digits (grouped), rest (fraction, exponent, %),
 * then fill. With '=' and fill '0', the zeros become part of the grouped digits, as in CPython.
 */
function layoutNumber(
  negative: boolean,
  prefix: string,
  digits: string,
  rest: string,
  s: Spec,
  groupSize: number,
): string {
  const sign = negative ? "-" : s.sign === "+" ? "+" : s.sign === " " ? " " : "";
  const align = s.align === "" ? ">" : s.align;
  const head = sign + prefix;
  if (align === "=" && s.fill === "0" && digits !== "") {
    const grouped = group(digits, s.grouping, groupSize, s.width - head.length - rest.length);
    return head + grouped + rest;
  }
  const grouped = group(digits, s.grouping, groupSize, 0);
  if (align === "=") {
    const body = grouped + rest;
    const total = s.width - head.length - cpLength(body);
    return head + (total > 0 ? s.fill.repeat(total) : "") + body;
  }
  const body = head + grouped + rest;
  return pad(body, cpLength(body), s, align);
}

// ---------------------------------------------------------------------------------------------
// Floats

/** format(x, spec) for a float. */
export function formatFloat(x: number, spec: string): string {
  const s = parseSpec(spec, "", ">", "float");
  return formatFloatWith(x, s, "float");
}

function formatFloatWith(x: number, s: Spec, typeName: string): string {
  if (s.type !== "" && !isOneOf(s.type, "eEfFgGn%")) throw unknownCode(s.type, typeName);
  // CPython hands the precision to C code as an int.
  if (s.precision > 2147483647) throw new PyValueError("precision too big");
  const upper = s.type === "E" || s.type === "F" || s.type === "G";
  let negative = x < 0 || Object.is(x, -0);
  let value = Math.abs(x);
  let suffix = "";
  if (s.type === "%") {
    // CPython multiplies in floating point before formatting, so we do too.
    value *= 100;
    suffix = "%";
  }
  let int: string;
  let rest: string;
  if (Number.isNaN(x) || !Number.isFinite(value)) {
    negative = !Number.isNaN(x) && x < 0;
    int = "";
    rest = Number.isNaN(x) ? "nan" : "inf";
    if (upper) rest = rest.toUpperCase();
    // Fill '0' pads a non-finite value with zeros but never groups them.
    return layoutNumber(negative, "", "", rest + suffix, { ...s, grouping: "" }, 3);
  }
  const p = s.precision;
  switch (s.type) {
    case "f":
    case "F":
    case "%": {
      const prec = p < 0 ? 6 : p;
      const d = fixedDigits(value, prec).padStart(prec + 1, "0");
      int = d.slice(0, d.length - prec);
      rest = prec > 0 || s.alternate ? "." + d.slice(d.length - prec) : "";
      break;
    }
    case "e":
    case "E": {
      const prec = p < 0 ? 6 : p;
      const { digits, exp } = sigDigits(value, prec + 1);
      int = digits[0]!;
      rest = (prec > 0 || s.alternate ? "." + digits.slice(1) : "") + expSuffix(exp, upper ? "E" : "e");
      break;
    }
    case "g":
    case "G":
    case "n":
      ({ int, rest } = generalParts(value, p < 0 ? 6 : p, s.alternate, false, upper));
      break;
    default:
      // No type: repr without precision, else 'g' that keeps a ".0" and goes exponent one sooner.
      if (p < 0) ({ int, rest } = reprParts(value, s.alternate));
      else ({ int, rest } = generalParts(value, p, s.alternate, true, false));
  }
  // 'z' drops the sign of a value that rounded to zero: look at the digits before any exponent.
  if (negative && s.noNegZero && !/[1-9]/.test(int + rest.replace(/[eE].*$/, ""))) negative = false;
  const noGroup = s.type === "n";
  return layoutNumber(negative, "", int, rest + suffix, noGroup ? { ...s, grouping: "" } : s, 3);
}

/** 'g' presentation; `dot0` is the no-type variant (exponent from exp >= p-1, keeps ".0"). */
function generalParts(
  value: number,
  precision: number,
  alternate: boolean,
  dot0: boolean,
  upper: boolean,
): { int: string; rest: string } {
  const p = precision === 0 ? 1 : precision;
  const { digits, exp } = sigDigits(value, p);
  const limit = dot0 ? p - 1 : p;
  let int: string;
  let frac: string;
  let expText = "";
  if (exp >= -4 && exp < limit) {
    ({ int, frac } = positional(digits, exp));
  } else {
    int = digits[0]!;
    frac = digits.slice(1);
    expText = expSuffix(exp, upper ? "E" : "e");
  }
  if (!alternate) frac = frac.replace(/0+$/, "");
  let rest = frac !== "" || alternate ? "." + frac : "";
  if (dot0 && expText === "" && frac === "") rest = ".0";
  return { int, rest: rest + expText };
}

// ---------------------------------------------------------------------------------------------
// Integers

function formatIntSpec(x: bigint, s: Spec): string {
  const t = s.type;
  if (isOneOf(t, "eEfFgG%")) {
    const f = Number(x);
    if (!Number.isFinite(f)) throw new PyOverflowError("int too large to convert to float");
    return formatFloatWith(f, s, "int");
  }
  if (!isOneOf(t, "bcdoxXn")) throw unknownCode(t, "int");
  if (s.precision >= 0) throw new PyValueError("Precision not allowed in integer format specifier");
  if (s.noNegZero) {
    throw new PyValueError("Negative zero coercion (z) not allowed in integer format specifier");
  }
  if (t === "c") {
    if (s.sign !== "") throw new PyValueError("Sign not allowed with integer format specifier 'c'");
    if (s.alternate) {
      throw new PyValueError("Alternate form (#) not allowed with integer format specifier 'c'");
    }
    // CPython goes through a C long before checking the code point range.
    if (x > SSIZE_MAX || x < -SSIZE_MAX - 1n) throw new PyOverflowError("Python int too large to convert to C long");
    if (x < 0n || x >= 0x110000n) throw new PyOverflowError("%c arg not in range(0x110000)");
    return layoutNumber(false, "", String.fromCodePoint(Number(x)), "", s, 3);
  }
  const base = t === "b" ? 2 : t === "o" ? 8 : t === "x" || t === "X" ? 16 : 10;
  const negative = x < 0n;
  let digits = (negative ? -x : x).toString(base);
  if (base === 10 && digits.length > MAX_STR_DIGITS) throw new PyValueError(E_INT_TO_STR_LIMIT);
  if (t === "X") digits = digits.toUpperCase();
  const prefix = s.alternate && base !== 10 ? "0" + t : "";
  const spec = t === "n" ? { ...s, grouping: "" } : s;
  return layoutNumber(negative, prefix, digits, "", spec, base === 10 ? 3 : 4);
}

/** format(x, spec) for an int. */
export function formatInt(x: bigint, spec: string): string {
  const s = parseSpec(spec, "d", ">", "int");
  return formatIntSpec(x, s);
}

/** hex()/oct()/bin() and str() of an int: "-0x1f" style. */
export function intToString(x: bigint, base: 2 | 8 | 10 | 16): string {
  const negative = x < 0n;
  const digits = (negative ? -x : x).toString(base);
  if (base === 10 && digits.length > MAX_STR_DIGITS) throw new PyValueError(E_INT_TO_STR_LIMIT);
  const prefix = base === 2 ? "0b" : base === 8 ? "0o" : base === 16 ? "0x" : "";
  return (negative ? "-" : "") + prefix + digits;
}

// ---------------------------------------------------------------------------------------------
// Strings

/** format(s, spec) for a str; widths and precision count code points. */
export function formatStr(str: string, spec: string): string {
  const s = parseSpec(spec, "s", "<", "str");
  if (s.type !== "s") throw unknownCode(s.type, "str");
  // CPython words the space sign separately.
  if (s.sign === " ") throw new PyValueError("Space not allowed in string format specifier");
  if (s.sign !== "") throw new PyValueError("Sign not allowed in string format specifier");
  if (s.noNegZero) throw new PyValueError("Negative zero coercion (z) not allowed in string format specifier");
  if (s.alternate) throw new PyValueError("Alternate form (#) not allowed in string format specifier");
  if (s.align === "=") throw new PyValueError("'=' alignment not allowed in string format specifier");
  let cps = Array.from(str);
  if (s.precision >= 0 && cps.length > s.precision) cps = cps.slice(0, s.precision);
  return pad(cps.join(""), cps.length, s, s.align === "" ? "<" : s.align);
}

// ---------------------------------------------------------------------------------------------
// round()

// Beyond these ndigits CPython returns x unchanged / a signed zero without rounding.
const NDIGITS_MAX = 323;
const NDIGITS_MIN = -308;

/** round(x) (ndigits null, gives an int) and round(x, ndigits) (gives a float). */
export function roundFloat(x: number, ndigits: number | null): number | bigint {
  if (ndigits === null) {
    if (Number.isNaN(x)) throw new PyValueError("cannot convert float NaN to integer");
    if (!Number.isFinite(x)) throw new PyOverflowError("cannot convert float infinity to integer");
    const fl = Math.floor(x);
    const diff = x - fl; // exact: below 2^52 the fraction fits, above it diff is 0
    let r = fl;
    if (diff > 0.5 || (diff === 0.5 && fl % 2 !== 0)) r = fl + 1;
    return BigInt(r);
  }
  if (!Number.isFinite(x) || x === 0) return x;
  if (ndigits > NDIGITS_MAX) return x;
  if (ndigits < NDIGITS_MIN) return x < 0 ? -0 : 0;
  const { n, k } = exactAbs(x);
  let result: number;
  if (ndigits >= 0) {
    if (ndigits >= k) return x;
    const m = divHalfEven(n, pow10(k - ndigits));
    // The engine's string-to-double is correctly rounded, as CPython's strtod is.
    result = Number(`${m}e-${ndigits}`);
  } else {
    const m = divHalfEven(n, pow10(k - ndigits));
    result = Number(m * pow10(-ndigits));
  }
  if (!Number.isFinite(result)) throw new PyOverflowError("rounded value too large to represent");
  return x < 0 ? -result : result;
}

// ---------------------------------------------------------------------------------------------
// float(str) and int(str, base)

// The non-ASCII members of Python's str.isspace() set: float() and int() map them to ' '.
const UNICODE_SPACE = /^[\u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]$/u;

/**
 * CPython first maps non-ASCII whitespace to ' ' and Unicode decimal digits to ASCII, then parses
 * ASCII; characters that are neither stay non-ASCII and make the parse fail.
 */
function toAsciiNumber(s: string): string {
  let out = "";
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (c < 127) out += ch;
    else if (UNICODE_SPACE.test(ch)) out += " ";
    else {
      const d = unicodeDecimal(ch);
      out += d >= 0 ? String(d) : "?";
    }
  }
  return out.replace(/^[ \t\n\v\f\r]+|[ \t\n\v\f\r]+$/g, "");
}

const FLOAT_RE = /^[+-]?(?:(?:\d(?:_?\d)*(?:\.(?:\d(?:_?\d)*)?)?|\.\d(?:_?\d)*)(?:[eE][+-]?\d(?:_?\d)*)?)$/;
const SPECIAL_RE = /^([+-]?)(inf|infinity|nan)$/i;

/** float(str): the value, or null where CPython raises "could not convert string to float". */
export function parsePyFloat(s: string): number | null {
  const t = toAsciiNumber(s);
  const special = SPECIAL_RE.exec(t);
  if (special) {
    if (special[2]!.toLowerCase() === "nan") return NaN;
    return special[1] === "-" ? -Infinity : Infinity;
  }
  if (!FLOAT_RE.test(t)) return null;
  // The grammar is now a subset of JS's StrDecimalLiteral, whose conversion is correctly rounded.
  return Number(t.replace(/_/g, ""));
}

/**
 * int(str, base): the value, or null where CPython raises "invalid literal for int()".
 * Throws PyValueError for a bad base and for decimal strings over the 4300-digit limit.
 */
export function parsePyInt(s: string, base: number): bigint | null {
  if (!((base >= 2 && base <= 36) || base === 0)) {
    throw new PyValueError("int() base must be >= 2 and <= 36, or 0");
  }
  let t = toAsciiNumber(s);
  let negative = false;
  if (t[0] === "+" || t[0] === "-") {
    negative = t[0] === "-";
    t = t.slice(1);
  }
  const prefixed = /^0[xXoObB]/.test(t) ? "box".indexOf(t[1]!.toLowerCase()) : -1;
  const prefixBase = prefixed < 0 ? 0 : [2, 8, 16][prefixed]!;
  let leadingZeroRule = false;
  if (base === 0) {
    if (prefixBase !== 0) {
      base = prefixBase;
      t = t.slice(2);
      if (t[0] === "_") t = t.slice(1); // one underscore may follow the prefix
    } else {
      base = 10;
      leadingZeroRule = true; // "010" is an error in base 0, as in source code
    }
  } else if (prefixBase === base) {
    t = t.slice(2);
    if (t[0] === "_") t = t.slice(1);
  }
  // Count the leading run of digits first: CPython applies the length limit before it
  // looks at what follows the digits.
  let digitCount = 0;
  let i = 0;
  while (i < t.length) {
    const v = digitValue(t[i]!);
    if (v >= 0 && v < base) digitCount++;
    else if (t[i] !== "_") break;
    i++;
  }
  if ((base & (base - 1)) !== 0 && digitCount > MAX_STR_DIGITS) {
    throw new PyValueError(
      `Exceeds the limit (${MAX_STR_DIGITS} digits) for integer string conversion: value has ` +
        `${digitCount} digits; use sys.set_int_max_str_digits() to increase the limit`,
    );
  }
  if (t === "" || t[0] === "_" || t.endsWith("_") || t.includes("__")) return null;
  const digits = t.replace(/_/g, "");
  for (const ch of digits) {
    const d = digitValue(ch);
    if (d < 0 || d >= base) return null;
  }
  const v = bigIntFromDigits(digits, base);
  if (leadingZeroRule && t[0] === "0" && v !== 0n) return null;
  return negative ? -v : v;
}

/** Value of validated digits. BigInt() parses bases 2, 8, 10 and 16 in better than quadratic time. */
function bigIntFromDigits(digits: string, base: number): bigint {
  const prefix = base === 2 ? "0b" : base === 8 ? "0o" : base === 16 ? "0x" : base === 10 ? "" : null;
  if (prefix !== null) return BigInt(prefix + digits);
  let v = 0n;
  const b = BigInt(base);
  for (const ch of digits) v = v * b + BigInt(digitValue(ch));
  return v;
}

function digitValue(ch: string): number {
  const c = ch.charCodeAt(0);
  if (c >= 48 && c <= 57) return c - 48;
  if (c >= 97 && c <= 122) return c - 87;
  if (c >= 65 && c <= 90) return c - 55;
  return -1;
}
