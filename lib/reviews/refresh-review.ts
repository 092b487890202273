import "server-only";
import { and, desc, eq, inArray, sql } from "drizzle-orm";
import type { Db, DbOrTx } from "@/db/client";
import { checkInReviews, patients, plans, type CheckInReviewRow } from "@/db/schema";
import { recordAuditEvent } from "@/lib/audit/record-event";
import { systemClock, type Clock } from "@/lib/time/clock";
import { currentPublishedPlan } from "./current-plan";
import { isQueued, queuePriority, reviewFingerprint } from "./queue-order";
import { loadReviewContext } from "./review-context";
import { worklistStats } from "./worklist-stats";

// Keeps a plan's engine review and the patient's worklist columns current (issue 13, ADR 0019).
// Runs after each check-in or morning answer, and whenever a clinician opens the patient: never
// on a timer inside the engine (housekeeping only moves the calendar windows of the worklist).
// The plan row is locked for the computation, so two check-ins arriving together leave one
// pending review, never two (the partial unique index is the last guard).

export type ClosingReason = "newer_review" | "no_longer_suggested" | "discharged" | "plan_replaced" | "plan_withdrawn";

/** Marks a plan's pending review as no longer waiting (inside the caller's transaction, audited). */
export async function closePendingReview(tx: DbOrTx, v: { clinicId: string; planId: string; reason: ClosingReason; actorUserId?: string | null }) {
  const status = v.reason === "newer_review" || v.reason === "no_longer_suggested" ? "superseded" : "closed";
  const closed = await tx
    .update(checkInReviews)
    .set({ status, decisionReason: v.reason, updatedAt: new Date(), version: sql`${checkInReviews.version} + 1` })
    .where(and(eq(checkInReviews.clinicId, v.clinicId), eq(checkInReviews.planId, v.planId), eq(checkInReviews.status, "pending")))
    .returning();
  for (const r of closed) {
    await recordAuditEvent(tx, {
      clinicId: v.clinicId,
      actorUserId: v.actorUserId ?? null,
      action: status === "superseded" ? "review.supersede" : "review.close",
      entityType: "check_in_review",
      entityId: r.id,
      patientId: r.patientId,
      detail: { planId: r.planId, suggestion: r.suggestion, reason: v.reason },
    });
  }
  return closed;
}

/**
 * Recomputes the review of one plan as of the clock's today. Returns the pending review, if any.
 * A plan that is not the patient's current one only loses its pending review.
 */
