import type { Plan, PlanStage, Reason, ReasonCategory, Verdict } from "../contract";
import { testLabel } from "../capacity/catalogue";
import { BACK_REGIONS, type RuleContext } from "../rules/types";
import type { EngineSettings } from "../settings";
import { advice, crossTraining, deloadEveryWeeks, painRules, pauseCrossTraining, pausePainRules, seekCareIf } from "./guidance";
import { chooseStrength } from "./strength";

// Builds the staged plan from the verdict and what drove it. Figures:
// - first reduced stage: running 60-80 % of usual (seed 004, P3), also on a flare (at RPE 3);
//   if it still flares at that dose, the stage's regress criterion takes another 10-20 % off, as
//   P3 orders it; easy effort RPE 3-4, no intervals, hills or progression runs (P1);
// - every number the check-in review also applies (pain limits, the flare cut, the flares that
//   mean no tolerable dose, the green sessions a stage needs) is read from the resolved settings,
//   so the sentences the patient reads and the review's rules cannot drift apart (issue 12);
// - a runner with a back complaint starts even a push plan with a week of easy runs only (P1);
// - every plan that reduces climbs back in steps of at most 2 RPE, with a reload stage (one
//   harder session a week) before full training;
// - refer: for fever, significant trauma or a possible fragility fracture nothing is loaded
//   until a doctor has seen the patient (reference.md: exercise with a fever is contraindicated,
//   load on a possible fracture waits for imaging): one paused stage, walking as tolerated only.
//   Other refer reasons keep a reduced hold stage at 50-70 %, below P3's 60-80 % because a
//   medical review is pending;
// - long run never above 1.1 × the longest run of the last 30 days (Frandsen 2025), and
//   shortened in reduced stages in proportion to the volume cut (P3);
// - a planned lighter week every 4-6 weeks (F4, F5).
// urgent_referral has no plan: the patient needs emergency care, not a training plan.

type Range = { min: number; max: number };

/** Rules whose firing means symptoms are flaring: the first stage cuts deeper and easier. */
const FLARE_RULES: ReadonlySet<string> = new Set([
  "acute.protective_state",
  "symptoms.activity_pain_too_high",
  "symptoms.next_day_worse",
  "symptoms.sharp_pain",
  "symptoms.altered_movement",
  "symptoms.high_irritability",
  "capacity.test_painful",
]);

/** Refer reasons after which nothing is loaded until a doctor has seen the patient (reference.md). */
export const PAUSE_RULES: ReadonlySet<string> = new Set([
  "red_flag.fever_or_unwell",
  "red_flag.significant_trauma",
  "red_flag.fracture_risk_with_new_spinal_pain",
]);

/** True when the plan must pause all loading: a refer verdict driven by fever, trauma or a possible fracture. */
export function mustPause(verdict: Verdict, reasons: readonly Reason[]): boolean {
  return verdict === "refer" && reasons.some((r) => PAUSE_RULES.has(r.ruleId) && r.verdict === "refer");
}

type Driver = "flare" | "capacity" | "load" | "fatigue" | "symptoms";

function driverOf(reasons: readonly Reason[], verdict: Verdict): Driver {
  const top = reasons.filter((r) => r.verdict === verdict);
  if (top.some((r) => FLARE_RULES.has(r.ruleId))) return "flare";
  const cats = new Set<ReasonCategory>(top.map((r) => r.category));
  if (cats.has("acute")) return "flare";
  if (cats.has("capacity")) return "capacity";
  if (cats.has("load")) return "load";
  if (cats.has("fatigue") || cats.has("recovery")) return "fatigue";
  return "symptoms";
}

const FIRST_TITLES: Record<Driver, string> = {
  flare: "Calm the flare-up: only easy training that does not stir it up",
  capacity: "Build strength while running stays easy and shorter",
  load: "Cut training back to what you recover from",
  fatigue: "Lighter training to clear built-up fatigue",
  symptoms: "Settle symptoms with easy training",
};

