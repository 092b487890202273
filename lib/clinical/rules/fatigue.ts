import { and, decide, fact, test, type Tri } from "./tri";
import type { Rule, RuleContext } from "./types";

// Overreaching versus normal fatigue (seed 001). One hard day is noise; a pattern over days is a
// signal (F1). Several signs together warrant less load (F2); fewer ask to modify and watch.
// No single marker is reliable (Meeusen 2013), which is why the count matters: three or more signs
// back off, or two when one of them is objective (resting heart rate, performance, joint soreness).
// Sleep and motivation are a recovery flag (S3) and on their own ask only to modify. Session-specific,
// motivational reluctance with weights still moving and no joint pain is a reason to push (F3).

const HR_NOW = "recovery.restingHrNow";
const HR_BASE = "recovery.restingHrBaseline";
const HR_DAYS = "recovery.restingHrElevatedDays";

function restingHrElevated(ctx: RuleContext): Tri {
  const r = ctx.input.recovery;
  const st = ctx.settings;
  const delta: Tri =
    r?.restingHrNow === undefined || r?.restingHrBaseline === undefined
      ? [...(r?.restingHrNow === undefined ? [HR_NOW] : []), ...(r?.restingHrBaseline === undefined ? [HR_BASE] : [])]
      : r.restingHrNow - r.restingHrBaseline >= st.restingHrElevationBpm;
  return and(delta, test(HR_DAYS, r?.restingHrElevatedDays, (d) => d >= st.restingHrConsecutiveDays));
}

/** Signs measured or observed rather than felt. */
const OBJECTIVE_SIGNS: ReadonlySet<string> = new Set(["persistentJointSoreness", "performanceDeclining", "restingHrElevated"]);

export const fatigueRules: Rule[] = [
  {
    id: "fatigue.multi_day_pattern",
    category: "fatigue",
    verdict: "back_off",
    reads: ["fatigue.pattern", "fatigue.weightsMovingNormally"],
    source: "seed 001 (F1)",
    rulesRef: "F1",
    description: "Fatigue over several days: back off (deload) when weights have stalled; modify when they still move normally.",
    fires: (ctx) => {
      const f = ctx.input.fatigue;
      if (f?.pattern !== "multi_day") return f?.pattern === undefined ? { unknown: ["fatigue.pattern"] } : null;
      const stalled = f.weightsMovingNormally === false;
      const hit = {
        verdict: stalled ? ("back_off" as const) : ("modify" as const),
        summary: stalled
          ? "Fatigue has built up over days and weights have stalled: take a deload week now."
          : "Fatigue has lasted several days: lighten the next sessions and watch for stalling weights.",
        evidence: { pattern: "multi_day", weightsMovingNormally: f.weightsMovingNormally },
      };
      return f.weightsMovingNormally === undefined ? { ...hit, unknown: ["fatigue.weightsMovingNormally"] } : hit;
    },
  },
  {
    id: "fatigue.overreaching_signs",
    category: "fatigue",
    verdict: "back_off",
    reads: [
      "recovery.persistentJointSoreness", "recovery.performanceDeclining", HR_NOW, HR_BASE, HR_DAYS,
      "recovery.sleepQualityDeclined", "recovery.motivationLow",
    ],
    source: "seed 001 (F2); seed 003 (S2, S3); Meeusen 2013",
    rulesRef: "F2",
    description:
      "Counts overreaching signs: joint soreness between sessions; performance or bar speed falling at the same load; resting HR ≥ restingHrElevationBpm (5) over baseline for ≥ restingHrConsecutiveDays (2); sleep quality worse without outside cause; motivation low beyond a single session. overreachingSignsForBackOff (3) or more → back_off; overreachingSignsWithObjectiveForBackOff (2) when at least one is objective (resting HR, performance, joint soreness) → back_off; fewer (e.g. sleep and motivation alone) → modify.",
    fires: (ctx) => {
      const r = ctx.input.recovery;
      const signs: Record<string, Tri> = {
        persistentJointSoreness: fact("recovery.persistentJointSoreness", r?.persistentJointSoreness),
        performanceDeclining: fact("recovery.performanceDeclining", r?.performanceDeclining),
        restingHrElevated: restingHrElevated(ctx),
        sleepQualityDeclined: fact("recovery.sleepQualityDeclined", r?.sleepQualityDeclined),
        // A single flat session is noise (F3); only multi-day loss of drive counts.
        motivationLowMultiDay: test("recovery.motivationLow", r?.motivationLow, (m) => m === "multi_day"),
      };
      const present = Object.keys(signs).filter((k) => signs[k] === true);
      const unknown = Object.values(signs).flatMap((t) => (typeof t === "boolean" ? [] : t));
      const need = ctx.settings.overreachingSignsForBackOff;
      const needWithObjective = ctx.settings.overreachingSignsWithObjectiveForBackOff;
      if (present.length === 0) return unknown.length > 0 ? { unknown } : null;
      const objective = present.filter((k) => OBJECTIVE_SIGNS.has(k));
      const several = present.length >= need || (objective.length > 0 && present.length >= needWithObjective);
      const evidence = {
        signs: present,
        restingHrNow: r?.restingHrNow,
        restingHrBaseline: r?.restingHrBaseline,
        restingHrElevatedDays: r?.restingHrElevatedDays,
        objectiveSigns: objective,
        needForBackOff: need,
        needWithObjectiveForBackOff: needWithObjective,
      };
      return {
        verdict: several ? "back_off" : "modify",
        summary: several
          ? `${present.length} overreaching signs together (${present.join(", ")}${objective.length > 0 ? `; objective: ${objective.join(", ")}` : ""}): reduce load with a deload.`
          : present.length === 1
            ? `One overreaching sign (${present[0]}): lighten training slightly and recheck in a few days.`
            : `${present.length} subjective recovery signs (${present.join(", ")}) without an objective one: lighten training slightly, look after sleep, and recheck in a few days.`,
        evidence,
        ...(several || unknown.length === 0 ? {} : { unknown }),
      };
    },
  },
  {
    id: "fatigue.session_specific_push",
    category: "fatigue",
    verdict: "push",
    reads: [
      "fatigue.pattern", "fatigue.weightsMovingNormally", "fatigue.reluctanceMainlyMotivational",
      "recovery.persistentJointSoreness", "complaint", "symptoms.painDuringActivityNrs",
    ],
    source: "seed 001 (F3)",
    rulesRef: "F3",
    description:
      "Fatigue is session-specific, weights still move, reluctance is mainly motivational, and there is no joint pain (no joint soreness between sessions; no complaint, or activity pain 0/10): a reason to train as planned.",
    fires: (ctx) => {
      const f = ctx.input.fatigue;
      const pain = ctx.input.symptoms?.painDuringActivityNrs;
      const noJointPain: Tri = and(
        test("recovery.persistentJointSoreness", ctx.input.recovery?.persistentJointSoreness, (v) => v === false),
        ctx.input.complaint ? test("symptoms.painDuringActivityNrs", pain, (p) => p === 0) : true,
      );
      return decide(
        and(
          test("fatigue.pattern", f?.pattern, (p) => p === "session_specific"),
          fact("fatigue.weightsMovingNormally", f?.weightsMovingNormally),
          fact("fatigue.reluctanceMainlyMotivational", f?.reluctanceMainlyMotivational),
          noJointPain,
        ),
        () => ({
          summary: "Today's reluctance is motivational and session-specific, weights are moving and nothing hurts: train as planned.",
          evidence: { pattern: "session_specific", weightsMovingNormally: true, reluctanceMainlyMotivational: true },
        }),
      );
    },
  },
];
