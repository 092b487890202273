import type { Plan } from "../contract";
import type { CheckIn, CheckInReviewInput } from "./contract";
import { addDays } from "./dates";

// Builders for tests and benchmarks: a four-stage plan like the vignettes', and check-ins placed
// by "days ago". Plain data, no test framework, so the bench can use them too.

export const TODAY = "2026-12-10";

export const stageKeys = ["reduce", "rebuild", "reload", "return"] as const;

export function plan(overrides: { weeksMin?: number[]; pause?: boolean; progressWhen?: string[] } = {}): Plan {
  const weeksMin = overrides.weeksMin ?? [1, 2, 2, 1];
  return {
    stages: stageKeys.map((key, i) => ({
      key,
      title: `Stage ${i + 1}`,
      weeks: { min: weeksMin[i] ?? 1, max: (weeksMin[i] ?? 1) + 1 },
      maxEffortRpe: 4 + i,
      intensityAllowed: i >= 2,
      crossTraining: [],
      strength: [],
      progressWhen: i === 0 && overrides.progressWhen ? overrides.progressWhen : ["A full week at this stage with pain at 3/10 or less and no worse the next morning."],
      regressWhen: ["Pain goes above 5/10, turns sharp, or is worse the next morning."],
      ...(i === 0 && overrides.pause ? { pauseUntilCleared: true } : {}),
    })),
    painRules: [],
    deloadEveryWeeks: { min: 4, max: 6 },
    seekCareIf: [],
  };
}

/** A green run `daysAgo` days before TODAY (pain 1/10, morning the same). */
export function green(daysAgo: number, extra: Partial<CheckIn> = {}): CheckIn {
  return {
    date: addDays(TODAY, -daysAgo),
    activity: "run",
    done: "as_planned",
    minutes: 30,
    painDuringNrs: 1,
    nextMorning: { comparedWithBefore: "same" },
    ...extra,
  };
}

/** A review input: stage `stageKey` begun `stageDaysAgo` days ago, with the given check-ins. */
export function input(checkIns: CheckIn[], o: Partial<Omit<CheckInReviewInput, "stage">> & { stageKey?: string; stageDaysAgo?: number; doseCutPct?: number; plan?: Plan } = {}): CheckInReviewInput {
  const { stageKey = "reduce", stageDaysAgo = 8, doseCutPct, plan: p, ...rest } = o;
  return {
    contractVersion: 1,
    today: TODAY,
    plan: p ?? plan(),
    stage: { key: stageKey, startedOn: addDays(TODAY, -stageDaysAgo), ...(doseCutPct === undefined ? {} : { doseCutPct }) },
    baseline: { painNrs: 1 },
    checkIns,
    ...rest,
  };
}

/** Four green runs in the last 7 days, a stage of 8 days: the review says progress. */
export const greenWeek = () => [green(6), green(5), green(3), green(1)];
