import "server-only";
import { and, eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { plans } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";

/** The plan made from an assessment of the caller's clinic, if any (for "Create" vs "Open"). */
export async function findPlanForAssessment(db: DbOrTx, actor: Actor, assessmentId: string) {
  const [row] = await db
    .select({ id: plans.id, version: plans.version, publishedVersion: plans.publishedVersion })
    .from(plans)
    .where(and(eq(plans.clinicId, actor.clinicId), eq(plans.assessmentId, assessmentId)))
    .limit(1);
  return row ?? null;
}
