import "server-only";
import { env } from "@/lib/env";

/**
 * The site's origin for printing the patient link and its QR code: APP_URL when set (required
 * with DATABASE_URL, so a deployment never prints an origin a caller chose). On the embedded
 * default it is the Host the request was sent to; X-Forwarded-Host is never read, since any
 * caller can write it and a printed link to their host would hand them the patient's token.
 */
export function requestOrigin(h: Headers): string {
  const configured = env().APP_URL;
  if (configured) return new URL(configured).origin;
  const host = h.get("host") ?? "localhost:3000";
  const proto = /^(localhost|127\.|\[::1\])/.test(host) ? "http" : "https";
  return `${proto}://${host}`;
}
