import { describe, expect, it } from "vitest";
import { ruleset } from "./rules";
import { planElements, RULE_REFS, traceability } from "./traceability";

describe("traceability of rules.md C1..P9", () => {
  const ruleIds = new Set(ruleset.map((r) => r.id));
  const elementIds = new Set(planElements.map((e) => e.id));
  it("every numbered rule maps to at least one ruleset entry or plan element", () => {
    expect(traceability.map((t) => t.ref)).toEqual([...RULE_REFS]);
    for (const t of traceability) expect(t.ruleIds.length + t.planElementIds.length, t.ref).toBeGreaterThan(0);
  });
  it("every id named in the map exists", () => {
    for (const t of traceability) {
      for (const id of t.ruleIds) expect(ruleIds.has(id), id).toBe(true);
      for (const id of t.planElementIds) expect(elementIds.has(id), id).toBe(true);
    }
  });
  it("every rule that cites a rules.md number is listed under it", () => {
    for (const r of ruleset) {
      if (!r.rulesRef) continue;
      const entry = traceability.find((t) => t.ref === r.rulesRef);
      expect(entry?.ruleIds.includes(r.id), `${r.id} → ${r.rulesRef}`).toBe(true);
    }
  });
  it("every rule names a source and reads at least one path", () => {
    for (const r of ruleset) {
      expect(r.source.length, r.id).toBeGreaterThan(3);
      expect(r.reads.length, r.id).toBeGreaterThan(0);
      expect(r.description.length, r.id).toBeGreaterThan(10);
    }
  });
});
