import "server-only";
import { and, desc, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { patients, planVersions, users } from "@/db/schema";
import { actorAudit, recordAuditEvent } from "@/lib/audit/record-event";
import type { Actor } from "@/lib/auth/actor";
import { getClinicSettings } from "@/lib/clinics/get-clinic-settings";
import { fullName } from "@/lib/patients/format";
import { findPlan, findVersion, liveLink } from "./internal";
import { planGateFor } from "./plan-gate";
import { linkKept } from "./show-patient-link";
import { unitOf } from "./units";

/** A plan of the caller's clinic as the editor shows it: latest version, history, link state. Audited. */
export async function getPlan(db: Db, actor: Actor, patientId: string, planId: string) {
  const plan = await findPlan(db, actor, patientId, planId);
  const latest = await findVersion(db, actor.clinicId, plan.id, plan.version);
  const history = await db
    .select({ version: planVersions.version, createdAt: planVersions.createdAt, overrides: planVersions.overrides, by: users.name })
    .from(planVersions)
    .innerJoin(users, and(eq(users.clinicId, planVersions.clinicId), eq(users.id, planVersions.createdBy)))
    .where(and(eq(planVersions.clinicId, actor.clinicId), eq(planVersions.planId, plan.id)))
    .orderBy(desc(planVersions.version));
  const link = await liveLink(db, actor.clinicId, plan.id);
  const [patient] = await db
    .select({ firstName: patients.firstName, lastName: patients.lastName })
    .from(patients)
    .where(and(eq(patients.clinicId, actor.clinicId), eq(patients.id, plan.patientId)))
    .limit(1);
  const settings = await getClinicSettings(db, actor.clinicId);
  const gate = await planGateFor(db, actor.clinicId, plan);
  await recordAuditEvent(db, {
    ...actorAudit(actor),
    action: "plan.view",
    entityType: "plan",
    entityId: plan.id,
    patientId: plan.patientId,
    detail: { version: plan.version },
  });
  const now = Date.now();
  return {
    plan,
    gate,
    latest,
    history,
    patientName: patient ? fullName(patient) : "",
    units: unitOf(settings.units),
    paperSize: settings.paperSize === "LETTER" ? ("LETTER" as const) : ("A4" as const),
    // Whether the live link can be shown again is known without opening it (ADR 0021).
    link: link ? { createdAt: link.createdAt, expiresAt: link.expiresAt, expired: link.expiresAt.getTime() <= now, kept: linkKept(link) } : null,
  };
}
export type PlanView = Awaited<ReturnType<typeof getPlan>>;
