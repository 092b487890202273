import "server-only";
import type { Db } from "@/db/client";
import { assessmentAmendments } from "@/db/schema";
import { actorAudit, recordAuditEvent } from "@/lib/audit/record-event";
import { refreshPatientSummary } from "@/lib/patients/refresh-summary";
import type { Actor } from "@/lib/auth/actor";
import { AppError } from "@/lib/errors";
import { stepByKey, type FormStepKey } from "@/lib/validation/assessment";
import { toFormStrings } from "./build-input";
import { LEFS_FIELDS } from "./lefs";
import { fitOfDraft, keepFitting } from "./question-fit";
import { evaluateDraft } from "./evaluate-draft";
import { withdrawPlanIfGateClosed } from "@/lib/plans/plan-gate";
import { amendmentsOf, clinicEngineSettings, effectiveSnapshot, findAssessment, patientFacts } from "./internal";

export type AmendInput = {
  patientId: string;
  assessmentId: string;
  /** How many amendments the clinician saw when they opened the form (concurrency check). */
  amendmentSeq: number;
  step: FormStepKey;
  values: Record<string, unknown>;
  reason: string;
};

/**
 * Corrects a final assessment without touching it: the corrected step replaces the one in the
 * latest snapshot, the engine re-evaluates, and the result is appended as an amendment with the
 * reason. The original row stays as it was finalized.
 */
export async function amendAssessment(db: Db, actor: Actor, m: AmendInput) {
  return db.transaction(async (tx) => {
    const patient = await patientFacts(tx, actor, m.patientId);
    const a = await findAssessment(tx, actor, m.patientId, m.assessmentId, { lock: true });
    if (a.status !== "final") throw new AppError("conflict", "assessment", "Only a final assessment is amended; a draft is simply edited.");
    const existing = await amendmentsOf(tx, actor.clinicId, a.id);
    if (existing.length !== m.amendmentSeq) {
      throw new AppError("conflict", "assessment", "Someone amended this assessment after you opened it. Nothing was overwritten: reload and apply your correction again.");
    }
    const current = effectiveSnapshot(a, existing);
    const merged = { ...current.draft, [m.step]: toFormStrings(m.step, m.values) };
    const draft = { ...merged, [m.step]: keepFitting(merged[m.step]!, fitOfDraft(merged), LEFS_FIELDS) };
    const live = evaluateDraft({ ...a, draft }, patient, await clinicEngineSettings(tx, actor.clinicId));
    if (!live.ok) throw new AppError("invalid", "assessment", live.problems.map((p) => p.message).join(" "));
    const evaluation = live.evaluation;
    const [row] = await tx
      .insert(assessmentAmendments)
      .values({
        clinicId: actor.clinicId,
        assessmentId: a.id,
        seq: existing.length + 1,
        reason: m.reason,
        step: stepByKey(m.step).n,
        draft,
        input: live.input,
        evaluation,
        rulesetVersion: evaluation.rulesetVersion,
        createdBy: actor.userId,
      })
      .onConflictDoNothing()
      .returning();
    if (!row) throw new AppError("conflict", "assessment", "Someone amended this assessment at the same moment. Reload and apply your correction again.");
    await recordAuditEvent(tx, {
      ...actorAudit(actor),
      action: "assessment.amend",
      entityType: "assessment",
      entityId: a.id,
      patientId: a.patientId,
      detail: { seq: row.seq, step: row.step, verdictBefore: current.evaluation.verdict, verdictAfter: evaluation.verdict },
    });
    // The caseload shows the corrected verdict, in the same transaction as the correction.
    await refreshPatientSummary(tx, actor.clinicId, a.patientId);
    // The red-flag gate holds after finalize too: a correction to urgent (or to an unrecorded
    // refer) takes the published plan off the patient's link in this same transaction (ADR 0013).
    // (After the summary refresh, so the caseload stops showing the withdrawn plan's stage.)
    await withdrawPlanIfGateClosed(tx, actor, a, evaluation, row.seq);
    return row;
  });
}
