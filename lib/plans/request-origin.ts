import "server-only";
import { env } from "@/lib/env";

/**
 * The site's origin for printing the patient link: APP_URL when the operator set it (then a
 * forged Host header cannot change what is printed), else the forwarded headers of the nearest
 * proxy. Never used for an access decision.
 */
export function requestOrigin(h: Headers): string {
  const configured = env().APP_URL;
  if (configured) return new URL(configured).origin;
  const host = h.get("x-forwarded-host") ?? h.get("host") ?? "localhost:3000";
  const proto = h.get("x-forwarded-proto")?.split(",")[0]?.trim() ?? (/^(localhost|127\.|\[::1\])/.test(host) ? "http" : "https");
  return `${proto}://${host}`;
}
