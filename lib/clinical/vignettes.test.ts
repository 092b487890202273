import { describe, expect, it } from "vitest";
import type { AssessmentInput } from "./contract";
import { assessmentInputSchema } from "./contract";
import { evaluate } from "./engine";
import vignettes from "./fixtures/vignettes.json";
import { checkInvariants, checkVignette } from "./vignette-check";

type Vignette = { id: string; title: string; input: unknown; expect: Record<string, unknown> };
const cases = vignettes as Vignette[];

describe("vignettes (shared/clinical/vignettes.json)", () => {
  it("holds all 11 cases", () => {
    expect(cases.length).toBe(11);
  });

  for (const v of cases) {
    it(`${v.id}: ${v.title}`, () => {
      const input: AssessmentInput = assessmentInputSchema.parse(v.input);
      const e = evaluate(input);
      expect(checkVignette(e, v.expect), JSON.stringify({ verdict: e.verdict, reasons: e.reasons.map((r) => r.ruleId) })).toEqual([]);
      expect(checkInvariants(e)).toEqual([]);
    });
  }
});

describe("vignette checker", () => {
  const e = evaluate(assessmentInputSchema.parse(cases[0]!.input));
  it("throws on an unknown expectation key so none is silently ignored", () => {
    expect(() => checkVignette(e, { verdictSomething: "push" })).toThrow(/unknown vignette expectation key/);
    expect(() => checkVignette(e, { firstStage: { rpeBelow: 3 } })).toThrow(/unknown firstStage/);
  });
  it("reports failures for every key it knows", () => {
    const problems = checkVignette(e, {
      verdict: "push",
      verdictAtLeast: "refer",
      verdictIn: ["push"],
      verdictNot: "back_off",
      categories: ["red_flag"],
      categoriesAnyOf: ["neuro"],
      planNull: true,
      capacityFailing: ["side_plank"],
      capacityPassing: ["single_leg_calf_raise"],
      firstStage: { intensityAllowed: true, maxEffortRpeAtMost: 1, runVolumePctMaxAtMost: 10, runVolumePctMinAtLeast: 99, trainingHoursPctMaxAtMost: 10, longRunKmMaxAtMost: 5 },
      crossTrainingNonEmpty: false,
      strengthIncludes: "zzz",
      missingPrefix: "nope.",
    });
    expect(problems.length).toBe(18);
  });
  it("accepts missingPrefix when a missing path matches", () => {
    const partial = evaluate(assessmentInputSchema.parse({ contractVersion: 1, patient: { ageYears: 30 }, sport: { primary: "running" } }));
    expect(checkVignette(partial, { missingPrefix: "redFlags.", verdictNot: "urgent_referral" })).toEqual([]);
  });
});
