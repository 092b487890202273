import { z } from "zod";

// Thresholds a clinic may tune. Each default names where it comes from; where the figure is a
// clinician rule of thumb rather than a validated cut-off, the comment says so. A clinic admin
// page edits these through `engineSettingsSchema`; the engine merges them over the defaults.

export type EngineSettings = {
  /** Single-leg calf raise reps per side for running sports. Practice rule of thumb (seed 000, C1), not a validated cut-off. */
  calfRaiseTargetRunning: number;
  /** Single-leg calf raise reps per side for other sports. Goom, Donnelly & Brockwell 2019 battery (20 reps). */
  calfRaiseTargetOther: number;
  /** A capacity deficit this large (% of target) asks to back off rather than modify. Chosen to match the calf raise's
   *  measurement error (about 6 of 30 reps, Hébert-Losier 2017): a smaller shortfall may be noise. */
  capacityMajorDeficitPct: number;
  /** A capacity deficit this large (% of target) backs off a running or jumping sport even when pain-free and away from
   *  the complaint: less than half the target. Seed 000 (C1: 5 of 30 is "far short"); the cut at half is a practice convention. */
  capacitySevereDeficitPct: number;
  /** Limb symmetry index bar, %. Grindem et al. 2020 (usual return-to-sport bar). */
  lsiMinPct: number;
  /** Clinic overrides of capacity targets, keyed by test name (e.g. a wall-sit target the clinic uses). */
  capacityTargetOverrides: Record<string, number>;
  /** Planned lighter week every N weeks. Seed 001 (F4): 4-6. */
  deloadEveryWeeks: { min: number; max: number };
  /** Acute:chronic ratio at or above which load is high. Gabbett 2016. */
  acwrHigh: number;
  /** Upper end of the usual acute:chronic range; above it (but under acwrHigh) asks to modify. Gabbett 2016. */
  acwrUsualUpper: number;
  /** Weekly running distance rise, %, above which distance-related injury rose. Nielsen et al. 2014. */
  runProgressionMaxPct: number;
  /** Long-run cap as a multiple of the longest run in the last 30 days. Frandsen et al. 2025 (spike of 10-30 % raised injury). */
  longRunSpikeFactor: number;
  /** Resting HR rise over baseline (bpm) that counts as elevated. Seed 001 (F2): 5-10 bpm. */
  restingHrElevationBpm: number;
  /** Consecutive elevated days needed. Seed 001: "over consecutive days" (2 = the smallest run of days). */
  restingHrConsecutiveDays: number;
  /** Nightly sleep target, hours. Seed 000 (R1): 8 or more, consistently. */
  sleepHoursTarget: number;
  /** Pain during loading up to this is fine. Silbernagel 2007; seed 004 (P8): 0-3/10. */
  painGreenMax: number;
  /** Pain up to this is acceptable; above it is too much. Silbernagel 2007: 4-5 acceptable, > 5 too much. */
  painAcceptableMax: number;
  /** An acute onset within this many days counts as recent (acute.recent_onset only; the protective state counts whatever
   *  the day). Clinical convention (about two weeks of early tissue reactivity). */
  acuteRecentDays: number;
  /** Acute protective state: current pain at or above this. Clinical convention for high irritability. */
  acuteHighPainNow: number;
  /** Acute protective state: worst pain in 24 h at or above this. Clinical convention for high irritability. */
  acuteHighPainWorst24h: number;
  /** High irritability, any complaint: pain now (at rest) at or above this. NRS 7-10 is the conventional "severe" band,
   *  and pain at rest above Silbernagel 2007's 5/10 limit for loading is beyond what training should add to. Clinical convention. */
  irritabilityPainNow: number;
  /** High irritability, any complaint: worst pain in the last 24 h at or above this. Clinical convention (severe band, one point
   *  above the pain-now cut because a single peak is less telling than pain at rest). */
  irritabilityPainWorst24h: number;
  /** Training hours a week treated as a sensible start when the usual load is 0. Seed 000 (L1) treats 4 h/week as the base
   *  from which a jump to 12 was too much; a start from nothing is rated against this dose with the acute:chronic bands. */
  startingDoseHoursPerWeek: number;
  /** Running km a week treated as a sensible start when the usual is 0. Practice convention (a beginner week of three easy
   *  20-30 minute runs is about 10 km), not a validated cut-off. */
  startingDoseRunKmPerWeek: number;
  /** Spinal pain this recent counts as "new" for the fracture-risk combination. Clinical convention (6 weeks). */
  newSpinalPainMaxDays: number;
  /** Back pain lasting this long and not improving counts as "keeps returning" (B3). Clinical convention (6 weeks). */
  persistentBackPainDays: number;
  /** Overreaching signs (F2) that must co-occur to back off; fewer asks to modify. Seed 001: "several" (read as three). */
  overreachingSignsForBackOff: number;
  /** Signs enough to back off when at least one is objective (resting HR, performance, joint soreness). Seed 001 (F2) and
   *  seed 003 (S3: mood, sleep and motivation are a recovery flag); Meeusen 2013 (no single marker is reliable). */
  overreachingSignsWithObjectiveForBackOff: number;
  /** Training age (years) under which an athlete counts as a beginner (F5). Practice convention. */
  beginnerTrainingAgeYears: number;
  /** Training age (years) from which an athlete counts as advanced (F5). Practice convention. */
  advancedTrainingAgeYears: number;

  // ---- Check-in review (checkins.md). painGreenMax and painAcceptableMax above are shared: the
  // plan's pain traffic light and the review read the same two numbers. ----
  /** Green sessions in the last 7 days needed to progress a stage. Seed 004 (P8) read with the plan's
   *  "a full week at this stage": three easy sessions is the smallest week that shows a pattern (product rule). */
  progressGreenSessions: number;
  /** Fewer sessions than this in the last 7 days is too little data to judge (product rule: no progression without data). */
  reviewMinSessionsLast7Days: number;
  /** Extra dose cut after a flare, % of the stage's dose. Seed 004 (P3): "then another 10-20 %". The review
   *  suggests the smaller cut for one flare and the larger for a severe or repeated one. */
  flareCutPct: { min: number; max: number };
  /** A change in pain of this many points is real. Childs et al. 2005 (NPRS minimal detectable and important change: 2). */
  painMeaningfulChangeNrs: number;
  /** No tolerable dose (P9): this many flares in a stage ... */
  noTolerableDoseFlares: number;
  /** ... after the stage's dose was already cut by at least this %. Seed 004 (P3, P9): one full 20 % cut tried. */
  noTolerableDoseCutPct: number;
  /** Mornings with stiffness over 30 min in the last 7 days that ask to hold. Seed 003 (S1, S4): lingering, not one-off. */
  stiffnessMorningsForHold: number;
};

