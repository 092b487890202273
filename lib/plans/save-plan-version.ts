import "server-only";
import { and, eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { plans, planVersions } from "@/db/schema";
import type { Verdict } from "@/lib/clinical";
import { actorAudit, recordAuditEvent } from "@/lib/audit/record-event";
import type { Actor } from "@/lib/auth/actor";
import { getClinicSettings } from "@/lib/clinics/get-clinic-settings";
import { AppError } from "@/lib/errors";
import { planContentSchema, type PlanEditForm } from "@/lib/validation/plan";
import { applyEdits, planOverrides } from "./content";
import { findPlan, findVersion, planConflictMessage } from "./internal";
import { MIN_REASON_LENGTH } from "./limits";
import { unitOf } from "./units";

/**
 * Saves the editor's changes as the next version. The form names the version it was opened
 * at; a save from an older version is a conflict and nothing is written. A stage that asks
 * more than the engine allowed for this verdict needs a reason, stored with the version.
 */
export async function savePlanVersion(db: Db, actor: Actor, form: PlanEditForm) {
  return db.transaction(async (tx) => {
    const plan = await findPlan(tx, actor, form.patientId, form.planId, { lock: true });
    if (plan.version !== form.version) throw new AppError("conflict", "plan", planConflictMessage);
    const prev = await findVersion(tx, actor.clinicId, plan.id, plan.version);
    if (form.stages.length !== prev.content.stages.length) throw new AppError("invalid", "plan", "The plan's stages changed; reload and try again.");
    const settings = await getClinicSettings(tx, actor.clinicId);
    const content = planContentSchema.parse(applyEdits(prev.content, form, unitOf(settings.units)));
    const overrides = planOverrides(plan.enginePlan, content, plan.verdict as Verdict, form.stages.map((s) => s.reason));
    const missing = overrides.filter((o) => o.reason.length < MIN_REASON_LENGTH);
    if (missing.length) {
      const fieldErrors: Record<string, string[]> = {};
      for (const o of missing) fieldErrors[`stages.${o.stage}.reason`] = [`Give a reason: ${o.crossings.join(" ")}`];
      throw new AppError("invalid", "plan", "Some changes go beyond the engine's safety limits and need a reason. Each is marked below.", fieldErrors);
    }
    const next = plan.version + 1;
    const [updated] = await tx
      .update(plans)
      .set({ version: sql`${plans.version} + 1`, updatedAt: new Date() })
      .where(and(eq(plans.clinicId, actor.clinicId), eq(plans.id, plan.id), eq(plans.version, form.version)))
      .returning();
    if (!updated) throw new AppError("conflict", "plan", planConflictMessage);
    await tx.insert(planVersions).values({ clinicId: actor.clinicId, planId: plan.id, version: next, content, overrides, createdBy: actor.userId });
    await recordAuditEvent(tx, {
      ...actorAudit(actor),
      action: "plan.save",
      entityType: "plan",
      entityId: plan.id,
      patientId: plan.patientId,
      // Which limits were crossed (by stage), never the clinical text itself.
      detail: { version: next, overrides: overrides.map((o) => ({ stage: o.stage + 1, limits: o.crossings.length })) },
    });
    return { plan: updated, version: next, overrides };
  });
}
