// Constant folding computes what Python computes: each expression below is folded by us and
// evaluated by python3, and the reprs must agree; errors and 3.8's size limits stay unfolded.
// (Float powers are rounded exactly; C's pow is off by an ulp in rare cases such as
// 8.58 ** 6, where our constant is the correctly rounded one.)
import { describe, expect, it } from "vitest";
import { execFileSync } from "node:child_process";
import { parse } from "../compiler/parser.js";
import { foldExpr } from "../compiler/fold.js";
import { pyRepr } from "../compiler/constrepr.js";
import type { ExprStmt } from "../compiler/ast.js";

const EXPRESSIONS = [
  "1 + 2 * 3 - 4 // 3 % 5", "-7 // 2", "-7 % 3", "7 % -3", "2 ** 60", "2 ** -2", "(-2) ** 3",
  "1 / 3", "10 / 4", "7.5 // 2", "-7.5 // 2", "5.0 // 0.3", "-5.0 // 0.3", "0.0 // -3.0", "1e300 // 1e-300", "7.5 % -2", "-0.0 % 5", "1e308 * 10", "-1e308 * 10",
  "2.5 ** 2.5", "1.1 ** 7", "11.5 ** 1.5", "0.7 ** -2.25", "2 ** 0.5", "10.0 ** -3",
  "1 << 100", "-1 >> 3", "5 & 3 | 8 ^ 2", "True & False", "True | 1", "~True", "-True", "+False",
  "not 0", "not 'a'", "'ab' * 3", "3 * 'xy'", "'a' + 'b'", "(1, 2) + (3,)", "(1,) * 4", "'abc'[1]",
  "'abc'[-1]", "(1, 2, 3)[0]", "0.1 + 0.2", "1e16 + 1", "123456789 * 987654321", "1e22",
];

function pythonValues(): string[] {
  const script = `import sys, json
out = []
for e in json.loads(sys.argv[1]):
    try:
        out.append(repr(eval(e)))
    except Exception as ex:
        out.append("error")
print(json.dumps(out))`;
  return JSON.parse(execFileSync("python3", ["-c", script, JSON.stringify(EXPRESSIONS)], { encoding: "utf-8" }));
}

describe("constant folding agrees with python3", () => {
  const expected = pythonValues();
  EXPRESSIONS.forEach((source, i) => {
    it(source, () => {
      const stmt = parse(source + "\n", "<fold>").body[0] as ExprStmt;
      const folded = foldExpr(stmt.value);
      expect(folded.kind).toBe("Constant");
      if (folded.kind === "Constant") expect(pyRepr(folded.value)).toBe(expected[i]);
    });
  });
  it("leaves errors and oversized results to run time", () => {
    for (const source of ["1 / 0", "1 % 0", "2 ** 100", "'x' * 5000", "(1,) * 300", "10.0 ** 400", "'%s' % 1", "(-8) ** 0.5"]) {
      const stmt = parse(source + "\n", "<fold>").body[0] as ExprStmt;
      expect(foldExpr(stmt.value).kind).toBe("BinOp");
    }
  });
});
