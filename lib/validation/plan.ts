import { z } from "zod";

// The stored plan (engine plan + clinician edits) and the editor's form schema. Shared by the
// editor (zodResolver) and the server action; no db imports.

const range = (lo: number, hi: number) =>
  z
    .object({ min: z.number().int().min(lo).max(hi), max: z.number().int().min(lo).max(hi) })
    .refine((r) => r.min <= r.max, { message: "The first number must not be above the second." });

export const strengthItemSchema = z.object({
  exercise: z.string().trim().min(1).max(120),
  sets: z.number().int().min(1).max(10),
  reps: z.string().trim().min(1).max(60),
  note: z.string().max(300).optional(),
  howTo: z.string().max(400).optional(),
});

export const planContentStageSchema = z.object({
  key: z.string().min(1).max(40),
  title: z.string().min(1).max(200),
  weeks: range(0, 52),
  runVolumePct: range(0, 200).optional(),
  trainingHoursPct: range(0, 200).optional(),
  longRunKmMax: z.number().min(0).max(200).optional(),
  maxEffortRpe: z.number().min(0).max(10),
  intensityAllowed: z.boolean(),
  crossTraining: z.array(z.string().max(300)).max(20),
  strength: z.array(strengthItemSchema).max(20),
  progressWhen: z.array(z.string()),
  regressWhen: z.array(z.string()),
  notes: z.string().max(1000).optional(),
  /** No loading until a doctor has seen the patient (contract.md: refer for fever, trauma, possible fracture). */
  pauseUntilCleared: z.boolean().optional(),
}).superRefine((s, ctx) => {
  // A paused stage carries no load at all: loading it means lifting the pause (lib/plans/content.ts).
  if (s.pauseUntilCleared !== true) return;
  const loaded = [s.runVolumePct, s.trainingHoursPct].some((r) => r !== undefined && r.max > 0);
  if (loaded || s.strength.length > 0 || s.intensityAllowed) {
    ctx.addIssue({ code: "custom", path: ["pauseUntilCleared"], message: "A stage paused until a doctor has seen the patient carries no training load." });
  }
});

/** A saved plan version: the engine's Plan shape plus how-tos and the clinician's notes. */
export const planContentSchema = z.object({
  stages: z.array(planContentStageSchema).min(1).max(10),
  painRules: z.array(z.object({ when: z.string(), then: z.string(), level: z.enum(["green", "amber", "red"]) })),
  deloadEveryWeeks: z.object({ min: z.number(), max: z.number() }),
  seekCareIf: z.array(z.string()),
  advice: z.array(z.string()).optional(),
  notes: z.string().max(2000).optional(),
});

export type PlanContent = z.infer<typeof planContentSchema>;
export type PlanContentStage = PlanContent["stages"][number];
export type PlanStrengthItem = PlanContentStage["strength"][number];

/** One limit crossed in one stage, and the clinician's reason for it. */
export type PlanOverride = { stage: number; stageKey: string; crossings: string[]; reason: string };

/** Stored with a version a review decision published: what changed for the patient and why, in plain words. */
export type PlanVersionChange = {
  reviewId: string;
  decision: "approved" | "edited";
  suggestion: "progress" | "regress";
  fromStageKey: string;
  toStageKey: string;
  doseCutPct: number;
  /** For the patient's page and PDF, e.g. "You move on to stage 3: Return to speed." */
  summary: string;
  why: string[];
};

// ---- The editor form -------------------------------------------------------------------------
// Field names are dotted paths (`stages.0.rpe`, `stages.0.strength.2.sets`) so react-hook-form,
// the posted FormData and the server's field errors all use the same name.

const blankToUndef = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);
const intField = (label: string, lo: number, hi: number) =>
  z.preprocess(
    blankToUndef,
    z.coerce
      .number({ error: `Enter ${label}.` })
      .int(`${label[0]!.toUpperCase()}${label.slice(1)} must be a whole number.`)
      .min(lo, `${label[0]!.toUpperCase()}${label.slice(1)} must be at least ${lo}.`)
      .max(hi, `${label[0]!.toUpperCase()}${label.slice(1)} must be at most ${hi}.`),
  );
const optionalNumber = (label: string, lo: number, hi: number) =>
  z.preprocess(
    blankToUndef,
    z.coerce.number({ error: `Enter ${label} as a number.` }).min(lo, `Must be at least ${lo}.`).max(hi, `Must be at most ${hi}.`).optional(),
  );
const checkbox = z.preprocess((v) => v === "on" || v === "true" || v === true, z.boolean());
const text = (max: number) => z.preprocess((v) => (v === undefined || v === null ? "" : v), z.string().max(max, `Keep this under ${max} characters.`));

