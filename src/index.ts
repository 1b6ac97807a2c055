// Public entry point of the withvm package (ESM): the VM API and its error types.
export { createVM, VM, PythonError, PySyntaxError, VMInternalError, CodeImageError, TimeLimitError } from "./api.js";
export type { VMOptions, RunOptions, JSValue, JSArgument, TraceStep } from "./api.js";
