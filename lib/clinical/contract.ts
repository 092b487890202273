import { z } from "zod";

// Assessment contract v1 (shared/clinical/contract.md). Field names, enums and units are fixed;
// forms may send extra optional fields, which the default (strip) objects drop rather than reject.
// Every field not marked required may be missing: a missing answer means "unknown", never "no".

const painNrs = z.number().int().min(0).max(10);
const nonNegative = z.number().min(0);
// Plausible physiological range; outside it the number is almost certainly a typing error.
const heartRate = z.number().min(25).max(250);

export const SPORTS = ["running", "lifting", "crossfit", "hyrox", "hybrid", "team_sport", "other"] as const;
export const REGIONS = [
  "lumbar", "thoracic", "neck", "shoulder", "elbow", "hip", "hamstring",
  "knee", "shin", "achilles_calf", "foot_ankle", "other",
] as const;
export const KNOWN_CAPACITY_TESTS = [
  "single_leg_calf_raise", "single_leg_bridge", "side_plank", "single_leg_squat",
  "single_leg_hop_distance", "single_leg_balance", "wall_sit", "pain_free_walk",
] as const;

export const RED_FLAG_KEYS = [
  "saddleAnaesthesia", "bladderOrBowelChange", "bilateralLegNeuroSymptoms", "progressiveWeakness",
  "feverOrUnwell", "unexplainedWeightLoss", "historyOfCancer", "constantNonMechanicalPain",
  "significantTrauma", "osteoporosisOrLongTermSteroids", "immunosuppressionOrIvDrugUse",
  "calfSwellingRednessHeat", "chestPainOrBreathlessness",
] as const;
export type RedFlagKey = (typeof RED_FLAG_KEYS)[number];

export const patientSchema = z.object({
  ageYears: z.number().min(10).max(100),
  sex: z.enum(["female", "male", "other", "unspecified"]).optional(),
});

export const sportSchema = z.object({
  primary: z.enum(SPORTS),
  level: z.enum(["recreational", "competitive", "elite"]).optional(),
  trainingAgeYears: z.number().min(0).max(90).optional(),
  goal: z.string().max(500).optional(),
});

export const complaintSchema = z.object({
  region: z.enum(REGIONS),
  side: z.enum(["left", "right", "bilateral", "central"]).optional(),
  onset: z.enum(["acute", "gradual"]),
  daysSinceOnset: nonNegative,
  mechanism: z.string().max(500).optional(),
  aggravators: z.array(z.string().max(200)).max(50).optional(),
});

export const symptomsSchema = z.object({
  painNowNrs: painNrs.optional(),
  painWorst24hNrs: painNrs.optional(),
  painDuringActivityNrs: painNrs.optional(),
  nextDayResponse: z.enum(["better", "same", "worse"]).optional(),
  trend: z.enum(["improving", "stable", "worsening"]).optional(),
  sharpPain: z.boolean().optional(),
  nightPain: z.boolean().optional(),
  sorenessOver48h: z.boolean().optional(),
  stiffnessNotEasing: z.boolean().optional(),
  alteredMovement: z.boolean().optional(),
  cannotBendForward: z.boolean().optional(),
  radiatingBelowKnee: z.boolean().optional(),
  tinglingOrNumbness: z.boolean().optional(),
  noTolerableDoseFound: z.boolean().optional(),
});

export const redFlagsSchema = z.object({
  saddleAnaesthesia: z.boolean().optional(),
  bladderOrBowelChange: z.boolean().optional(),
  bilateralLegNeuroSymptoms: z.boolean().optional(),
  progressiveWeakness: z.boolean().optional(),
  feverOrUnwell: z.boolean().optional(),
  unexplainedWeightLoss: z.boolean().optional(),
  historyOfCancer: z.boolean().optional(),
  constantNonMechanicalPain: z.boolean().optional(),
  significantTrauma: z.boolean().optional(),
  osteoporosisOrLongTermSteroids: z.boolean().optional(),
  immunosuppressionOrIvDrugUse: z.boolean().optional(),
  calfSwellingRednessHeat: z.boolean().optional(),
  chestPainOrBreathlessness: z.boolean().optional(),
});

export const loadSchema = z.object({
  hoursPerWeekNow: nonNegative.max(168).optional(),
  hoursPerWeekUsual: nonNegative.max(168).optional(),
  runKmPerWeekNow: nonNegative.max(2000).optional(),
  runKmPerWeekUsual: nonNegative.max(2000).optional(),
  hardSessionsPerWeek: z.number().int().min(0).max(50).optional(),
  longestRunKm30d: nonNegative.max(500).optional(),
  weeksSinceDeload: nonNegative.max(520).optional(),
});

export const recoverySchema = z.object({
  sleepHoursAvg: nonNegative.max(24).optional(),
  sleepQualityDeclined: z.boolean().optional(),
  fuelingAdequate: z.boolean().optional(),
  hydrationAdequate: z.boolean().optional(),
  lifeStress: z.enum(["low", "moderate", "high"]).optional(),
  restingHrBaseline: heartRate.optional(),
  restingHrNow: heartRate.optional(),
  restingHrElevatedDays: z.number().int().min(0).max(365).optional(),
  motivationLow: z.enum(["no", "single_session", "multi_day"]).optional(),
  persistentJointSoreness: z.boolean().optional(),
  performanceDeclining: z.boolean().optional(),
});

export const fatigueSchema = z.object({
  pattern: z.enum(["none", "session_specific", "multi_day"]).optional(),
  weightsMovingNormally: z.boolean().optional(),
  reluctanceMainlyMotivational: z.boolean().optional(),
});

