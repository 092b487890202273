import "server-only";
import { and, eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { assessmentReferrals, assessments } from "@/db/schema";
import { actorAudit, recordAuditEvent } from "@/lib/audit/record-event";
import type { Actor } from "@/lib/auth/actor";
import { AppError } from "@/lib/errors";
import type { GateFormValues } from "@/lib/validation/assessment";
import { amendmentsOf, conflictMessage, effectiveSnapshot, findAssessment } from "./internal";

/**
 * Records how a refer-tier red flag was handled: a referral (to whom, when) or an override with a
 * reason. On a draft it is stored on the row; on a final assessment whose amendment made the
 * verdict refer, it is appended to `assessment_referrals` (the final row never changes), which
 * lets its plan be published again (ADR 0013).
 */
export async function recordReferral(db: Db, actor: Actor, v: GateFormValues) {
  return db.transaction(async (tx) => {
    const a = await findAssessment(tx, actor, v.patientId, v.assessmentId, { lock: true });
    if (a.status === "final") {
      const amendments = await amendmentsOf(tx, actor.clinicId, a.id);
      if (effectiveSnapshot(a, amendments).evaluation.verdict !== "refer") {
        throw new AppError("conflict", "assessment", "This assessment's current decision is not a referral: there is nothing to record.");
      }
      await tx.insert(assessmentReferrals).values({
        clinicId: actor.clinicId,
        assessmentId: a.id,
        amendmentSeq: amendments.length,
        referralTo: v.gate === "referral" ? v.referralTo! : null,
        referralDate: v.gate === "referral" ? v.referralDate! : null,
        overrideReason: v.gate === "override" ? v.overrideReason! : null,
        createdBy: actor.userId,
      });
      await recordAuditEvent(tx, {
        ...actorAudit(actor),
        action: v.gate === "referral" ? "assessment.referral_recorded" : "assessment.red_flag_override",
        entityType: "assessment",
        entityId: a.id,
        patientId: a.patientId,
        detail: { afterFinalize: true, amendmentSeq: amendments.length },
      });
      return a;
    }
    if (a.version !== v.version) throw new AppError("conflict", "assessment", conflictMessage);
    const set =
      v.gate === "referral"
        ? { referralTo: v.referralTo!, referralDate: v.referralDate!, overrideReason: null }
        : { referralTo: null, referralDate: null, overrideReason: v.overrideReason! };
    const [row] = await tx
      .update(assessments)
      .set({ ...set, version: sql`${assessments.version} + 1`, updatedAt: new Date() })
      .where(and(eq(assessments.clinicId, actor.clinicId), eq(assessments.id, a.id), eq(assessments.version, v.version)))
      .returning();
    if (!row) throw new AppError("conflict", "assessment", conflictMessage);
    await recordAuditEvent(tx, {
      ...actorAudit(actor),
      action: v.gate === "referral" ? "assessment.referral_recorded" : "assessment.red_flag_override",
      entityType: "assessment",
      entityId: row.id,
      patientId: row.patientId,
      detail: { version: row.version },
    });
    return row;
  });
}
