import "server-only";
import { and, eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { assessments, patients, plans, type PlanRow } from "@/db/schema";
import { planGateOf, type PlanGateReason } from "@/lib/assessments/gate";
import { amendmentsOf, effectiveSnapshot, referralRecorded } from "@/lib/assessments/internal";
import { actorAudit, recordAuditEvent } from "@/lib/audit/record-event";
import type { Actor } from "@/lib/auth/actor";
import type { Evaluation } from "@/lib/clinical";

// THE red-flag gate for a plan after its assessment was finalized (ADR 0013). Every path that
// puts a plan in front of a patient asks this one function, at the moment it serves: publish,
// the patient's page, the patient's PDF and the clinician's PDF. It reads the assessment's
// effective decision (the latest amendment) live, so no stored flag can be stale or skipped.

export type PlanGate =
  | { open: true; reason: null; verdict: Evaluation["verdict"]; amendmentSeq: number }
  | { open: false; reason: PlanGateReason; verdict: Evaluation["verdict"]; amendmentSeq: number };

export async function planGateFor(db: DbOrTx, clinicId: string, plan: Pick<PlanRow, "assessmentId">): Promise<PlanGate> {
  const [a] = await db
    .select()
    .from(assessments)
    .where(and(eq(assessments.clinicId, clinicId), eq(assessments.id, plan.assessmentId)))
    .limit(1);
  // A plan always has its final assessment (FK); if it ever did not, nothing is served.
  if (!a || a.status !== "final") return { open: false, reason: "urgent_referral", verdict: "urgent_referral", amendmentSeq: 0 };
  const amendments = await amendmentsOf(db, clinicId, a.id);
  const snap = effectiveSnapshot(a, amendments);
  const g = planGateOf(snap.evaluation, await referralRecorded(db, clinicId, a));
  return { ...g, verdict: snap.evaluation.verdict, amendmentSeq: amendments.length } as PlanGate;
}

/** What the clinician is told, on every screen that shows a closed gate. */
export const gateMessage: Record<PlanGateReason, string> = {
  urgent_referral:
    "The assessment was amended to an urgent referral. The plan is withdrawn: the patient's link and PDF now only tell them to contact the clinic now, and the plan cannot be published.",
  referral_required:
    "The amended assessment needs a referral. Record the referral (to whom and when) or an override with a reason on the assessment page before the plan can be published again. Until then the patient's link only asks them to contact the clinic.",
};

/**
 * Inside an amendment's transaction: if the corrected decision closes the gate, the published
 * plan is taken off the patient's link at once (and the caseload stops showing its stage), and
 * the withdrawal or block is audited. Same transaction as the amendment: both or neither.
 */
export async function withdrawPlanIfGateClosed(
  tx: DbOrTx,
  actor: Actor,
  a: { id: string; patientId: string; referralTo: string | null; referralDate: string | null; overrideReason: string | null },
  evaluation: Evaluation,
  amendmentSeq: number,
) {
  const [plan] = await tx
    .select()
    .from(plans)
    .where(and(eq(plans.clinicId, actor.clinicId), eq(plans.assessmentId, a.id)))
    .for("update")
    .limit(1);
  if (!plan) return null;
  const g = planGateOf(evaluation, await referralRecorded(tx, actor.clinicId, a));
  if (g.open) return null;
  const now = new Date();
  if (plan.publishedVersion !== null) {
    await tx
      .update(plans)
      .set({ publishedVersion: null, publishedAt: null, publishedBy: null, withdrawnAt: now, withdrawnReason: g.reason, updatedAt: now })
      .where(and(eq(plans.clinicId, actor.clinicId), eq(plans.id, plan.id)));
    await tx
      .update(patients)
      .set({ currentStage: null })
      .where(and(eq(patients.clinicId, actor.clinicId), eq(patients.id, plan.patientId)));
  }
  await recordAuditEvent(tx, {
    ...actorAudit(actor),
    action: plan.publishedVersion !== null ? "plan.withdraw" : "plan.publish_blocked",
    entityType: "plan",
    entityId: plan.id,
    patientId: plan.patientId,
    detail: { reason: g.reason, by: "amendment", amendmentSeq, withdrawnVersion: plan.publishedVersion, verdict: evaluation.verdict },
  });
  return { planId: plan.id, reason: g.reason, withdrawn: plan.publishedVersion !== null };
}
