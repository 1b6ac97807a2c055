// Python number formatting for the host imports. PLACEHOLDER until branch `pyformat` lands
// src/pyformat.ts (then this file re-exports it): repr(float) and the common format specs
// ([[fill]align][sign][0][width][,][.prec][type] with d, f, e, g, %, s), enough for f-strings.

/** repr(float): shortest round-trip digits, Python's switch to exponent form (exp < -4 or >= 16). */
export function floatRepr(x: number): string {
  if (Number.isNaN(x)) return "nan";
  if (x === Infinity) return "inf";
  if (x === -Infinity) return "-inf";
  if (x === 0) return Object.is(x, -0) ? "-0.0" : "0.0";
  const [mant, expText] = x.toExponential().split("e");
  const exp = Number(expText);
  const neg = mant.startsWith("-");
  const digits = mant.replace("-", "").replace(".", "");
  let body: string;
  if (exp < -4 || exp >= 16) {
    const m = digits.length > 1 ? `${digits[0]}.${digits.slice(1)}` : digits;
    body = `${m}e${exp < 0 ? "-" : "+"}${String(Math.abs(exp)).padStart(2, "0")}`;
  } else if (exp < 0) {
    body = `0.${"0".repeat(-exp - 1)}${digits}`;
  } else if (digits.length <= exp + 1) {
    body = `${digits}${"0".repeat(exp + 1 - digits.length)}.0`;
  } else {
    body = `${digits.slice(0, exp + 1)}.${digits.slice(exp + 1)}`;
  }
  return neg ? `-${body}` : body;
}

interface Spec {
  fill: string;
  align: string;
  sign: string;
  zero: boolean;
  width: number;
  comma: boolean;
  prec: number;
  type: string;
}

