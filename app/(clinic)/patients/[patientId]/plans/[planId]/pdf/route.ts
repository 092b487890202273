import { authedRoute } from "@/lib/auth/authed-route";
import { requestOrigin } from "@/lib/plans/request-origin";
import { renderPlanPdfFor } from "@/lib/plans/render-plan-report";

// The clinician's PDF, rendered on the server (Node runtime): session and role by authedRoute,
// clinic and patient scope by the service. GET previews a version; POST with the token that was
// just issued prints the patient's copy with the link and QR code.
export const runtime = "nodejs";

type Params = { patientId: string; planId: string };

const pdfResponse = (pdf: Buffer, fileName: string) =>
  new Response(new Uint8Array(pdf), {
    headers: {
      "content-type": "application/pdf",
      "content-disposition": `inline; filename="${fileName}"`,
      "cache-control": "private, no-store",
    },
  });

export const GET = authedRoute<Params>({ roles: ["clinician", "admin"] }, async (req, { actor, db, params }) => {
  const v = Number(new URL(req.url).searchParams.get("version") ?? "");
  const { pdf, fileName } = await renderPlanPdfFor(db, actor, {
    ...params,
    version: Number.isInteger(v) && v > 0 ? v : undefined,
    origin: requestOrigin(req.headers),
  });
  return pdfResponse(pdf, fileName);
});

export const POST = authedRoute<Params>({ roles: ["clinician", "admin"] }, async (req, { actor, db, params }) => {
  const form = await req.formData().catch(() => null);
  const token = form?.get("token");
  const { pdf, fileName } = await renderPlanPdfFor(db, actor, {
    ...params,
    token: typeof token === "string" ? token : undefined,
    origin: requestOrigin(req.headers),
  });
  return pdfResponse(pdf, fileName);
});
