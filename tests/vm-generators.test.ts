// Generator groundwork (the corpus programs with `yield` stay skipped until the generators
// issue): for-loops resume generator frames in the dispatch loop, natives resume them nested,
// send/throw/close, StopIteration.value, PEP 479, and collection while generators are suspended.
import { describe, expect, it } from "vitest";
import { createVM } from "../src/api.js";

async function run(src: string, gcThreshold?: number): Promise<string> {
  let out = "";
  const vm = await createVM({ stdout: (t) => (out += t) });
  if (gcThreshold !== undefined) vm.setGCThreshold(gcThreshold);
  vm.run(src, { filename: "gen.py" });
  return out;
}

const PROTOCOL = `
def g():
    try:
        x = yield 1
        print("got", x)
        yield 2
    except ValueError as e:
        print("caught", e)
        yield 3
    finally:
        print("finally")
it = g()
print(next(it), it.send("hi"), it.throw(ValueError("boom")))
it.close()
def h():
    yield 1
    return 9
i = h()
next(i)
try:
    i.send(None)
except StopIteration as e:
    print("value", e.value)
def bad():
    yield 1
    raise StopIteration
try:
    list(bad())
except RuntimeError as e:
    print("RuntimeError", e)
`;

describe("generators", () => {
  it("drive for-loops and builtins", async () => {
    const src = "def sq(n):\n    for i in range(n):\n        yield i * i\nprint(list(sq(4)), sum(x for x in range(10)))\nfor v in sq(3):\n    print(v)\n";
    expect(await run(src)).toBe("[0, 1, 4, 9] 45\n0\n1\n4\n");
  });

  it("implement send, throw, close, StopIteration.value and PEP 479", async () => {
    expect(await run(PROTOCOL)).toBe("got hi\ncaught boom\n1 2 3\nfinally\nvalue 9\nRuntimeError generator raised StopIteration\n");
  });

  it("keep suspended frames alive across collections", async () => {
    const src = "def gen(n):\n    acc = []\n    for i in range(n):\n        acc.append(str(i))\n        yield len(acc)\ngs = [gen(50) for _ in range(5)]\ntotal = 0\nfor k in range(50):\n    for g in gs:\n        total += next(g)\nprint(total)\n";
    expect(await run(src, 0)).toBe(`${5 * (50 * 51) / 2}\n`);
  });
});
