import "server-only";

/**
 * The site's origin as the browser sees it, for printing the patient link. Taken from the
 * forwarded headers of the nearest proxy (as the audit's address is); fine for a printed link,
 * never used for an access decision.
 */
export function requestOrigin(h: Headers): string {
  const host = h.get("x-forwarded-host") ?? h.get("host") ?? "localhost:3000";
  const proto = h.get("x-forwarded-proto")?.split(",")[0]?.trim() ?? (/^(localhost|127\.|\[::1\])/.test(host) ? "http" : "https");
  return `${proto}://${host}`;
}
