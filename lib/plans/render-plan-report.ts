import "server-only";
import type { Db } from "@/db/client";
import type { Actor } from "@/lib/auth/actor";
import { actorAudit, recordAuditEvent } from "@/lib/audit/record-event";
import { buildReportModel } from "@/lib/pdf/report-model";
import { renderPlanPdf, renderWithheldPdf } from "@/lib/pdf/render-plan-pdf";
import { clinicContactOf } from "@/lib/clinics/clinic-contact";
import { getClinicSettings } from "@/lib/clinics/get-clinic-settings";
import { planGateFor } from "./plan-gate";
import { withheldNotice } from "./withheld-notice";
import { findPlan, findVersion } from "./internal";
import { planReportInput } from "./report-input";
import { planPdfPhotos } from "./plan-pdf-photos";
import { publishedPdf } from "./published-pdf";
import { revealLiveLink } from "./show-patient-link";
import { strongEtag } from "@/lib/pdf/render-key";

/**
 * The clinician's PDF of a plan version (default: the published one, else the latest). With
 * `withLink`, the patient's copy: the published version with the live link and its QR code on
 * page 1, opened from its sealed token (ADR 0021, audited as `plan_link.show`). A link that
 * cannot be shown (none, expired, issued before links were kept) leaves the PDF without it.
 */
export async function renderPlanPdfFor(
  db: Db,
  actor: Actor,
  v: { patientId: string; planId: string; version?: number; withLink?: boolean; origin: string },
) {
  const plan = await findPlan(db, actor, v.patientId, v.planId);
  // The same gate as the patient's link (ADR 0013): a printout handed over never carries a plan
  // the red-flag gate has withdrawn; it carries the patient's notice instead.
  const gate = await planGateFor(db, actor.clinicId, plan);
  if (!gate.open) {
    const settings = await getClinicSettings(db, actor.clinicId);
    const notice = withheldNotice(gate.reason, clinicContactOf(settings));
    const paperSize = settings.paperSize === "LETTER" ? ("LETTER" as const) : ("A4" as const);
    const { pdf, etag } = await publishedPdf(db, actor.clinicId, plan.id, "withheld", { notice, paperSize }, () => renderWithheldPdf(notice, paperSize));
    await recordAuditEvent(db, {
      ...actorAudit(actor),
      action: "plan.pdf",
      entityType: "plan",
      entityId: plan.id,
      patientId: plan.patientId,
      detail: { withheld: gate.reason },
    });
    return { pdf, etag, fileName: "contact-your-clinic.pdf" };
  }
  // The link shows the published version, so only that version is printed with it.
  const withLink = v.withLink === true && plan.publishedVersion !== null;
  const n = withLink ? plan.publishedVersion! : (v.version ?? plan.publishedVersion ?? plan.version);
  const version = await findVersion(db, actor.clinicId, plan.id, n);
  let link: string | null = null;
  if (withLink) {
    const shown = await revealLiveLink(db, actor, plan, { origin: v.origin, via: "pdf" });
    if (shown.state === "shown") link = shown.url;
  }
  const input = await planReportInput(db, actor.clinicId, plan, version, { link });
  const model = buildReportModel(input);
  // A published version never changes: its PDF is rendered once per printed model (ADR 0024). A
  // draft preview is rendered each time (drafts are many and short-lived).
  const { photos, printed } = await planPdfPhotos(db, actor.clinicId, model);
  const { pdf, etag } = model.draft
    ? await renderPlanPdf(model, { photos }).then((b) => ({ pdf: b, etag: strongEtag(b) }))
    : await publishedPdf(db, actor.clinicId, plan.id, "plan", { model, photos: printed }, () => renderPlanPdf(model, { photos }));
  await recordAuditEvent(db, {
    ...actorAudit(actor),
    action: "plan.pdf",
    entityType: "plan",
    entityId: plan.id,
    patientId: plan.patientId,
    detail: { version: n, withLink: link !== null },
  });
  return { pdf, etag, fileName: `home-program-v${n}.pdf` };
}
