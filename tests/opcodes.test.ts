// The opcode table is the one list the compiler, disassembler and VM derive from: this test
// fails on any drift between assembly/shared/opcodes.ts, compiler/opinfo.ts and the wasm build.
import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { OP_COUNT, FIRST_OP_WITH_ARG, type Op } from "../assembly/shared/opcodes.js";
import { OPS, opByCpythonName } from "../compiler/opinfo.js";

describe("opcode table", () => {
  it("numbers opcodes densely from 0 to OP_COUNT-1", () => {
    const keys = Object.keys(OPS).map(Number).sort((a, b) => a - b);
    expect(keys).toEqual(Array.from({ length: OP_COUNT }, (_, i) => i));
  });

  it("gives every opcode a unique name that matches its enum member", () => {
    const names = Object.values(OPS).map((info) => info.name);
    expect(new Set(names).size).toBe(names.length);
    // The enum's own member names and values, read from its source: both compilers see this file.
    const source = readFileSync(new URL("../assembly/shared/opcodes.ts", import.meta.url), "utf-8");
    const enumBody = source.slice(source.indexOf("export const enum Op {"), source.indexOf("}", source.indexOf("export const enum Op {")));
    const members = [...enumBody.matchAll(/^\s*([A-Z_]+) = (\d+),/gm)].map((m) => [m[1], Number(m[2])] as const);
    expect(members.length).toBe(OP_COUNT);
    for (const [name, value] of members) {
      expect(OPS[value as Op].name).toBe(name);
      expect(opByCpythonName(name)).toBe(value);
    }
  });

  it("splits argument-less opcodes from the rest at FIRST_OP_WITH_ARG", () => {
    for (let op = 0; op < OP_COUNT; op++) {
      expect(OPS[op as Op].arg === "none", OPS[op as Op].name).toBe(op < FIRST_OP_WITH_ARG);
    }
  });

  it("matches the opcode count the wasm VM was built with", async () => {
    const bytes = readFileSync(new URL("../build/vm.wasm", import.meta.url));
    // the VM imports host functions (assembly/host.ts); stub every import the module declares
    const module = await WebAssembly.compile(bytes);
    const imports: Record<string, Record<string, () => number>> = {};
    for (const imp of WebAssembly.Module.imports(module)) (imports[imp.module] ??= {})[imp.name] = () => 0;
    const instance = await WebAssembly.instantiate(module, imports);
    expect((instance.exports.opCount as () => number)()).toBe(OP_COUNT);
  });
});
