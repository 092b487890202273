import "server-only";
import type { Db } from "@/db/client";
import { actorAudit, recordAuditEvent } from "@/lib/audit/record-event";
import type { Actor } from "@/lib/auth/actor";
import { psfsFrom, psfsChange, type AssessmentSnapshotInput } from "./build-input";
import { evaluateDraft } from "./evaluate-draft";
import { amendmentsOf, clinicEngineSettings, effectiveSnapshot, findAssessment, lastFinal, patientFacts } from "./internal";

/**
 * One assessment of the caller's clinic, with what the screens need: its amendments, the live
 * evaluation of a draft (or the frozen snapshot of a final one) and the previous final
 * assessment's PSFS for the change. Every read is audited.
 */
export async function getAssessment(db: Db, actor: Actor, patientId: string, assessmentId: string, purpose = "view") {
  const patient = await patientFacts(db, actor, patientId);
  const a = await findAssessment(db, actor, patientId, assessmentId);
  const amendments = a.status === "final" ? await amendmentsOf(db, actor.clinicId, a.id) : [];
  const previous = await lastFinal(db, actor.clinicId, patientId, a.id);
  // Only an earlier assessment counts as "the last one".
  const prior = previous && (a.status === "draft" || (previous.row.finalizedAt ?? 0) < (a.finalizedAt ?? 0)) ? previous : null;
  await recordAuditEvent(db, {
    ...actorAudit(actor),
    action: "assessment.view",
    entityType: "assessment",
    entityId: a.id,
    patientId,
    detail: { purpose, status: a.status },
  });
  const settings = await clinicEngineSettings(db, actor.clinicId);
  const live = a.status === "draft" ? evaluateDraft(a, patient, settings) : null;
  const snapshot = a.status === "final" ? effectiveSnapshot(a, amendments) : null;
  const priorPsfs = (prior?.input as AssessmentSnapshotInput | undefined)?.psfs;
  const priorLefs = (prior?.input as AssessmentSnapshotInput | undefined)?.lefs;
  return { assessment: a, patient, amendments, live, snapshot, prior, priorPsfs, priorLefs, settings, psfsFrom, psfsChange };
}
export type AssessmentView = Awaited<ReturnType<typeof getAssessment>>;
