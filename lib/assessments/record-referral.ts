import "server-only";
import { and, eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { assessments } from "@/db/schema";
import { actorAudit, recordAuditEvent } from "@/lib/audit/record-event";
import type { Actor } from "@/lib/auth/actor";
import { AppError } from "@/lib/errors";
import type { GateFormValues } from "@/lib/validation/assessment";
import { conflictMessage, findAssessment } from "./internal";

/** Records how a refer-tier red flag was handled: a referral (to whom, when) or an override with a reason. */
export async function recordReferral(db: Db, actor: Actor, v: GateFormValues) {
  return db.transaction(async (tx) => {
    const a = await findAssessment(tx, actor, v.patientId, v.assessmentId, { lock: true });
    if (a.status !== "draft") throw new AppError("conflict", "assessment", "This assessment is already final.");
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
