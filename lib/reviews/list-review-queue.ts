import "server-only";
import { and, asc, count, eq, inArray, isNotNull } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { checkInReviews, checkIns, patients, plans, planVersions, type CheckInReviewRow, type CheckInRow } from "@/db/schema";
import { actorAudit, recordAuditEvent } from "@/lib/audit/record-event";
import type { Actor } from "@/lib/auth/actor";
import type { PlanContent } from "@/lib/validation/plan";
import { QUEUE_MAX_SHOWN, QUEUE_PAGE_SIZE } from "./queue-page";

// "Needs review" (issue 13): the pending suggestions across a caseload, urgent and seek care
// first, then regress, then progress, oldest first within each (check_in_reviews_queue_idx).
// Each item carries the check-ins it read and the stage titles, so the queue shows the evidence
// and the move without another round trip per item.

export { QUEUE_MAX_SHOWN, QUEUE_PAGE_SIZE, queueShown } from "./queue-page";

export type QueueItem = {
  review: CheckInReviewRow;
  patient: { id: string; firstName: string; lastName: string; sport: string };
  /** The version's stages, to name the move ("Stage 2: Build back up" → "Stage 3: ..."). */
  stages: Array<{ key: string; title: string }>;
  /** Whether the plan has saves after the published version (approve then asks for "Edit first"). */
  unpublishedChanges: boolean;
  checkIns: CheckInRow[];
};

export async function listReviewQueue(db: DbOrTx, actor: Actor, opts: { scope: "mine" | "clinic"; patientId?: string; limit?: number } = { scope: "mine" }) {
  const limit = Math.min(QUEUE_MAX_SHOWN, Math.max(1, opts.limit ?? QUEUE_PAGE_SIZE));
  const conditions = [eq(checkInReviews.clinicId, actor.clinicId), eq(checkInReviews.status, "pending")];
  // A clinician sees their own caseload; an admin may look across the clinic.
  const mine = opts.scope === "mine" || actor.role !== "admin";
  if (mine) conditions.push(eq(patients.clinicianId, actor.userId));
  if (opts.patientId) conditions.push(eq(checkInReviews.patientId, opts.patientId));
  const joinPatient = and(eq(patients.clinicId, checkInReviews.clinicId), eq(patients.id, checkInReviews.patientId));
  let counted: Promise<Array<{ n: number }>> | undefined;
  if (mine && !opts.patientId) {
    // One clinician's queue is read off the patient rows' own "waiting" columns
    // (patients_clinician_review_idx, kept in step with the pending review in the same
    // transaction): first the patients whose reviews come first, then only their reviews. Joining
    // every pending review in the clinic to the caseload before the limit took seconds at 50,000
    // patients (docs/performance.md). Each patient's first review sorts no later than any review
    // of a patient after them, so the first `limit` of these are the first `limit` overall.
    const waiting = and(eq(patients.clinicId, actor.clinicId), eq(patients.clinicianId, actor.userId), isNotNull(patients.reviewPriority));
    const first = db
      .select({ id: patients.id })
      .from(patients)
      .where(waiting)
      .orderBy(asc(patients.reviewPriority), asc(patients.reviewWaitingSince), asc(patients.id))
      .limit(limit);
    conditions.push(inArray(checkInReviews.patientId, first));
    const all = db.select({ id: patients.id }).from(patients).where(waiting);
    counted = db
      .select({ n: count() })
      .from(checkInReviews)
      .where(and(eq(checkInReviews.clinicId, actor.clinicId), eq(checkInReviews.status, "pending"), inArray(checkInReviews.patientId, all)));
  }
  const where = and(...conditions);
  const [rows, [total]] = await Promise.all([
    db
      .select({
        review: checkInReviews,
        patient: { id: patients.id, firstName: patients.firstName, lastName: patients.lastName, sport: patients.sport },
        planVersion: plans.version,
        content: planVersions.content,
      })
      .from(checkInReviews)
      .innerJoin(patients, joinPatient)
      .innerJoin(plans, and(eq(plans.clinicId, checkInReviews.clinicId), eq(plans.id, checkInReviews.planId)))
      .innerJoin(
        planVersions,
        and(eq(planVersions.clinicId, checkInReviews.clinicId), eq(planVersions.planId, checkInReviews.planId), eq(planVersions.version, checkInReviews.planVersion)),
      )
      .where(where)
      .orderBy(asc(checkInReviews.priority), asc(checkInReviews.createdAt), asc(checkInReviews.id))
      .limit(limit),
    counted ?? db.select({ n: count() }).from(checkInReviews).innerJoin(patients, joinPatient).where(where),
  ]);
  const ids = rows.flatMap((r) => r.review.checkInIds);
  const evidence = ids.length
    ? await db
        .select()
        .from(checkIns)
        .where(and(eq(checkIns.clinicId, actor.clinicId), inArray(checkIns.id, ids)))
    : [];
  const byId = new Map(evidence.map((c) => [c.id, c]));
  const items: QueueItem[] = rows.map((r) => ({
    review: r.review,
    patient: r.patient,
    stages: (r.content as PlanContent).stages.map((s) => ({ key: s.key, title: s.title })),
    unpublishedChanges: r.planVersion !== r.review.planVersion,
    checkIns: r.review.checkInIds
      .map((id) => byId.get(id))
      .filter((c): c is CheckInRow => c !== undefined)
      .sort((a, b) => (a.sessionDate < b.sessionDate ? 1 : a.sessionDate > b.sessionDate ? -1 : 0)),
  }));
  // The queue shows names and symptoms: a read of patient data, audited like the caseload.
  await recordAuditEvent(db, {
    ...actorAudit(actor),
    action: "review.list",
    entityType: opts.patientId ? "patient" : "caseload",
    entityId: opts.patientId ?? null,
    patientId: opts.patientId ?? null,
    detail: { scope: opts.scope, shown: items.length, total: total?.n ?? 0 },
  });
  return { items, total: Number(total?.n ?? 0) };
}
