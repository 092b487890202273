import "server-only";
import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { plans, planVersions } from "@/db/schema";
import { planGateOf } from "@/lib/assessments/gate";
import { amendmentsOf, effectiveSnapshot, findAssessment, referralRecorded } from "@/lib/assessments/internal";
import { actorAudit, recordAuditEvent } from "@/lib/audit/record-event";
import type { Actor } from "@/lib/auth/actor";
import { AppError } from "@/lib/errors";
import { systemClock, type Clock } from "@/lib/time/clock";
import { fromEnginePlan } from "./content";

/**
 * Opens the plan of a final assessment, creating it from the engine's plan on first use
 * (version 1 = the engine's plan as it stands). Refused for a draft, an urgent referral, or a
 * refer verdict whose referral or override has not been recorded (the red-flag gate).
 */
export async function createPlan(db: Db, actor: Actor, v: { patientId: string; assessmentId: string }, clock: Clock = systemClock) {
  const now = clock.now();
  return db.transaction(async (tx) => {
    const a = await findAssessment(tx, actor, v.patientId, v.assessmentId);
    if (a.status !== "final") throw new AppError("invalid", "plan", "Finalize the assessment before making its plan.");
    const [existing] = await tx
      .select()
      .from(plans)
      .where(and(eq(plans.clinicId, actor.clinicId), eq(plans.assessmentId, a.id)))
      .limit(1);
    if (existing) return { plan: existing, created: false };

    const snap = effectiveSnapshot(a, await amendmentsOf(tx, actor.clinicId, a.id));
    // A referral recorded after finalize (for an amended refer) counts as well (ADR 0013).
    const gate = planGateOf(snap.evaluation, await referralRecorded(tx, actor.clinicId, a));
    if (!gate.open || !snap.evaluation.plan) {
      throw new AppError(
        "invalid",
        "plan",
        gate.reason === "referral_required" ? "Record the referral or an override before making a plan." : "An urgent referral has no training plan.",
      );
    }
    const [plan] = await tx
      .insert(plans)
      .values({
        clinicId: actor.clinicId,
        patientId: a.patientId,
        assessmentId: a.id,
        verdict: snap.evaluation.verdict,
        rulesetVersion: snap.rulesetVersion,
        enginePlan: snap.evaluation.plan,
        version: 1,
        createdBy: actor.userId,
        createdAt: now,
        updatedAt: now,
      })
      .onConflictDoNothing()
      .returning();
    if (!plan) {
      // Another request created it a moment ago: open that one.
      const [other] = await tx.select().from(plans).where(and(eq(plans.clinicId, actor.clinicId), eq(plans.assessmentId, a.id))).limit(1);
      if (!other) throw new AppError("conflict", "plan", "The plan could not be created. Please try again.");
      return { plan: other, created: false };
    }
    await tx.insert(planVersions).values({
      clinicId: actor.clinicId,
      planId: plan.id,
      version: 1,
      content: fromEnginePlan(snap.evaluation.plan),
      overrides: [],
      createdBy: actor.userId,
      createdAt: now,
    });
    await recordAuditEvent(tx, {
      ...actorAudit(actor),
      action: "plan.create",
      entityType: "plan",
      entityId: plan.id,
      patientId: plan.patientId,
      detail: { assessmentId: a.id, verdict: plan.verdict, rulesetVersion: plan.rulesetVersion },
    });
    return { plan, created: true };
  });
}
