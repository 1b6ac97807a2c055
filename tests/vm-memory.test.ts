// Memory and limits: 10M iterations of a `with` loop keep wasm memory flat; unbounded
// recursion ends in RecursionError with the VM usable afterwards; bad code images are rejected
// before running; the GC survives collecting at every back-edge.
import { describe, expect, it } from "vitest";
import { createVM, PythonError, CodeImageError } from "../src/api.js";
import { compile } from "../compiler/compile.js";
import { encodeImage } from "../compiler/codeimage.js";

const WITH_LOOP = `
class CM:
    def __enter__(self):
        return self
    def __exit__(self, t, v, tb):
        return False
cm = CM()
def loop(n):
    for i in range(n):
        with cm:
            pass
    return n
def raise_loop(n):
    caught = 0
    for i in range(n):
        try:
            with cm:
                raise ValueError(i)
        except ValueError:
            caught += 1
    return caught
`;

describe("vm memory and limits", () => {
  it("runs 10M iterations of a with loop in flat wasm memory", async () => {
    const vm = await createVM();
    vm.run(WITH_LOOP, { filename: "loop.py" });
    expect(vm.call("loop", 1_000_000)).toBe(1_000_000); // warm-up: reach the steady-state heap
    const before = vm.memoryBytes();
    const t0 = performance.now();
    expect(vm.call("loop", 10_000_000)).toBe(10_000_000);
    const ms = performance.now() - t0;
    const after = vm.memoryBytes();
    console.log(`with loop: 10M iterations in ${ms.toFixed(0)} ms; wasm memory ${before} -> ${after} bytes; ${JSON.stringify(vm.stats())}`);
    expect(after).toBe(before);
  }, 120_000);

  it("keeps memory flat on the raise-inside-with path", async () => {
    const vm = await createVM();
    vm.run(WITH_LOOP, { filename: "loop.py" });
    expect(vm.call("raise_loop", 200_000)).toBe(200_000);
    const before = vm.memoryBytes();
    expect(vm.call("raise_loop", 1_000_000)).toBe(1_000_000);
    expect(vm.memoryBytes()).toBe(before);
  }, 120_000);

  it("counts the exceptions `raise SomeClass` makes toward collection", async () => {
    // doRaise builds these with an inlined allocation; it must spend the safepoint budget like
    // any allocation, or the back-edge safepoint comes ~4M iterations too late
    const vm = await createVM();
    vm.run(
      "def raise_class(n):\n    for i in range(n):\n        try:\n            raise ValueError\n        except ValueError:\n            pass\n",
      { filename: "raise_class.py" },
    );
    vm.call("raise_class", 200_000);
    const before = vm.memoryBytes();
    const collections = vm.stats().collections;
    vm.call("raise_class", 1_000_000);
    expect(vm.memoryBytes()).toBe(before);
    expect(vm.stats().collections).toBeGreaterThan(collections + 10);
  }, 120_000);

  it("ends unbounded recursion in RecursionError and stays usable", async () => {
    let out = "";
    const vm = await createVM({ stdout: (t) => (out += t) });
    const src = "def f(n):\n    return f(n + 1)\nf(0)\n";
    let err: unknown = null;
    try {
      vm.run(src, { filename: "rec.py" });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(PythonError);
    expect((err as PythonError).type).toBe("RecursionError");
    expect((err as PythonError).traceback).toMatch(/\[Previous line repeated \d+ more times\]\nRecursionError: maximum recursion depth exceeded\n$/);
    expect(vm.stats().framesInUse).toBe(0);
    vm.run("print('still alive')", { filename: "next.py" });
    expect(out).toBe("still alive\n");
  });

  it("rejects truncated and corrupted code images before running", async () => {
    let out = "";
    const vm = await createVM({ stdout: (t) => (out += t) });
    const image = encodeImage(compile("print('ran')\n", "img.py"));
    expect(() => vm.runImage(image.slice(0, image.length - 5))).toThrow(CodeImageError);
    const corrupt = image.slice();
    corrupt[corrupt.length - 3] ^= 0xff;
    expect(() => vm.runImage(corrupt)).toThrow(CodeImageError);
    expect(out).toBe("");
    vm.runImage(image);
    expect(out).toBe("ran\n");
  });

  it("raises MemoryError when the heap cannot grow, and the VM stays usable", async () => {
    let out = "";
    const vm = await createVM({ stdout: (t) => (out += t) });
    vm.setHeapLimit(64 << 20);
    vm.run(
      "try:\n    x = [0] * 10**10\nexcept MemoryError:\n    print('huge list refused')\n" +
        "l = []\ntry:\n    while True:\n        l.append('x' * 100000)\nexcept MemoryError:\n    print('grew until MemoryError', len(l) > 100)\n" +
        "l = None\n",
      { filename: "mem.py" },
    );
    vm.run("print(sum([i for i in range(1000)]))", { filename: "after.py" });
    expect(out).toBe("huge list refused\ngrew until MemoryError True\n499500\n");
  });

  it("stays correct when collecting at every back-edge", async () => {
    let out = "";
    const vm = await createVM({ stdout: (t) => (out += t) });
    vm.setGCThreshold(0);
    vm.run(
      "class K:\n    def __init__(self, n):\n        self.n = n\nd = {}\nfor i in range(300):\n    d[str(i)] = K(i)\n    l = [i, (i, str(i))]\nprint(len(d), d['299'].n, l)\n",
      { filename: "stress.py" },
    );
    expect(out).toBe("300 299 [299, (299, '299')]\n");
    expect(vm.stats().collections).toBeGreaterThan(250);
  });

  it("keeps tracebacks whose exception was dropped (the first entry lives inside the exception)", async () => {
    let out = "";
    const vm = await createVM({ stdout: (t) => (out += t) });
    vm.setGCThreshold(0);
    vm.run(
      [
        "def f(n):",
        "    if n == 0:",
        "        raise KeyError(n)",
        "    f(n - 1)",
        "def depth(tb):",
        "    n = 0",
        "    while tb is not None:",
        "        n, line, tb = n + 1, tb.tb_lineno, tb.tb_next",
        "    return n, line",
        "keep = []",
        "for i in range(200):",
        "    try:",
        "        f(i % 3)",
        "    except KeyError as e:",
        "        keep.append(e.__traceback__)",
        "    junk = [str(j) for j in range(4)]",
        "err = ValueError()",
        "for i in range(3):",
        "    try:",
        "        raise err",
        "    except ValueError:",
        "        pass",
        "print([depth(t) for t in keep[:4]], depth(err.__traceback__))",
        "",
      ].join("\n"),
      { filename: "tbs.py" },
    );
    // checked against CPython 3.11
    expect(out).toBe("[(2, 3), (3, 3), (4, 3), (2, 3)] (3, 20)\n");
    expect(vm.stats().collections).toBeGreaterThan(150);
  });
});
