import { createHash } from "node:crypto";

/**
 * Bump when anything about how a PDF is drawn changes (the documents, fonts, react-pdf itself):
 * every stored render then has a different key and is rendered again (ADR 0024).
 */
export const PDF_RENDERER_VERSION = "2026-12-02.2"; // .2: exercise pictures (ADR 0027)

/** JSON with object keys sorted, so the same content always gives the same text. */
function canonical(v: unknown): string {
  if (v === null || typeof v !== "object") return JSON.stringify(v ?? null);
  if (v instanceof Date) return JSON.stringify(v.toISOString());
  if (Array.isArray(v)) return `[${v.map(canonical).join(",")}]`;
  const o = v as Record<string, unknown>;
  return `{${Object.keys(o)
    .filter((k) => o[k] !== undefined)
    .sort()
    .map((k) => `${JSON.stringify(k)}:${canonical(o[k])}`)
    .join(",")}}`;
}

/**
 * The cache key of one PDF: a hash of the renderer's version, the document kind and everything
 * the document prints (the report model, or the withheld notice and paper size). The model is
 * what the renderer reads and nothing else, so two equal keys print the same pages.
 */
export function pdfRenderKey(kind: "plan" | "withheld", printed: unknown, rendererVersion = PDF_RENDERER_VERSION): string {
  return createHash("sha256").update(`${rendererVersion}\n${kind}\n${canonical(printed)}`).digest("hex");
}

/** A strong ETag for the bytes served (RFC 9110 §8.8.3), quoted. */
export function strongEtag(bytes: Uint8Array): string {
  return `"${createHash("sha256").update(bytes).digest("base64url")}"`;
}

/** Whether an If-None-Match header names this ETag (or "*"); weak forms compare weakly, as GET allows. */
export function ifNoneMatchHits(header: string | null, etag: string): boolean {
  if (!header) return false;
  return header
    .split(",")
    .map((t) => t.trim().replace(/^W\//, ""))
    .some((t) => t === "*" || t === etag);
}
