// Runs a timing script under python3 (CPython 3.11, the reference) and returns what it
// prints as JSON: the CPython side of every benchmark, measured in the same run as ours.
import { execFileSync } from "node:child_process";

export function runCpython<T>(script: string, input: unknown): T {
  const out = execFileSync("python3", ["-c", script], {
    input: JSON.stringify(input),
    encoding: "utf-8",
    maxBuffer: 64 << 20,
  });
  return JSON.parse(out) as T;
}
