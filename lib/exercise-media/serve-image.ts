import "server-only";

/**
 * The response for one stored image: strong ETag from the content hash, 304 when the browser
 * has it, and a year's private cache (the URL is the hash, so it never changes meaning).
 */
export function imageResponse(req: Request, image: { bytes: Buffer; contentType: string; sha256: string } | null): Response {
  if (!image) {
    return new Response("Not found.", { status: 404, headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store", "x-content-type-options": "nosniff" } });
  }
  const etag = `"${image.sha256}"`;
  const headers = {
    etag,
    "cache-control": "private, max-age=31536000, immutable",
    "x-content-type-options": "nosniff",
    "content-security-policy": "default-src 'none'; frame-ancestors 'none'",
    "cross-origin-resource-policy": "same-origin",
  };
  if (matchesEtag(req.headers.get("if-none-match"), etag)) return new Response(null, { status: 304, headers });
  return new Response(new Uint8Array(image.bytes), {
    status: 200,
    headers: { ...headers, "content-type": image.contentType, "content-length": String(image.bytes.byteLength) },
  });
}

/** If-None-Match: "*" or a list of tags; a weak W/ prefix still matches (RFC 9110 §13.1.2 weak comparison). */
export function matchesEtag(header: string | null, etag: string): boolean {
  if (!header) return false;
  return header.split(",").some((t) => {
    const tag = t.trim();
    return tag === "*" || tag === etag || tag === `W/${etag}`;
  });
}
