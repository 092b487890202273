import type { NewSymptomKey, Suggestion } from "./contract";
import { MAX_DOSE_CUT_PCT, URGENT_SYMPTOM_KEYS } from "./contract";
import type { RedSignal, ReviewContext, Session } from "./context";
import { dayNumber } from "./dates";

// The check-in review rules (checkins.md), as data plus one small pure function each, like the
// assessment rules. `fires` answers a hit, `{ unknown }` (could not decide: those paths are
// missing) or null (does not apply). Order is most serious first; the review sorts reasons by
// suggestion and keeps this order within one suggestion.

export type CheckInRuleHit = {
  summary: string;
  evidence: Record<string, unknown>;
  /** Missing paths that could make this rule (or a stricter reading of it) ask for more. */
  unknown?: readonly string[];
  /** What approving this reason would publish, when the rule decides it (progress, regress). */
  next?: { stageKey: string; doseCutPct?: number };
};
export type CheckInRuleOutcome = CheckInRuleHit | { unknown: readonly string[] } | null;

export type CheckInRule = {
  /** Stable id: stored with saved reviews and pinned by tests. Never rename; retire and add instead. */
  id: string;
  /** What this rule asks for when it fires. */
  suggestion: Suggestion;
  /** Contract paths the rule reads (`checkIns.*` = every check-in). */
  reads: readonly string[];
  /** Short citation of what the rule rests on. */
  source: string;
  /** Rule number in shared/clinical/rules.md, when the rule comes from the seed articles. */
  rulesRef?: string;
  /** Plain "what fires it", for the generated rules document. */
  description: string;
  /** Evaluated only when no rule before it fired ("none of the above"). */
  onlyWhenNoneAbove?: boolean;
  fires: (ctx: ReviewContext) => CheckInRuleOutcome;
};

export function isCheckInHit(o: CheckInRuleOutcome): o is CheckInRuleHit {
  return o !== null && "summary" in o;
}

/** A progress criterion that needs a capacity retest before the stage can move on. The plan writes
 *  capacity criteria as "<test>: N reps or more on each side" or "... when your clinician tests it
 *  again" (plans before ruleset 2026.12.3: "... at retest"). */
export const RETEST_CRITERION = /\bre-?test\b|\breassess|\bor more on each side\b|\btests? it again\b/i;

const SYMPTOM_LABELS: Record<NewSymptomKey, string> = {
  tinglingOrNumbnessDownLeg: "tingling or numbness travelling down the leg",
  saddleNumbness: "numbness in the saddle area",
  bladderOrBowelChange: "a change in bladder or bowel control",
  bothLegs: "symptoms in both legs",
  calfSwellingRednessHeat: "calf swelling, redness or warmth",
  chestPainOrBreathlessness: "chest pain or unusual breathlessness",
  feverOrUnwell: "fever or feeling unwell",
};

const SIGNAL_LABELS: Record<RedSignal, string> = {
  pain_above_acceptable: "pain above the acceptable limit",
  sharp_pain: "sharp or catching pain",
  altered_movement: "limping or moving differently to protect it",
  next_morning_worse: "worse the next morning",
};

const reported = (ctx: ReviewContext, key: NewSymptomKey) => ctx.all.filter((s) => s.checkIn.newSymptoms?.[key] === true);
const dates = (ss: readonly Session[]) => ss.map((s) => s.checkIn.date);
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** Days since `iso` (stage start or last lighter week), never negative. */
const daysSince = (ctx: ReviewContext, iso: string) => Math.max(0, dayNumber(ctx.input.today)! - dayNumber(iso)!);

/** Regress: inside the stage with another 10-20 % off, or back a stage when the dose was already cut
 *  (a second flare at the cut dose, P3). The cut is cumulative and never above 50 %. */
export function regressNext(ctx: ReviewContext, severe: boolean): { stageKey: string; doseCutPct?: number } {
  const { flareCutPct } = ctx.settings;
  if (ctx.doseCutPct > 0 && ctx.stageIndex > 0) return { stageKey: ctx.input.plan.stages[ctx.stageIndex - 1]!.key };
  const step = severe ? flareCutPct.max : flareCutPct.min;
  return { stageKey: ctx.stage.key, doseCutPct: Math.min(MAX_DOSE_CUT_PCT, ctx.doseCutPct + step) };
}

