// The public API contract: run/call value conversion, PythonError fields, host errors surfacing
// as the original JS error, and recovery from a wasm trap (instance rebuilt, VM usable).
import { describe, expect, it } from "vitest";
import { createVM, PythonError, VMInternalError } from "../src/api.js";

describe("vm api", () => {
  it("calls a global function with JS values and converts the result", async () => {
    const vm = await createVM();
    vm.run("def f(a, b=2, *rest, **kw):\n    return [a, b, rest, kw]\ndef g(x):\n    return x\n", { filename: "m.py" });
    expect(vm.call("f", 1)).toEqual([1, 2, [], new Map()]);
    expect(vm.call("g", 2.5)).toBe(2.5);
    expect(vm.call("g", 7)).toBe(7);
    expect(vm.call("g", "héllo")).toBe("héllo");
    expect(vm.call("g", true)).toBe(true);
    expect(vm.call("g", null)).toBe(null);
    expect(() => vm.call("missing")).toThrow(PythonError);
  });

  it("passes BigInt arguments exactly across the whole signed 64-bit range", async () => {
    const vm = await createVM();
    vm.run("def succ(x):\n    return x + 1\ndef show(x):\n    return repr(x)\n", { filename: "m.py" });
    const big = (1n << 62n) + 12345n; // not representable as a JS number
    expect(vm.call("show", big)).toBe(big.toString());
    expect(vm.call("succ", big)).toBe(big + 1n);
    expect(vm.call("show", -(1n << 63n))).toBe((-(1n << 63n)).toString());
    expect(vm.call("succ", 41n)).toBe(42);
    expect(() => vm.call("show", 1n << 63n)).toThrow(RangeError);
    expect(() => vm.call("show", (() => 0) as never)).toThrow(TypeError);
    // refused before entering the VM: the instance (and the last run's globals) survive
    expect(vm.call("succ", 1)).toBe(2);
  });

  it("reports an uncaught exception as PythonError with type, message and traceback", async () => {
    let out = "";
    const vm = await createVM({ stdout: (t) => (out += t) });
    const src = "def f():\n    raise ValueError('bad thing')\nprint('before')\nf()\n";
    try {
      vm.run(src, { filename: "boom.py" });
      expect.unreachable();
    } catch (e) {
      const pe = e as PythonError;
      expect(pe).toBeInstanceOf(PythonError);
      expect(pe.type).toBe("ValueError");
      expect(pe.pyMessage).toBe("bad thing");
      expect(pe.traceback).toBe(
        'Traceback (most recent call last):\n  File "boom.py", line 4, in <module>\n    f()\n' +
          '  File "boom.py", line 2, in f\n    raise ValueError(\'bad thing\')\nValueError: bad thing\n',
      );
    }
    expect(out).toBe("before\n");
  });

  it("rethrows an error thrown by a host callback as that same error", async () => {
    const boom = new Error("sink failed");
    const vm = await createVM({ stdout: () => { throw boom; } });
    expect(() => vm.run("print('x')", { filename: "p.py" })).toThrow(boom);
    let out = "";
    const vm2 = await createVM({ stdout: (t) => (out += t) });
    vm2.run("print('y')", { filename: "p.py" });
    expect(out).toBe("y\n");
  });

  it("recovers from a wasm trap: internal error reported, next run works", async () => {
    let out = "";
    const vm = await createVM({ stdout: (t) => (out += t) });
    vm.run("x = 1", { filename: "a.py" });
    expect(() => vm.debugTrap()).toThrow(VMInternalError);
    vm.run("print('fresh instance')", { filename: "b.py" });
    expect(out).toBe("fresh instance\n");
  });
});

describe("vm trace", () => {
  it("reports each instruction with its 3.8 offset, argument, value stack and block stack", async () => {
    const vm = await createVM();
    const steps: string[] = [];
    const src = "class M:\n    def __enter__(self):\n        return 1\n    def __exit__(self, *a):\n        return False\nwith M() as v:\n    pass\n";
    vm.run(src, {
      filename: "t.py",
      trace: (s) => {
        if (s.code.name !== "<module>") return;
        steps.push(`${s.offset} ${s.opname} ${s.arg ?? ""} [${s.stack.join(", ")}] {${s.blocks.map((b) => `${b.type}:${b.handler}:${b.level}`).join(" ")}}`);
      },
    });
    const at = (op: string) => steps.find((l) => l.split(" ")[1] === op)!;
    // after SETUP_WITH returns, the block is active and __enter__'s result is on top of X
    expect(steps[steps.indexOf(at("SETUP_WITH")) + 1]).toMatch(/^\d+ STORE_NAME \d+ \[<method object>, 1\] \{SETUP_FINALLY:\d+:1\}$/);
    expect(at("WITH_CLEANUP_START")).toMatch(/\[<method object>, NULL\] \{\}$/);
    // tracing switches off after the run
    steps.length = 0;
    vm.run("x = 1", { filename: "u.py" });
    expect(steps).toEqual([]);
  });
});
