#!/usr/bin/env node
// The `withvm` command: run, dis and trace Python files. Only this file prints or exits;
// everything it does goes through the public API (src/api.ts) and the compiler entry point.
// Exit statuses (architecture.md): 0 ok, 1 Python exception or SyntaxError, 2 usage, 70 internal,
// 124 stopped by --timeout (timeout(1)'s status).

import { readFileSync } from "node:fs";
import { basename } from "node:path";
import { compile } from "../compiler/compile.js";
import { disassemble } from "../compiler/disasm.js";
import { encodeImage, decodeImage } from "../compiler/codeimage.js";
import { PySyntaxError } from "../compiler/errors.js";
import { createVM, PythonError, VMInternalError, TimeLimitError, type TraceStep } from "./api.js";

const USAGE = `usage: withvm <command> [args]

commands:
  run FILE.py        compile and run a program; its output goes to stdout
  run -c CODE        compile and run CODE
  run --timeout SECONDS FILE.py | -c CODE
                     stop the program once it has run SECONDS (wall clock)
  dis FILE.py        print the CPython-3.8-style disassembly of FILE.py
  trace FILE.py      run FILE.py, printing each executed instruction (code object,
                     offset, opname, arg) with the value stack and the block stack
                     on stderr; the program's output stays on stdout
  help               show this message

exit status: 0 ok, 1 uncaught Python exception or SyntaxError, 2 usage error,
70 internal VM failure, 124 stopped by --timeout`;

const EXIT_OK = 0;
const EXIT_PYTHON_ERROR = 1;
const EXIT_USAGE = 2;
const EXIT_INTERNAL = 70;
const EXIT_TIMEOUT = 124;

class UsageError extends Error {}

interface Program {
  source: string;
  /** The name tracebacks and code objects show: the basename, as in the shared corpora. */
  filename: string;
  /** --timeout, in seconds (undefined: no limit). */
  timeoutSeconds?: number;
}

function readProgram(args: string[]): Program {
  if (args[0] === "--timeout") {
    const seconds = Number(args[1]);
    if (args[1] === undefined || args[1].trim() === "" || !Number.isFinite(seconds) || seconds <= 0) {
      throw new UsageError(`--timeout takes a number of seconds > 0, not '${args[1] ?? ""}'`);
    }
    return { ...readProgram(args.slice(2)), timeoutSeconds: seconds };
  }
  if (args[0] === "-c") {
    if (args.length !== 2) throw new UsageError("run -c takes exactly one CODE argument");
    return { source: args[1], filename: "<string>" };
  }
  if (args.length !== 1) throw new UsageError("expected exactly one FILE.py");
  const path = args[0];
  let source: string;
  try {
    source = readFileSync(path, "utf-8");
  } catch (e) {
    throw new UsageError(`can't open file '${path}': ${(e as NodeJS.ErrnoException).code ?? String(e)}`);
  }
  return { source, filename: basename(path) };
}

/**
 * One `trace` line: code object, 3.8 offset, opname and argument in dis's columns, then the
 * value stack (bottom to top) and the block stack (outermost first) as the VM holds them.
 */
function formatTraceStep(step: TraceStep): string {
  const arg = step.arg === null ? "" : String(step.arg);
  const blocks = step.blocks.map((b) =>
    b.type === "EXCEPT_HANDLER" ? `EXCEPT_HANDLER(level ${b.level})` : `SETUP_FINALLY(to ${b.handler}, level ${b.level})`,
  );
  return `${step.code.qualname.padEnd(16)} ${String(step.offset).padStart(4)} ${step.opname.padEnd(24)} ${arg.padStart(4)}` +
    `  stack=[${step.stack.join(", ")}]  blocks=[${blocks.join(", ")}]\n`;
}

const writeOut = (text: string) => process.stdout.write(text);
const writeErr = (text: string) => process.stderr.write(text);

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case "run":
    case "trace": {
      const program = readProgram(rest);
      const timeoutMs = program.timeoutSeconds === undefined ? undefined : program.timeoutSeconds * 1000;
      const vm = await createVM({ stdout: writeOut, stderr: writeErr, timeoutMs });
      const trace = command === "trace" ? (step: TraceStep) => writeErr(formatTraceStep(step)) : undefined;
      try {
        vm.run(program.source, { filename: program.filename, trace });
      } catch (e) {
        if (!(e instanceof TimeLimitError)) throw e;
        writeErr(`withvm: stopped: time limit of ${program.timeoutSeconds} s exceeded\n`);
        return EXIT_TIMEOUT;
      }
      return EXIT_OK;
    }
    case "dis": {
      const program = readProgram(rest);
      // Through the image, so what dis shows is exactly what the VM would load.
      const code = decodeImage(encodeImage(compile(program.source, program.filename)));
      writeOut(disassemble(code));
      return EXIT_OK;
    }
    case undefined:
    case "help":
    case "-h":
    case "--help":
      (command === undefined ? writeErr : writeOut)(USAGE + "\n");
      return command === undefined ? EXIT_USAGE : EXIT_OK;
    default:
      throw new UsageError(`unknown command '${command}'`);
  }
}

main(process.argv.slice(2)).then(
  (status) => {
    process.exitCode = status;
  },
  (error: unknown) => {
    if (error instanceof PySyntaxError) {
      writeErr(error.report());
      process.exitCode = EXIT_PYTHON_ERROR;
    } else if (error instanceof PythonError) {
      writeErr(error.traceback);
      process.exitCode = EXIT_PYTHON_ERROR;
    } else if (error instanceof UsageError) {
      writeErr(`withvm: ${error.message}\n${USAGE}\n`);
      process.exitCode = EXIT_USAGE;
    } else {
      const detail = error instanceof VMInternalError || error instanceof Error ? error.message : String(error);
      writeErr(`withvm: internal VM failure: ${detail}\n`);
      process.exitCode = EXIT_INTERNAL;
    }
  },
);