function regressSummary(ctx: ReviewContext, next: { stageKey: string; doseCutPct?: number }): string {
  if (next.doseCutPct === undefined) return `The dose was already cut in this stage: step back to "${next.stageKey}".`;
  if (next.doseCutPct === ctx.doseCutPct) return `The stage's dose is already cut by ${ctx.doseCutPct} %, the most a stage carries: keep it and review the plan.`;
  return `Cut this stage's dose by another ${next.doseCutPct - ctx.doseCutPct} % (${next.doseCutPct} % in all).`;
}

/** The stage's own conditions to move on: minimum length done, enough green sessions, no flare
 *  in the last 7 days, not paused. Progress also needs every other rule to stay silent. */
export function readyConditionsMet(ctx: ReviewContext): boolean {
  return (
    ctx.stage.pauseUntilCleared !== true &&
    ctx.daysInStage >= Math.ceil(ctx.stage.weeks.min * 7) &&
    ctx.greenLast7Days >= ctx.settings.progressGreenSessions &&
    !ctx.recent.some((s) => s.red.length > 0)
  );
}

/** Whether the awaited or unanswered 24-hour check of a session is still open. */
const noMorning = (s: Session) => s.done && s.checkIn.nextMorning === undefined;

export const checkInRules: CheckInRule[] = [
  {
    id: "checkins.urgent_symptom",
    suggestion: "urgent_care",
    reads: URGENT_SYMPTOM_KEYS.map((k) => `checkIns.*.newSymptoms.${k}`),
    source: "reference.md red-flag tiers (Finucane et al. 2020, JOSPT 50:350)",
    description: "Any check-in reports saddle numbness, a bladder or bowel change, symptoms in both legs, calf swelling, redness or warmth (any one), or chest pain or breathlessness.",
    fires: (ctx) => {
      const found = URGENT_SYMPTOM_KEYS.flatMap((k) => reported(ctx, k).map((s) => ({ symptom: k, date: s.checkIn.date, checkIn: s.index })));
      if (found.length === 0) return null;
      const what = [...new Set(found.map((f) => SYMPTOM_LABELS[f.symptom]))].join("; ");
      return {
        summary: `The patient reported ${what}: they need emergency care today, not a training change.`,
        evidence: { reported: found },
      };
    },
  },
  {
    id: "checkins.nerve_signs",
    suggestion: "seek_care",
    reads: ["checkIns.*.newSymptoms.tinglingOrNumbnessDownLeg"],
    source: "seed 004 (P9); reference.md refer tier",
    rulesRef: "P9",
    description: "A check-in reports tingling or numbness travelling down the leg.",
    fires: (ctx) => {
      const hits = reported(ctx, "tinglingOrNumbnessDownLeg");
      if (hits.length === 0) return null;
      return {
        summary: "Tingling or numbness travelling down the leg was reported: the nerve signs need assessing before the plan moves on.",
        evidence: { dates: dates(hits) },
      };
    },
  },
  {
    id: "checkins.unwell",
    suggestion: "seek_care",
    reads: ["checkIns.*.newSymptoms.feverOrUnwell"],
    source: "reference.md refer tier (fever: no loading until a doctor has seen them)",
    description: "A check-in reports fever or feeling unwell.",
    fires: (ctx) => {
      const hits = reported(ctx, "feverOrUnwell");
      if (hits.length === 0) return null;
      return {
        summary: "Fever or feeling unwell was reported: no training load until a doctor has seen the patient.",
        evidence: { dates: dates(hits) },
      };
    },
  },
  {
    id: "checkins.no_tolerable_dose",
    suggestion: "seek_care",
    reads: ["stage.doseCutPct", "stage.startedOn", "checkIns.*.painDuringNrs", "checkIns.*.sharpPain", "checkIns.*.alteredMovement", "checkIns.*.nextMorning.comparedWithBefore"],
    source: "seed 004 (P3, P9)",
    rulesRef: "P9",
    description: "Two or more sessions in the stage broke the red light after the stage's dose was already cut by 20 % or more.",
    fires: (ctx) => {
      const { noTolerableDoseFlares: n, noTolerableDoseCutPct: cut } = ctx.settings;
      if (ctx.doseCutPct < cut || ctx.flaresInStage < n) return null;
      return {
        summary: `${plural(ctx.flaresInStage, "session")} flared in this stage even with the dose cut by ${ctx.doseCutPct} %: no tolerable dose found yet, so get the problem assessed.`,
        evidence: { flaresInStage: ctx.flaresInStage, doseCutPct: ctx.doseCutPct, flareDates: dates(ctx.inStage.filter((s) => s.red.length > 0)), threshold: { flares: n, cutPct: cut } },
      };
    },
  },
  {
    id: "checkins.worse_week_to_week",
    suggestion: "seek_care",
    reads: ["checkIns.*.painDuringNrs", "checkIns.*.date", "checkIns.*.done"],
    source: "seed 004 (P9); Silbernagel et al. 2007, AJSM 35:897 (pain must not rise week to week); Childs et al. 2005, Spine 30:1331 (NPRS change of 2)",
    rulesRef: "P9",
    description: "The week's worst session pain rose by 2 points or more in each of the last two weeks (weeks counted back from today: days 0-6, 7-13, 14-20).",
    fires: (ctx) => {
      const [w0, w1, w2] = ctx.weeklyWorstPain;
      if (w0 === undefined || w1 === undefined || w2 === undefined) return null;
      const d = ctx.settings.painMeaningfulChangeNrs;
      if (w0 - w1 < d || w1 - w2 < d) return null;
      return {
        summary: `The worst session pain has climbed week on week (${w2} → ${w1} → ${w0}/10): get the problem assessed before loading further.`,
        evidence: { worstPainByWeek: { twoWeeksAgo: w2, lastWeek: w1, thisWeek: w0 }, meaningfulChange: d },
      };
    },
  },
  {
    id: "checkins.red_light",
    suggestion: "regress",
    reads: ["checkIns.*.painDuringNrs", "checkIns.*.sharpPain", "checkIns.*.alteredMovement", "checkIns.*.nextMorning.comparedWithBefore", "stage.doseCutPct"],
    source: "seed 004 (P2, P3, P8); Silbernagel et al. 2007, AJSM 35:897",
    rulesRef: "P2, P3, P8",
    description: "A session of the stage in the last 7 days had pain during above the acceptable limit (default 5/10), sharp or catching pain, altered movement, or a next morning worse than before. One flare cuts the dose 10-20 % inside the stage; a flare at an already cut dose steps back a stage.",
    fires: (ctx) => {
      const flares = ctx.recent.filter((s) => s.red.length > 0);
      const open = ctx.recent.filter(noMorning).map((s) => `checkIns.${s.index}.nextMorning`);
      if (flares.length === 0) return open.length > 0 ? { unknown: open } : null;
      const { painAcceptableMax: a, painMeaningfulChangeNrs: d } = ctx.settings;
      const severe = flares.length > 1 || flares.some((s) => (s.checkIn.painDuringNrs ?? 0) >= a + d);
      const next = regressNext(ctx, severe);
      const what = [...new Set(flares.flatMap((s) => s.red.map((r) => SIGNAL_LABELS[r])))].join(", ");
      return {
        summary: `${plural(flares.length, "session")} in the last 7 days broke the red light (${what}). ${regressSummary(ctx, next)}`,
        evidence: {
          sessions: flares.map((s) => ({ checkIn: s.index, date: s.checkIn.date, signals: s.red, painDuringNrs: s.checkIn.painDuringNrs })),
          acceptableMax: a,
          doseCutPct: ctx.doseCutPct,
        },
        next,
        unknown: open,
      };
    },
  },
  {
    id: "checkins.next_morning_pain_up",
    suggestion: "regress",
    reads: ["checkIns.*.nextMorning.painNrs", "baseline.painNrs"],
    source: "Silbernagel et al. 2007, AJSM 35:897 (next-morning response); Childs et al. 2005, Spine 30:1331 (NPRS change of 2)",
    rulesRef: "P2",
    description: "A next-morning pain score in the last 7 days is 2 or more points above the stage's baseline, even when \"same\" was ticked.",
    fires: (ctx) => {
      const scored = ctx.recent.filter((s) => s.checkIn.nextMorning?.painNrs !== undefined);
      const base = ctx.input.baseline?.painNrs;
      if (base === undefined) return scored.length > 0 ? { unknown: ["baseline.painNrs"] } : null;
      const d = ctx.settings.painMeaningfulChangeNrs;
      const up = scored.filter((s) => s.checkIn.nextMorning!.painNrs! - base >= d);
      if (up.length === 0) return null;
      const next = regressNext(ctx, false);
      return {
        summary: `Next-morning pain reached ${Math.max(...up.map((s) => s.checkIn.nextMorning!.painNrs!))}/10 against a baseline of ${base}/10: the dose was too much. ${regressSummary(ctx, next)}`,
        evidence: { baseline: base, mornings: up.map((s) => ({ checkIn: s.index, date: s.checkIn.date, painNrs: s.checkIn.nextMorning!.painNrs })), meaningfulChange: d },
        next,
      };
    },
  },
  {
    id: "checkins.amber",
    suggestion: "hold",
    reads: ["checkIns.*.painDuringNrs", "checkIns.*.nextMorning.comparedWithBefore"],
    source: "seed 004 (P8); Silbernagel et al. 2007, AJSM 35:897 (4-5/10 acceptable)",
    rulesRef: "P8",
    description: "A session of the stage in the last 7 days had pain during in the amber band (above the green limit, within the acceptable limit) and a next morning that was not worse.",
    fires: (ctx) => {
      const { painGreenMax: g, painAcceptableMax: a } = ctx.settings;
      const amber = ctx.recent.filter((s) => {
        const p = s.checkIn.painDuringNrs;
        return p !== undefined && p > g && p <= a && s.checkIn.nextMorning?.comparedWithBefore !== "worse";
      });
      if (amber.length === 0) return null;
      return {
        summary: `${plural(amber.length, "session")} in the last 7 days reached ${g + 1}-${a}/10 and settled by the morning: keep the dose and do not step up yet.`,
        evidence: { sessions: amber.map((s) => ({ checkIn: s.index, date: s.checkIn.date, painDuringNrs: s.checkIn.painDuringNrs })), greenMax: g, acceptableMax: a },
      };
    },
  },
  {
    id: "checkins.stiffness_lingers",
    suggestion: "hold",
    reads: ["checkIns.*.nextMorning.stiffnessOver30Min"],
    source: "seed 003 (S1, S4)",
    rulesRef: "S1, S4",
    description: "Next-morning stiffness lasted over 30 minutes on two or more mornings in the last 7 days.",
    fires: (ctx) => {
      const n = ctx.settings.stiffnessMorningsForHold;
      const stiff = ctx.recent.filter((s) => s.checkIn.nextMorning?.stiffnessOver30Min === true);
      if (stiff.length >= n) {
        return {
          summary: `Morning stiffness lasted over 30 minutes on ${stiff.length} mornings this week: hold the dose until it eases.`,
          evidence: { dates: dates(stiff), threshold: n },
        };
      }
      const open = ctx.recent.filter((s) => s.checkIn.nextMorning !== undefined && s.checkIn.nextMorning.stiffnessOver30Min === undefined);
      return stiff.length + open.length >= n ? { unknown: open.map((s) => `checkIns.${s.index}.nextMorning.stiffnessOver30Min`) } : null;
    },
  },
  {
    id: "checkins.awaiting_24h",
    suggestion: "hold",
    reads: ["checkIns.*.nextMorning", "today"],
    source: "seed 004 (P2): the 24-hour rule",
    rulesRef: "P2",
    description: "A session logged today or yesterday still has no next-morning answer (it is awaited until the end of the day after the session).",
    fires: (ctx) => {
      const waiting = ctx.all.filter((s) => noMorning(s) && s.daysAgo <= 1);
      if (waiting.length === 0) return null;
      const paths = waiting.map((s) => `checkIns.${s.index}.nextMorning`);
      return {
        summary: `The 24-hour check for the session of ${waiting[waiting.length - 1]!.checkIn.date} is not in yet: wait for the next-morning answer before changing the dose.`,
        evidence: { awaiting: waiting.map((s) => ({ checkIn: s.index, date: s.checkIn.date })) },
        unknown: paths,
      };
    },
  },
  {
    id: "checkins.next_morning_unanswered",
    suggestion: "hold",
    reads: ["checkIns.*.nextMorning", "today"],
    source: "seed 004 (P2): an unanswered 24-hour check is unknown, never fine",
    rulesRef: "P2",
    description: "A session of the stage in the last 7 days, older than yesterday, never got its next-morning answer.",
    fires: (ctx) => {
      const open = ctx.recent.filter((s) => noMorning(s) && s.daysAgo >= 2);
      if (open.length === 0) return null;
      return {
        summary: `${plural(open.length, "session")} this week never got a next-morning answer: how the area responded is unknown, so do not step up on it.`,
        evidence: { unanswered: open.map((s) => ({ checkIn: s.index, date: s.checkIn.date })) },
        unknown: open.map((s) => `checkIns.${s.index}.nextMorning`),
      };
    },
  },
  {
    id: "checkins.too_little_data",
    suggestion: "hold",
    reads: ["checkIns.*.date", "checkIns.*.done"],
    source: "product rule: no progression without data",
    description: "Fewer than 3 sessions (done or shortened) were logged in the last 7 days.",
    fires: (ctx) => {
      const min = ctx.settings.reviewMinSessionsLast7Days;
      if (ctx.sessionsLast7Days >= min) return null;
      return {
        summary: `Only ${plural(ctx.sessionsLast7Days, "session")} logged in the last 7 days (at least ${min} needed to judge a change).`,
        evidence: { sessionsLast7Days: ctx.sessionsLast7Days, needed: min },
      };
    },
  },
  {
    id: "checkins.too_few_green",
    suggestion: "hold",
    reads: ["checkIns.*.painDuringNrs", "checkIns.*.nextMorning"],
    source: "seed 004 (P8); the plan's progress criteria",
    rulesRef: "P8",
    description: "Enough sessions were logged, but fewer than 3 of the stage's sessions in the last 7 days were green (pain during at or under the green limit and a next morning no worse).",
    fires: (ctx) => {
      const { reviewMinSessionsLast7Days: min, progressGreenSessions: need } = ctx.settings;
      if (ctx.sessionsLast7Days < min || ctx.greenLast7Days >= need) return null;
      return {
        summary: `${plural(ctx.greenLast7Days, "green session")} in this stage over the last 7 days; ${need} are needed to move on.`,
        evidence: { greenLast7Days: ctx.greenLast7Days, needed: need },
      };
    },
  },
  {
    id: "checkins.stage_too_short",
    suggestion: "hold",
    reads: ["stage.startedOn", "plan.stages.*.weeks.min", "today"],
    source: "the plan's own stage length (plan.stages[].weeks.min)",
    description: "Fewer days in the stage than its minimum length (weeks.min × 7).",
    fires: (ctx) => {
      const need = Math.ceil(ctx.stage.weeks.min * 7);
      if (ctx.daysInStage >= need) return null;
      return {
        summary: `${plural(ctx.daysInStage, "day")} into a stage planned for at least ${plural(ctx.stage.weeks.min, "week")}: give it ${plural(need - ctx.daysInStage, "more day")}.`,
        evidence: { daysInStage: ctx.daysInStage, minimumDays: need },
      };
    },
  },
  {
    id: "checkins.paused_until_cleared",
    suggestion: "hold",
    reads: ["plan.stages.*.pauseUntilCleared"],
    source: "reference.md refer tier (no loading until a doctor has seen the patient)",
    description: "The current stage is paused until a doctor clears the patient: the next step is the medical review, never a progression.",
    fires: (ctx) => {
      if (ctx.stage.pauseUntilCleared !== true) return null;
      return {
        summary: "This stage waits for the medical review: keep to it until a doctor has cleared the patient, then review the plan.",
        evidence: { stageKey: ctx.stage.key, pauseUntilCleared: true },
        next: { stageKey: ctx.stage.key },
      };
    },
  },
  {
    id: "checkins.lighter_week_due",
    suggestion: "hold",
    reads: ["lastLighterWeekOn", "stage.startedOn", "plan.deloadEveryWeeks.max", "today"],
    source: "seed 001 (F4): a planned lighter week every 4-6 weeks",
    rulesRef: "F4",
    description: "Whole weeks since the last lighter week (or since the stage began, when none is recorded) reach the plan's deloadEveryWeeks.max.",
    fires: (ctx) => {
      const from = ctx.input.lastLighterWeekOn ?? ctx.input.stage.startedOn;
      const weeks = Math.floor(daysSince(ctx, from) / 7);
      const max = ctx.input.plan.deloadEveryWeeks.max;
      if (weeks < max) return null;
      return {
        summary: `${plural(weeks, "week")} since the last lighter week (the plan keeps one every ${ctx.input.plan.deloadEveryWeeks.min}-${max}): take the planned lighter week before stepping up.`,
        evidence: { weeksSinceLighterWeek: weeks, since: from, deloadEveryWeeksMax: max },
      };
    },
  },
  {
    id: "checkins.last_stage_maintain",
    suggestion: "hold",
    reads: ["stage.key", "plan.stages"],
    source: "seed 004 (P8); seed 001 (F4)",
    rulesRef: "P8, F4",
    description: "Ready to progress, but this is the plan's last stage: keep going and keep the lighter-week rhythm.",
    onlyWhenNoneAbove: true,
    fires: (ctx) => {
      if (!ctx.isLastStage || !readyConditionsMet(ctx)) return null;
      const d = ctx.input.plan.deloadEveryWeeks;
      return {
        summary: `All green in the plan's last stage: keep training as planned, with a lighter week every ${d.min}-${d.max} weeks.`,
        evidence: { stageKey: ctx.stage.key, greenLast7Days: ctx.greenLast7Days },
        next: { stageKey: ctx.stage.key },
      };
    },
  },
  {
    id: "checkins.ready_to_progress",
    suggestion: "progress",
    reads: ["checkIns.*", "stage.startedOn", "plan.stages.*.weeks.min", "plan.stages.*.progressWhen"],
    source: "seed 004 (P8); the plan's progress criteria",
    rulesRef: "P8",
    description: "None of the rules above fired: the stage's minimum length is done, the last 7 days hold 3 or more green sessions and no flare. A stage whose criteria include a capacity retest progresses only after the retest.",
    onlyWhenNoneAbove: true,
    fires: (ctx) => {
      // The guards stand on their own: the rule never fires on its place in the list alone.
      if (ctx.isLastStage || !readyConditionsMet(ctx)) return null;
      const nextStage = ctx.input.plan.stages[ctx.stageIndex + 1]!;
      const retest = ctx.stage.progressWhen.filter((c) => RETEST_CRITERION.test(c));
      const base = `${plural(ctx.greenLast7Days, "green session")} in the last 7 days, no flare, and the stage's minimum length done`;
      return {
        summary: retest.length > 0
          ? `${base}: progress to "${nextStage.key}" after the retest (${retest.join(" ")}). Book the reassessment.`
          : `${base}: ready to move on to "${nextStage.key}".`,
        evidence: { greenLast7Days: ctx.greenLast7Days, daysInStage: ctx.daysInStage, nextStageKey: nextStage.key, ...(retest.length > 0 ? { retestRequired: true, retestCriteria: retest } : {}) },
        next: { stageKey: nextStage.key },
      };
    },
  },
];

