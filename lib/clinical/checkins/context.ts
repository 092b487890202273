import type { PlanStage } from "../contract";
import type { EngineSettings } from "../settings";
import type { CheckIn, CheckInReviewInput } from "./contract";
import { dayNumber } from "./dates";

// Everything the review rules read, computed once per review: which check-ins fall in which
// window (checkins.md "Windows"), how each session reads against the pain traffic light, and the
// stats. Windows, counted back from `today` (day 0):
//   - last 7 days: days 0-6. Single-session rules read the stage's sessions in it.
//   - the stage: every check-in dated on or after stage.startedOn. Stage counts read these.
//   - before the stage: only dataDaysLast30, the week-to-week trend and new symptoms read these.
//   - last 30 days: days 0-29 (dataDaysLast30).
//   - weeks for worst pain: days 0-6, 7-13, 14-20.

export type Session = {
  /** Position in input.checkIns: the path prefix reported in `missing` and evidence. */
  readonly index: number;
  readonly checkIn: CheckIn;
  /** Days before today (0 = today). Never negative: later dates are invalid input. */
  readonly daysAgo: number;
  readonly inStage: boolean;
  /** Done as planned or shortened: a session took place. */
  readonly done: boolean;
  /** Red-light signals this check-in reports (empty when none). */
  readonly red: readonly RedSignal[];
  readonly green: boolean;
};

export type RedSignal = "pain_above_acceptable" | "sharp_pain" | "altered_movement" | "next_morning_worse";

export type ReviewContext = {
  readonly input: CheckInReviewInput;
  readonly settings: Readonly<EngineSettings>;
  readonly stageIndex: number;
  readonly stage: PlanStage;
  readonly isLastStage: boolean;
  readonly daysInStage: number;
  readonly doseCutPct: number;
  /** Every check-in, in input order. */
  readonly all: readonly Session[];
  /** Check-ins of the stage dated within the last 7 days: what single-session rules read. */
  readonly recent: readonly Session[];
  /** Check-ins dated since the stage began. */
  readonly inStage: readonly Session[];
  /** Worst painDuringNrs of the sessions done in weeks 0, 1 and 2 back from today (undefined: none scored). */
  readonly weeklyWorstPain: readonly [number | undefined, number | undefined, number | undefined];
  readonly sessionsLast7Days: number;
  readonly dataDaysLast30: number;
  readonly greenSessionsInStage: number;
  readonly flaresInStage: number;
  readonly adherencePct: number | undefined;
  /** Green sessions among `recent`. */
  readonly greenLast7Days: number;
};

function redSignals(c: CheckIn, s: Readonly<EngineSettings>): RedSignal[] {
  const out: RedSignal[] = [];
  if (c.painDuringNrs !== undefined && c.painDuringNrs > s.painAcceptableMax) out.push("pain_above_acceptable");
  if (c.sharpPain === true) out.push("sharp_pain");
  if (c.alteredMovement === true) out.push("altered_movement");
  if (c.nextMorning?.comparedWithBefore === "worse") out.push("next_morning_worse");
  return out;
}

/** Green: a session done with pain during at or under the green limit, no red signal, and a next
 *  morning answered and not worse. An unanswered morning is unknown, so never green. */
function isGreen(c: CheckIn, done: boolean, red: readonly RedSignal[], s: Readonly<EngineSettings>, baseline: number | undefined): boolean {
  if (!done || red.length > 0) return false;
  if (c.painDuringNrs === undefined || c.painDuringNrs > s.painGreenMax) return false;
  if (c.nextMorning === undefined) return false;
  const mp = c.nextMorning.painNrs;
  if (mp !== undefined && baseline !== undefined && mp - baseline >= s.painMeaningfulChangeNrs) return false;
  return true;
}

export function buildReviewContext(input: CheckInReviewInput, settings: Readonly<EngineSettings>): ReviewContext {
  const today = dayNumber(input.today)!;
  const stageStart = dayNumber(input.stage.startedOn)!;
  const stageIndex = input.plan.stages.findIndex((s) => s.key === input.stage.key);
  if (stageIndex < 0) throw new Error(`stage ${input.stage.key} is not in the plan`); // the schema rejects this first
  const baseline = input.baseline?.painNrs;

  const all: Session[] = input.checkIns.map((checkIn, index) => {
    const day = dayNumber(checkIn.date)!;
    const done = checkIn.done !== "skipped";
    const red = redSignals(checkIn, settings);
    return { index, checkIn, daysAgo: today - day, inStage: day >= stageStart, done, red, green: isGreen(checkIn, done, red, settings, baseline) };
  });

  const recent: Session[] = [];
  const inStage: Session[] = [];
  const dataDays = new Set<number>();
  const worst: [number | undefined, number | undefined, number | undefined] = [undefined, undefined, undefined];
  let sessionsLast7Days = 0;
  let greenSessionsInStage = 0;
  let flaresInStage = 0;
  let doneInStage = 0;
  let greenLast7Days = 0;
  for (const s of all) {
    if (s.daysAgo <= 29) dataDays.add(s.daysAgo);
    if (s.daysAgo <= 6 && s.done) sessionsLast7Days++;
    const week = Math.floor(s.daysAgo / 7);
    const p = s.checkIn.painDuringNrs;
    if (week <= 2 && s.done && p !== undefined) {
      const w = week as 0 | 1 | 2;
      if (worst[w] === undefined || p > worst[w]!) worst[w] = p;
    }
    if (!s.inStage) continue;
    inStage.push(s);
    if (s.done) doneInStage++;
    if (s.green) greenSessionsInStage++;
    if (s.red.length > 0) flaresInStage++;
    if (s.daysAgo <= 6) {
      recent.push(s);
      if (s.green) greenLast7Days++;
    }
  }

  return {
    input,
    settings,
    stageIndex,
    stage: input.plan.stages[stageIndex]!,
    isLastStage: stageIndex === input.plan.stages.length - 1,
    daysInStage: Math.max(0, today - stageStart),
    doseCutPct: input.stage.doseCutPct ?? 0,
    all,
    recent,
    inStage,
    weeklyWorstPain: worst,
    sessionsLast7Days,
    dataDaysLast30: dataDays.size,
    greenSessionsInStage,
    flaresInStage,
    adherencePct: inStage.length === 0 ? undefined : Math.round((doneInStage / inStage.length) * 100),
    greenLast7Days,
  };
}