export const capacityTestInputSchema = z.object({
  // Known tests plus any other test name the catalogue (or a clinic) adds.
  test: z.string().min(1).max(100),
  side: z.enum(["left", "right"]).optional(),
  value: nonNegative,
  painNrs: painNrs.optional(),
});

export const assessmentInputSchema = z.object({
  contractVersion: z.literal(1),
  patient: patientSchema,
  sport: sportSchema,
  complaint: complaintSchema.optional(),
  symptoms: symptomsSchema.optional(),
  redFlags: redFlagsSchema.optional(),
  load: loadSchema.optional(),
  recovery: recoverySchema.optional(),
  fatigue: fatigueSchema.optional(),
  capacityTests: z.array(capacityTestInputSchema).max(100).optional(),
  // Extension (optional, additive): red-flag questions the clinician deliberately did not ask,
  // with why (e.g. "phone triage, patient could not be examined"). An item listed here counts as
  // asked-and-unknown: the screen is complete for the finalize gate, and the engine then never
  // offers a green verdict (it caps the decision at modify at best and says so).
  redFlagsNotAsked: z
    .object({
      keys: z.array(z.enum(RED_FLAG_KEYS)).min(1).max(RED_FLAG_KEYS.length),
      reason: z.string().trim().min(3).max(500),
    })
    .optional(),
});

export type AssessmentInput = z.infer<typeof assessmentInputSchema>;
export type CapacityTestInput = z.infer<typeof capacityTestInputSchema>;
export type Sport = (typeof SPORTS)[number];
export type Region = (typeof REGIONS)[number];
export type KnownCapacityTest = (typeof KNOWN_CAPACITY_TESTS)[number];

// ---- Output ----

/** Least to most cautious. The order is the contract: never reorder. */
export const VERDICTS = ["push", "modify", "back_off", "refer", "urgent_referral"] as const;
export type Verdict = (typeof VERDICTS)[number];

const VERDICT_RANK: Record<Verdict, number> = { push: 0, modify: 1, back_off: 2, refer: 3, urgent_referral: 4 };

export function verdictRank(v: Verdict): number {
  return VERDICT_RANK[v];
}

/** The most cautious of the given verdicts; `push` for none. */
export function mostCautious(verdicts: Iterable<Verdict>): Verdict {
  let best: Verdict = "push";
  for (const v of verdicts) if (VERDICT_RANK[v] > VERDICT_RANK[best]) best = v;
  return best;
}

export const REASON_CATEGORIES = [
  "red_flag", "neuro", "capacity", "acute", "load", "recovery", "symptoms", "fatigue",
] as const;
export type ReasonCategory = (typeof REASON_CATEGORIES)[number];

const verdictSchema = z.enum(VERDICTS);

export const reasonSchema = z.object({
  ruleId: z.string(),
  category: z.enum(REASON_CATEGORIES),
  verdict: verdictSchema,
  summary: z.string(),
  evidence: z.record(z.string(), z.unknown()),
});

export const capacityResultSchema = z.object({
  test: z.string(),
  left: z.number().optional(),
  right: z.number().optional(),
  value: z.number().optional(),
  target: z.number(),
  unit: z.string(),
  deficitPct: z.number().optional(),
  lsiPct: z.number().optional(),
  meetsTarget: z.boolean(),
  // Extension (optional, additive): how `target` was set. "absolute" = catalogue or clinic
  // figure; "symmetry" = 90 % of the stronger side (no absolute figure exists, e.g. hop
  // distance); "none" = a single value with nothing to compare against (reported, not judged).
  targetKind: z.enum(["absolute", "symmetry", "none"]).optional(),
});

const range = z.object({ min: z.number(), max: z.number() });

export const planStageSchema = z.object({
  key: z.string(),
  title: z.string(),
  weeks: range,
  runVolumePct: range.optional(),
  trainingHoursPct: range.optional(),
  longRunKmMax: z.number().optional(),
  maxEffortRpe: z.number().min(0).max(10),
  intensityAllowed: z.boolean(),
  crossTraining: z.array(z.string()),
  strength: z.array(z.object({ exercise: z.string(), sets: z.number(), reps: z.string(), note: z.string().optional() })),
  progressWhen: z.array(z.string()),
  regressWhen: z.array(z.string()),
  // No loading until a doctor has seen the patient (refer for fever, trauma, possible fracture):
  // the stage lists what to do meanwhile, and nothing in it is progressed.
  pauseUntilCleared: z.boolean().optional(),
});

export const planSchema = z.object({
  stages: z.array(planStageSchema),
  painRules: z.array(z.object({ when: z.string(), then: z.string(), level: z.enum(["green", "amber", "red"]) })),
  deloadEveryWeeks: range,
  seekCareIf: z.array(z.string()),
  // Extension (optional, additive): plain-language advice that is not a stage setting:
  // recovery fundamentals (R1), warm-up (P6), form (P5), what to pause (P7), rest (B2).
  advice: z.array(z.string()).optional(),
});

export const evaluationSchema = z.object({
  contractVersion: z.literal(1),
  rulesetVersion: z.string().min(1),
  verdict: verdictSchema,
  reasons: z.array(reasonSchema),
  capacity: z.array(capacityResultSchema),
  missing: z.array(z.string()),
  plan: planSchema.nullable(),
});

export type Reason = z.infer<typeof reasonSchema>;
export type CapacityResult = z.infer<typeof capacityResultSchema>;
export type PlanStage = z.infer<typeof planStageSchema>;
export type Plan = z.infer<typeof planSchema>;
export type Evaluation = z.infer<typeof evaluationSchema>;
export type PainRule = Plan["painRules"][number];
export type StrengthItem = PlanStage["strength"][number];
