// Compiler-side metadata for every opcode in assembly/shared/opcodes.ts: its CPython name, how
// its argument is read (for the disassembler and the code-image verifier) and its stack effect
// (for max-depth computation, CPython 3.8's `stack_effect`). `Record<Op, OpInfo>` makes tsc
// reject a missing entry; nothing else in the compiler lists opcodes.

import { Op, OP_COUNT, FIRST_OP_WITH_ARG } from "../assembly/shared/opcodes.js";

/** How an instruction's argument is interpreted. */
export type ArgKind =
  | "none" // no argument
  | "const" // index into co_consts
  | "name" // index into co_names
  | "local" // index into co_varnames
  | "free" // index into co_cellvars + co_freevars
  | "jrel" // jump target relative to the next instruction (bytes)
  | "jabs" // absolute jump target (bytes)
  | "compare" // Cmp value
  | "format" // FORMAT_VALUE flags
  | "makefn" // MAKE_FUNCTION flags
  | "int"; // a plain count or flag

/** Stack effect: a constant, or a function of the argument and of whether the jump is taken. */
export type StackEffect = number | ((arg: number, jump: boolean) => number);

export interface OpInfo {
  name: string;
  arg: ArgKind;
  stack: StackEffect;
}

const minusArg = (arg: number) => -arg;
const oneMinusArg = (arg: number) => 1 - arg;

