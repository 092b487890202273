import "server-only";
import { getDb } from "@/db/client";
import { requestMeta } from "@/lib/auth/request-meta";
import { hitRateLimit, type RateLimitResult } from "@/lib/rate-limit/hit-rate-limit";

/** Requests per address and window on everything under /p/ (page, PDF, check-ins together). */
export const PATIENT_LINK_RATE = { limit: 60, windowSeconds: 300 } as const;
/**
 * The exercise photos a plan page shows (/p/<token>/media/...) have a bucket of their own: one
 * page can hold a dozen pictures, which must not use up the page's own limit. Still bounded, so
 * guessing tokens through the image route is as slow as through the page.
 */
export const PATIENT_LINK_MEDIA_RATE = { limit: 600, windowSeconds: 300 } as const;

/**
 * Counts one request to the patient's link pages against the caller's address (the one the app
 * server decided at the socket: a forged X-Forwarded-For does not make a new bucket). Called
 * once per request, by the proxy, so the page itself can answer 429 (ADR 0014).
 */
export async function hitPatientLinkRateLimit(headers: Headers, kind: "page" | "media" = "page"): Promise<RateLimitResult> {
  const { ip } = requestMeta(headers);
  if (kind === "media") return hitRateLimit(await getDb(), `patient-link-media:ip:${ip ?? "unknown"}`, PATIENT_LINK_MEDIA_RATE);
  return hitRateLimit(await getDb(), `patient-link:ip:${ip ?? "unknown"}`, PATIENT_LINK_RATE);
}