type StageSpec = {
  key: string;
  title: string;
  weeks: Range;
  volume: Range;
  rpe: number;
  intensity: boolean;
  reduced: boolean;
  strength: "early" | "later";
  progressWhen: string[];
  /** Stage-specific step-back criteria, printed after the flare criteria (when `flareRules`). */
  regressWhen: string[];
  /** Prefix the review's red-light criteria (cut inside the stage, then step back a stage). */
  flareRules?: boolean;
  /** No loading at all until a doctor has cleared the patient. */
  pause?: boolean;
};

const floor1 = (n: number) => Math.floor(n * 10 + 1e-9) / 10;

const times = (n: number) => (n === 1 ? "once" : n === 2 ? "twice" : `${n} times`);
const pctRange = (r: Range) => (r.min === r.max ? `${r.min} %` : `${r.min}-${r.max} %`);

/** What the check-in review calls a flare (its red light), in the patient's words. */
function flareSigns(st: Readonly<EngineSettings>): string {
  return `Pain goes above ${st.painAcceptableMax}/10 during a session, turns sharp or catching, makes you limp or move differently to protect it, or is worse the next morning`;
}

/**
 * The step-back criteria, as the check-in review applies them: one flare cuts the stage's dose by
 * flareCutPct inside the stage; a flare at an already cut dose steps back a stage. The first
 * stage has nothing to step back to: it cuts again, and noTolerableDoseFlares flares after a
 * noTolerableDoseCutPct cut mean no tolerable dose was found (seek care, P9).
 */
export function flareRegressCriteria(st: Readonly<EngineSettings>, firstStage: boolean): string[] {
  const cut = pctRange(st.flareCutPct);
  const out = [`${flareSigns(st)}: stop that activity for the day and stay in this stage, doing ${cut} less of everything it sets.`];
  out.push(
    firstStage
      ? `It flares again after that cut: cut another ${cut} and contact your clinician. Flaring ${times(st.noTolerableDoseFlares)} in this stage after a ${st.noTolerableDoseCutPct} % cut means the problem needs assessing.`
      : "It flares again after that cut: drop back to the previous stage.",
  );
  return out;
}

/** The review progresses a stage after progressGreenSessions green sessions in 7 days (pain at or under painGreenMax, next morning no worse). */
function greenWeek(st: Readonly<EngineSettings>, what = "sessions"): string {
  return `at least ${st.progressGreenSessions} ${what} where pain stays at ${st.painGreenMax}/10 or less and is no worse the next morning`;
}

function progressCriteria(ctx: RuleContext): string[] {
  const out = [`A full week at this stage with ${greenWeek(ctx.settings)}.`];
  const c = ctx.input.complaint;
  if (c?.onset === "acute" && ctx.input.symptoms?.cannotBendForward) out.push("You can bend forward again without holding your back stiff to protect it.");
  return out;
}

function capacityCriteria(ctx: RuleContext): string[] {
  return ctx.capacity
    .filter((c) => !c.meetsTarget && c.targetKind !== "none")
    .map((c) => {
      const name = testLabel(c.test);
      return c.targetKind === "symmetry"
        ? `${name}: your weaker side within ${100 - ctx.settings.lsiMinPct} % of your stronger side when your clinician tests it again.`
        : `${name}: ${c.target} ${c.unit} or more on each side${c.lsiPct !== undefined ? `, with the two sides within ${100 - ctx.settings.lsiMinPct} % of each other` : ""} when your clinician tests it again.`;
    });
}

/** P1: a runner whose back is bothering them runs easy and conversational only this week. */
function runnerWithBackComplaint(ctx: RuleContext): boolean {
  const c = ctx.input.complaint;
  return c !== undefined && BACK_REGIONS.has(c.region) && runsInPlan(ctx);
}

function easyRunsWeek(st: Readonly<EngineSettings>): StageSpec {
  return {
    key: "easy_week",
    title: "This week: easy, conversational runs only",
    weeks: { min: 1, max: 1 },
    volume: { min: 80, max: 100 },
    rpe: 4,
    intensity: false,
    reduced: false,
    strength: "early",
    progressWhen: [`A week of easy runs, ${greenWeek(st, "runs")}: bring back one harder session.`],
    regressWhen: [],
    flareRules: true,
  };
}