export const exerciseFormSchema = z.object({
  exercise: z.string().trim().min(1, "Name the exercise.").max(120),
  sets: intField("sets", 1, 10),
  reps: z.string().trim().min(1, "Enter reps, time or distance.").max(60, "Keep this under 60 characters."),
  howTo: text(400),
  note: text(300),
});

export const stageFormSchema = z
  .object({
    weeksMin: intField("the shortest duration", 1, 12),
    weeksMax: intField("the longest duration", 1, 12),
    volMin: intField("the lower volume", 0, 150),
    volMax: intField("the upper volume", 0, 150),
    longRun: optionalNumber("the long run", 0, 100),
    rpe: intField("the effort cap", 1, 10),
    intensity: checkbox,
    crossTraining: text(2000),
    notes: text(1000),
    reason: text(500),
    strength: z.array(exerciseFormSchema).max(20, "At most 20 exercises in a stage.").default([]),
  })
  .superRefine((s, ctx) => {
    if (typeof s.weeksMin === "number" && typeof s.weeksMax === "number" && s.weeksMin > s.weeksMax) {
      ctx.addIssue({ code: "custom", path: ["weeksMax"], message: "The longest duration must not be shorter than the shortest." });
    }
    if (typeof s.volMin === "number" && typeof s.volMax === "number" && s.volMin > s.volMax) {
      ctx.addIssue({ code: "custom", path: ["volMax"], message: "The upper volume must not be below the lower." });
    }
  });

export const planEditFormSchema = z.object({
  planId: z.string().uuid(),
  patientId: z.string().uuid(),
  version: z.coerce.number().int().min(1),
  notes: text(2000),
  stages: z.array(stageFormSchema).min(1).max(10),
});

export type PlanEditForm = z.output<typeof planEditFormSchema>;
export type PlanEditFormInput = z.input<typeof planEditFormSchema>;
export type StageForm = z.output<typeof stageFormSchema>;

/** `{"stages.0.rpe": "4"}` → `{stages: [{rpe: "4"}]}`; numeric segments become array slots. */
export function unflatten(flat: Record<string, unknown>): Record<string, unknown> {
  const root: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(flat)) {
    const parts = key.split(".");
    if (parts.some((p) => p === "" || p === "__proto__" || p === "constructor" || p === "prototype")) continue;
    let node: Record<string, unknown> | unknown[] = root;
    for (let i = 0; i < parts.length; i++) {
      const part = parts[i]!;
      const last = i === parts.length - 1;
      const idx = /^\d{1,3}$/.test(part) ? Number(part) : null;
      const slot = idx ?? part;
      if (last) {
        (node as Record<string | number, unknown>)[slot] = value;
      } else {
        const nextIsIndex = /^\d{1,3}$/.test(parts[i + 1]!);
        const existing = (node as Record<string | number, unknown>)[slot];
        const child = existing ?? (nextIsIndex ? [] : {});
        (node as Record<string | number, unknown>)[slot] = child;
        node = child as Record<string, unknown> | unknown[];
      }
    }
  }
  // Sparse arrays (a removed row) compact to dense ones, in index order.
  const compact = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.filter((x) => x !== undefined).map(compact);
    if (v && typeof v === "object") return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, compact(x)]));
    return v;
  };
  return compact(root) as Record<string, unknown>;
}

/**
 * The server's parse of the posted editor form: the flat FormData is unflattened, validated by
 * the same nested schema the editor uses, and every issue is reported under its dotted field name.
 */
export const planEditPostSchema = z.record(z.string(), z.union([z.string(), z.array(z.string())])).transform((flat, ctx) => {
  const parsed = planEditFormSchema.safeParse(unflatten(flat));
  if (!parsed.success) {
    for (const issue of parsed.error.issues) ctx.addIssue({ code: "custom", message: issue.message, path: [issue.path.join(".")] });
    return z.NEVER;
  }
  return parsed.data;
});

export const planRefFormSchema = z.object({
  planId: z.string().uuid(),
  patientId: z.string().uuid(),
  version: z.coerce.number().int().min(1).optional(),
});

export const createPlanFormSchema = z.object({
  patientId: z.string().uuid(),
  assessmentId: z.string().uuid(),
});

export const linkDaysSchema = z.object({
  planId: z.string().uuid(),
  patientId: z.string().uuid(),
  days: z.preprocess(blankToUndef, z.coerce.number().int().min(1, "At least 1 day.").max(365, "At most 365 days.").default(90)),
});
