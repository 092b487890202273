import { describe, expect, it } from "vitest";
import vignettes from "../fixtures/checkin-vignettes.json";
import { checkInReviewInputSchema } from "./contract";
import { reviewCheckIns } from "./review";
import { checkCheckInInvariants, checkCheckInVignette } from "./vignette-check";

type Case = { id: string; note: string; input: unknown; expect: Record<string, unknown> };
const file = vignettes as { about: string; cases: Case[] };

describe("check-in vignettes (shared/clinical/checkin-vignettes.json)", () => {
  it("holds all 12 cases and names the expectation keys the checker knows", () => {
    expect(file.cases).toHaveLength(12);
    for (const k of ["suggestion", "suggestionIn", "suggestionNot", "suggestionAtLeast", "nextStageKey", "doseCutPctBetween", "missingPrefix", "stats.<name>"]) {
      expect(file.about).toContain(k);
    }
  });

  for (const c of file.cases) {
    it(`${c.id}: ${c.note}`, () => {
      const r = reviewCheckIns(checkInReviewInputSchema.parse(c.input));
      expect(checkCheckInVignette(r, c.expect), JSON.stringify({ suggestion: r.suggestion, next: r.next, reasons: r.reasons.map((x) => x.ruleId) })).toEqual([]);
      expect(checkCheckInInvariants(r)).toEqual([]);
    });
  }
});

describe("check-in vignette checker", () => {
  const r = reviewCheckIns(checkInReviewInputSchema.parse(file.cases[0]!.input)); // progress to rebuild

  it("throws on an unknown expectation key so none is silently ignored", () => {
    expect(() => checkCheckInVignette(r, { suggestionSomething: "hold" })).toThrow(/unknown check-in vignette expectation key/);
    expect(() => checkCheckInVignette(r, { "stats.nope": 1 })).toThrow(/unknown check-in vignette stats key/);
    expect(() => checkCheckInVignette(r, { suggestion: "push" })).toThrow(/not a suggestion/);
  });

  it("reports a failure for every key it knows", () => {
    const problems = checkCheckInVignette(r, {
      suggestion: "hold",
      suggestionIn: ["hold", "regress"],
      suggestionNot: "progress",
      suggestionAtLeast: "regress",
      nextStageKey: "reduce",
      doseCutPctBetween: [10, 20],
      missingPrefix: "nope.",
      "stats.daysInStage": 3,
    });
    expect(problems).toHaveLength(8);
  });

  it("passes every key when the review meets it", () => {
    expect(
      checkCheckInVignette(r, {
        suggestion: "progress",
        suggestionIn: ["progress"],
        suggestionNot: "hold",
        suggestionAtLeast: "progress",
        nextStageKey: "rebuild",
        missingPrefix: "checkIns.3.newSymptoms.",
        "stats.daysInStage": 8,
        "stats.sessionsLast7Days": 4,
        "stats.dataDaysLast30": 4,
        "stats.greenSessionsInStage": 4,
        "stats.flaresInStage": 0,
        "stats.adherencePct": 100,
      }),
    ).toEqual([]);
  });
});
