import { z } from "zod";
import { planSchema } from "../contract";
import { dayNumber } from "./dates";

// Check-in review contract v1 (shared/clinical/checkins.md). Field names, enums and units are
// fixed like those of the assessment contract; unknown extra fields are stripped, not rejected.
// Every field not marked required may be missing: a missing answer is unknown, never "fine".

const painNrs = z.number().int().min(0).max(10);
const isoDate = z
  .string()
  .refine((s) => dayNumber(s) !== undefined, { message: "Expected a calendar date as YYYY-MM-DD" });

export const CHECKIN_ACTIVITIES = ["run", "strength", "cross_training", "sport", "other"] as const;
export const CHECKIN_DONE = ["as_planned", "shortened", "skipped"] as const;
export const MORNING_COMPARISONS = ["better", "same", "worse"] as const;

/** New symptoms that mean emergency care now (reference.md red-flag tiers, Finucane 2020). */
export const URGENT_SYMPTOM_KEYS = [
  "saddleNumbness", "bladderOrBowelChange", "bothLegs", "calfSwellingRednessHeat", "chestPainOrBreathlessness",
] as const;
export const NEW_SYMPTOM_KEYS = ["tinglingOrNumbnessDownLeg", ...URGENT_SYMPTOM_KEYS, "feverOrUnwell"] as const;
export type NewSymptomKey = (typeof NEW_SYMPTOM_KEYS)[number];

/** The cumulative cut a stage may carry (contract: stage.doseCutPct 0-50). */
export const MAX_DOSE_CUT_PCT = 50;

export const nextMorningSchema = z.object({
  painNrs: painNrs.optional(),
  comparedWithBefore: z.enum(MORNING_COMPARISONS),
  stiffnessOver30Min: z.boolean().optional(),
});

export const newSymptomsSchema = z.object({
  tinglingOrNumbnessDownLeg: z.boolean().optional(),
  saddleNumbness: z.boolean().optional(),
  bladderOrBowelChange: z.boolean().optional(),
  bothLegs: z.boolean().optional(),
  calfSwellingRednessHeat: z.boolean().optional(),
  chestPainOrBreathlessness: z.boolean().optional(),
  feverOrUnwell: z.boolean().optional(),
});

export const checkInSchema = z.object({
  date: isoDate,
  activity: z.enum(CHECKIN_ACTIVITIES),
  done: z.enum(CHECKIN_DONE),
  minutes: z.number().min(0).max(600).optional(),
  distanceKm: z.number().min(0).max(300).optional(),
  effortRpe: z.number().min(0).max(10).optional(),
  painDuringNrs: painNrs.optional(),
  sharpPain: z.boolean().optional(),
  alteredMovement: z.boolean().optional(),
  nextMorning: nextMorningSchema.optional(),
  newSymptoms: newSymptomsSchema.optional(),
  note: z.string().max(500).optional(),
});

export const checkInReviewInputSchema = z
  .object({
    contractVersion: z.literal(1),
    today: isoDate,
    plan: planSchema,
    stage: z.object({
      key: z.string().min(1),
      startedOn: isoDate,
      doseCutPct: z.number().min(0).max(MAX_DOSE_CUT_PCT).optional(),
    }),
    baseline: z.object({ painNrs: painNrs.optional() }).optional(),
    lastLighterWeekOn: isoDate.optional(),
    // A year of daily sessions (two a day) is far beyond what a review reads; bigger is a mistake.
    checkIns: z.array(checkInSchema).max(1000),
  })
  .superRefine((input, ctx) => {
    // Zod may run this after other issues were found: read defensively.
    if (!Array.isArray(input.plan?.stages) || !Array.isArray(input.checkIns) || typeof input.stage?.key !== "string") return;
    if (!input.plan.stages.some((s) => s.key === input.stage.key)) {
      ctx.addIssue({ code: "custom", path: ["stage", "key"], message: `Not a stage of this plan (${input.plan.stages.map((s) => s.key).join(", ") || "no stages"})` });
    }
    const today = dayNumber(input.today);
    if (today === undefined) return; // already reported on `today`
    input.checkIns.forEach((c, i) => {
      const d = typeof c?.date === "string" ? dayNumber(c.date) : undefined;
      if (d !== undefined && d > today) {
        ctx.addIssue({ code: "custom", path: ["checkIns", i, "date"], message: `A check-in cannot be dated after today (${input.today})` });
      }
    });
  });

export type CheckInReviewInput = z.infer<typeof checkInReviewInputSchema>;
export type CheckIn = CheckInReviewInput["checkIns"][number];

// ---- Output ----

/** Least to most cautious. The order is the contract: never reorder. */
export const SUGGESTIONS = ["progress", "hold", "regress", "seek_care", "urgent_care"] as const;
export type Suggestion = (typeof SUGGESTIONS)[number];

const SUGGESTION_RANK: Record<Suggestion, number> = { progress: 0, hold: 1, regress: 2, seek_care: 3, urgent_care: 4 };

export function suggestionRank(s: Suggestion): number {
  return SUGGESTION_RANK[s];
}

const suggestionSchema = z.enum(SUGGESTIONS);

export const checkInReasonSchema = z.object({
  ruleId: z.string(),
  suggestion: suggestionSchema,
  summary: z.string(),
  evidence: z.record(z.string(), z.unknown()),
  source: z.string(),
});

export const checkInReviewSchema = z.object({
  contractVersion: z.literal(1),
  rulesetVersion: z.string().min(1),
  suggestion: suggestionSchema,
  reasons: z.array(checkInReasonSchema),
  next: z
    .object({
      stageKey: z.string(),
      doseCutPct: z.number().min(0).max(MAX_DOSE_CUT_PCT).optional(),
    })
    .optional(),
  stats: z.object({
    daysInStage: z.number().int().min(0),
    sessionsLast7Days: z.number().int().min(0),
    dataDaysLast30: z.number().int().min(0).max(30),
    greenSessionsInStage: z.number().int().min(0),
    flaresInStage: z.number().int().min(0),
    adherencePct: z.number().min(0).max(100).optional(),
  }),
  missing: z.array(z.string()),
});

export type CheckInReason = z.infer<typeof checkInReasonSchema>;
export type CheckInReview = z.infer<typeof checkInReviewSchema>;
