import "server-only";
import { headers } from "next/headers";
import { getDb } from "@/db/client";
import { requestMeta } from "@/lib/auth/request-meta";
import { openPatientLink, patientLinkRateLimit } from "@/lib/plans/open-patient-link";
import { requestOrigin } from "@/lib/plans/request-origin";

/** Rate limit first (by address, in the database), then the token; see openPatientLink. */
export async function loadPatientPlan(token: string, purpose: "view" | "pdf", h?: Headers) {
  const hdrs = h ?? (await headers());
  const meta = requestMeta(hdrs);
  const db = await getDb();
  const rate = await patientLinkRateLimit(db, meta.ip);
  if (!rate.allowed) return { kind: "rate_limited" as const, retryAfterSeconds: rate.retryAfterSeconds };
  const opened = await openPatientLink(db, token, { ...meta, purpose, origin: requestOrigin(hdrs) });
  if (!opened) return { kind: "not_found" as const };
  if (opened.withheld) return { kind: "withheld" as const, notice: opened.withheld, paperSize: opened.paperSize };
  return { kind: "ok" as const, report: opened.report, expiresAt: opened.expiresAt };
}
