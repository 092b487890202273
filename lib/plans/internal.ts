import "server-only";
import { and, eq, isNull } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { planLinks, plans, planVersions } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { AppError } from "@/lib/errors";

// Queries shared by the plan services. Every one takes the caller's clinic: another clinic's
// plan is "not found", and the caller learns nothing about whether it exists.

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const planNotFound = () => new AppError("not_found", "plan", "Plan not found");

export const planConflictMessage =
  "This plan was saved in another tab or by someone else after you opened it. Nothing was overwritten: reload to see the latest version, then apply your changes again.";

/** Days a new patient link stays valid unless the clinician chooses otherwise. */
export const DEFAULT_LINK_DAYS = 90;

export async function findPlan(db: DbOrTx, actor: Actor, patientId: string, planId: string, opts: { lock?: boolean } = {}) {
  if (!UUID.test(planId) || !UUID.test(patientId)) throw planNotFound();
  const q = db
    .select()
    .from(plans)
    .where(and(eq(plans.clinicId, actor.clinicId), eq(plans.patientId, patientId), eq(plans.id, planId)))
    .limit(1);
  const [row] = opts.lock ? await q.for("update") : await q;
  if (!row) throw planNotFound();
  return row;
}

/** The largest version a plan can have: the column is a PostgreSQL integer. */
export const MAX_PLAN_VERSION = 2_147_483_647;

export async function findVersion(db: DbOrTx, clinicId: string, planId: string, version: number) {
  // A number the column cannot hold (a hand-edited ?version=1e308) names no version: not found,
  // rather than a query PostgreSQL refuses.
  if (!Number.isInteger(version) || version < 1 || version > MAX_PLAN_VERSION) throw planNotFound();
  const [row] = await db
    .select()
    .from(planVersions)
    .where(and(eq(planVersions.clinicId, clinicId), eq(planVersions.planId, planId), eq(planVersions.version, version)))
    .limit(1);
  if (!row) throw planNotFound();
  return row;
}

/** The plan's link that is not revoked (it may have expired), if any. */
export async function liveLink(db: DbOrTx, clinicId: string, planId: string) {
  const [row] = await db
    .select()
    .from(planLinks)
    .where(and(eq(planLinks.clinicId, clinicId), eq(planLinks.planId, planId), isNull(planLinks.revokedAt)))
    .limit(1);
  return row ?? null;
}

export const isUuid = (s: string) => UUID.test(s);