function pauseStage(reasons: readonly Reason[]): StageSpec {
  const fever = reasons.some((r) => r.ruleId === "red_flag.fever_or_unwell");
  return {
    key: "pause",
    title: "Pause training until a doctor has checked you",
    weeks: { min: 1, max: 1 },
    volume: { min: 0, max: 0 },
    rpe: 2,
    intensity: false,
    reduced: true,
    strength: "early",
    pause: true,
    progressWhen: [
      "A doctor has seen you and cleared you to train again. Nothing in this stage is stepped up before then; your clinician then sets your first training stage.",
    ],
    regressWhen: [
      fever
        ? "You feel more unwell, your temperature climbs, or you feel faint or short of breath: get medical care the same day."
        : "Pain becomes severe, you cannot put weight on it or move it, or numbness or weakness appears: get medical care the same day.",
    ],
  };
}

function runsInPlan(ctx: RuleContext): boolean {
  const load = ctx.input.load;
  return ctx.runningSport || (load?.runKmPerWeekUsual ?? 0) > 0 || (load?.runKmPerWeekNow ?? 0) > 0;
}

function stageSpecs(ctx: RuleContext, verdict: Verdict, driver: Driver, deload: Range, reasons: readonly Reason[], pause: boolean): StageSpec[] {
  const base = progressCriteria(ctx);
  const capacity = capacityCriteria(ctx);
  const st = ctx.settings;
  const returnStage: StageSpec = {
    key: "return",
    title: "Return to full training",
    weeks: { min: 1, max: 2 },
    volume: { min: 100, max: 110 },
    rpe: 9,
    intensity: true,
    reduced: false,
    strength: "later",
    progressWhen: [`Two weeks of normal training, each with ${greenWeek(st)}; from here, keep a lighter week every ${deload.min}-${deload.max} weeks.`],
    regressWhen: [],
    flareRules: true,
  };

  const reloadStage: StageSpec = {
    key: "reload",
    title: "Bring back one harder session a week",
    weeks: { min: 2, max: 3 },
    volume: { min: 90, max: 100 },
    rpe: 7,
    intensity: true,
    reduced: false,
    strength: "later",
    progressWhen: [`Two weeks that include a harder session, each with ${greenWeek(st)}.`],
    regressWhen: [],
    flareRules: true,
  };

  switch (verdict) {
    case "push":
      return [
        ...(runnerWithBackComplaint(ctx) ? [easyRunsWeek(st)] : []),
        {
          key: "train",
          title: "Keep training and progress steadily",
          weeks: { min: deload.min, max: deload.max },
          volume: { min: 100, max: 110 },
          rpe: 9,
          intensity: true,
          reduced: false,
          strength: "later",
          progressWhen: [
            `Sessions feel normal, with ${greenWeek(st)} each week: add no more than about 10 % a week.`,
            `Take the planned lighter week after ${deload.min}-${deload.max} weeks.`,
          ],
          flareRules: true,
          regressWhen: [
            "Several signs of too much training at once (resting heart rate up for days, worse sleep, stalled performance, no drive for days): take the lighter week early.",
          ],
        },
      ];
    case "refer":
      if (pause) return [pauseStage(reasons)];
      return [
        {
          key: "hold",
          title: "Hold and reduce training while awaiting medical review",
          weeks: { min: 1, max: 2 },
          volume: { min: 50, max: 70 },
          rpe: 3,
          intensity: false,
          reduced: true,
          strength: "early",
          progressWhen: ["The reviewing clinician has seen you and cleared you to progress."],
          regressWhen: ["Any symptom on the seek-care list appears: stop training and seek care as described."],
          flareRules: true,
        },
      ];
    case "modify":
      return [
        {
          key: "settle",
          title: FIRST_TITLES[driver],
          weeks: { min: 1, max: 2 },
          volume: { min: 60, max: 80 },
          rpe: 4,
          intensity: false,
          reduced: true,
          strength: "early",
          progressWhen: base,
          regressWhen: [],
          flareRules: true,
        },
        {
          key: "rebuild",
          title: "Build the amount back up, still mostly easy",
          weeks: { min: 1, max: 3 },
          volume: { min: 80, max: 100 },
          rpe: 6,
          intensity: false,
          reduced: false,
          strength: "later",
          progressWhen: [...base, ...capacity],
          regressWhen: [],
          flareRules: true,
        },
        reloadStage,
        returnStage,
      ];
    case "back_off": {
      const flare = driver === "flare";
      return [
        {
          key: flare ? "calm" : "reduce",
          title: FIRST_TITLES[driver],
          weeks: { min: 1, max: 2 },
          volume: { min: 60, max: 80 },
          rpe: flare ? 3 : 4,
          intensity: false,
          reduced: true,
          strength: "early",
          progressWhen: base,
          regressWhen: [],
          flareRules: true,
        },
        {
          key: "rebuild",
          title: driver === "capacity" ? "Build strength and the amount back up" : "Build the amount back up gradually",
          weeks: { min: 2, max: 4 },
          volume: { min: 70, max: 90 },
          rpe: 5,
          intensity: false,
          reduced: true,
          strength: "later",
          progressWhen: [...base, ...capacity],
          regressWhen: [],
          flareRules: true,
        },
        reloadStage,
        returnStage,
      ];
    }
    case "urgent_referral":
      return [];
  }
}

