import "server-only";
import type { Db } from "@/db/client";
import { systemClock, type Clock } from "@/lib/time/clock";
import { refreshPlanReview } from "./refresh-review";

/**
 * Runs the review once a check-in (or its morning answer) is committed. The check-in is the
 * patient's record and is already safe: a failure here is logged and healed the next time a
 * clinician opens the patient, never shown to the patient as a failed check-in.
 */
export async function reviewAfterCheckIn(db: Db, clinicId: string, planId: string, clock: Clock = systemClock): Promise<void> {
  try {
    await refreshPlanReview(db, clinicId, planId, clock);
  } catch (err) {
    console.error("[review] refresh after check-in failed:", err instanceof Error ? err.name : typeof err);
  }
}
