"use server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { headers } from "next/headers";
import { clockForRequest } from "@/lib/time/request-clock";
import { authedAction } from "@/lib/auth/authed-action";
import { decideReview } from "@/lib/reviews/decide-review";
import { acknowledgeReviewSchema, approveReviewSchema, dismissReviewSchema, editReviewSchema } from "@/lib/validation/review";

// Thin adapters (conventions §3): session → role → zod → service → revalidate. The clinic and
// patient scope, the version check and the plan's own rules live in decideReview.

const ROLES = ["clinician", "admin"] as const;

/** After a decision: back where the clinician decided, with the confirmation read from the record. */
function backTo(input: { returnTo: "queue" | "patient"; patientId: string; reviewId: string }): never {
  redirect(input.returnTo === "patient" ? `/patients/${input.patientId}?decided=${input.reviewId}` : `/reviews?decided=${input.reviewId}`);
}

function refresh(patientId: string, planId?: string) {
  revalidatePath("/reviews");
  revalidatePath("/patients");
  revalidatePath(`/patients/${patientId}`);
  if (planId) revalidatePath(`/patients/${patientId}/plans/${planId}`);
}

export const approveReviewAction = authedAction(approveReviewSchema, { roles: ROLES }, async (input, { actor, db }) => {
  const r = await decideReview(db, actor, { patientId: input.patientId, reviewId: input.reviewId, reviewVersion: input.reviewVersion, decision: { kind: "approve" } }, clockForRequest(await headers()));
  refresh(input.patientId, r.review.planId);
  backTo(input);
});

export const dismissReviewAction = authedAction(dismissReviewSchema, { roles: ROLES }, async (input, { actor, db }) => {
  await decideReview(db, actor, { patientId: input.patientId, reviewId: input.reviewId, reviewVersion: input.reviewVersion, decision: { kind: "dismiss", reason: input.reason } }, clockForRequest(await headers()));
  refresh(input.patientId);
  backTo(input);
});

export const acknowledgeReviewAction = authedAction(acknowledgeReviewSchema, { roles: ROLES }, async (input, { actor, db }) => {
  await decideReview(db, actor, { patientId: input.patientId, reviewId: input.reviewId, reviewVersion: input.reviewVersion, decision: { kind: "acknowledge", reason: input.reason } }, clockForRequest(await headers()));
  refresh(input.patientId);
  backTo(input);
});

export const editReviewAction = authedAction(editReviewSchema, { roles: ROLES }, async (input, { actor, db }) => {
  await decideReview(db, actor, {
    patientId: input.patientId,
    reviewId: input.reviewId,
    reviewVersion: input.reviewVersion,
    decision: { kind: "edit", stageKey: input.stageKey, doseCutPct: input.doseCutPct, planVersion: input.planVersion, note: input.note },
  }, clockForRequest(await headers()));
  refresh(input.patientId, input.planId);
  backTo(input);
});