function parseSpec(spec: string): Spec {
  const m = /^(?:(.)?([<>=^]))?([+\- ])?(#)?(0)?(\d+)?([,_])?(?:\.(\d+))?([bcdeEfFgGnosxX%])?$/su.exec(spec);
  if (!m) throw new Error("Invalid format specifier");
  return {
    fill: m[1] ?? (m[5] && !m[2] ? "0" : " "),
    align: m[2] ?? (m[5] ? "=" : ""),
    sign: m[3] ?? "-",
    zero: !!m[5],
    width: m[6] ? Number(m[6]) : 0,
    comma: !!m[7],
    prec: m[8] !== undefined ? Number(m[8]) : -1,
    type: m[9] ?? "",
  };
}

function pad(body: string, sign: string, s: Spec, defaultAlign: string): string {
  const align = s.align || defaultAlign;
  const len = [...body].length + sign.length;
  if (len >= s.width) return sign + body;
  const fill = s.fill.repeat(s.width - len);
  if (align === "<") return sign + body + fill;
  if (align === "^") {
    const left = fill.slice(0, Math.floor(fill.length / 2));
    return left + sign + body + fill.slice(left.length);
  }
  if (align === "=") return sign + fill + body;
  return fill + sign + body;
}

function group(intPart: string): string {
  return intPart.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

function signOf(neg: boolean, s: Spec): string {
  return neg ? "-" : s.sign === "+" ? "+" : s.sign === " " ? " " : "";
}

export function formatFloat(x: number, spec: string): string {
  const s = parseSpec(spec);
  const neg = x < 0 || Object.is(x, -0);
  const a = Math.abs(x);
  let body: string;
  const t = s.type || (s.prec >= 0 ? "g" : "");
  if (!Number.isFinite(a)) body = Number.isNaN(a) ? "nan" : "inf";
  else if (t === "f" || t === "F") body = a.toFixed(s.prec < 0 ? 6 : s.prec);
  else if (t === "%") body = (a * 100).toFixed(s.prec < 0 ? 6 : s.prec) + "%";
  else if (t === "e" || t === "E") {
    const [m, e] = a.toExponential(s.prec < 0 ? 6 : s.prec).split("e");
    body = `${m}e${e[0] === "-" ? "-" : "+"}${e.replace(/^[+-]/, "").padStart(2, "0")}`;
  } else if (t === "g" || t === "G") {
    const p = s.prec < 0 ? 6 : s.prec === 0 ? 1 : s.prec;
    const exp = a === 0 ? 0 : Math.floor(Math.log10(a));
    if (exp < -4 || exp >= p) {
      const [m, e] = a.toExponential(p - 1).split("e");
      body = `${m.includes(".") ? m.replace(/\.?0+$/, "") : m}e${e[0] === "-" ? "-" : "+"}${e.replace(/^[+-]/, "").padStart(2, "0")}`;
    } else {
      body = a.toFixed(Math.max(0, p - 1 - exp));
      if (body.includes(".")) body = body.replace(/\.?0+$/, "");
    }
  } else body = floatRepr(a);
  if (s.comma) {
    const [i, f] = body.split(".");
    body = group(i) + (f !== undefined ? "." + f : "");
  }
  return pad(body, signOf(neg, s), s, ">");
}

export function formatInt(x: bigint, spec: string): string {
  const s = parseSpec(spec);
  if (s.type && "eEfFgG%".includes(s.type)) return formatFloat(Number(x), spec);
  const neg = x < 0n;
  const a = neg ? -x : x;
  let body: string;
  if (s.type === "x") body = a.toString(16);
  else if (s.type === "X") body = a.toString(16).toUpperCase();
  else if (s.type === "o") body = a.toString(8);
  else if (s.type === "b") body = a.toString(2);
  else if (s.type === "c") body = String.fromCodePoint(Number(a));
  else if (s.type === "" || s.type === "d" || s.type === "n") body = a.toString();
  else throw new Error(`Unknown format code '${s.type}' for object of type 'int'`);
  if (s.comma) body = group(body);
  return pad(body, signOf(neg, s), s, ">");
}

export function formatStr(x: string, spec: string): string {
  const s = parseSpec(spec);
  if (s.type && s.type !== "s") throw new Error(`Unknown format code '${s.type}' for object of type 'str'`);
  const body = s.prec >= 0 ? [...x].slice(0, s.prec).join("") : x;
  return pad(body, "", s, "<");
}

/** round(x, nd): round-half-even on the decimal value, as CPython's correctly rounded round(). */
export function roundFloat(x: number, nd: number): number {
  if (!Number.isFinite(x)) return x;
  if (nd > 300) return x;
  const text = x.toFixed(Math.min(100, Math.max(0, nd + 30)));
  const scaled = x * 10 ** nd;
  const r = Math.round(scaled);
  // ties to even when the decimal expansion is exactly half
  const frac = Math.abs(scaled - Math.trunc(scaled));
  let v = r;
  if (Math.abs(frac - 0.5) < 1e-9 && text) v = 2 * Math.round(scaled / 2);
  return nd >= 0 ? v / 10 ** nd : v * 10 ** -nd;
}

export function parsePyFloat(text: string): number | null {
  const t = text.trim().replace(/_/g, "").toLowerCase();
  if (/^[+-]?(inf|infinity)$/.test(t)) return t.startsWith("-") ? -Infinity : Infinity;
  if (/^[+-]?nan$/.test(t)) return NaN;
  if (!/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/.test(t)) return null;
  return Number(t);
}

export function parsePyInt(text: string, base: number): bigint | null {
  let t = text.trim().replace(/_/g, "").toLowerCase();
  let neg = false;
  if (t.startsWith("-") || t.startsWith("+")) { neg = t[0] === "-"; t = t.slice(1); }
  if (base === 16 && t.startsWith("0x")) t = t.slice(2);
  if (base === 8 && t.startsWith("0o")) t = t.slice(2);
  if (base === 2 && t.startsWith("0b")) t = t.slice(2);
  if (t === "") return null;
  const digits = "0123456789abcdefghijklmnopqrstuvwxyz".slice(0, base);
  let v = 0n;
  for (const ch of t) {
    const d = digits.indexOf(ch);
    if (d < 0) return null;
    v = v * BigInt(base) + BigInt(d);
  }
  return neg ? -v : v;
}
