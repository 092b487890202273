import "server-only";
import { and, eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { assessments } from "@/db/schema";
import { actorAudit, recordAuditEvent } from "@/lib/audit/record-event";
import { refreshPatientSummary } from "@/lib/patients/refresh-summary";
import type { Actor } from "@/lib/auth/actor";
import { AppError } from "@/lib/errors";
import { systemClock, type Clock } from "@/lib/time/clock";
import { evaluateDraft } from "./evaluate-draft";
import { clinicEngineSettings, conflictMessage, findAssessment, patientFacts } from "./internal";

/**
 * Freezes a draft: the contract input, its evaluation and the ruleset version are stored once
 * and never change (a trigger rejects any later update). Refused while the red-flag gate is open.
 */
export async function finalizeAssessment(db: Db, actor: Actor, f: { patientId: string; assessmentId: string; version: number }, clock: Clock = systemClock) {
  return db.transaction(async (tx) => {
    const patient = await patientFacts(tx, actor, f.patientId);
    const a = await findAssessment(tx, actor, f.patientId, f.assessmentId, { lock: true });
    if (a.status !== "draft") throw new AppError("conflict", "assessment", "This assessment is already final.");
    if (a.version !== f.version) throw new AppError("conflict", "assessment", conflictMessage);
    const live = evaluateDraft(a, patient, await clinicEngineSettings(tx, actor.clinicId));
    if (!live.ok) throw new AppError("invalid", "assessment", `Not ready to finalize: ${live.problems.map((p) => p.message).join(" ")}`);
    if (live.gate.redFlagScreenMissing.length) {
      // Field-level: each unanswered question by its own field name, so the review can point at it.
      throw new AppError(
        "invalid",
        "assessment",
        `Not ready to finalize: ${live.gate.blockers.join(" ")}`,
        Object.fromEntries(live.gate.redFlagScreenMissing.map((m) => [m.key, ["Not answered: answer yes or no, or mark it not asked with a reason"]])),
      );
    }
    if (!live.gate.canFinalize) throw new AppError("invalid", "assessment", `Not ready to finalize: ${live.gate.blockers.join(" ")}`);
    const now = clock.now();
    const [row] = await tx
      .update(assessments)
      .set({
        status: "final",
        input: live.input,
        evaluation: live.evaluation,
        rulesetVersion: live.evaluation.rulesetVersion,
        finalizedAt: now,
        finalizedBy: actor.userId,
        currentStep: 7,
        version: sql`${assessments.version} + 1`,
        updatedAt: now,
      })
      .where(and(eq(assessments.clinicId, actor.clinicId), eq(assessments.id, a.id), eq(assessments.version, f.version)))
      .returning();
    if (!row) throw new AppError("conflict", "assessment", conflictMessage);
    await recordAuditEvent(tx, {
      ...actorAudit(actor),
      action: "assessment.finalize",
      entityType: "assessment",
      entityId: row.id,
      patientId: row.patientId,
      detail: {
        verdict: live.evaluation.verdict,
        rulesetVersion: live.evaluation.rulesetVersion,
        planAllowed: live.gate.planAllowed,
        referral: Boolean(a.referralTo),
        override: Boolean(a.overrideReason),
        redFlagsNotAsked: live.input.redFlagsNotAsked?.keys.length ?? 0,
      },
    });
    // The caseload summary (verdict, red flag, reassessment due) follows the new decision.
    await refreshPatientSummary(tx, actor.clinicId, row.patientId);
    return row;
  });
}
