import "server-only";
import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { patients, planLinks, plans } from "@/db/schema";
import { hashLinkToken } from "@/lib/auth/tokens";
import { recordAuditEvent } from "@/lib/audit/record-event";
import { findVersion } from "./internal";
import { isPatientLinkToken } from "./patient-link-token";
import { checkInsOpen } from "@/lib/checkins/check-ins-open";
import { clinicContactOf } from "@/lib/clinics/clinic-contact";
import { getClinicSettings } from "@/lib/clinics/get-clinic-settings";
import { planGateFor } from "./plan-gate";
import { planReportInput } from "./report-input";
import { withheldNotice } from "./withheld-notice";
import { currentPlanPosition } from "./set-plan-position";
import { positionText } from "@/lib/checkins/position-text";
import { dayIn, timeZoneOf } from "@/lib/time/clock";

/**
 * The published plan behind a patient's link, or null: a malformed, unknown, revoked or
 * expired token, or a plan with nothing published, all look the same to the caller. There is
 * no session here; the token is the credential, and each view is audited against the clinic
 * that issued it with no acting user.
 */
export async function openPatientLink(
  db: Db,
  token: string,
  meta: { ip: string | null; userAgent: string | null; purpose: "view" | "pdf"; origin: string },
  now = new Date(),
) {
  if (!isPatientLinkToken(token)) return null;
  const [link] = await db.select().from(planLinks).where(eq(planLinks.tokenHash, hashLinkToken(token))).limit(1);
  if (!link || link.revokedAt !== null || link.expiresAt.getTime() <= now.getTime()) return null;
  const [plan] = await db
    .select()
    .from(plans)
    .where(and(eq(plans.clinicId, link.clinicId), eq(plans.id, link.planId)))
    .limit(1);
  if (!plan) return null;
  // A discharged patient keeps the link and the plan; only check-ins close (ADR 0018).
  const [patient, settings] = await Promise.all([
    db.select({ status: patients.status }).from(patients).where(and(eq(patients.clinicId, link.clinicId), eq(patients.id, link.patientId))).limit(1).then((r) => r[0]),
    getClinicSettings(db, link.clinicId),
  ]);
  const contact = clinicContactOf(settings);
  const checkIns = checkInsOpen(patient?.status ?? "active", contact);
  // The red-flag gate first, live (ADR 0013): a closed gate, or a plan withdrawn by an amendment
  // and not published again, shows only "contact the clinic", never the plan.
  const gate = await planGateFor(db, link.clinicId, plan);
  const withheldReason = !gate.open ? gate.reason : plan.publishedVersion === null ? plan.withdrawnReason : null;
  if (withheldReason === "urgent_referral" || withheldReason === "referral_required") {
    await recordAuditEvent(db, {
      clinicId: link.clinicId,
      actorUserId: null,
      action: meta.purpose === "pdf" ? "plan_link.pdf" : "plan_link.view",
      entityType: "plan_link",
      entityId: link.id,
      patientId: link.patientId,
      ip: meta.ip,
      userAgent: meta.userAgent,
      detail: { planId: plan.id, withheld: withheldReason },
    });
    return {
      withheld: withheldNotice(withheldReason, contact),
      checkIns,
      paperSize: settings.paperSize === "LETTER" ? ("LETTER" as const) : ("A4" as const),
      expiresAt: link.expiresAt,
      plan,
    };
  }
  if (plan.publishedVersion === null) return null;
  const version = await findVersion(db, link.clinicId, plan.id, plan.publishedVersion);
  // Where the patient is now opens the page and the PDF (issue 12); "today" in the clinic's zone.
  const pos = await currentPlanPosition(db, link.clinicId, plan.id);
  const posText = pos ? positionText(version.content, pos, dayIn(now, timeZoneOf(settings.timeZone))) : null;
  const report = await planReportInput(db, link.clinicId, plan, version, {
    link: `${meta.origin}/p/${token}`,
    position: pos && posText ? { stageKey: pos.stageKey, ...posText } : null,
    finished: checkIns.open ? null : checkIns.notice,
  });
  await recordAuditEvent(db, {
    clinicId: link.clinicId,
    actorUserId: null,
    action: meta.purpose === "pdf" ? "plan_link.pdf" : "plan_link.view",
    entityType: "plan_link",
    entityId: link.id,
    patientId: link.patientId,
    ip: meta.ip,
    userAgent: meta.userAgent,
    detail: { planId: plan.id, version: version.version },
  });
  return { withheld: null, report, checkIns, expiresAt: link.expiresAt, plan };
}