export function buildPlan(ctx: RuleContext, verdict: Verdict, reasons: readonly Reason[]): Plan | null {
  if (verdict === "urgent_referral") return null;
  const deload = deloadEveryWeeks(ctx);
  const driver = driverOf(reasons, verdict);
  const pause = mustPause(verdict, reasons);
  const load = ctx.input.load;
  const runs = runsInPlan(ctx);
  const longest = load?.longestRunKm30d;
  const spikeCap = longest !== undefined ? longest * ctx.settings.longRunSpikeFactor : undefined;

  const stages: PlanStage[] = stageSpecs(ctx, verdict, driver, deload, reasons, pause).map((s, index) => {
    const regressWhen = s.flareRules ? [...flareRegressCriteria(ctx.settings, index === 0), ...s.regressWhen] : s.regressWhen;
    if (s.pause) {
      // Nothing to load and nothing to progress: no volume, no strength, walking as tolerated only.
      return {
        key: s.key,
        title: s.title,
        weeks: s.weeks,
        maxEffortRpe: s.rpe,
        intensityAllowed: false,
        crossTraining: pauseCrossTraining(),
        strength: [],
        progressWhen: s.progressWhen,
        regressWhen: s.regressWhen,
        pauseUntilCleared: true,
      };
    }
    const stage: PlanStage = {
      key: s.key,
      title: s.title,
      weeks: s.weeks,
      trainingHoursPct: s.volume,
      maxEffortRpe: s.rpe,
      intensityAllowed: s.intensity,
      crossTraining: crossTraining(ctx, s.reduced),
      strength: chooseStrength(ctx, s.strength),
      progressWhen: s.progressWhen,
      regressWhen,
    };
    if (runs) {
      stage.runVolumePct = s.volume;
      if (longest !== undefined && spikeCap !== undefined && longest > 0) {
        // Shorten the long run with the volume (P3), and never beyond the spike guard (Frandsen 2025).
        stage.longRunKmMax = floor1(Math.min(spikeCap, (longest * s.volume.max) / 100));
      }
    }
    return stage;
  });

  const plan: Plan = {
    stages,
    painRules: pause ? pausePainRules() : painRules(ctx),
    deloadEveryWeeks: deload,
    seekCareIf: seekCareIf(ctx),
  };
  const a = advice(ctx, reasons, verdict, pause);
  if (a.length > 0) plan.advice = a;
  return plan;
}
