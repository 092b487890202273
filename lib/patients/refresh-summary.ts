import "server-only";
import { addDays, formatISO } from "date-fns";
import { and, desc, eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { assessmentAmendments, assessments, patients } from "@/db/schema";
import type { Evaluation } from "@/lib/clinical";

/**
 * When the next reassessment falls due after an evaluation: urgent referrals at once; a refer
 * within a week; otherwise when the plan's first stage ends (its longest duration), within 1-6
 * weeks. A planning aid for the caseload, not a clinical rule.
 */
export function reassessmentDueDate(finalizedAt: Date, evaluation: Evaluation): string {
  let days: number;
  if (evaluation.verdict === "urgent_referral") days = 0;
  else if (evaluation.verdict === "refer") days = 7;
  else days = 7 * Math.min(6, Math.max(1, evaluation.plan?.stages[0]?.weeks.max ?? 2));
  return formatISO(addDays(finalizedAt, days), { representation: "date" });
}

/**
 * Recomputes a patient's caseload summary from their latest final assessment (and its latest
 * amendment). Call it inside the transaction that finalizes or amends, so the summary and the
 * record never disagree.
 */
export async function refreshPatientSummary(tx: DbOrTx, clinicId: string, patientId: string) {
  const [latest] = await tx
    .select({ id: assessments.id, finalizedAt: assessments.finalizedAt, evaluation: assessments.evaluation })
    .from(assessments)
    .where(and(eq(assessments.clinicId, clinicId), eq(assessments.patientId, patientId), eq(assessments.status, "final")))
    .orderBy(desc(assessments.finalizedAt))
    .limit(1);
  let summary = { lastAssessedAt: null as Date | null, lastVerdict: null as string | null, currentStage: null as string | null, openRedFlag: false, nextReassessmentDue: null as string | null };
  if (latest?.finalizedAt && latest.evaluation) {
    const [amended] = await tx
      .select({ evaluation: assessmentAmendments.evaluation })
      .from(assessmentAmendments)
      .where(and(eq(assessmentAmendments.clinicId, clinicId), eq(assessmentAmendments.assessmentId, latest.id)))
      .orderBy(desc(assessmentAmendments.seq))
      .limit(1);
    const evaluation = amended?.evaluation ?? latest.evaluation;
    summary = {
      lastAssessedAt: latest.finalizedAt,
      lastVerdict: evaluation.verdict,
      currentStage: evaluation.plan?.stages[0]?.title ?? null,
      // A finding that needs medical review (the refer and urgent tiers of the red-flag screen,
      // which include neural signs and worsening week to week). Open until a later assessment
      // no longer finds one.
      openRedFlag: evaluation.reasons.some((r) => r.verdict === "refer" || r.verdict === "urgent_referral"),
      nextReassessmentDue: reassessmentDueDate(latest.finalizedAt, evaluation),
    };
  }
  await tx.update(patients).set(summary).where(and(eq(patients.clinicId, clinicId), eq(patients.id, patientId)));
  return summary;
}
