import { z } from "zod";

// The forms a clinician decides a review with (issue 13). One schema for the browser and the
// server action; the service repeats the checks that need the database (the plan's stages).

const reviewRef = {
  patientId: z.string().uuid(),
  reviewId: z.string().uuid(),
  reviewVersion: z.coerce.number().int().min(1),
  /** Where to go back to after deciding: the queue or the patient's page. */
  returnTo: z.enum(["queue", "patient"]).default("queue"),
};

const reason = z
  .string()
  .trim()
  .min(5, "Say why, in a few words (at least 5 characters).")
  .max(500, "Keep it under 500 characters.");

export const approveReviewSchema = z.object(reviewRef);
export const dismissReviewSchema = z.object({ ...reviewRef, reason });
export const acknowledgeReviewSchema = z.object({ ...reviewRef, reason });

export const editReviewSchema = z.object({
  ...reviewRef,
  planId: z.string().uuid(),
  planVersion: z.coerce.number().int().min(1),
  stageKey: z.string().min(1, "Choose the stage the patient moves to.").max(40),
  doseCutPct: z.preprocess(
    (v) => (typeof v === "string" && v.trim() === "" ? "0" : v),
    z.coerce.number({ error: "Enter a whole number from 0 to 50." }).int("Enter a whole number from 0 to 50.").min(0, "Enter a whole number from 0 to 50.").max(50, "Enter a whole number from 0 to 50."),
  ),
  note: z.string().trim().max(500, "Keep it under 500 characters.").default(""),
});

export type EditReviewForm = z.infer<typeof editReviewSchema>;
