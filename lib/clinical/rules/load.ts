import { decide, fact, or, test, type Tri } from "./tri";
import type { Rule, RuleContext } from "./types";

// Training load. This week against the usual 4 weeks (acute:chronic ratio): 0.8-1.3 usual,
// ≥ 1.5 high (Gabbett 2016). The ratio is mathematically coupled and predicts injury weakly
// (Impellizzeri 2020), so it is shown with the numbers behind it and never refers on its own.
// With usual load 0 the ratio is undefined and these rules stay silent.

const HN = "load.hoursPerWeekNow";
const HU = "load.hoursPerWeekUsual";
const KN = "load.runKmPerWeekNow";
const KU = "load.runKmPerWeekUsual";
const GABBETT = "Gabbett 2016 (BJSM 50:273); Impellizzeri 2020 caveat";

const round2 = (n: number) => Math.round(n * 100) / 100;

/**
 * Running km are not the measure for a non-running sport, and hours are not needed for a runner
 * whose km are known: when the sport itself answers the question, a blank pair is not an unknown.
 */
function notThisAthletesMeasure(ctx: RuleContext, kind: "hours" | "km"): boolean {
  const l = ctx.input.load;
  if (kind === "km") return !ctx.runningSport;
  return ctx.runningSport && l?.runKmPerWeekNow !== undefined && l?.runKmPerWeekUsual !== undefined;
}

/** A ratio condition, unknown when either side of the ratio is missing. */
function ratioTest(ctx: RuleContext, kind: "hours" | "km", pred: (r: number) => boolean): Tri {
  const l = ctx.input.load;
  const [now, usual, pNow, pUsual] =
    kind === "hours" ? [l?.hoursPerWeekNow, l?.hoursPerWeekUsual, HN, HU] : [l?.runKmPerWeekNow, l?.runKmPerWeekUsual, KN, KU];
  const unknown = [...(now === undefined ? [pNow] : []), ...(usual === undefined ? [pUsual] : [])];
  if (unknown.length === 2 && notThisAthletesMeasure(ctx, kind)) return false;
  if (unknown.length > 0) return unknown;
  const ratio = kind === "hours" ? ctx.hoursRatio : ctx.runKmRatio;
  return ratio !== undefined && pred(ratio);
}

const hoursEvidence = (ctx: RuleContext) => ({
  hoursPerWeekNow: ctx.input.load?.hoursPerWeekNow,
  hoursPerWeekUsual: ctx.input.load?.hoursPerWeekUsual,
  ratio: ctx.hoursRatio === undefined ? undefined : round2(ctx.hoursRatio),
});
const kmEvidence = (ctx: RuleContext) => ({
  runKmPerWeekNow: ctx.input.load?.runKmPerWeekNow,
  runKmPerWeekUsual: ctx.input.load?.runKmPerWeekUsual,
  ratio: ctx.runKmRatio === undefined ? undefined : round2(ctx.runKmRatio),
});

