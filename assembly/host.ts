// Imports from the JS host (src/host.ts implements them). Every import is wrapped on the JS
// side, so none of them ever throws into wasm; they take and return numbers only, and text
// travels through linear memory as UTF-8 (vm-core-measurements.md §4).

/** Writes len bytes at ptr to stream fd (1 stdout, 2 stderr). */
@external("host", "write")
export declare function hostWrite(fd: i32, ptr: usize, len: usize): i32;

/** Python repr(float) of x into [out, out+cap); returns the byte count. */
@external("host", "floatRepr")
export declare function hostFloatRepr(x: f64, out: usize, cap: i32): i32;

/** '%.<prec>f' % x into [out, out+cap); returns the byte count. */
@external("host", "formatFixed")
export declare function hostFormatFixed(x: f64, prec: i32, out: usize, cap: i32): i32;

/** format(value, spec) for kind 1 int (decimal text at sp/sl), 2 float (x), 3 str (UTF-8 at
 * sp/sl). Writes the result at out and returns its length, or -(length) of an error message. */
@external("host", "format")
export declare function hostFormat(kind: i32, x: f64, sp: usize, sl: usize, specPtr: usize, specLen: usize, out: usize, cap: i32): i32;

/** Python float(str) / int(str, base) parsing. Returns 1 and stores the result (f64, or the
 * int as f64 when exact plus i64 at out+8) at out, or 0 if the text is not a valid literal. */
@external("host", "parseNumber")
export declare function hostParseNumber(kind: i32, ptr: usize, len: usize, base: i32, out: usize): i32;

/** One executed instruction while tracing: [ptr, ptr+len) holds the record (vm.ts traceStep). */
@external("host", "traceStep")
export declare function hostTraceStep(ptr: usize, len: usize): void;

/** round(x, ndigits) with CPython's correctly rounded result. */
@external("host", "roundFloat")
export declare function hostRoundFloat(x: f64, ndigits: i32): f64;

/** Case mapping (op 0 upper … 5 casefold: writes UTF-8 at out, returns its length, or
 * -(length needed) when cap is too small) or a character-class test (op ≥ 10: returns 0/1) of
 * the UTF-8 text at ptr/len; used for strings that are not pure ASCII. */
@external("host", "strCase")
export declare function hostStrCase(op: i32, ptr: usize, len: usize, out: usize, cap: i32): i32;

/** The host's monotonic clock in milliseconds (performance.now()); read by limits.ts only once
 * per many polls. */
@external("host", "now")
export declare function hostNow(): f64;
