import { describe, expect, it } from "vitest";
import { evaluateBatch } from "./batch";
import vignettes from "./fixtures/vignettes.json";

// Found by the fuzz of POST /api/v1/evaluate (tests/integration/fuzz-routes.test.ts): a capacity
// test named like one of Object's own properties was looked up in the engine's tables, found the
// property, and the plan builder threw ("list is not iterable"): a 500 for a contract-valid input.
describe("capacity tests named like Object's own properties", () => {
  for (const name of ["toString", "constructor", "__proto__", "hasOwnProperty", "valueOf"]) {
    it(`"${name}" is an unknown test: evaluated, never thrown, and scored as a number`, () => {
      const input = structuredClone(vignettes[0]!.input) as unknown as { capacityTests: Array<{ test: string }> };
      input.capacityTests[1]!.test = name;
      const r = evaluateBatch(input, { settings: { capacityTargetOverrides: {} } });
      expect(r).toMatchObject({ kind: "single", ok: true });
      if (r.kind !== "single" || !r.ok) return;
      expect(r.evaluation.capacity.length).toBeGreaterThan(0);
      for (const c of r.evaluation.capacity) expect(typeof c.target).toBe("number");
    });
  }
});
