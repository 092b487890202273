import { authedRoute } from "@/lib/auth/authed-route";
import { requestOrigin } from "@/lib/plans/request-origin";
import { renderPlanPdfFor } from "@/lib/plans/render-plan-report";
import { pdfResponse } from "@/lib/pdf/pdf-response";

// The clinician's PDF, rendered on the server (Node runtime): session and role by authedRoute,
// clinic and patient scope by the service. GET previews a version; POST prints the patient's
// copy: the published version with the live link and its QR code, opened on the server from its
// sealed token (ADR 0021), so the token never travels in a URL or a form.
export const runtime = "nodejs";

type Params = { patientId: string; planId: string };

export const GET = authedRoute<Params>({ roles: ["clinician", "admin"] }, async (req, { actor, db, params }) => {
  const v = Number(new URL(req.url).searchParams.get("version") ?? "");
  const { pdf, etag, fileName } = await renderPlanPdfFor(db, actor, {
    ...params,
    version: Number.isInteger(v) && v > 0 ? v : undefined,
    origin: requestOrigin(req.headers),
  });
  return pdfResponse(req, pdf, etag, `inline; filename="${fileName}"`);
});

export const POST = authedRoute<Params>({ roles: ["clinician", "admin"] }, async (req, { actor, db, params }) => {
  const { pdf, etag, fileName } = await renderPlanPdfFor(db, actor, { ...params, withLink: true, origin: requestOrigin(req.headers) });
  return pdfResponse(req, pdf, etag, `inline; filename="${fileName}"`);
});
