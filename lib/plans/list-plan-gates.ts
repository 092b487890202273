import "server-only";
import { and, eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { plans } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { planGateFor, type PlanGate } from "./plan-gate";

/** The patient's plans that the red-flag gate holds back (closed now, or withdrawn and not published again). */
export async function listHeldPlans(db: DbOrTx, actor: Actor, patientId: string) {
  const rows = await db
    .select({ id: plans.id, assessmentId: plans.assessmentId, publishedVersion: plans.publishedVersion, withdrawnAt: plans.withdrawnAt })
    .from(plans)
    .where(and(eq(plans.clinicId, actor.clinicId), eq(plans.patientId, patientId)));
  const out: { planId: string; assessmentId: string; gate: PlanGate; withdrawnAt: Date | null }[] = [];
  for (const r of rows) {
    const gate = await planGateFor(db, actor.clinicId, r);
    if (!gate.open || (r.withdrawnAt && r.publishedVersion === null)) out.push({ planId: r.id, assessmentId: r.assessmentId, gate, withdrawnAt: r.withdrawnAt });
  }
  return out;
}
