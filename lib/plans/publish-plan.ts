import "server-only";
import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { assessments, patients, plans } from "@/db/schema";
import { actorAudit, recordAuditEvent } from "@/lib/audit/record-event";
import type { Actor } from "@/lib/auth/actor";
import { getClinicSettings } from "@/lib/clinics/get-clinic-settings";
import { AppError } from "@/lib/errors";
import { clinicToday, systemClock, timeZoneOf, type Clock } from "@/lib/time/clock";
import { findPlan, findVersion, liveLink, planConflictMessage } from "./internal";
import { issueLinkIn } from "./issue-patient-link";
import { gateMessage, planGateFor } from "./plan-gate";
import { currentPlanPosition, setPlanPosition } from "./set-plan-position";

/**
 * Publishes the latest saved version (the one the clinician is looking at: a newer save in
 * another tab is a conflict). The patient's link then shows exactly that version, which never
 * changes. The first publish issues the link; later publishes keep the live one.
 */
export async function publishPlan(db: Db, actor: Actor, v: { patientId: string; planId: string; version: number }, clock: Clock = systemClock) {
  const r = await db.transaction(async (tx) => {
    const plan = await findPlan(tx, actor, v.patientId, v.planId, { lock: true });
    if (plan.version !== v.version) throw new AppError("conflict", "plan", planConflictMessage);
    // Publishing leaves the plan's version as it is, so the version check alone lets a second
    // publish of the same version through (two tabs, two clinicians): it would be audited twice
    // and told it published. The page disables the button for a published version; so does this.
    if (plan.publishedVersion === v.version) throw new AppError("conflict", "plan", `Version ${v.version} is already published. Reload to see the patient's link.`);
    // The red-flag gate, read live from the assessment's effective decision (ADR 0013). The block
    // is audited and committed on its own: nothing else is written.
    const gate = await planGateFor(tx, actor.clinicId, plan);
    if (!gate.open) {
      await recordAuditEvent(tx, {
        ...actorAudit(actor),
        action: "plan.publish_blocked",
        entityType: "plan",
        entityId: plan.id,
        patientId: plan.patientId,
        detail: { reason: gate.reason, by: "publish", version: v.version, verdict: gate.verdict, amendmentSeq: gate.amendmentSeq },
      });
      return { blocked: gate.reason } as const;
    }
    const version = await findVersion(tx, actor.clinicId, plan.id, v.version);
    // The publish instant is the clock's, like the stage's start day: a plan published on a
    // given day (a test's or the demo's clock) has its link issued that day too.
    const now = clock.now();
    const [updated] = await tx
      .update(plans)
      .set({ publishedVersion: version.version, publishedAt: now, publishedBy: actor.userId, withdrawnAt: null, withdrawnReason: null, updatedAt: now })
      .where(and(eq(plans.clinicId, actor.clinicId), eq(plans.id, plan.id), eq(plans.version, v.version)))
      .returning();
    if (!updated) throw new AppError("conflict", "plan", planConflictMessage);
    // Where the patient is: the first publish starts them on the first stage today (clinic time);
    // a later publish keeps their stage while it is still in the plan (issue 12).
    let position = await currentPlanPosition(tx, actor.clinicId, plan.id);
    if (!position || !version.content.stages.some((s) => s.key === position!.stageKey)) {
      const settings = await getClinicSettings(tx, actor.clinicId);
      const [a] = await tx
        .select({ input: assessments.input })
        .from(assessments)
        .where(and(eq(assessments.clinicId, actor.clinicId), eq(assessments.id, plan.assessmentId)))
        .limit(1);
      const rest = (a?.input as { symptoms?: { painNowNrs?: number } } | undefined)?.symptoms?.painNowNrs;
      position = await setPlanPosition(tx, actor, {
        planId: plan.id,
        patientId: plan.patientId,
        content: version.content,
        source: "publish",
        stageKey: version.content.stages[0]!.key,
        startedOn: clinicToday(clock, timeZoneOf(settings.timeZone)),
        doseCutPct: 0,
        baselinePainNrs: typeof rest === "number" ? rest : null,
      });
    }
    // The caseload shows the stage the patient is on.
    const stageKey = position.stageKey;
    await tx
      .update(patients)
      .set({ currentStage: version.content.stages.find((s) => s.key === stageKey)?.title ?? null })
      .where(and(eq(patients.clinicId, actor.clinicId), eq(patients.id, plan.patientId)));
    await recordAuditEvent(tx, {
      ...actorAudit(actor),
      action: "plan.publish",
      entityType: "plan",
      entityId: plan.id,
      patientId: plan.patientId,
      detail: { version: version.version, previous: plan.publishedVersion },
    });
    const live = await liveLink(tx, actor.clinicId, plan.id);
    const link = live && live.expiresAt > now ? null : await issueLinkIn(tx, actor, updated, undefined, now);
    return { blocked: null, plan: updated, link };
  });
  if (r.blocked) throw new AppError("invalid", "plan", `Publishing is blocked. ${gateMessage[r.blocked]}`);
  return { plan: r.plan, link: r.link };
}
