import "server-only";
import type { Db } from "@/db/client";
import type { Actor } from "@/lib/auth/actor";
import { actorAudit, recordAuditEvent } from "@/lib/audit/record-event";
import { hashLinkToken } from "@/lib/auth/tokens";
import { buildReportModel } from "@/lib/pdf/report-model";
import { renderPlanPdf, renderWithheldPdf } from "@/lib/pdf/render-plan-pdf";
import { clinicContactOf } from "@/lib/clinics/clinic-contact";
import { getClinicSettings } from "@/lib/clinics/get-clinic-settings";
import { planGateFor } from "./plan-gate";
import { withheldNotice } from "./withheld-notice";
import { findPlan, findVersion, liveLink } from "./internal";
import { isPatientLinkToken } from "./patient-link-token";
import { planReportInput } from "./report-input";

/**
 * The clinician's PDF of a plan version (default: the published one, else the latest). The link
 * is printed only when the caller hands in the live link's token (right after issuing it): the
 * database keeps only its hash, so it cannot be printed later.
 */
export async function renderPlanPdfFor(
  db: Db,
  actor: Actor,
  v: { patientId: string; planId: string; version?: number; token?: string; origin: string },
) {
  const plan = await findPlan(db, actor, v.patientId, v.planId);
  // The same gate as the patient's link (ADR 0013): a printout handed over never carries a plan
  // the red-flag gate has withdrawn; it carries the patient's notice instead.
  const gate = await planGateFor(db, actor.clinicId, plan);
  if (!gate.open) {
    const settings = await getClinicSettings(db, actor.clinicId);
    const pdf = await renderWithheldPdf(withheldNotice(gate.reason, clinicContactOf(settings)), settings.paperSize === "LETTER" ? "LETTER" : "A4");
    await recordAuditEvent(db, {
      ...actorAudit(actor),
      action: "plan.pdf",
      entityType: "plan",
      entityId: plan.id,
      patientId: plan.patientId,
      detail: { withheld: gate.reason },
    });
    return { pdf, fileName: "contact-your-clinic.pdf" };
  }
  const n = v.version ?? plan.publishedVersion ?? plan.version;
  const version = await findVersion(db, actor.clinicId, plan.id, n);
  let link: string | null = null;
  if (v.token && isPatientLinkToken(v.token)) {
    const live = await liveLink(db, actor.clinicId, plan.id);
    if (live && live.tokenHash === hashLinkToken(v.token) && live.expiresAt > new Date()) link = `${v.origin}/p/${v.token}`;
  }
  const input = await planReportInput(db, actor.clinicId, plan, version, { link });
  const pdf = await renderPlanPdf(buildReportModel(input));
  await recordAuditEvent(db, {
    ...actorAudit(actor),
    action: "plan.pdf",
    entityType: "plan",
    entityId: plan.id,
    patientId: plan.patientId,
    detail: { version: n, withLink: link !== null },
  });
  return { pdf, fileName: `home-program-v${n}.pdf` };
}
