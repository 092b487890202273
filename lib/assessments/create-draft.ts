import "server-only";
import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { assessments, type AssessmentDraft } from "@/db/schema";
import { actorAudit, recordAuditEvent } from "@/lib/audit/record-event";
import type { Actor } from "@/lib/auth/actor";
import { systemClock, type Clock } from "@/lib/time/clock";
import { lastFinal, patientFacts } from "./internal";

/**
 * Opens the patient's assessment draft: the open one if there is one (so "New assessment"
 * resumes), otherwise a new draft. After a final assessment it is a reassessment, prefilled
 * from the last one; a first assessment starts with the patient's sport.
 */
export async function createDraft(db: Db, actor: Actor, patientId: string, clock: Clock = systemClock) {
  return db.transaction(async (tx) => {
    const patient = await patientFacts(tx, actor, patientId);
    const open = async () =>
      (
        await tx
          .select()
          .from(assessments)
          .where(and(eq(assessments.clinicId, actor.clinicId), eq(assessments.patientId, patientId), eq(assessments.status, "draft")))
          .limit(1)
      )[0];
    const existing = await open();
    if (existing) return { assessment: existing, resumed: true };

    const previous = await lastFinal(tx, actor.clinicId, patientId);
    const draft: AssessmentDraft = previous
      ? structuredClone(previous.draft)
      : { load: { sport: patient.sport, ...(patient.level ? { level: patient.level } : {}) } };
    // The partial unique index allows one draft per patient: a double submit resumes, not forks.
    const [row] = await tx
      .insert(assessments)
      .values({ clinicId: actor.clinicId, patientId, kind: previous ? "reassessment" : "initial", draft, createdBy: actor.userId, createdAt: clock.now(), updatedAt: clock.now() })
      .onConflictDoNothing()
      .returning();
    if (!row) return { assessment: (await open())!, resumed: true };
    await recordAuditEvent(tx, {
      ...actorAudit(actor),
      action: "assessment.create",
      entityType: "assessment",
      entityId: row.id,
      patientId,
      detail: { kind: row.kind, prefilledFrom: previous?.row.id ?? null },
    });
    return { assessment: row, resumed: false };
  });
}
