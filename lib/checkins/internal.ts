import "server-only";
import { and, eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { patients, planLinks, plans, type PlanLink, type PlanRow } from "@/db/schema";
import { hashLinkToken } from "@/lib/auth/tokens";
import { isPatientLinkToken } from "@/lib/plans/patient-link-token";
import type { PatientStatus } from "./check-ins-open";

/**
 * The live link and its plan, or null: a malformed, unknown, revoked or expired token, or a plan
 * that was never published (a plan withdrawn by an amendment still takes check-ins: ADR 0013).
 * `now` is the caller's clock, the same one that decides "today".
 */
export async function liveLinkForToken(
  db: DbOrTx,
  token: string,
  now: Date,
): Promise<{ link: PlanLink; plan: PlanRow; patientStatus: PatientStatus } | null> {
  if (!isPatientLinkToken(token)) return null;
  const [link] = await db.select().from(planLinks).where(eq(planLinks.tokenHash, hashLinkToken(token))).limit(1);
  if (!link || link.revokedAt !== null || link.expiresAt.getTime() <= now.getTime()) return null;
  const [plan] = await db
    .select()
    .from(plans)
    .where(and(eq(plans.clinicId, link.clinicId), eq(plans.id, link.planId)))
    .limit(1);
  if (!plan || (plan.publishedVersion === null && plan.withdrawnAt === null)) return null;
  const [patient] = await db
    .select({ status: patients.status })
    .from(patients)
    .where(and(eq(patients.clinicId, link.clinicId), eq(patients.id, link.patientId)))
    .limit(1);
  return { link, plan, patientStatus: patient?.status ?? "active" };
}

export type LinkMeta = { ip: string | null; userAgent: string | null };

export type CheckInResult =
  | { kind: "not_found" }
  /** The patient is discharged: nothing stored; `message` is the finished-program notice (ADR 0018). */
  | { kind: "closed"; message: string }
  | { kind: "invalid"; fieldErrors: Record<string, string[]>; formError?: string }
  | { kind: "ok"; checkInId: string; duplicate: boolean };
