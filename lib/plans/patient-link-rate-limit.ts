import "server-only";
import { getDb } from "@/db/client";
import { requestMeta } from "@/lib/auth/request-meta";
import { hitRateLimit, type RateLimitResult } from "@/lib/rate-limit/hit-rate-limit";

/** Requests per address and window on everything under /p/ (page, PDF, check-ins together). */
export const PATIENT_LINK_RATE = { limit: 60, windowSeconds: 300 } as const;

/**
 * Counts one request to the patient's link pages against the caller's address (the one the app
 * server decided at the socket: a forged X-Forwarded-For does not make a new bucket). Called
 * once per request, by the proxy, so the page itself can answer 429 (ADR 0014).
 */
export async function hitPatientLinkRateLimit(headers: Headers): Promise<RateLimitResult> {
  const { ip } = requestMeta(headers);
  return hitRateLimit(await getDb(), `patient-link:ip:${ip ?? "unknown"}`, PATIENT_LINK_RATE);
}
