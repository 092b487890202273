import "server-only";
import { and, desc, eq, inArray } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { checkIns, type CheckInReviewRow, type CheckInRow } from "@/db/schema";

/** The check-ins a stored review read, newest first (scoped to the review's clinic and plan). */
export async function checkInRowsForReview(db: DbOrTx, clinicId: string, review: Pick<CheckInReviewRow, "planId" | "checkInIds">): Promise<CheckInRow[]> {
  if (review.checkInIds.length === 0) return [];
  return db
    .select()
    .from(checkIns)
    .where(and(eq(checkIns.clinicId, clinicId), eq(checkIns.planId, review.planId), inArray(checkIns.id, review.checkInIds)))
    .orderBy(desc(checkIns.sessionDate), desc(checkIns.createdAt));
}