export const OPS: Record<Op, OpInfo> = {
  [Op.POP_TOP]: { name: "POP_TOP", arg: "none", stack: -1 },
  [Op.ROT_TWO]: { name: "ROT_TWO", arg: "none", stack: 0 },
  [Op.ROT_THREE]: { name: "ROT_THREE", arg: "none", stack: 0 },
  [Op.ROT_FOUR]: { name: "ROT_FOUR", arg: "none", stack: 0 },
  [Op.DUP_TOP]: { name: "DUP_TOP", arg: "none", stack: 1 },
  [Op.DUP_TOP_TWO]: { name: "DUP_TOP_TWO", arg: "none", stack: 2 },
  [Op.NOP]: { name: "NOP", arg: "none", stack: 0 },
  [Op.UNARY_POSITIVE]: { name: "UNARY_POSITIVE", arg: "none", stack: 0 },
  [Op.UNARY_NEGATIVE]: { name: "UNARY_NEGATIVE", arg: "none", stack: 0 },
  [Op.UNARY_NOT]: { name: "UNARY_NOT", arg: "none", stack: 0 },
  [Op.UNARY_INVERT]: { name: "UNARY_INVERT", arg: "none", stack: 0 },
  [Op.BINARY_MATRIX_MULTIPLY]: { name: "BINARY_MATRIX_MULTIPLY", arg: "none", stack: -1 },
  [Op.INPLACE_MATRIX_MULTIPLY]: { name: "INPLACE_MATRIX_MULTIPLY", arg: "none", stack: -1 },
  [Op.BINARY_POWER]: { name: "BINARY_POWER", arg: "none", stack: -1 },
  [Op.BINARY_MULTIPLY]: { name: "BINARY_MULTIPLY", arg: "none", stack: -1 },
  [Op.BINARY_MODULO]: { name: "BINARY_MODULO", arg: "none", stack: -1 },
  [Op.BINARY_ADD]: { name: "BINARY_ADD", arg: "none", stack: -1 },
  [Op.BINARY_SUBTRACT]: { name: "BINARY_SUBTRACT", arg: "none", stack: -1 },
  [Op.BINARY_SUBSCR]: { name: "BINARY_SUBSCR", arg: "none", stack: -1 },
  [Op.BINARY_FLOOR_DIVIDE]: { name: "BINARY_FLOOR_DIVIDE", arg: "none", stack: -1 },
  [Op.BINARY_TRUE_DIVIDE]: { name: "BINARY_TRUE_DIVIDE", arg: "none", stack: -1 },
  [Op.INPLACE_FLOOR_DIVIDE]: { name: "INPLACE_FLOOR_DIVIDE", arg: "none", stack: -1 },
  [Op.INPLACE_TRUE_DIVIDE]: { name: "INPLACE_TRUE_DIVIDE", arg: "none", stack: -1 },
  // Pushes one NULL, but CPython counts 6 so that every path into END_FINALLY balances.
  [Op.BEGIN_FINALLY]: { name: "BEGIN_FINALLY", arg: "none", stack: 6 },
  [Op.INPLACE_ADD]: { name: "INPLACE_ADD", arg: "none", stack: -1 },
  [Op.INPLACE_SUBTRACT]: { name: "INPLACE_SUBTRACT", arg: "none", stack: -1 },
  [Op.INPLACE_MULTIPLY]: { name: "INPLACE_MULTIPLY", arg: "none", stack: -1 },
  [Op.INPLACE_MODULO]: { name: "INPLACE_MODULO", arg: "none", stack: -1 },
  [Op.STORE_SUBSCR]: { name: "STORE_SUBSCR", arg: "none", stack: -3 },
  [Op.DELETE_SUBSCR]: { name: "DELETE_SUBSCR", arg: "none", stack: -2 },
  [Op.BINARY_LSHIFT]: { name: "BINARY_LSHIFT", arg: "none", stack: -1 },
  [Op.BINARY_RSHIFT]: { name: "BINARY_RSHIFT", arg: "none", stack: -1 },
  [Op.BINARY_AND]: { name: "BINARY_AND", arg: "none", stack: -1 },
  [Op.BINARY_XOR]: { name: "BINARY_XOR", arg: "none", stack: -1 },
  [Op.BINARY_OR]: { name: "BINARY_OR", arg: "none", stack: -1 },
  [Op.INPLACE_POWER]: { name: "INPLACE_POWER", arg: "none", stack: -1 },
  [Op.GET_ITER]: { name: "GET_ITER", arg: "none", stack: 0 },
  [Op.GET_YIELD_FROM_ITER]: { name: "GET_YIELD_FROM_ITER", arg: "none", stack: 0 },
  [Op.PRINT_EXPR]: { name: "PRINT_EXPR", arg: "none", stack: -1 },
  [Op.LOAD_BUILD_CLASS]: { name: "LOAD_BUILD_CLASS", arg: "none", stack: 1 },
  [Op.YIELD_FROM]: { name: "YIELD_FROM", arg: "none", stack: -1 },
  [Op.INPLACE_LSHIFT]: { name: "INPLACE_LSHIFT", arg: "none", stack: -1 },
  [Op.INPLACE_RSHIFT]: { name: "INPLACE_RSHIFT", arg: "none", stack: -1 },
  [Op.INPLACE_AND]: { name: "INPLACE_AND", arg: "none", stack: -1 },
  [Op.INPLACE_XOR]: { name: "INPLACE_XOR", arg: "none", stack: -1 },
  [Op.INPLACE_OR]: { name: "INPLACE_OR", arg: "none", stack: -1 },
  // +2 or +1 depending on what is on top; CPython counts the larger.
  [Op.WITH_CLEANUP_START]: { name: "WITH_CLEANUP_START", arg: "none", stack: 2 },
  [Op.WITH_CLEANUP_FINISH]: { name: "WITH_CLEANUP_FINISH", arg: "none", stack: -3 },
  [Op.RETURN_VALUE]: { name: "RETURN_VALUE", arg: "none", stack: -1 },
  [Op.IMPORT_STAR]: { name: "IMPORT_STAR", arg: "none", stack: -1 },
  [Op.SETUP_ANNOTATIONS]: { name: "SETUP_ANNOTATIONS", arg: "none", stack: 0 },
  [Op.YIELD_VALUE]: { name: "YIELD_VALUE", arg: "none", stack: 0 },
  [Op.POP_BLOCK]: { name: "POP_BLOCK", arg: "none", stack: 0 },
  [Op.END_FINALLY]: { name: "END_FINALLY", arg: "none", stack: -6 },
  [Op.POP_EXCEPT]: { name: "POP_EXCEPT", arg: "none", stack: -3 },

  [Op.STORE_NAME]: { name: "STORE_NAME", arg: "name", stack: -1 },
  [Op.DELETE_NAME]: { name: "DELETE_NAME", arg: "name", stack: 0 },
  [Op.UNPACK_SEQUENCE]: { name: "UNPACK_SEQUENCE", arg: "int", stack: (arg) => arg - 1 },
  [Op.FOR_ITER]: { name: "FOR_ITER", arg: "jrel", stack: (_arg, jump) => (jump ? -1 : 1) },
  [Op.UNPACK_EX]: { name: "UNPACK_EX", arg: "int", stack: (arg) => (arg & 0xff) + (arg >> 8) },
  [Op.STORE_ATTR]: { name: "STORE_ATTR", arg: "name", stack: -2 },
  [Op.DELETE_ATTR]: { name: "DELETE_ATTR", arg: "name", stack: -1 },
  [Op.STORE_GLOBAL]: { name: "STORE_GLOBAL", arg: "name", stack: -1 },
  [Op.DELETE_GLOBAL]: { name: "DELETE_GLOBAL", arg: "name", stack: 0 },
  [Op.LOAD_CONST]: { name: "LOAD_CONST", arg: "const", stack: 1 },
  [Op.LOAD_NAME]: { name: "LOAD_NAME", arg: "name", stack: 1 },
  [Op.BUILD_TUPLE]: { name: "BUILD_TUPLE", arg: "int", stack: oneMinusArg },
  [Op.BUILD_LIST]: { name: "BUILD_LIST", arg: "int", stack: oneMinusArg },
  [Op.BUILD_SET]: { name: "BUILD_SET", arg: "int", stack: oneMinusArg },
  [Op.BUILD_MAP]: { name: "BUILD_MAP", arg: "int", stack: (arg) => 1 - 2 * arg },
  [Op.LOAD_ATTR]: { name: "LOAD_ATTR", arg: "name", stack: 0 },
  [Op.COMPARE_OP]: { name: "COMPARE_OP", arg: "compare", stack: -1 },
  [Op.IMPORT_NAME]: { name: "IMPORT_NAME", arg: "name", stack: -1 },
  [Op.IMPORT_FROM]: { name: "IMPORT_FROM", arg: "name", stack: 1 },
  [Op.JUMP_FORWARD]: { name: "JUMP_FORWARD", arg: "jrel", stack: 0 },
  [Op.JUMP_IF_FALSE_OR_POP]: { name: "JUMP_IF_FALSE_OR_POP", arg: "jabs", stack: (_a, jump) => (jump ? 0 : -1) },
  [Op.JUMP_IF_TRUE_OR_POP]: { name: "JUMP_IF_TRUE_OR_POP", arg: "jabs", stack: (_a, jump) => (jump ? 0 : -1) },
  [Op.JUMP_ABSOLUTE]: { name: "JUMP_ABSOLUTE", arg: "jabs", stack: 0 },
  [Op.POP_JUMP_IF_FALSE]: { name: "POP_JUMP_IF_FALSE", arg: "jabs", stack: -1 },
  [Op.POP_JUMP_IF_TRUE]: { name: "POP_JUMP_IF_TRUE", arg: "jabs", stack: -1 },
  [Op.LOAD_GLOBAL]: { name: "LOAD_GLOBAL", arg: "name", stack: 1 },
  // 0 on the normal path; the handler is entered with the 6-value record pushed.
  [Op.SETUP_FINALLY]: { name: "SETUP_FINALLY", arg: "jrel", stack: (_a, jump) => (jump ? 6 : 0) },
  [Op.LOAD_FAST]: { name: "LOAD_FAST", arg: "local", stack: 1 },
  [Op.STORE_FAST]: { name: "STORE_FAST", arg: "local", stack: -1 },
  [Op.DELETE_FAST]: { name: "DELETE_FAST", arg: "local", stack: 0 },
  [Op.RAISE_VARARGS]: { name: "RAISE_VARARGS", arg: "int", stack: minusArg },
  [Op.CALL_FUNCTION]: { name: "CALL_FUNCTION", arg: "int", stack: minusArg },
  [Op.MAKE_FUNCTION]: {
    name: "MAKE_FUNCTION",
    arg: "makefn",
    stack: (arg) => -1 - (arg & 1 ? 1 : 0) - (arg & 2 ? 1 : 0) - (arg & 4 ? 1 : 0) - (arg & 8 ? 1 : 0),
  },
  [Op.BUILD_SLICE]: { name: "BUILD_SLICE", arg: "int", stack: (arg) => (arg === 3 ? -2 : -1) },
  [Op.LOAD_CLOSURE]: { name: "LOAD_CLOSURE", arg: "free", stack: 1 },
  [Op.LOAD_DEREF]: { name: "LOAD_DEREF", arg: "free", stack: 1 },
  [Op.STORE_DEREF]: { name: "STORE_DEREF", arg: "free", stack: -1 },
  [Op.DELETE_DEREF]: { name: "DELETE_DEREF", arg: "free", stack: 0 },
  [Op.CALL_FUNCTION_KW]: { name: "CALL_FUNCTION_KW", arg: "int", stack: (arg) => -arg - 1 },
  [Op.CALL_FUNCTION_EX]: { name: "CALL_FUNCTION_EX", arg: "int", stack: (arg) => -1 - (arg & 1 ? 1 : 0) },
  // +1 on the normal path (X replaces mgr, the __enter__ result is pushed); handler sees X + 6.
  [Op.SETUP_WITH]: { name: "SETUP_WITH", arg: "jrel", stack: (_a, jump) => (jump ? 6 : 1) },
  [Op.EXTENDED_ARG]: { name: "EXTENDED_ARG", arg: "int", stack: 0 },
  [Op.LIST_APPEND]: { name: "LIST_APPEND", arg: "int", stack: -1 },
  [Op.SET_ADD]: { name: "SET_ADD", arg: "int", stack: -1 },
  [Op.MAP_ADD]: { name: "MAP_ADD", arg: "int", stack: -2 },
  [Op.LOAD_CLASSDEREF]: { name: "LOAD_CLASSDEREF", arg: "free", stack: 1 },
  [Op.BUILD_LIST_UNPACK]: { name: "BUILD_LIST_UNPACK", arg: "int", stack: oneMinusArg },
  [Op.BUILD_MAP_UNPACK]: { name: "BUILD_MAP_UNPACK", arg: "int", stack: oneMinusArg },
  [Op.BUILD_MAP_UNPACK_WITH_CALL]: { name: "BUILD_MAP_UNPACK_WITH_CALL", arg: "int", stack: oneMinusArg },
  [Op.BUILD_TUPLE_UNPACK]: { name: "BUILD_TUPLE_UNPACK", arg: "int", stack: oneMinusArg },
  [Op.BUILD_SET_UNPACK]: { name: "BUILD_SET_UNPACK", arg: "int", stack: oneMinusArg },
  [Op.FORMAT_VALUE]: { name: "FORMAT_VALUE", arg: "format", stack: (arg) => ((arg & 4) === 4 ? -1 : 0) },
  [Op.BUILD_CONST_KEY_MAP]: { name: "BUILD_CONST_KEY_MAP", arg: "int", stack: minusArg },
  [Op.BUILD_STRING]: { name: "BUILD_STRING", arg: "int", stack: oneMinusArg },
  [Op.BUILD_TUPLE_UNPACK_WITH_CALL]: { name: "BUILD_TUPLE_UNPACK_WITH_CALL", arg: "int", stack: oneMinusArg },
  [Op.LOAD_METHOD]: { name: "LOAD_METHOD", arg: "name", stack: 1 },
  [Op.CALL_METHOD]: { name: "CALL_METHOD", arg: "int", stack: (arg) => -arg - 1 },
  [Op.CALL_FINALLY]: { name: "CALL_FINALLY", arg: "jrel", stack: (_a, jump) => (jump ? 1 : 0) },
  [Op.POP_FINALLY]: { name: "POP_FINALLY", arg: "int", stack: -6 },
};

/** CPython 3.8's `dis.cmp_op`, indexed by COMPARE_OP's argument. */
export const CMP_OP_NAMES = ["<", "<=", "==", "!=", ">", ">=", "in", "not in", "is", "is not", "exception match", "BAD"];

export function hasArg(op: Op): boolean {
  return op >= FIRST_OP_WITH_ARG;
}

export function isJump(op: Op): boolean {
  const kind = OPS[op].arg;
  return kind === "jrel" || kind === "jabs";
}

export function stackEffect(op: Op, arg: number, jump: boolean): number {
  const effect = OPS[op].stack;
  return typeof effect === "number" ? effect : effect(arg, jump);
}

const opByName = new Map<string, Op>();
for (let op = 0; op < OP_COUNT; op++) opByName.set(OPS[op as Op].name, op as Op);

/** Looks an opcode up by its CPython name (tests, tools). */
export function opByCpythonName(name: string): Op | undefined {
  return opByName.get(name);
}
