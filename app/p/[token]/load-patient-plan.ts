import "server-only";
import { headers } from "next/headers";
import { getDb } from "@/db/client";
import { requestMeta } from "@/lib/auth/request-meta";
import { openPatientLink } from "@/lib/plans/open-patient-link";
import { requestOrigin } from "@/lib/plans/request-origin";
import { clockForRequest } from "@/lib/time/request-clock";

/** The token is the credential (openPatientLink); the per-address limit ran in the proxy. */
export async function loadPatientPlan(token: string, purpose: "view" | "pdf", h?: Headers) {
  const hdrs = h ?? (await headers());
  const meta = requestMeta(hdrs);
  // One clock for the request (the e2e test clock when enabled, else the system's): link expiry,
  // "today" for the position, and the check-ins all read it.
  const clock = clockForRequest(hdrs);
  const opened = await openPatientLink(await getDb(), token, { ...meta, purpose, origin: requestOrigin(hdrs) }, clock.now());
  if (!opened) return { kind: "not_found" as const };
  if (opened.withheld) return { kind: "withheld" as const, notice: opened.withheld, paperSize: opened.paperSize, checkIns: opened.checkIns, plan: opened.plan, clock };
  return { kind: "ok" as const, report: opened.report, checkIns: opened.checkIns, expiresAt: opened.expiresAt, plan: opened.plan, clock };
}