export const defaultEngineSettings: Readonly<EngineSettings> = Object.freeze({
  calfRaiseTargetRunning: 30,
  calfRaiseTargetOther: 20,
  capacityMajorDeficitPct: 20,
  capacitySevereDeficitPct: 50,
  lsiMinPct: 90,
  capacityTargetOverrides: {},
  deloadEveryWeeks: { min: 4, max: 6 },
  acwrHigh: 1.5,
  acwrUsualUpper: 1.3,
  runProgressionMaxPct: 30,
  longRunSpikeFactor: 1.1,
  restingHrElevationBpm: 5,
  restingHrConsecutiveDays: 2,
  sleepHoursTarget: 8,
  painGreenMax: 3,
  painAcceptableMax: 5,
  acuteRecentDays: 14,
  acuteHighPainNow: 6,
  acuteHighPainWorst24h: 7,
  irritabilityPainNow: 7,
  irritabilityPainWorst24h: 8,
  startingDoseHoursPerWeek: 4,
  startingDoseRunKmPerWeek: 10,
  newSpinalPainMaxDays: 42,
  persistentBackPainDays: 42,
  overreachingSignsForBackOff: 3,
  overreachingSignsWithObjectiveForBackOff: 2,
  beginnerTrainingAgeYears: 2,
  advancedTrainingAgeYears: 5,
  progressGreenSessions: 3,
  reviewMinSessionsLast7Days: 3,
  flareCutPct: { min: 10, max: 20 },
  painMeaningfulChangeNrs: 2,
  noTolerableDoseFlares: 2,
  noTolerableDoseCutPct: 20,
  stiffnessMorningsForHold: 2,
});

const intRange = (min: number, max: number) => z.number().int().min(min).max(max);

