import { buildReportModel } from "@/lib/pdf/report-model";
import { renderPlanPdf, renderWithheldPdf } from "@/lib/pdf/render-plan-pdf";
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
  // A closed red-flag gate prints only "contact your clinic" (ADR 0013).
  const pdf = r.kind === "withheld" ? await renderWithheldPdf(r.notice, r.paperSize) : await renderPlanPdf(buildReportModel(r.report));
  return new Response(new Uint8Array(pdf), {
    headers: {
      "content-type": "application/pdf",
      "content-disposition": 'attachment; filename="my-training-plan.pdf"',
      "cache-control": "private, no-store",
      "referrer-policy": "no-referrer",
    },
  });
}
