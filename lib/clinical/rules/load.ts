import { deloadCadence } from "../cadence";
import type { Verdict } from "../contract";
import { decide, fact, or, test, type Tri } from "./tri";
import type { Rule, RuleContext } from "./types";

// Training load. This week against the usual 4 weeks (acute:chronic ratio): 0.8-1.3 usual,
// ≥ 1.5 high (Gabbett 2016). The ratio is mathematically coupled and predicts injury weakly
// (Impellizzeri 2020), so it is shown with the numbers behind it and never refers on its own.
// With usual load 0 the ratio is undefined; a start from nothing is rated instead against a
// sensible starting dose (load.start_from_zero; seed 000 L1), using the same bands.

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

type FromZero = { kind: "hours" | "km"; now: number; dose: number; ratio: number; verdict: Verdict };

/** A measure whose usual is exactly 0, rated against the starting dose; null when it is within the usual band. */
function fromZero(ctx: RuleContext, kind: "hours" | "km"): FromZero | null {
  const l = ctx.input.load;
  const [now, usual, dose] =
    kind === "hours"
      ? [l?.hoursPerWeekNow, l?.hoursPerWeekUsual, ctx.settings.startingDoseHoursPerWeek]
      : [l?.runKmPerWeekNow, l?.runKmPerWeekUsual, ctx.settings.startingDoseRunKmPerWeek];
  if (usual !== 0 || now === undefined) return null;
  const ratio = now / dose;
  if (ratio >= ctx.settings.acwrHigh) return { kind, now, dose, ratio, verdict: "back_off" };
  if (ratio > ctx.settings.acwrUsualUpper) return { kind, now, dose, ratio, verdict: "modify" };
  return null;
}

export const loadRules: Rule[] = [
  {
    // Seed 000 (L1): volume tolerance is built gradually. With nothing usual to compare with, the
    // week is compared with a sensible starting dose (settings), through the acute:chronic bands.
    id: "load.start_from_zero",
    category: "load",
    verdict: "back_off",
    reads: [HN, HU, KN, KU],
    source: `seed 000 (L1: 4 h/week base, 4 → 12 too much); ${GABBETT} (bands)`,
    rulesRef: "L1",
    description:
      "Usual load is 0 and this week is above the starting dose (startingDoseHoursPerWeek 4 h, startingDoseRunKmPerWeek 10 km): ≥ acwrHigh (1.5) × the dose → back_off; above acwrUsualUpper (1.3) × → modify.",
    fires: (ctx) => {
      const hits = [fromZero(ctx, "hours"), fromZero(ctx, "km")].filter((h): h is FromZero => h !== null);
      if (hits.length === 0) return null;
      const worst = hits.find((h) => h.verdict === "back_off") ?? hits[0]!;
      const what = (h: FromZero) => (h.kind === "hours" ? `${h.now} h of training` : `${h.now} km of running`);
      const dose = (h: FromZero) => (h.kind === "hours" ? `${h.dose} h` : `${h.dose} km`);
      return {
        verdict: worst.verdict,
        summary:
          worst.verdict === "back_off"
            ? `Starting from nothing, ${hits.map(what).join(" and ")} this week is well above a sensible first week (about ${dose(worst)}): start lower and build gradually.`
            : `Starting from nothing, ${hits.map(what).join(" and ")} this week is a little above a sensible first week (about ${dose(worst)}): hold it there rather than adding more.`,
        evidence: {
          hoursPerWeekNow: ctx.input.load?.hoursPerWeekNow,
          hoursPerWeekUsual: ctx.input.load?.hoursPerWeekUsual,
          runKmPerWeekNow: ctx.input.load?.runKmPerWeekNow,
          runKmPerWeekUsual: ctx.input.load?.runKmPerWeekUsual,
          startingDoseHoursPerWeek: ctx.settings.startingDoseHoursPerWeek,
          startingDoseRunKmPerWeek: ctx.settings.startingDoseRunKmPerWeek,
          ratioToStartingDose: hits.map((h) => ({ kind: h.kind, ratio: round2(h.ratio) })),
        },
      };
    },
  },
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
    source: "seed 001 (F4: planned lighter week every 4-6 weeks; F5: advanced athletes manage fatigue actively)",
    rulesRef: "F4",
    description:
      "Weeks since the last planned lighter week exceed this athlete's cadence (deloadEveryWeeks, 4-6; advanced or elite 4-5, beginners 5-6: F5).",
    fires: (ctx) => {
      const cadence = deloadCadence(ctx);
      return decide(test("load.weeksSinceDeload", ctx.input.load?.weeksSinceDeload, (w) => w > cadence.max), () => ({
        summary: `No lighter week for ${ctx.input.load!.weeksSinceDeload} weeks, beyond this athlete's ${cadence.min}-${cadence.max}-week cadence: schedule one now rather than waiting for a breakdown.`,
        evidence: { weeksSinceDeload: ctx.input.load!.weeksSinceDeload, deloadEveryWeeksMax: cadence.max },
      }));
    },
  },
];
