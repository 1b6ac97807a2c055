// vm.call's value conversion both ways (src/jsvalue.ts, assembly/jsvalue.ts) and vm.compile:
// containers arrive as real JS values and go in as real Python ones, shared containers stay
// shared, and what cannot convert is a clear TypeError/RangeError that leaves the VM usable.
import { describe, expect, it } from "vitest";
import { createVM, PySyntaxError, PythonError, type JSArgument, type VM } from "../src/api.js";

const HELPERS = `
class CM:
    pass

def echo(x):
    return x

def types(*args):
    return [type(a).__name__ for a in args]

def describe(x):
    return repr(x)

def same(a, b):
    return a is b

def kinds():
    return (None, True, False, 7, -(2**53 - 1), 2**53, -(2**63), 1.5, "héllo", [], (),
            {"a": [1, (2, 3)]}, {4, 5}, frozenset({6}))

def shared():
    inner = [1]
    return [inner, inner, {"again": inner}]

def cyclic():
    a = [1]
    a.append({"back": a})
    return a

def instance():
    return CM()

def nested_instance():
    return {"ok": [1, 2], "bad": [CM()]}

def deep():
    x = []
    for i in range(1500):
        x = [x]
    return x

def doubling():
    x = []
    for i in range(200):
        x = [x, x]
    return x
`;

async function helpers(): Promise<VM> {
  const vm = await createVM();
  vm.run(HELPERS, { filename: "helpers.py" });
  return vm;
}

describe("vm.call results", () => {
  it("converts every supported kind, containers recursively", async () => {
    const vm = await helpers();
    expect(vm.call("kinds")).toEqual([
      null, true, false, 7, -(2 ** 53 - 1), 2n ** 53n, -(2n ** 63n), 1.5, "héllo", [], [],
      new Map<unknown, unknown>([["a", [1, [2, 3]]]]), new Set([4, 5]), new Set([6]),
    ]);
    expect(typeof (vm.call("echo", 2 ** 53 - 1) as number)).toBe("number");
  });

  it("keeps Python's sharing: one container is one JS object", async () => {
    const vm = await helpers();
    const [a, b, d] = vm.call("shared") as [unknown[], unknown[], Map<string, unknown>];
    expect(a).toBe(b);
    expect(d.get("again")).toBe(a);
    // 2**200 paths through 200 shared levels: linear in the heap, not in the paths
    let x = vm.call("doubling") as unknown[];
    for (let i = 0; i < 200; i++) {
      expect(x[0]).toBe(x[1]);
      x = x[0] as unknown[];
    }
    expect(x).toEqual([]);
  });

  it("refuses objects with no JS counterpart, naming the Python type", async () => {
    const vm = await helpers();
    expect(() => vm.call("instance")).toThrow(new TypeError("cannot convert a Python 'CM' object to a JS value"));
    expect(() => vm.call("nested_instance")).toThrow(new TypeError("cannot convert a Python 'CM' object to a JS value"));
    expect(() => vm.call("cyclic")).toThrow(new TypeError("cannot convert a Python 'list' that contains itself to a JS value"));
    expect(() => vm.call("deep")).toThrow(RangeError);
    // the instance and the last run's globals survive the refusals
    expect(vm.call("echo", "still here")).toBe("still here");
  });
});

