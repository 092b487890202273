import { ifNoneMatchHits } from "./render-key";

/**
 * A PDF answer with its strong ETag; 304 with no body when If-None-Match names it. Called only
 * after the caller checked access and wrote the audit event, so a 304 is audited like a 200.
 * Still `no-store`: a browser keeps no copy of a patient's plan on a shared device (ADR 0024);
 * a client that kept one itself may revalidate with If-None-Match.
 */
export function pdfResponse(req: Request, pdf: Buffer, etag: string, disposition: string, extra: Record<string, string> = {}): Response {
  const headers = { etag, "cache-control": "private, no-store", ...extra };
  if (ifNoneMatchHits(req.headers.get("if-none-match"), etag)) return new Response(null, { status: 304, headers });
  return new Response(new Uint8Array(pdf), {
    headers: { "content-type": "application/pdf", "content-disposition": disposition, "content-length": String(pdf.byteLength), ...headers },
  });
}
