import "server-only";
import { and, eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { assessments } from "@/db/schema";
import { actorAudit, recordAuditEvent } from "@/lib/audit/record-event";
import type { Actor } from "@/lib/auth/actor";
import { AppError } from "@/lib/errors";
import { stepByKey, type FormStepKey } from "@/lib/validation/assessment";
import { toFormStrings } from "./build-input";
import { LEFS_FIELDS } from "./lefs";
import { fitOfDraft, keepFitting } from "./question-fit";
import { conflictMessage, findAssessment } from "./internal";

export type SaveStepInput = {
  patientId: string;
  assessmentId: string;
  version: number;
  step: FormStepKey;
  values: Record<string, unknown>;
  /** The step to resume at next time. */
  nextStep: number;
};

/**
 * Saves one step of a draft, only if nobody saved since the form was opened (version check):
 * otherwise a conflict, never a silent overwrite. Row and audit event commit together.
 */
export async function saveStep(db: Db, actor: Actor, s: SaveStepInput) {
  return db.transaction(async (tx) => {
    const before = await findAssessment(tx, actor, s.patientId, s.assessmentId, { lock: true });
    if (before.status !== "draft") {
      throw new AppError("conflict", "assessment", "This assessment is final and can no longer be edited. Corrections are made as amendments.");
    }
    if (before.version !== s.version) throw new AppError("conflict", "assessment", conflictMessage);
    const merged = { ...before.draft, [s.step]: toFormStrings(s.step, s.values) };
    // Answers to questions that do not fit this region or sport are not kept (issue 14).
    const draft = { ...merged, [s.step]: keepFitting(merged[s.step]!, fitOfDraft(merged), LEFS_FIELDS) };
    const [row] = await tx
      .update(assessments)
      .set({ draft, currentStep: Math.min(Math.max(s.nextStep, 1), 7), version: sql`${assessments.version} + 1`, updatedAt: new Date() })
      .where(
        and(
          eq(assessments.clinicId, actor.clinicId),
          eq(assessments.id, s.assessmentId),
          eq(assessments.version, s.version),
          eq(assessments.status, "draft"),
        ),
      )
      .returning();
    if (!row) throw new AppError("conflict", "assessment", conflictMessage);
    // The step, not its content: the trail is read by admins.
    await recordAuditEvent(tx, {
      ...actorAudit(actor),
      action: "assessment.save_step",
      entityType: "assessment",
      entityId: row.id,
      patientId: row.patientId,
      detail: { step: stepByKey(s.step).n, version: row.version },
    });
    return row;
  });
}
