import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  assessmentInputSchema, evaluationSchema, RED_FLAG_KEYS, verdictRank,
  type AssessmentInput,
} from "./contract";
import { evaluate } from "./engine";
import { checkInvariants, checkVignette } from "./vignette-check";
import { RULESET_VERSION } from "./version";

import { inputArb, nonNeg } from "../../tests/support/clinical-arbitraries";

const rank = (i: AssessmentInput) => verdictRank(evaluate(i).verdict);
const clone = (i: AssessmentInput) => structuredClone(i);
const RUNS = { numRuns: 400 };

describe("properties of the engine over valid inputs", () => {
  it("the generator only makes valid inputs", () => {
    fc.assert(fc.property(inputArb, (i) => assessmentInputSchema.safeParse(i).success), { numRuns: 200 });
  });

  it("never throws; output matches the schema; global invariants hold", () => {
    fc.assert(
      fc.property(inputArb, (i) => {
        const e = evaluate(i);
        expect(evaluationSchema.safeParse(e).success).toBe(true);
        expect(checkInvariants(e)).toEqual([]);
      }),
      RUNS,
    );
  });

  it("adding saddle anaesthesia gives urgent_referral with no plan", () => {
    fc.assert(
      fc.property(inputArb, (i) => {
        const j = clone(i);
        j.redFlags = { ...j.redFlags, saddleAnaesthesia: true };
        const e = evaluate(j);
        return e.verdict === "urgent_referral" && e.plan === null;
      }),
      RUNS,
    );
  });

  it("setting any red flag to true never gives a less cautious verdict", () => {
    fc.assert(
      fc.property(inputArb, fc.constantFrom(...RED_FLAG_KEYS), (i, key) => {
        const j = clone(i);
        j.redFlags = { ...j.redFlags, [key]: true };
        return rank(j) >= rank(i);
      }),
      RUNS,
    );
  });

  it("raising any pain score never gives a less cautious verdict", () => {
    const painPaths = ["painNowNrs", "painWorst24hNrs", "painDuringActivityNrs", "capacity"] as const;
    fc.assert(
      fc.property(inputArb, fc.constantFrom(...painPaths), fc.integer({ min: 1, max: 10 }), fc.nat(), (i, which, by, idx) => {
        const j = clone(i);
        if (which === "capacity") {
          const tests = j.capacityTests?.filter((t) => t.painNrs !== undefined) ?? [];
          const t = tests[idx % Math.max(tests.length, 1)];
          if (!t) return true;
          t.painNrs = Math.min(10, t.painNrs! + by);
        } else {
          const v = j.symptoms?.[which];
          if (v === undefined) return true;
          j.symptoms![which] = Math.min(10, v + by);
        }
        return rank(j) >= rank(i);
      }),
      RUNS,
    );
  });

  it("answering an unanswered red flag 'false' never changes a verdict to more cautious, and 'true' never less", () => {
    fc.assert(
      fc.property(inputArb, fc.constantFrom(...RED_FLAG_KEYS), (i, key) => {
        if (i.redFlags?.[key] !== undefined) return true;
        const no = clone(i);
        no.redFlags = { ...no.redFlags, [key]: false };
        const yes = clone(i);
        yes.redFlags = { ...yes.redFlags, [key]: true };
        return rank(no) === rank(i) && rank(yes) >= rank(i);
      }),
      RUNS,
    );
  });

  it("urgent_referral has no plan; every other verdict has a plan with at least one stage", () => {
    fc.assert(
      fc.property(inputArb, (i) => {
        const e = evaluate(i);
        return e.verdict === "urgent_referral" ? e.plan === null : (e.plan?.stages.length ?? 0) >= 1;
      }),
      RUNS,
    );
  });

  it("no stage's long run exceeds 1.1 × the longest run of the last 30 days", () => {
    fc.assert(
      fc.property(inputArb, (i) => {
        const longest = i.load?.longestRunKm30d;
        const e = evaluate(i);
        if (longest === undefined || !e.plan) return true;
        return e.plan.stages.every((s) => s.longRunKmMax === undefined || s.longRunKmMax <= longest * 1.1 + 1e-9);
      }),
      RUNS,
    );
  });

  // ---- 2026.12.1 (issue 11, 12) ----

  it("fever, significant trauma or fracture risk with new spinal pain never leaves a loading plan", () => {
    const pauseFlags = ["feverOrUnwell", "significantTrauma", "osteoporosisOrLongTermSteroids"] as const;
    fc.assert(
      fc.property(inputArb, fc.constantFrom(...pauseFlags), (i, key) => {
        const j = clone(i);
        j.redFlags = { ...j.redFlags, [key]: true };
        const e = evaluate(j);
        const pauseReason = e.reasons.some((r) =>
          ["red_flag.fever_or_unwell", "red_flag.significant_trauma", "red_flag.fracture_risk_with_new_spinal_pain"].includes(r.ruleId),
        );
        if (!pauseReason || e.verdict !== "refer") return true;
        expect(e.plan!.stages).toHaveLength(1);
        expect(e.plan!.stages[0]!.pauseUntilCleared).toBe(true);
        expect(checkVignette(e, { noLoading: true })).toEqual([]);
      }),
      RUNS,
    );
  });

  it("a paused stage never carries running, hours, strength or intensity", () => {
    fc.assert(
      fc.property(inputArb, (i) => {
        const s = evaluate(i).plan?.stages[0];
        if (!s?.pauseUntilCleared) return true;
        return s.runVolumePct === undefined && s.trainingHoursPct === undefined && s.strength.length === 0 && !s.intensityAllowed;
      }),
      RUNS,
    );
  });

  it("listing red-flag items as not asked never gives push and never lists them as missing", () => {
    fc.assert(
      fc.property(inputArb, fc.subarray([...RED_FLAG_KEYS], { minLength: 1 }), (i, keys) => {
        const j = clone(i);
        j.redFlagsNotAsked = { keys, reason: "not examined in person" };
        const e = evaluate(j);
        return e.verdict !== "push" && rank(j) >= rank(i) && keys.every((k) => !e.missing.includes(`redFlags.${k}`));
      }),
      RUNS,
    );
  });

  it("fewer calf-raise reps never give a less cautious verdict", () => {
    fc.assert(
      fc.property(inputArb, fc.integer({ min: 1, max: 30 }), (i, by) => {
        const calf = i.capacityTests?.filter((t) => t.test === "single_leg_calf_raise") ?? [];
        if (calf.length === 0) return true;
        const j = clone(i);
        for (const t of j.capacityTests!) if (t.test === "single_leg_calf_raise") t.value = Math.max(0, t.value - by);
        return rank(j) >= rank(i);
      }),
      RUNS,
    );
  });

  it("starting from zero, more training this week never gives a less cautious verdict", () => {
    fc.assert(
      fc.property(inputArb, nonNeg(30), nonNeg(10), (i, now, more) => {
        const a = clone(i);
        a.load = { ...a.load, hoursPerWeekUsual: 0, hoursPerWeekNow: now };
        const b = clone(a);
        b.load!.hoursPerWeekNow = now + more;
        return rank(b) >= rank(a);
      }),
      RUNS,
    );
  });

  it("adding an overreaching sign never gives a less cautious verdict", () => {
    const signs: ((i: AssessmentInput) => void)[] = [
      (i) => (i.recovery = { ...i.recovery, persistentJointSoreness: true }),
      (i) => (i.recovery = { ...i.recovery, performanceDeclining: true }),
      (i) => (i.recovery = { ...i.recovery, sleepQualityDeclined: true }),
      (i) => (i.recovery = { ...i.recovery, motivationLow: "multi_day" }),
    ];
    fc.assert(
      fc.property(inputArb, fc.integer({ min: 0, max: signs.length - 1 }), (i, k) => {
        const j = clone(i);
        signs[k]!(j);
        return rank(j) >= rank(i);
      }),
      RUNS,
    );
  });

  it("evaluate never changes its input and always stamps the current ruleset version (stored decisions keep theirs)", () => {
    fc.assert(
      fc.property(inputArb, (i) => {
        const before = JSON.stringify(i);
        const e = evaluate(i);
        return JSON.stringify(i) === before && e.rulesetVersion === RULESET_VERSION;
      }),
      { numRuns: 200 },
    );
  });
});