/** Every field optional: a clinic stores only what it changed. Ranges keep the engine clinically sane. */
export const engineSettingsSchema = z
  .object({
    calfRaiseTargetRunning: intRange(5, 60),
    calfRaiseTargetOther: intRange(5, 60),
    capacityMajorDeficitPct: z.number().min(5).max(60),
    capacitySevereDeficitPct: z.number().min(20).max(90),
    lsiMinPct: z.number().min(70).max(100),
    capacityTargetOverrides: z.record(z.string().min(1), z.number().min(0)),
    deloadEveryWeeks: z
      .object({ min: intRange(4, 6), max: intRange(4, 6) })
      .refine((r) => r.min <= r.max, { message: "min must not exceed max" }),
    acwrHigh: z.number().min(1.2).max(2.5),
    acwrUsualUpper: z.number().min(1.0).max(2.0),
    runProgressionMaxPct: z.number().min(5).max(100),
    longRunSpikeFactor: z.number().min(1).max(1.3),
    restingHrElevationBpm: intRange(3, 15),
    restingHrConsecutiveDays: intRange(2, 14),
    sleepHoursTarget: z.number().min(6).max(10),
    painGreenMax: intRange(1, 5),
    painAcceptableMax: intRange(3, 7),
    acuteRecentDays: intRange(3, 42),
    acuteHighPainNow: intRange(4, 10),
    acuteHighPainWorst24h: intRange(4, 10),
    irritabilityPainNow: intRange(5, 10),
    irritabilityPainWorst24h: intRange(5, 10),
    startingDoseHoursPerWeek: z.number().min(1).max(20),
    startingDoseRunKmPerWeek: z.number().min(3).max(60),
    newSpinalPainMaxDays: intRange(7, 180),
    persistentBackPainDays: intRange(14, 365),
    overreachingSignsForBackOff: intRange(2, 5),
    overreachingSignsWithObjectiveForBackOff: intRange(1, 5),
    beginnerTrainingAgeYears: z.number().min(0).max(10),
    advancedTrainingAgeYears: z.number().min(1).max(30),
    progressGreenSessions: intRange(2, 7),
    reviewMinSessionsLast7Days: intRange(1, 7),
    flareCutPct: z
      .object({ min: intRange(5, 30), max: intRange(5, 30) })
      .refine((r) => r.min <= r.max, { message: "min must not exceed max" }),
    painMeaningfulChangeNrs: intRange(1, 4),
    noTolerableDoseFlares: intRange(2, 5),
    noTolerableDoseCutPct: intRange(10, 50),
    stiffnessMorningsForHold: intRange(1, 7),
  })
  .partial()
  .refine((s) => s.acwrHigh === undefined || s.acwrUsualUpper === undefined || s.acwrUsualUpper < s.acwrHigh, {
    message: "acwrUsualUpper must be below acwrHigh",
    path: ["acwrUsualUpper"],
  })
  .refine(
    (s) => s.capacityMajorDeficitPct === undefined || s.capacitySevereDeficitPct === undefined || s.capacityMajorDeficitPct < s.capacitySevereDeficitPct,
    { message: "capacityMajorDeficitPct must be below capacitySevereDeficitPct", path: ["capacityMajorDeficitPct"] },
  )
  .refine(
    (s) =>
      s.overreachingSignsForBackOff === undefined ||
      s.overreachingSignsWithObjectiveForBackOff === undefined ||
      s.overreachingSignsWithObjectiveForBackOff <= s.overreachingSignsForBackOff,
    { message: "overreachingSignsWithObjectiveForBackOff must not exceed overreachingSignsForBackOff", path: ["overreachingSignsWithObjectiveForBackOff"] },
  )
  .refine((s) => s.painGreenMax === undefined || s.painAcceptableMax === undefined || s.painGreenMax < s.painAcceptableMax, {
    message: "painGreenMax must be below painAcceptableMax",
    path: ["painGreenMax"],
  });

export type EngineSettingsInput = z.infer<typeof engineSettingsSchema>;

/** Merge a clinic's partial settings over the defaults. Returns the frozen defaults when nothing changes. */
export function resolveSettings(partial?: Partial<EngineSettings>): Readonly<EngineSettings> {
  if (!partial) return defaultEngineSettings;
  let changed = false;
  for (const key in partial) {
    if ((partial as Record<string, unknown>)[key] !== undefined) {
      changed = true;
      break;
    }
  }
  if (!changed) return defaultEngineSettings;
  const merged: EngineSettings = { ...defaultEngineSettings };
  for (const [key, value] of Object.entries(partial)) {
    if (value !== undefined) (merged as Record<string, unknown>)[key] = value;
  }
  return merged;
}
