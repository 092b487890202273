import "server-only";
import { and, eq, isNull } from "drizzle-orm";
import type { Db } from "@/db/client";
import { planLinks } from "@/db/schema";
import { actorAudit, recordAuditEvent } from "@/lib/audit/record-event";
import type { Actor } from "@/lib/auth/actor";
import { findPlan } from "./internal";

/** Ends the plan's live link at once; the patient's page and PDF then answer 404. Its sealed token goes with it. */
export async function revokePatientLink(db: Db, actor: Actor, v: { patientId: string; planId: string }) {
  return db.transaction(async (tx) => {
    const plan = await findPlan(tx, actor, v.patientId, v.planId, { lock: true });
    const rows = await tx
      .update(planLinks)
      .set({ revokedAt: new Date(), revokedBy: actor.userId, tokenCiphertext: null, tokenKeyId: null })
      .where(and(eq(planLinks.clinicId, actor.clinicId), eq(planLinks.planId, plan.id), isNull(planLinks.revokedAt)))
      .returning({ id: planLinks.id });
    for (const r of rows) {
      await recordAuditEvent(tx, {
        ...actorAudit(actor),
        action: "plan_link.revoke",
        entityType: "plan_link",
        entityId: r.id,
        patientId: plan.patientId,
        detail: { planId: plan.id },
      });
    }
    return { revoked: rows.length };
  });
}
