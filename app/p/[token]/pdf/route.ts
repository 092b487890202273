import { buildReportModel } from "@/lib/pdf/report-model";
import { renderPlanPdf, renderWithheldPdf } from "@/lib/pdf/render-plan-pdf";
import { pdfResponse } from "@/lib/pdf/pdf-response";
import { getDb } from "@/db/client";
import { planPdfPhotos } from "@/lib/plans/plan-pdf-photos";
import { publishedPdf } from "@/lib/plans/published-pdf";
import { loadPatientPlan } from "../load-patient-plan";

// The patient's PDF: the token is checked as on the page (the proxy counted the request against
// the address's limit), rendered in Node.
export const runtime = "nodejs";

const plain = (status: number, body: string) =>
  new Response(body, { status, headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" } });

export async function GET(req: Request, { params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const r = await loadPatientPlan(token, "pdf", req.headers);
  if (r.kind === "not_found") return plain(404, "Not found.");
  // The link was checked and the access audited above; the store only saves the render (ADR 0024).
  const db = await getDb();
  const { clinicId, id: planId } = r.plan;
  // A closed red-flag gate prints only "contact your clinic" (ADR 0013).
  const served =
    r.kind === "withheld"
      ? await publishedPdf(db, clinicId, planId, "withheld", { notice: r.notice, paperSize: r.paperSize }, () => renderWithheldPdf(r.notice, r.paperSize))
      : await (async () => {
          const model = buildReportModel(r.report);
          const { photos, printed } = await planPdfPhotos(db, clinicId, model);
          return publishedPdf(db, clinicId, planId, "plan", { model, photos: printed }, () => renderPlanPdf(model, { photos }));
        })();
  return pdfResponse(req, served.pdf, served.etag, 'attachment; filename="my-training-plan.pdf"', { "referrer-policy": "no-referrer" });
}