export const loadRules: Rule[] = [
  {
    id: "load.hours_ratio_high",
    category: "load",
    verdict: "back_off",
    reads: [HN, HU],
    source: `seed 000 (L1: 4 → 12 h/week); ${GABBETT}`,
    rulesRef: "L1",
    description: "Training hours this week ÷ usual ≥ acwrHigh (1.5).",
    fires: (ctx) =>
      decide(ratioTest(ctx, "hours", (r) => r >= ctx.settings.acwrHigh), () => ({
        summary: `Training time rose from ${ctx.input.load!.hoursPerWeekUsual} to ${ctx.input.load!.hoursPerWeekNow} h a week, faster than recovery can follow: bring volume down and rebuild gradually.`,
        evidence: { ...hoursEvidence(ctx), high: ctx.settings.acwrHigh },
      })),
  },
  {
    id: "load.hours_ratio_elevated",
    category: "load",
    verdict: "modify",
    reads: [HN, HU],
    source: GABBETT,
    rulesRef: "L1",
    description: "Training hours this week ÷ usual above acwrUsualUpper (1.3) and below acwrHigh (1.5).",
    fires: (ctx) =>
      decide(ratioTest(ctx, "hours", (r) => r > ctx.settings.acwrUsualUpper && r < ctx.settings.acwrHigh), () => ({
        summary: "Training time is above the usual range for this athlete: hold it steady rather than adding more.",
        evidence: { ...hoursEvidence(ctx), usualUpper: ctx.settings.acwrUsualUpper, high: ctx.settings.acwrHigh },
      })),
  },
  {
    id: "load.run_km_ratio_high",
    category: "load",
    verdict: "back_off",
    reads: [KN, KU],
    source: GABBETT,
    rulesRef: "L1",
    description: "Running km this week ÷ usual ≥ acwrHigh (1.5).",
    fires: (ctx) =>
      decide(ratioTest(ctx, "km", (r) => r >= ctx.settings.acwrHigh), () => ({
        summary: `Running distance jumped from ${ctx.input.load!.runKmPerWeekUsual} to ${ctx.input.load!.runKmPerWeekNow} km a week: bring it back down and rebuild gradually.`,
        evidence: { ...kmEvidence(ctx), high: ctx.settings.acwrHigh },
      })),
  },
  {
    id: "load.run_km_progression_over_30pct",
    category: "load",
    verdict: "modify",
    reads: [KN, KU],
    source: "Nielsen 2014 (JOSPT; > 30 % raised distance-related injury)",
    description: "Running km this week more than runProgressionMaxPct (30 %) above usual, but under acwrHigh.",
    fires: (ctx) =>
      decide(
        ratioTest(ctx, "km", (r) => r > 1 + ctx.settings.runProgressionMaxPct / 100 && r < ctx.settings.acwrHigh),
        () => ({
          summary: "Weekly running distance rose by more than 30 %: hold distance steady until the body catches up.",
          evidence: { ...kmEvidence(ctx), maxRisePct: ctx.settings.runProgressionMaxPct },
        }),
      ),
  },
  {
    id: "load.too_much_too_soon",
    category: "load",
    verdict: "back_off",
    reads: [
      HN, HU, KN, KU, "symptoms.sorenessOver48h", "recovery.persistentJointSoreness", "recovery.performanceDeclining",
      "recovery.sleepQualityDeclined", "recovery.sleepHoursAvg", "recovery.motivationLow",
    ],
    source: "seed 000 (L2)",
    rulesRef: "L2",
    description:
      "Load rose above the usual range (hours ratio > 1.3 or running km > 30 % up) and at least one sign of doing too much shows: soreness > 48 h, joint soreness between sessions, performance falling, sleep worse or under target, motivation low for days.",
    fires: (ctx) => {
      const s = ctx.settings;
      const r = ctx.input.recovery;
      const rose = or(
        ratioTest(ctx, "hours", (x) => x > s.acwrUsualUpper),
        ratioTest(ctx, "km", (x) => x > 1 + s.runProgressionMaxPct / 100),
      );
      if (rose !== true) return rose === false ? null : { unknown: rose };
      const signs = {
        sorenessOver48h: ctx.input.symptoms?.sorenessOver48h,
        persistentJointSoreness: r?.persistentJointSoreness,
        performanceDeclining: r?.performanceDeclining,
        sleepQualityDeclined: r?.sleepQualityDeclined,
        sleepUnderTarget: r?.sleepHoursAvg === undefined ? undefined : r.sleepHoursAvg < s.sleepHoursTarget,
        motivationLowForDays: r?.motivationLow === undefined ? undefined : r.motivationLow === "multi_day",
      };
      return decide(
        or(
          fact("symptoms.sorenessOver48h", signs.sorenessOver48h),
          fact("recovery.persistentJointSoreness", signs.persistentJointSoreness),
          fact("recovery.performanceDeclining", signs.performanceDeclining),
          fact("recovery.sleepQualityDeclined", signs.sleepQualityDeclined),
          test("recovery.sleepHoursAvg", r?.sleepHoursAvg, (v) => v < s.sleepHoursTarget),
          test("recovery.motivationLow", r?.motivationLow, (v) => v === "multi_day"),
        ),
        () => ({
          summary: "Load went up faster than recovery and the body is showing it: back off volume, then rebuild gradually.",
          evidence: {
            ...hoursEvidence(ctx),
            ...Object.fromEntries(Object.entries(kmEvidence(ctx)).map(([k, v]) => [`km_${k}`, v])),
            signs: Object.entries(signs).filter(([, v]) => v === true).map(([k]) => k),
          },
        }),
      );
    },
  },
  {
    id: "load.deload_overdue",
    category: "load",
    verdict: "modify",
    reads: ["load.weeksSinceDeload"],
    source: "seed 001 (F4: planned lighter week every 4-6 weeks)",
    rulesRef: "F4",
    description: "Weeks since the last planned lighter week exceed deloadEveryWeeks.max (6).",
    fires: (ctx) =>
      decide(test("load.weeksSinceDeload", ctx.input.load?.weeksSinceDeload, (w) => w > ctx.settings.deloadEveryWeeks.max), () => ({
        summary: `No lighter week for ${ctx.input.load!.weeksSinceDeload} weeks: schedule one now rather than waiting for a breakdown.`,
        evidence: { weeksSinceDeload: ctx.input.load!.weeksSinceDeload, deloadEveryWeeksMax: ctx.settings.deloadEveryWeeks.max },
      })),
  },
];
