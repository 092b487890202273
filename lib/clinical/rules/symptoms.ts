import { and, decide, fact, or, test } from "./tri";
import { BACK_REGIONS, type Rule, type RuleContext } from "./types";

// Symptom response to training. Pain during loading follows the pain-monitoring model
// (Silbernagel 2007: 0-3/10 safe, 4-5 acceptable, > 5 too much) and the runner's decision guide
// (seed 004, P8); the morning after decides (24-hour rule, P2). Worsening week to week, or no
// tolerable dose, asks for assessment (P9).

const PAIN = "symptoms.painDuringActivityNrs";
const TREND = "symptoms.trend";
const NEXT = "symptoms.nextDayResponse";
const SILBERNAGEL = "Silbernagel 2007 (AJSM 35:897)";

const activityPain = (ctx: RuleContext) => ctx.input.symptoms?.painDuringActivityNrs;

/** True when the complaint's response is known not to be rising; unknown when neither marker is answered. */
function notRising(ctx: RuleContext): boolean | "unknown" {
  const s = ctx.input.symptoms;
  if (s?.trend === "worsening" || s?.nextDayResponse === "worse") return false;
  if (s?.trend === undefined && s?.nextDayResponse === undefined) return "unknown";
  return true;
}

export const symptomRules: Rule[] = [
  {
    id: "symptoms.worsening_trend",
    category: "symptoms",
    verdict: "refer",
    reads: [TREND],
    source: "seed 004 (P9); reference.md refer tier",
    sourceOutsideBack: "seed 003 (S1: pain that worsens from run to run); reference.md refer tier",
    rulesRef: "P9",
    description: "Symptoms are worse week to week.",
    fires: (ctx) =>
      decide(test(TREND, ctx.input.symptoms?.trend, (v) => v === "worsening"), () => ({
        summary: "Symptoms are getting worse week to week: get the problem assessed before loading further.",
        evidence: { trend: "worsening" },
      })),
  },
  {
    id: "symptoms.no_tolerable_dose",
    category: "symptoms",
    verdict: "refer",
    reads: ["symptoms.noTolerableDoseFound"],
    source: "seed 004 (P9); reference.md refer tier",
    sourceOutsideBack: `${SILBERNAGEL} (load follows the pain response); reference.md refer tier`,
    rulesRef: "P9",
    description: "Every reduced dose tried still flares.",
    fires: (ctx) =>
      decide(fact("symptoms.noTolerableDoseFound", ctx.input.symptoms?.noTolerableDoseFound), () => ({
        summary: "No reduced dose has been tolerated so far: get the problem assessed.",
        evidence: { noTolerableDoseFound: true },
      })),
  },
  {
    id: "symptoms.back_pain_returning_despite_recovery",
    category: "symptoms",
    verdict: "refer",
    reads: [
      "complaint.region", "complaint.daysSinceOnset", TREND, PAIN, "recovery.sleepHoursAvg",
      "recovery.fuelingAdequate", "recovery.hydrationAdequate", "recovery.lifeStress",
    ],
    source: "seed 002 (B3)",
    rulesRef: "B3",
    description:
      "Back pain for at least persistentBackPainDays (42), not improving, activity pain above 3/10, although the recovery fundamentals (sleep, food, water, stress) are in place: reassess how load is handled.",
    fires: (ctx) => {
      const c = ctx.input.complaint;
      if (!c || !BACK_REGIONS.has(c.region) || c.daysSinceOnset < ctx.settings.persistentBackPainDays) return null;
      const r = ctx.input.recovery;
      const st = ctx.settings;
      return decide(
        and(
          test(TREND, ctx.input.symptoms?.trend, (v) => v !== "improving"),
          test(PAIN, activityPain(ctx), (v) => v > st.painGreenMax),
          test("recovery.sleepHoursAvg", r?.sleepHoursAvg, (v) => v >= st.sleepHoursTarget),
          fact("recovery.fuelingAdequate", r?.fuelingAdequate),
          fact("recovery.hydrationAdequate", r?.hydrationAdequate),
          test("recovery.lifeStress", r?.lifeStress, (v) => v !== "high"),
        ),
        () => ({
          summary: `Back pain has kept returning for ${c.daysSinceOnset} days although recovery is in good shape: refer for a movement and load assessment.`,
          evidence: { daysSinceOnset: c.daysSinceOnset, trend: ctx.input.symptoms?.trend, painDuringActivityNrs: activityPain(ctx) },
        }),
      );
    },
  },
  {
    id: "symptoms.activity_pain_too_high",
    category: "symptoms",
    verdict: "back_off",
    reads: [PAIN],
    source: `${SILBERNAGEL}; seed 004 (P8)`,
    sourceOutsideBack: SILBERNAGEL,
    rulesRef: "P8",
    description: "Pain during the usual session above painAcceptableMax (5/10).",
    fires: (ctx) =>
      decide(test(PAIN, activityPain(ctx), (v) => v > ctx.settings.painAcceptableMax), () => ({
        summary: `Pain reaches ${activityPain(ctx)}/10 during training, above the acceptable 5/10: cut the dose.`,
        evidence: { painDuringActivityNrs: activityPain(ctx), acceptableMax: ctx.settings.painAcceptableMax },
      })),
  },
  {
    // Pain now and worst pain in 24 h describe how irritable the complaint is. Very high values
    // mean training would add to pain that is already beyond what loading should provoke
    // (Silbernagel 2007: > 5/10 during loading is too much); NRS 7-10 is the "severe" band.
    id: "symptoms.high_irritability",
    category: "symptoms",
    verdict: "back_off",
    reads: ["symptoms.painNowNrs", "symptoms.painWorst24hNrs"],
    source: `${SILBERNAGEL}; NRS severe band 7-10 (clinical convention)`,
    description:
      "Highly irritable complaint, any onset: pain now ≥ irritabilityPainNow (7/10) or worst pain in 24 h ≥ irritabilityPainWorst24h (8/10). Unanswered only matters when a complaint is recorded.",
    fires: (ctx) => {
      const s = ctx.input.symptoms;
      const st = ctx.settings;
      const t = or(
        test("symptoms.painNowNrs", s?.painNowNrs, (v) => v >= st.irritabilityPainNow),
        test("symptoms.painWorst24hNrs", s?.painWorst24hNrs, (v) => v >= st.irritabilityPainWorst24h),
      );
      if (t !== true && !ctx.input.complaint) return null;
      return decide(t, () => ({
        summary: `Pain is ${[
          s?.painNowNrs !== undefined ? `${s.painNowNrs}/10 now` : "",
          s?.painWorst24hNrs !== undefined ? `${s.painWorst24hNrs}/10 at its worst in the last 24 hours` : "",
        ].filter(Boolean).join(" and ")}: the complaint is highly irritable, so back off and let it settle before loading it.`,
        evidence: {
          painNowNrs: s?.painNowNrs,
          painWorst24hNrs: s?.painWorst24hNrs,
          irritabilityPainNow: st.irritabilityPainNow,
          irritabilityPainWorst24h: st.irritabilityPainWorst24h,
        },
      }));
    },
  },
  {
    id: "symptoms.next_day_worse",
    category: "symptoms",
    verdict: "back_off",
    reads: [NEXT],
    source: `seed 004 (P2, 24-hour rule); ${SILBERNAGEL}`,
    sourceOutsideBack: `${SILBERNAGEL} (the next-morning response decides)`,
    rulesRef: "P2",
    description: "Symptoms are worse the morning after a session (24-hour rule).",
    fires: (ctx) =>
      decide(test(NEXT, ctx.input.symptoms?.nextDayResponse, (v) => v === "worse"), () => ({
        summary: "Symptoms are worse the morning after training, so the current dose is too high.",
        evidence: { nextDayResponse: "worse" },
      })),
  },
  {
    id: "symptoms.sharp_pain",
    category: "symptoms",
    verdict: "back_off",
    reads: ["symptoms.sharpPain"],
    source: "seed 004 (P8)",
    // No other source names sharp pain; the back-pain article's rule is applied, and says so.
    sourceOutsideBack: "seed 004 (P8, written for back pain and applied to every region)",
    rulesRef: "P8",
    description: "Sharp or catching pain during activity.",
    fires: (ctx) =>
      decide(fact("symptoms.sharpPain", ctx.input.symptoms?.sharpPain), () => ({
        summary: "Sharp or catching pain during activity: reduce more firmly rather than pushing through.",
        evidence: { sharpPain: true },
      })),
  },
  {
    id: "symptoms.soreness_over_48h",
    category: "symptoms",
    verdict: "back_off",
    reads: ["symptoms.sorenessOver48h"],
    source: "seed 003 (S1)",
    rulesRef: "S1",
    description: "Soreness that lasts beyond 48 hours.",
    fires: (ctx) =>
      decide(fact("symptoms.sorenessOver48h", ctx.input.symptoms?.sorenessOver48h), () => ({
        summary: "Soreness outlasts 48 hours, so recovery is not keeping up with training.",
        evidence: { sorenessOver48h: true },
      })),
  },
  {
    id: "symptoms.altered_movement",
    category: "symptoms",
    verdict: "back_off",
    reads: ["symptoms.alteredMovement"],
    source: "seed 003 (S5)",
    rulesRef: "S5",
    description: "Altered movement: limping, shortened stride, guarding, favouring a side.",
    fires: (ctx) =>
      decide(fact("symptoms.alteredMovement", ctx.input.symptoms?.alteredMovement), () => ({
        summary: "Movement is visibly altered (limping, guarding or a shortened stride): back off until it normalises.",
        evidence: { alteredMovement: true },
      })),
  },
  {
    id: "symptoms.activity_pain_acceptable",
    category: "symptoms",
    verdict: "modify",
    reads: [PAIN],
    source: `${SILBERNAGEL}; seed 004 (P8)`,
    sourceOutsideBack: SILBERNAGEL,
    rulesRef: "P8",
    description: "Pain during the usual session between painGreenMax and painAcceptableMax (4-5/10).",
    fires: (ctx) => {
      const st = ctx.settings;
      return decide(test(PAIN, activityPain(ctx), (v) => v > st.painGreenMax && v <= st.painAcceptableMax), () => ({
        summary: `Pain of ${activityPain(ctx)}/10 during training is acceptable but not comfortable: keep sessions easy and shorter.`,
        evidence: { painDuringActivityNrs: activityPain(ctx), greenMax: st.painGreenMax, acceptableMax: st.painAcceptableMax },
      }));
    },
  },
  {
    id: "symptoms.stiffness_not_easing",
    category: "symptoms",
    verdict: "modify",
    reads: ["symptoms.stiffnessNotEasing"],
    source: "seed 003 (S4)",
    rulesRef: "S4",
    description: "Tightness that does not loosen, or worsens, with movement.",
    fires: (ctx) =>
      decide(fact("symptoms.stiffnessNotEasing", ctx.input.symptoms?.stiffnessNotEasing), () => ({
        summary: "Tightness stays or worsens as the session goes on: ease the load and keep sessions easy.",
        evidence: { stiffnessNotEasing: true },
      })),
  },
  {
    id: "symptoms.night_pain",
    category: "symptoms",
    verdict: "modify",
    reads: ["symptoms.nightPain"],
    source: "Finucane 2020 (IFOMPT): a single flag, watch with safety-netting",
    description: "Pain that wakes from sleep (without a malignancy flag; with one, the red-flag rule refers).",
    fires: (ctx) =>
      decide(fact("symptoms.nightPain", ctx.input.symptoms?.nightPain), () => ({
        summary: "Pain wakes them at night: modify training and recheck; refer if it persists or other flags appear.",
        evidence: { nightPain: true },
      })),
  },
  {
    id: "symptoms.complaint_not_cleared",
    category: "symptoms",
    verdict: "modify",
    reads: ["complaint", PAIN, TREND, NEXT],
    source: "engine default: an unanswered field never clears a complaint",
    rulesRef: "P8",
    description:
      "A complaint is recorded but the answers that would clear it for full training are missing (activity pain, or both the trend and the next-day response).",
    fires: (ctx) => {
      if (!ctx.input.complaint) return null;
      const pain = activityPain(ctx);
      const unanswered: string[] = [];
      if (pain === undefined) unanswered.push(PAIN);
      else if (pain <= ctx.settings.painGreenMax && notRising(ctx) === "unknown") unanswered.push(TREND, NEXT);
      if (unanswered.length === 0) return null;
      return {
        summary: "A complaint is recorded but the answers that would clear full training are missing: train modified until they are known.",
        evidence: { unanswered },
      };
    },
  },
  {
    id: "symptoms.activity_pain_green",
    category: "symptoms",
    verdict: "push",
    reads: [PAIN, TREND, NEXT],
    source: `${SILBERNAGEL}; seed 004 (P8)`,
    sourceOutsideBack: SILBERNAGEL,
    rulesRef: "P8",
    description: "Pain during the usual session at or below painGreenMax (3/10) and not rising (trend not worsening, next morning not worse).",
    fires: (ctx) => {
      const pain = activityPain(ctx);
      if (pain === undefined || pain > ctx.settings.painGreenMax) return null;
      const rising = notRising(ctx);
      if (rising === false) return null;
      // With a complaint, "not rising" must be known before it clears anything.
      if (rising === "unknown" && ctx.input.complaint) return null;
      return {
        summary: `Pain during training is ${pain}/10 and not rising: within the safe range.`,
        evidence: { painDuringActivityNrs: pain, trend: ctx.input.symptoms?.trend, nextDayResponse: ctx.input.symptoms?.nextDayResponse },
      };
    },
  },
];
