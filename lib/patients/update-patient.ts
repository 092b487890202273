import "server-only";
import { and, eq, sql } from "drizzle-orm";
import type { Db, DbOrTx } from "@/db/client";
import { checkInReviews, patients } from "@/db/schema";
import { actorAudit, recordAuditEvent } from "@/lib/audit/record-event";
import type { Actor } from "@/lib/auth/actor";
import { AppError } from "@/lib/errors";
import { closePendingReview } from "@/lib/reviews/refresh-review";
import type { PatientUpdateValues } from "@/lib/validation/patient";
import { patientColumns } from "./create-patient";

/**
 * Saves an edit only if nobody saved since the clinician opened the form (version check);
 * otherwise a conflict, never a silent overwrite.
 */
export async function updatePatient(db: Db, actor: Actor, values: PatientUpdateValues) {
  return db.transaction(async (tx) => {
    const [before] = await tx
      .select()
      .from(patients)
      .where(and(eq(patients.clinicId, actor.clinicId), eq(patients.id, values.patientId)))
      .for("update");
    if (!before) throw new AppError("not_found", "patient", "Patient not found");
    if (before.version !== values.version) {
      throw new AppError(
        "conflict",
        "patient",
        "Someone else saved this patient while you were editing. Reload to see their changes, then apply yours again.",
      );
    }
    const next = { ...patientColumns(values), status: values.status ?? before.status };
    const changed = (Object.keys(next) as Array<keyof typeof next>).filter((k) => before[k] !== next[k]);
    const [row] = await tx
      .update(patients)
      .set({ ...next, version: sql`${patients.version} + 1`, updatedAt: new Date() })
      .where(and(eq(patients.clinicId, actor.clinicId), eq(patients.id, values.patientId), eq(patients.version, values.version)))
      .returning();
    if (!row) throw new AppError("conflict", "patient", "Someone else saved this patient while you were editing.");
    // Field names only: the trail records what changed, not the clinical content.
    await recordAuditEvent(tx, {
      ...actorAudit(actor),
      action: "patient.update",
      entityType: "patient",
      entityId: row.id,
      patientId: row.id,
      detail: { fields: changed, version: row.version },
    });
    if (before.status !== row.status) await recordStatusChange(tx, actor, row.id, row.status);
    return row;
  });
}

/**
 * Everything that follows a patient's discharge or reactivation, in the same transaction as the
 * status change. The edit form (above) and the admin's bulk discharge both come through here. The
 * patient's link needs nothing: it reads the status live (lib/checkins/check-ins-open.ts, ADR 0018).
 */
export async function recordStatusChange(tx: DbOrTx, actor: Actor, patientId: string, status: "active" | "discharged") {
  await recordAuditEvent(tx, {
    ...actorAudit(actor),
    action: status === "discharged" ? "patient.discharge" : "patient.reactivate",
    entityType: "patient",
    entityId: patientId,
    patientId,
  });
  // Pending suggestions leave the queue with an audited reason; reactivating lets the next review
  // (on a check-in, or when a clinician opens the patient) queue one again (issue 13).
  if (status === "discharged") {
    const pending = await tx
      .selectDistinct({ planId: checkInReviews.planId })
      .from(checkInReviews)
      .where(and(eq(checkInReviews.clinicId, actor.clinicId), eq(checkInReviews.patientId, patientId), eq(checkInReviews.status, "pending")));
    for (const p of pending) await closePendingReview(tx, { clinicId: actor.clinicId, planId: p.planId, reason: "discharged", actorUserId: actor.userId });
    await tx
      .update(patients)
      .set({ reviewSuggestion: null, reviewPriority: null, reviewWaitingSince: null })
      .where(and(eq(patients.clinicId, actor.clinicId), eq(patients.id, patientId)));
  }
}
