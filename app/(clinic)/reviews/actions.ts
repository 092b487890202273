"use server";
import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import { clockForRequest } from "@/lib/time/request-clock";
import { authedAction } from "@/lib/auth/authed-action";
import { decideReview } from "@/lib/reviews/decide-review";
import { acknowledgeReviewSchema, approveReviewSchema, dismissReviewSchema, editReviewSchema } from "@/lib/validation/review";

// Thin adapters (conventions §3): session → role → zod → service → revalidate. The clinic and
// patient scope, the version check and the plan's own rules live in decideReview.

const ROLES = ["clinician", "admin"] as const;

function refresh(patientId: string, planId?: string) {
  revalidatePath("/reviews");
  revalidatePath("/patients");
  revalidatePath(`/patients/${patientId}`);
  if (planId) revalidatePath(`/patients/${patientId}/plans/${planId}`);
}

export const approveReviewAction = authedAction(approveReviewSchema, { roles: ROLES }, async (input, { actor, db }) => {
  const r = await decideReview(db, actor, { patientId: input.patientId, reviewId: input.reviewId, reviewVersion: input.reviewVersion, decision: { kind: "approve" } }, clockForRequest(await headers()));
  refresh(input.patientId, r.review.planId);
  return { ok: true, message: `Approved. Version ${r.publishedVersion} is published: ${r.change?.summary ?? ""}` };
});

export const dismissReviewAction = authedAction(dismissReviewSchema, { roles: ROLES }, async (input, { actor, db }) => {
  await decideReview(db, actor, { patientId: input.patientId, reviewId: input.reviewId, reviewVersion: input.reviewVersion, decision: { kind: "dismiss", reason: input.reason } }, clockForRequest(await headers()));
  refresh(input.patientId);
  return { ok: true, message: "Dismissed. It comes back only if a new check-in changes the picture." };
});

export const acknowledgeReviewAction = authedAction(acknowledgeReviewSchema, { roles: ROLES }, async (input, { actor, db }) => {
  await decideReview(db, actor, { patientId: input.patientId, reviewId: input.reviewId, reviewVersion: input.reviewVersion, decision: { kind: "acknowledge", reason: input.reason } }, clockForRequest(await headers()));
  refresh(input.patientId);
  return { ok: true, message: "Recorded. The report has left the queue." };
});

export const editReviewAction = authedAction(editReviewSchema, { roles: ROLES }, async (input, { actor, db }) => {
  const r = await decideReview(db, actor, {
    patientId: input.patientId,
    reviewId: input.reviewId,
    reviewVersion: input.reviewVersion,
    decision: { kind: "edit", stageKey: input.stageKey, doseCutPct: input.doseCutPct, planVersion: input.planVersion, note: input.note },
  }, clockForRequest(await headers()));
  refresh(input.patientId, input.planId);
  return { ok: true, message: `Published as version ${r.publishedVersion}: ${r.change?.summary ?? ""}` };
});
