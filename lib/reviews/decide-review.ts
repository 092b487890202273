import "server-only";
import { and, eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { checkInReviews, patients, plans, planVersions, type CheckInReviewRow } from "@/db/schema";
import { actorAudit, recordAuditEvent } from "@/lib/audit/record-event";
import type { Actor } from "@/lib/auth/actor";
import { MAX_DOSE_CUT_PCT } from "@/lib/clinical";
import { getClinicSettings } from "@/lib/clinics/get-clinic-settings";
import { AppError } from "@/lib/errors";
import { findPlan, findVersion, isUuid } from "@/lib/plans/internal";
import { MIN_REASON_LENGTH } from "@/lib/plans/limits";
import { gateMessage, planGateFor } from "@/lib/plans/plan-gate";
import { currentPlanPosition, setPlanPosition } from "@/lib/plans/set-plan-position";
import { clinicToday, systemClock, timeZoneOf, type Clock } from "@/lib/time/clock";
import type { PlanVersionChange } from "@/lib/validation/plan";
import { changeWords } from "./change-words";
import { checkInRowsForReview } from "./review-check-ins";

// A clinician's decision on the engine's suggestion (issue 13, ADR 0019). The suggestion never
// changes a plan by itself: approving (or editing first) publishes a new plan version at the
// stage and dose decided, with what changed in the patient's words; dismissing or acknowledging
// records why. One transaction locks the review and the plan: of two clinicians deciding the
// same review, one wins and the other gets a conflict, and nothing is published twice.

export type ReviewDecision =
  | { kind: "approve" }
  | { kind: "edit"; stageKey: string; doseCutPct: number; planVersion: number; note?: string }
  | { kind: "dismiss"; reason: string }
  | { kind: "acknowledge"; reason: string };

export const reviewConflictMessage =
  "This review was decided by someone else, or replaced by a newer check-in, after you opened it. Nothing was published twice: reload to see where the plan stands.";

const reviewNotFound = () => new AppError("not_found", "review", "Review not found");

export async function decideReview(
  db: Db,
  actor: Actor,
  v: { patientId: string; reviewId: string; reviewVersion: number; decision: ReviewDecision },
  clock: Clock = systemClock,
) {
  if (!isUuid(v.reviewId) || !isUuid(v.patientId)) throw reviewNotFound();
  const d = v.decision;
  if ((d.kind === "dismiss" || d.kind === "acknowledge") && d.reason.trim().length < MIN_REASON_LENGTH) {
    throw new AppError("invalid", "review", "Say why, in a few words.", { reason: [`Give a reason (at least ${MIN_REASON_LENGTH} characters).`] });
  }
  const r = await db.transaction(async (tx) => {
    const where = and(eq(checkInReviews.clinicId, actor.clinicId), eq(checkInReviews.patientId, v.patientId), eq(checkInReviews.id, v.reviewId));
    const [found] = await tx.select({ planId: checkInReviews.planId }).from(checkInReviews).where(where).limit(1);
    if (!found) throw reviewNotFound();
    // Locks in the order the review refresh takes them (plan, then review): no deadlock between a
    // check-in arriving and a clinician deciding.
    const plan = await findPlan(tx, actor, v.patientId, found.planId, { lock: true });
    const [review] = await tx.select().from(checkInReviews).where(where).limit(1).for("update");
    if (!review) throw reviewNotFound();
    if (review.status !== "pending" || review.version !== v.reviewVersion) throw new AppError("conflict", "review", reviewConflictMessage);
    const now = clock.now();
    const moves = d.kind === "approve" || d.kind === "edit";
    if (moves && review.suggestion !== "progress" && review.suggestion !== "regress") {
      throw new AppError("invalid", "review", "This suggestion does not change the plan: record what you did instead.");
    }
    if (d.kind === "acknowledge" && review.suggestion !== "seek_care" && review.suggestion !== "urgent_care") {
      throw new AppError("invalid", "review", "Approve, edit or dismiss this suggestion.");
    }
    let publishedVersion: number | null = null;
    let change: PlanVersionChange | null = null;
    if (moves) {
      const position = await currentPlanPosition(tx, actor.clinicId, plan.id);
      if (plan.publishedVersion !== review.planVersion || position?.seq !== review.positionSeq) throw new AppError("conflict", "review", reviewConflictMessage);
      const gate = await planGateFor(tx, actor.clinicId, plan);
      if (!gate.open) throw new AppError("invalid", "review", `Publishing is blocked. ${gateMessage[gate.reason]}`);
      let sourceVersion: number;
      let stageKey: string;
      let doseCutPct: number;
      if (d.kind === "approve") {
        // Approving publishes what the patient already has, moved: unpublished edits are not
        // swept along unseen.
        if (plan.version !== plan.publishedVersion) {
          throw new AppError("invalid", "review", `This plan has changes saved after the published version (version ${plan.version}). Use "Edit first" to publish them with this change, or publish or discard them first.`);
        }
        sourceVersion = plan.publishedVersion!;
        stageKey = review.nextStageKey ?? position.stageKey;
        doseCutPct = stageKey === position.stageKey ? (review.nextDoseCutPct ?? position.doseCutPct) : 0;
      } else {
        if (plan.version !== d.planVersion) throw new AppError("conflict", "review", "The plan was saved again after you opened it. Reload, check the latest version, then publish.");
        sourceVersion = plan.version;
        stageKey = d.stageKey;
        doseCutPct = d.doseCutPct;
      }
      const source = await findVersion(tx, actor.clinicId, plan.id, sourceVersion);
      const fieldErrors: Record<string, string[]> = {};
      if (!source.content.stages.some((s) => s.key === stageKey)) fieldErrors.stageKey = ["Choose one of the plan's stages."];
      if (!Number.isInteger(doseCutPct) || doseCutPct < 0 || doseCutPct > MAX_DOSE_CUT_PCT) fieldErrors.doseCutPct = [`Enter a whole number from 0 to ${MAX_DOSE_CUT_PCT}.`];
      if (Object.keys(fieldErrors).length) throw new AppError("invalid", "review", "Check the marked fields.", fieldErrors);

      const words = changeWords({
        content: source.content,
        fromStageKey: position.stageKey,
        toStageKey: stageKey,
        doseCutPct,
        reasons: review.review.reasons,
        clinicianNote: d.kind === "edit" ? d.note : undefined,
      });
      change = {
        reviewId: review.id,
        decision: d.kind === "approve" ? "approved" : "edited",
        suggestion: review.suggestion as "progress" | "regress",
        fromStageKey: position.stageKey,
        toStageKey: stageKey,
        doseCutPct,
        ...words,
      };
      publishedVersion = plan.version + 1;
      const [updated] = await tx
        .update(plans)
        .set({ version: sql`${plans.version} + 1`, publishedVersion, publishedAt: now, publishedBy: actor.userId, updatedAt: now })
        .where(and(eq(plans.clinicId, actor.clinicId), eq(plans.id, plan.id), eq(plans.version, plan.version)))
        .returning({ id: plans.id });
      if (!updated) throw new AppError("conflict", "review", reviewConflictMessage);
      await tx.insert(planVersions).values({
        clinicId: actor.clinicId,
        planId: plan.id,
        version: publishedVersion,
        content: source.content,
        overrides: source.overrides,
        change,
        createdBy: actor.userId,
        createdAt: now,
      });
      // The stage (re)starts today, so the sessions that led here count before it (the contract's
      // startedOn: "publish or last approved change"). Resting pain now is the latest morning score.
      const settings = await getClinicSettings(tx, actor.clinicId);
      const rows = await checkInRowsForReview(tx, actor.clinicId, review);
      const latestMorning = rows.find((x) => x.morningPainNrs !== null)?.morningPainNrs;
      await setPlanPosition(tx, actor, {
        planId: plan.id,
        patientId: plan.patientId,
        content: source.content,
        source: d.kind === "approve" ? "review" : "edit",
        stageKey,
        startedOn: clinicToday(clock, timeZoneOf(settings.timeZone)),
        doseCutPct,
        lastLighterWeekOn: position.lastLighterWeekOn,
        baselinePainNrs: latestMorning ?? position.baselinePainNrs,
      });
      await tx
        .update(patients)
        .set({ currentStage: source.content.stages.find((s) => s.key === stageKey)?.title ?? null })
        .where(and(eq(patients.clinicId, actor.clinicId), eq(patients.id, plan.patientId)));
      await recordAuditEvent(tx, {
        ...actorAudit(actor),
        action: "plan.publish",
        entityType: "plan",
        entityId: plan.id,
        patientId: plan.patientId,
        detail: { version: publishedVersion, previous: plan.publishedVersion, by: "review", reviewId: review.id },
      });
    }

    const status = { approve: "approved", edit: "edited", dismiss: "dismissed", acknowledge: "acknowledged" }[d.kind];
    const reason = d.kind === "dismiss" || d.kind === "acknowledge" ? d.reason.trim() : d.kind === "edit" && d.note?.trim() ? d.note.trim() : null;
    const [decided] = await tx
      .update(checkInReviews)
      .set({ status, decidedBy: actor.userId, decidedAt: now, decisionReason: reason, publishedVersion, version: sql`${checkInReviews.version} + 1`, updatedAt: now })
      .where(and(eq(checkInReviews.clinicId, actor.clinicId), eq(checkInReviews.id, review.id), eq(checkInReviews.version, v.reviewVersion), eq(checkInReviews.status, "pending")))
      .returning();
    if (!decided) throw new AppError("conflict", "review", reviewConflictMessage);
    await tx
      .update(patients)
      .set({ reviewSuggestion: null, reviewPriority: null, reviewWaitingSince: null })
      .where(and(eq(patients.clinicId, actor.clinicId), eq(patients.id, review.patientId)));
    await recordAuditEvent(tx, {
      ...actorAudit(actor),
      action: `review.${d.kind}`,
      entityType: "check_in_review",
      entityId: review.id,
      patientId: review.patientId,
      detail: {
        planId: review.planId,
        suggestion: review.suggestion,
        rulesetVersion: review.rulesetVersion,
        checkInIds: review.checkInIds,
        publishedVersion,
        ...(change ? { stageKey: change.toStageKey, doseCutPct: change.doseCutPct } : {}),
      },
    });
    return { review: decided as CheckInReviewRow, publishedVersion, change };
  });
  return r;
}
