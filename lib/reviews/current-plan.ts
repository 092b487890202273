import "server-only";
import { and, desc, eq, isNotNull } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { plans, type PlanRow } from "@/db/schema";

/** The patient's current plan: the one published most recently (null: none is published). */
export async function currentPublishedPlan(db: DbOrTx, clinicId: string, patientId: string): Promise<PlanRow | null> {
  const [row] = await db
    .select()
    .from(plans)
    .where(and(eq(plans.clinicId, clinicId), eq(plans.patientId, patientId), isNotNull(plans.publishedVersion)))
    .orderBy(desc(plans.publishedAt), desc(plans.id))
    .limit(1);
  return row ?? null;
}