describe("vm.call arguments", () => {
  it("turns arrays, Maps, Sets and plain objects into list, dict, set and dict", async () => {
    const vm = await helpers();
    expect(vm.call("types", [1], new Map([[1, 2]]), new Set([1]), { a: 1 }, 1.5, 3, undefined, null, 2 ** 60, 2 ** 70)).toEqual([
      "list", "dict", "set", "dict", "float", "int", "NoneType", "NoneType", "int", "float",
    ]);
    expect(vm.call("describe", { name: "door", sizes: [1, [2n, "x"]], tags: new Set(["a"]), m: new Map<JSArgument, JSArgument>([[1, null], ["k", true]]) }))
      .toBe("{'name': 'door', 'sizes': [1, [2, 'x']], 'tags': {'a'}, 'm': {1: None, 'k': True}}");
    const arg = [1, { two: [2] }, new Map([["three", 3]])];
    expect(vm.call("echo", arg)).toEqual([1, new Map([["two", [2]]]), new Map([["three", 3]])]);
  });

  it("passes one shared JS object as one Python object", async () => {
    const vm = await helpers();
    const shared = [1, 2];
    expect(vm.call("same", shared, shared)).toBe(true);
    expect(vm.call("same", [1, 2], [1, 2])).toBe(false);
    let x: JSArgument[] = [];
    for (let i = 0; i < 200; i++) x = [x, x];
    expect(Array.isArray(vm.call("echo", x))).toBe(true);
  });

  it("refuses what cannot be a Python value before entering the VM", async () => {
    const vm = await helpers();
    const cycle: unknown[] = [1];
    cycle.push({ back: cycle });
    const cases: [unknown, ErrorConstructor | RangeErrorConstructor, RegExp][] = [
      [cycle, TypeError, /argument 1\[1\]\.back contains itself/],
      [() => 1, TypeError, /cannot pass a function/],
      [Symbol("s"), TypeError, /cannot pass a symbol/],
      [new Date(0), TypeError, /cannot pass an object of class Date/],
      [[new Uint8Array(2)], TypeError, /argument 1\[0\]/],
      [new Map([[[1], 2]]), TypeError, /a key of argument 1 is an array/],
      [new Set([{}]), TypeError, /an item of argument 1 is a plain object/],
      [{ [Symbol("k")]: 1 }, TypeError, /symbol keys/],
      [{ deep: [1n << 64n] }, RangeError, /argument 1\.deep\[0\] is 18446744073709551616, outside the signed 64-bit int range/],
    ];
    for (const [bad, type, message] of cases) {
      let error: unknown = null;
      try {
        vm.call("echo", bad as never);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(type);
      expect((error as Error).message).toMatch(message);
    }
    expect(vm.call("echo", 1)).toBe(1);
  });
});

describe("vm.compile", () => {
  it("returns an image that runImage runs, with source lines in tracebacks", async () => {
    let out = "";
    const vm = await createVM({ stdout: (t) => (out += t) });
    const image = vm.compile("def twice(x):\n    return 2 * x\nprint(twice(21))\n", { filename: "twice.py" });
    expect(image).toBeInstanceOf(Uint8Array);
    expect(out).toBe(""); // compiled, not run
    vm.runImage(image);
    expect(out).toBe("42\n");
    expect(vm.call("twice", 4)).toBe(8);
  });

  it("reports a traceback with the compiled source's lines", async () => {
    const vm = await createVM();
    const image = vm.compile("def f():\n    raise ValueError('from image')\nf()\n", { filename: "img.py" });
    expect(() => vm.runImage(image)).toThrow(PythonError);
    try {
      vm.runImage(image);
    } catch (e) {
      expect((e as PythonError).traceback).toContain("    raise ValueError('from image')\n");
    }
  });

  it("throws the same SyntaxError run() throws", async () => {
    const vm = await createVM();
    const source = "def f(:\n    pass\n";
    const fromCompile = (() => { try { vm.compile(source, { filename: "bad.py" }); } catch (e) { return e; } })();
    const fromRun = (() => { try { vm.run(source, { filename: "bad.py" }); } catch (e) { return e; } })();
    expect(fromCompile).toBeInstanceOf(PySyntaxError);
    expect(fromRun).toBeInstanceOf(PySyntaxError);
    expect((fromCompile as PySyntaxError).report()).toBe((fromRun as PySyntaxError).report());
    expect((fromCompile as PySyntaxError).report()).toMatch(/File "bad.py", line 1[\s\S]*SyntaxError: /);
  });
});
