// The Python formatting functions the host imports use, from src/pyformat.ts (owned by the
// pyformat work). round() here always takes ndigits; round(x) without it is handled in the VM.
export { floatRepr, formatFloat, formatInt, formatStr, parsePyFloat, parsePyInt } from "./pyformat.js";
import { roundFloat as pyRound } from "./pyformat.js";

export function roundFloat(x: number, ndigits: number): number {
  const r = pyRound(x, ndigits);
  return typeof r === "bigint" ? Number(r) : r;
}
