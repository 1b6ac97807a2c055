// THE opcode list of withvm: compiled by both tsc (compiler, disassembler) and asc (VM).
// Names and behaviour are CPython 3.8's; numbers are ours, dense 0..OP_COUNT-1 so the VM's
// switch becomes one br_table. Keep this file portable: a const enum and plain constants only.
// Ops below FIRST_OP_WITH_ARG ignore their argument (CPython's HAVE_ARGUMENT split).

export const enum Op {
  // ---- no argument ----
  /** (…, a) → (…) */
  POP_TOP = 0,
  /** (…, a, b) → (…, b, a) */
  ROT_TWO = 1,
  /** (…, a, b, c) → (…, c, a, b) */
  ROT_THREE = 2,
  /** (…, a, b, c, d) → (…, d, a, b, c) */
  ROT_FOUR = 3,
  /** (…, a) → (…, a, a) */
  DUP_TOP = 4,
  /** (…, a, b) → (…, a, b, a, b) */
  DUP_TOP_TWO = 5,
  /** no effect */
  NOP = 6,
  /** (…, a) → (…, +a) */
  UNARY_POSITIVE = 7,
  /** (…, a) → (…, -a) */
  UNARY_NEGATIVE = 8,
  /** (…, a) → (…, not a) */
  UNARY_NOT = 9,
  /** (…, a) → (…, ~a) */
  UNARY_INVERT = 10,
  /** (…, a, b) → (…, a @ b) */
  BINARY_MATRIX_MULTIPLY = 11,
  /** (…, a, b) → (…, a @= b) */
  INPLACE_MATRIX_MULTIPLY = 12,
  /** (…, a, b) → (…, a ** b) */
  BINARY_POWER = 13,
  /** (…, a, b) → (…, a * b) */
  BINARY_MULTIPLY = 14,
  /** (…, a, b) → (…, a % b) */
  BINARY_MODULO = 15,
  /** (…, a, b) → (…, a + b) */
  BINARY_ADD = 16,
  /** (…, a, b) → (…, a - b) */
  BINARY_SUBTRACT = 17,
  /** (…, a, b) → (…, a[b]) */
  BINARY_SUBSCR = 18,
  /** (…, a, b) → (…, a // b) */
  BINARY_FLOOR_DIVIDE = 19,
  /** (…, a, b) → (…, a / b) */
  BINARY_TRUE_DIVIDE = 20,
  /** (…, a, b) → (…, a //= b) */
  INPLACE_FLOOR_DIVIDE = 21,
  /** (…, a, b) → (…, a /= b) */
  INPLACE_TRUE_DIVIDE = 22,
  /** (…) → (…, NULL): enter a finally block or with cleanup normally. Counted +6. */
  BEGIN_FINALLY = 23,
  /** (…, a, b) → (…, a += b) */
  INPLACE_ADD = 24,
  /** (…, a, b) → (…, a -= b) */
  INPLACE_SUBTRACT = 25,
  /** (…, a, b) → (…, a *= b) */
  INPLACE_MULTIPLY = 26,
  /** (…, a, b) → (…, a %= b) */
  INPLACE_MODULO = 27,
  /** (…, v, obj, key) → (…): obj[key] = v */
  STORE_SUBSCR = 28,
  /** (…, obj, key) → (…): del obj[key] */
  DELETE_SUBSCR = 29,
  /** (…, a, b) → (…, a << b) */
  BINARY_LSHIFT = 30,
  /** (…, a, b) → (…, a >> b) */
  BINARY_RSHIFT = 31,
  /** (…, a, b) → (…, a & b) */
  BINARY_AND = 32,
  /** (…, a, b) → (…, a ^ b) */
  BINARY_XOR = 33,
  /** (…, a, b) → (…, a | b) */
  BINARY_OR = 34,
  /** (…, a, b) → (…, a **= b) */
  INPLACE_POWER = 35,
  /** (…, obj) → (…, iter(obj)) */
  GET_ITER = 36,
  /** (…, obj) → (…, iter): obj itself when it is a generator, else iter(obj) */
  GET_YIELD_FROM_ITER = 37,
  /** (…, v) → (…): interactive echo; never emitted for files */
  PRINT_EXPR = 38,
  /** (…) → (…, __build_class__) */
  LOAD_BUILD_CLASS = 39,
  /** (…, iter, v) → (…, result): delegate to a sub-iterator (yield from) */
  YIELD_FROM = 40,
  /** (…, a, b) → (…, a <<= b) */
  INPLACE_LSHIFT = 41,
  /** (…, a, b) → (…, a >>= b) */
  INPLACE_RSHIFT = 42,
  /** (…, a, b) → (…, a &= b) */
  INPLACE_AND = 43,
  /** (…, a, b) → (…, a ^= b) */
  INPLACE_XOR = 44,
  /** (…, a, b) → (…, a |= b) */
  INPLACE_OR = 45,
  /** (…, X, NULL) → (…, NULL, None, res) or (…, X, [6]) → (…, pt, pv, pT, NULL, t, v, T, T, res): call __exit__ */
  WITH_CLEANUP_START = 46,
  /** (…, marker, res) → (…): a class marker and truthy res suppress (pop the handler, push NULL) */
  WITH_CLEANUP_FINISH = 47,
  /** (…, v) → return v to the caller */
  RETURN_VALUE = 48,
  /** (…, module) → (…): from module import * (rejected by the compiler) */
  IMPORT_STAR = 49,
  /** (…) → (…): create __annotations__ (rejected by the compiler) */
  SETUP_ANNOTATIONS = 50,
  /** (…, v) → (…, sent): suspend the generator with v */
  YIELD_VALUE = 51,
  /** (…) → (…): pop the top block */
  POP_BLOCK = 52,
  /** (…, NULL | int | [6]) → (…): fall through, jump to the int, or re-raise the record */
  END_FINALLY = 53,
  /** (…, pt, pv, pT) → (…): end an except handler, restoring the handled exception */
  POP_EXCEPT = 54,

  // ---- with argument ----
  /** arg = name index. (…, v) → (…) */
  STORE_NAME = 55,
  /** arg = name index */
  DELETE_NAME = 56,
  /** arg = count. (…, seq) → (…, vN … v1) */
  UNPACK_SEQUENCE = 57,
  /** arg = relative jump. (…, it) → (…, it, next) or, exhausted, (…) and jump */
  FOR_ITER = 58,
  /** arg = before | after << 8. (…, seq) → (…, after values, list, before values) */
  UNPACK_EX = 59,
  /** arg = name index. (…, v, obj) → (…): obj.name = v */
  STORE_ATTR = 60,
  /** arg = name index. (…, obj) → (…) */
  DELETE_ATTR = 61,
  /** arg = name index. (…, v) → (…) */
  STORE_GLOBAL = 62,
  /** arg = name index */
  DELETE_GLOBAL = 63,
  /** arg = const index. (…) → (…, const) */
  LOAD_CONST = 64,
  /** arg = name index. (…) → (…, v) */
  LOAD_NAME = 65,
  /** arg = count. (…, v1 … vN) → (…, tuple) */
  BUILD_TUPLE = 66,
  /** arg = count. (…, v1 … vN) → (…, list) */
  BUILD_LIST = 67,
  /** arg = count. (…, v1 … vN) → (…, set) */
  BUILD_SET = 68,
  /** arg = pair count. (…, k1, v1 … kN, vN) → (…, dict) */
  BUILD_MAP = 69,
  /** arg = name index. (…, obj) → (…, obj.name) */
  LOAD_ATTR = 70,
  /** arg = comparison (see CMP_OP). (…, a, b) → (…, a op b) */
  COMPARE_OP = 71,
  /** arg = name index. (…, level, fromlist) → (…, module) */
  IMPORT_NAME = 72,
  /** arg = name index. (…, module) → (…, module, module.name) */
  IMPORT_FROM = 73,
  /** arg = relative jump */
  JUMP_FORWARD = 74,
  /** arg = absolute target. Jump keeping TOS if falsy, else pop it */
  JUMP_IF_FALSE_OR_POP = 75,
  /** arg = absolute target. Jump keeping TOS if truthy, else pop it */
  JUMP_IF_TRUE_OR_POP = 76,
  /** arg = absolute target */
  JUMP_ABSOLUTE = 77,
  /** arg = absolute target. (…, v) → (…), jump if v is falsy */
  POP_JUMP_IF_FALSE = 78,
  /** arg = absolute target. (…, v) → (…), jump if v is truthy */
  POP_JUMP_IF_TRUE = 79,
  /** arg = name index. (…) → (…, global or builtin) */
  LOAD_GLOBAL = 80,
  /** arg = relative handler. Push a finally block; the handler sees the 6-value record */
  SETUP_FINALLY = 81,
  /** arg = local index. (…) → (…, v) */
  LOAD_FAST = 82,
  /** arg = local index. (…, v) → (…) */
  STORE_FAST = 83,
  /** arg = local index */
  DELETE_FAST = 84,
  /** arg = 0..2. (…, [exc, [cause]]) → raise */
  RAISE_VARARGS = 85,
  /** arg = positional count. (…, f, a1 … aN) → (…, f(a…)) */
  CALL_FUNCTION = 86,
  /** arg = flags 1 defaults, 2 kwdefaults, 4 annotations, 8 closure. (…, [extras], code, qualname) → (…, fn) */
  MAKE_FUNCTION = 87,
  /** arg = 2 or 3. (…, lo, hi[, step]) → (…, slice) */
  BUILD_SLICE = 88,
  /** arg = cell/free index. (…) → (…, cell) */
  LOAD_CLOSURE = 89,
  /** arg = cell/free index. (…) → (…, cell contents) */
  LOAD_DEREF = 90,
  /** arg = cell/free index. (…, v) → (…) */
  STORE_DEREF = 91,
  /** arg = cell/free index */
  DELETE_DEREF = 92,
  /** arg = total count. (…, f, a1 … aN, names) → (…, result) */
  CALL_FUNCTION_KW = 93,
  /** arg = 1 if a kwargs dict is present. (…, f, args[, kwargs]) → (…, result) */
  CALL_FUNCTION_EX = 94,
  /** arg = relative handler. (…, mgr) → (…, X, res); pushes a finally block once __enter__ returns */
  SETUP_WITH = 95,
  /** arg = high bits of the next instruction's argument */
  EXTENDED_ARG = 96,
  /** arg = depth. (…, list, …, v) → (…, list, …): list.append(v) */
  LIST_APPEND = 97,
  /** arg = depth. (…, set, …, v) → (…, set, …) */
  SET_ADD = 98,
  /** arg = depth. (…, dict, …, k, v) → (…, dict, …) */
  MAP_ADD = 99,
  /** arg = cell/free index. Class-body lookup: class namespace first, then the cell */
  LOAD_CLASSDEREF = 100,
  /** arg = count. (…, it1 … itN) → (…, list) */
  BUILD_LIST_UNPACK = 101,
  /** arg = count. (…, m1 … mN) → (…, dict) */
  BUILD_MAP_UNPACK = 102,
  /** arg = count. Like BUILD_MAP_UNPACK, rejecting duplicate keyword arguments */
  BUILD_MAP_UNPACK_WITH_CALL = 103,
  /** arg = count. (…, it1 … itN) → (…, tuple) */
  BUILD_TUPLE_UNPACK = 104,
  /** arg = count. (…, it1 … itN) → (…, set) */
  BUILD_SET_UNPACK = 105,
  /** arg = conversion (0 none, 1 str, 2 repr, 3 ascii) | 4 if a spec is on the stack. (…, v[, spec]) → (…, str) */
  FORMAT_VALUE = 106,
  /** arg = count. (…, v1 … vN, keys) → (…, dict) */
  BUILD_CONST_KEY_MAP = 107,
  /** arg = count. (…, s1 … sN) → (…, s1 + … + sN) */
  BUILD_STRING = 108,
  /** arg = count. BUILD_TUPLE_UNPACK for call arguments (error messages name the callee) */
  BUILD_TUPLE_UNPACK_WITH_CALL = 109,
  /** arg = name index. (…, obj) → (…, method, obj) or (…, NULL, bound) */
  LOAD_METHOD = 110,
  /** arg = positional count. (…, method, self|NULL, a1 … aN) → (…, result) */
  CALL_METHOD = 111,
  /** arg = relative target. (…) → (…, return address); jump into a finally body */
  CALL_FINALLY = 112,
  /** arg = keep TOS. (…, NULL | int | [6][, v]) → (…[, v]) */
  POP_FINALLY = 113,
}

/** Number of opcodes; the VM's op table and the code image header both carry it. */
export const OP_COUNT = 114;

/** Ops numbered below this take no argument (CPython's HAVE_ARGUMENT). */
export const FIRST_OP_WITH_ARG = 55;

/** COMPARE_OP arguments, in CPython 3.8's order (dis prints these names). */
export const enum Cmp {
  LT = 0,
  LE = 1,
  EQ = 2,
  NE = 3,
  GT = 4,
  GE = 5,
  IN = 6,
  NOT_IN = 7,
  IS = 8,
  IS_NOT = 9,
  EXC_MATCH = 10,
}

/** MAKE_FUNCTION flags. */
export const enum MakeFn {
  DEFAULTS = 1,
  KWDEFAULTS = 2,
  ANNOTATIONS = 4,
  CLOSURE = 8,
}

/** Code object flags, CPython's values. */
export const enum CodeFlag {
  OPTIMIZED = 0x1,
  NEWLOCALS = 0x2,
  VARARGS = 0x4,
  VARKEYWORDS = 0x8,
  NESTED = 0x10,
  GENERATOR = 0x20,
  NOFREE = 0x40,
}
