// Wasm exports of the withvm VM: the only surface src/loader.ts sees.
import { OP_COUNT } from "./shared/opcodes";

/** Number of opcodes this VM was built with; src/ checks it against the compiler's table. */
export function opCount(): i32 {
  return OP_COUNT;
}
