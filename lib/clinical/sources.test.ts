import { describe, expect, it } from "vitest";
import { ruleset } from "./rules";
import { describeSource, SEED_ARTICLES, sourceFor } from "./sources";

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

describe("sourceFor: the article that fits the complaint", () => {
  const BACK_ARTICLES = /\bseed 00[24]\b/;
  const regionAgnostic = ruleset.filter((r) => !["symptoms.back_pain_returning_despite_recovery", "recovery.back_pain_with_poor_recovery"].includes(r.id));

  it("an Achilles complaint is not told a back-pain article is its source, unless the rule says it applies it on purpose", () => {
    for (const rule of regionAgnostic) {
      const s = sourceFor(rule, "achilles_calf");
      if (!BACK_ARTICLES.test(s)) continue;
      // Leg symptoms below the knee are asked only for back complaints; the arm rule is the neck's own.
      const allowed = ["neuro.radiating_with_tingling", "neuro.arm_symptoms_with_tingling"].includes(rule.id) || /applied to every region/.test(s);
      expect(allowed, `${rule.id}: ${s}`).toBe(true);
    }
  });

  it("a back complaint keeps the back-pain article, and rules without a regional source cite the same everywhere", () => {
    const painTooHigh = ruleset.find((r) => r.id === "symptoms.activity_pain_too_high")!;
    expect(sourceFor(painTooHigh, "lumbar")).toMatch(/seed 004/);
    expect(sourceFor(painTooHigh, "thoracic")).toMatch(/seed 004/);
    expect(sourceFor(painTooHigh, "achilles_calf")).toBe("Silbernagel 2007 (AJSM 35:897)");
    expect(sourceFor(painTooHigh, "none")).not.toMatch(/seed 004/);
    expect(sourceFor(painTooHigh, undefined)).not.toMatch(/seed 004/);
    const calf = ruleset.find((r) => r.id === "capacity.calf_raise_below_target")!;
    expect(sourceFor(calf, "achilles_calf")).toBe(calf.source);
  });

  it("every regional source still names its evidence and reads as an article title", () => {
    for (const rule of ruleset.filter((r) => r.sourceOutsideBack)) {
      expect(rule.sourceOutsideBack!.length, rule.id).toBeGreaterThan(5);
      expect(describeSource(rule.sourceOutsideBack!), rule.id).not.toMatch(/\bseed \d{3}\b/);
    }
  });
});