export async function refreshPlanReview(db: Db, clinicId: string, planId: string, clock: Clock = systemClock): Promise<CheckInReviewRow | null> {
  return db.transaction(async (tx) => {
    const [plan] = await tx.select().from(plans).where(and(eq(plans.clinicId, clinicId), eq(plans.id, planId))).limit(1).for("update");
    if (!plan) return null;
    const [patient] = await tx
      .select({ status: patients.status })
      .from(patients)
      .where(and(eq(patients.clinicId, clinicId), eq(patients.id, plan.patientId)))
      .limit(1);
    const current = await currentPublishedPlan(tx, clinicId, plan.patientId);
    if (!patient || !current || current.id !== plan.id) {
      await closePendingReview(tx, { clinicId, planId, reason: current ? "plan_replaced" : "plan_withdrawn" });
      if (patient && !current) await writeSummary(tx, clinicId, plan.patientId, null, { lastCheckInOn: null, flaresLast7Days: 0, dataDaysLast30: 0 }, null);
      return null;
    }
    const ctx = await loadReviewContext(tx, plan, clock);
    const stats = worklistStats({ today: ctx.today, sessionDates: ctx.rows.map((r) => r.sessionDate), input: ctx.input, engine: ctx.engine });
    const [pending] = await tx
      .select()
      .from(checkInReviews)
      .where(and(eq(checkInReviews.clinicId, clinicId), eq(checkInReviews.planId, planId), eq(checkInReviews.status, "pending")))
      .limit(1);

    const review = ctx.review;
    if (patient.status === "discharged" || !review || !ctx.position || plan.publishedVersion === null || !isQueued(review.suggestion)) {
      if (pending) await closePendingReview(tx, { clinicId, planId, reason: patient.status === "discharged" ? "discharged" : "no_longer_suggested" });
      await writeSummary(tx, clinicId, plan.patientId, null, stats, ctx.today);
      return null;
    }
    const fingerprint = reviewFingerprint({ planVersion: plan.publishedVersion, positionSeq: ctx.position.seq, checkIns: ctx.rows });
    const next = review.next;
    if (pending && pending.fingerprint === fingerprint && pending.suggestion === review.suggestion && pending.nextStageKey === (next?.stageKey ?? null) && pending.nextDoseCutPct === (next?.doseCutPct ?? null)) {
      await writeSummary(tx, clinicId, plan.patientId, pending, stats, ctx.today);
      return pending;
    }
    if (!pending) {
      // A decision already made is not asked again until new data arrives: a check-in or a
      // morning answer after it, a move or a new published version (ADR 0019).
      const [decided] = await tx
        .select()
        .from(checkInReviews)
        .where(and(eq(checkInReviews.clinicId, clinicId), eq(checkInReviews.planId, planId), inArray(checkInReviews.status, DECIDED)))
        .orderBy(desc(checkInReviews.decidedAt))
        .limit(1);
      if (decided && decided.planVersion === plan.publishedVersion && decided.positionSeq === ctx.position.seq && !newDataSince(ctx.rows, decided.decidedAt!)) {
        await writeSummary(tx, clinicId, plan.patientId, null, stats, ctx.today);
        return null;
      }
    } else {
      await closePendingReview(tx, { clinicId, planId, reason: "newer_review" });
    }
    const [row] = await tx
      .insert(checkInReviews)
      .values({
        clinicId,
        patientId: plan.patientId,
        planId,
        planVersion: plan.publishedVersion,
        positionSeq: ctx.position.seq,
        suggestion: review.suggestion,
        priority: queuePriority(review.suggestion),
        nextStageKey: next?.stageKey ?? null,
        nextDoseCutPct: next?.doseCutPct ?? null,
        review,
        rulesetVersion: review.rulesetVersion,
        checkInIds: ctx.rows.map((r) => r.id),
        fingerprint,
        reviewedOn: ctx.today,
        // Waiting since the check-in that raised it, by the same clock that decided "today".
        createdAt: clock.now(),
        updatedAt: clock.now(),
      })
      .returning();
    await recordAuditEvent(tx, {
      clinicId,
      actorUserId: null,
      action: "review.suggest",
      entityType: "check_in_review",
      entityId: row!.id,
      patientId: plan.patientId,
      detail: { planId, suggestion: review.suggestion, rulesetVersion: review.rulesetVersion, checkIns: ctx.rows.length, replaced: pending?.id ?? null },
    });
    await writeSummary(tx, clinicId, plan.patientId, row!, stats, ctx.today);
    return row!;
  });
}

const DECIDED = ["approved", "edited", "dismissed", "acknowledged"];

const newDataSince = (rows: ReadonlyArray<{ createdAt: Date; morningAt: Date | null }>, at: Date) =>
  rows.some((r) => r.createdAt > at || (r.morningAt !== null && r.morningAt > at));

async function writeSummary(
  tx: DbOrTx,
  clinicId: string,
  patientId: string,
  pending: CheckInReviewRow | null,
  stats: { lastCheckInOn: string | null; flaresLast7Days: number; dataDaysLast30: number },
  on: string | null,
) {
  await tx
    .update(patients)
    .set({
      reviewSuggestion: pending?.suggestion ?? null,
      reviewPriority: pending?.priority ?? null,
      reviewWaitingSince: pending?.createdAt ?? null,
      lastCheckInOn: stats.lastCheckInOn,
      flaresLast7Days: stats.flaresLast7Days,
      dataDaysLast30: stats.dataDaysLast30,
      checkInStatsOn: on,
    })
    .where(and(eq(patients.clinicId, clinicId), eq(patients.id, patientId)));
}

/**
 * When a clinician opens a patient: the current plan's review is brought up to date, and a
 * pending review left on an older plan leaves the queue.
 */
export async function refreshPatientReviews(db: Db, clinicId: string, patientId: string, clock: Clock = systemClock) {
  const current = await currentPublishedPlan(db, clinicId, patientId);
  const stale = await db
    .selectDistinct({ planId: checkInReviews.planId })
    .from(checkInReviews)
    .where(and(eq(checkInReviews.clinicId, clinicId), eq(checkInReviews.patientId, patientId), eq(checkInReviews.status, "pending")));
  for (const s of stale) if (s.planId !== current?.id) await db.transaction((tx) => closePendingReview(tx, { clinicId, planId: s.planId, reason: current ? "plan_replaced" : "plan_withdrawn" }));
  return current ? refreshPlanReview(db, clinicId, current.id, clock) : null;
}
