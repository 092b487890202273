import { describe, expect, it } from "vitest";
import { ruleset } from "./rules";
import { describeSource, SEED_ARTICLES } from "./sources";

describe("describeSource", () => {
  it("names the article behind every seed citation in the ruleset", () => {
    for (const rule of ruleset) {
      const described = describeSource(rule.source);
      expect(described, rule.id).not.toMatch(/\bseed \d{3}\b/);
    }
  });
  it("keeps published citations as they are", () => {
    expect(describeSource("Hébert-Losier 2017; seed 000 (C1)")).toBe(`Hébert-Losier 2017; ${SEED_ARTICLES["000"]} (C1)`);
  });
});
