import "server-only";
import { and, eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { checkInReviews, patients, planVersions } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { isUuid } from "@/lib/plans/internal";
import { fullName } from "@/lib/patients/format";

/**
 * The confirmation shown after a decision, read back from the stored review (so it survives the
 * redirect and works without JavaScript). Null for an unknown id or another clinic's review.
 */
export async function decidedNotice(db: DbOrTx, actor: Actor, reviewId: string | undefined): Promise<string | null> {
  if (!reviewId || !isUuid(reviewId)) return null;
  const [r] = await db
    .select({ review: checkInReviews, firstName: patients.firstName, lastName: patients.lastName })
    .from(checkInReviews)
    .innerJoin(patients, and(eq(patients.clinicId, checkInReviews.clinicId), eq(patients.id, checkInReviews.patientId)))
    .where(and(eq(checkInReviews.clinicId, actor.clinicId), eq(checkInReviews.id, reviewId)))
    .limit(1);
  if (!r) return null;
  const who = fullName(r);
  const rv = r.review;
  if ((rv.status === "approved" || rv.status === "edited") && rv.publishedVersion !== null) {
    const [v] = await db
      .select({ change: planVersions.change })
      .from(planVersions)
      .where(and(eq(planVersions.clinicId, actor.clinicId), eq(planVersions.planId, rv.planId), eq(planVersions.version, rv.publishedVersion)))
      .limit(1);
    return `${rv.status === "approved" ? "Approved" : "Published with your changes"} for ${who}: version ${rv.publishedVersion} is on their page and PDF. ${v?.change?.summary ?? ""}`.trim();
  }
  if (rv.status === "dismissed") return `Dismissed for ${who}. It comes back only if a new check-in changes the picture.`;
  if (rv.status === "acknowledged") return `Recorded for ${who}: “${rv.decisionReason}”. The report has left the queue.`;
  return null;
}
