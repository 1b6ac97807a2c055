// Unicode case mapping and character classes for str methods on non-ASCII text (the VM handles
// pure-ASCII strings itself and calls the host only when a string holds other characters).
// Python's definitions are approximated with JavaScript's Unicode case tables and properties.

const LOWER = /\p{Lowercase}/u;
const UPPER = /\p{Uppercase}/u;
const TITLE = /\p{Lt}/u;
const ALPHA = /\p{L}/u;
const DECIMAL = /\p{Nd}/u;
const NUMERIC = /\p{N}/u;
// characters with a digit value that are not decimal digits (superscripts, circled digits, ...)
const EXTRA_DIGIT = /[\u00b2\u00b3\u00b9\u1369-\u1371\u19da\u2070\u2074-\u2079\u2080-\u2089\u2460-\u2468\u2474-\u247c\u2488-\u2490\u24ea\u24f5-\u24fd\u24ff\u2776-\u277e\u2780-\u2788\u278a-\u2792]/u;
// CJK ideographs Python counts as numeric
const HAN_NUMERIC = /[\u3007\u4e00\u4e03\u4e07\u4e09\u4e5d\u4e8c\u4e94\u516b\u516d\u5341\u5343\u5344\u5345\u56db\u58f1\u58f9\u5e7a\u5efe\u5eff\u5f0c\u5f0d\u5f0e\u5f10\u62fe\u634c\u67d2\u6f06\u7396\u767e\u842c\u8cae\u8cb3\u8d30\u9621\u96f6\u4ebf\u5104\u5146]/u;

export function isSpaceCp(c: number): boolean {
  return (c >= 9 && c <= 13) || (c >= 0x1c && c <= 0x20) || c === 0x85 || c === 0xa0 || c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000;
}
const isLower = (ch: string) => LOWER.test(ch);
const isUpper = (ch: string) => UPPER.test(ch);
const isTitle = (ch: string) => TITLE.test(ch);
const isCased = (ch: string) => isLower(ch) || isUpper(ch) || isTitle(ch);
const isDecimal = (ch: string) => DECIMAL.test(ch);
const isDigit = (ch: string) => isDecimal(ch) || EXTRA_DIGIT.test(ch);
const isNumeric = (ch: string) => NUMERIC.test(ch) || HAN_NUMERIC.test(ch);
const isAlpha = (ch: string) => ALPHA.test(ch);

/** Title case of one character: upper case, except that a multi-character upper case keeps its
 * first character upper and lowers the rest ('ß' → 'Ss'), and digraphs map to their Lt form. */
function titleChar(ch: string): string {
  const digraphs: Record<string, string> = { "\u01c4": "\u01c5", "\u01c5": "\u01c5", "\u01c6": "\u01c5",
    "\u01c7": "\u01c8", "\u01c8": "\u01c8", "\u01c9": "\u01c8", "\u01ca": "\u01cb", "\u01cb": "\u01cb",
    "\u01cc": "\u01cb", "\u01f1": "\u01f2", "\u01f2": "\u01f2", "\u01f3": "\u01f2" };
  if (ch in digraphs) return digraphs[ch];
  const up = ch.toUpperCase();
  const cps = [...up];
  return cps.length > 1 ? cps[0] + cps.slice(1).join("").toLowerCase() : up;
}

/** op 0 upper, 1 lower, 2 title, 3 capitalize, 4 swapcase, 5 casefold. */
export function caseMap(op: number, s: string): string {
  switch (op) {
    case 0: return s.toUpperCase();
    case 1: return s.toLowerCase();
    case 2: {
      let out = "", prevCased = false;
      for (const ch of s) {
        out += prevCased ? ch.toLowerCase() : titleChar(ch);
        prevCased = isCased(ch);
      }
      return out;
    }
    case 3: {
      const cps = [...s];
      if (cps.length === 0) return s;
      return titleChar(cps[0]) + cps.slice(1).join("").toLowerCase();
    }
    case 4: {
      let out = "";
      for (const ch of s) out += isUpper(ch) ? ch.toLowerCase() : isLower(ch) ? ch.toUpperCase() : ch;
      return out;
    }
    default: {
      let out = "";
      for (const ch of s) out += ch.toUpperCase().toLowerCase();
      return out;
    }
  }
}

/** op 10 isupper, 11 islower, 12 istitle, 13 isalpha, 14 isdecimal, 15 isdigit, 16 isnumeric,
 * 17 isalnum, 18 isspace; empty strings are false for all of them. */
export function casePredicate(op: number, s: string): boolean {
  const cps = [...s];
  if (cps.length === 0) return false;
  switch (op) {
    case 10: case 11: {
      let cased = false;
      for (const ch of cps) {
        if (isTitle(ch) || (op === 10 ? isLower(ch) : isUpper(ch))) return false;
        if (op === 10 ? isUpper(ch) : isLower(ch)) cased = true;
      }
      return cased;
    }
    case 12: {
      let cased = false, prev = false;
      for (const ch of cps) {
        if (isUpper(ch) || isTitle(ch)) {
          if (prev) return false;
          prev = cased = true;
        } else if (isLower(ch)) {
          if (!prev) return false;
          prev = cased = true;
        } else prev = false;
      }
      return cased;
    }
    case 13: return cps.every(isAlpha);
    case 14: return cps.every(isDecimal);
    case 15: return cps.every(isDigit);
    case 16: return cps.every(isNumeric);
    case 17: return cps.every((ch) => isAlpha(ch) || isDecimal(ch) || isDigit(ch) || isNumeric(ch));
    default: return cps.every((ch) => isSpaceCp(ch.codePointAt(0)!));
  }
}
