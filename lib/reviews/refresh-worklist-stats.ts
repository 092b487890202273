import "server-only";
import { and, eq, isNull, lt, or, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { patients } from "@/db/schema";
import { clinicToday, timeZoneOf, type Clock } from "@/lib/time/clock";
import { getClinicSettings } from "@/lib/clinics/get-clinic-settings";
import { currentPublishedPlan } from "./current-plan";
import { loadReviewContext } from "./review-context";
import { worklistStats } from "./worklist-stats";

/** How many patients one housekeeping run brings up to date (it runs every 10 minutes). */
export const STATS_BATCH = 300;

/**
 * "Flares in the last 7 days" and "data days in the last 30" move with the calendar even when
 * nothing is logged. Housekeeping recounts them for patients whose counts are from an earlier
 * day and not already zero. It changes only those counts: reviews are computed on a check-in or
 * when a clinician opens the patient (issue 13), never on a timer.
 */
export async function refreshStaleWorklistStats(tx: DbOrTx, clock: Clock, opts: { limit?: number; clinicId?: string } = {}): Promise<number> {
  const limit = opts.limit ?? STATS_BATCH;
  // Every clinic's today is within a day of UTC's: anything counted before yesterday (UTC) is stale
  // everywhere; each row is then recounted against its own clinic's today.
  const yesterday = new Date(clock.now().getTime() - 86_400_000).toISOString().slice(0, 10);
  const stale = await tx
    .select({ clinicId: patients.clinicId, id: patients.id })
    .from(patients)
    .where(
      and(
        or(sql`${patients.dataDaysLast30} > 0`, sql`${patients.flaresLast7Days} > 0`),
        or(isNull(patients.checkInStatsOn), lt(patients.checkInStatsOn, yesterday)),
        opts.clinicId ? eq(patients.clinicId, opts.clinicId) : undefined,
      ),
    )
    .limit(limit);
  for (const p of stale) {
    const settings = await getClinicSettings(tx, p.clinicId);
    const today = clinicToday(clock, timeZoneOf(settings.timeZone));
    const plan = await currentPublishedPlan(tx, p.clinicId, p.id);
    let counts: { flaresLast7Days: number; dataDaysLast30: number } | null;
    try {
      counts = plan
        ? await loadReviewContext(tx, plan, clock).then((ctx) => worklistStats({ today: ctx.today, sessionDates: ctx.rows.map((r) => r.sessionDate), input: ctx.input, engine: ctx.engine }))
        : { flaresLast7Days: 0, dataDaysLast30: 0 };
    } catch (err) {
      // One plan that cannot be read (its published version missing) must not stop the batch:
      // logged, and dated today so it does not take a place in every run; the counts stay.
      console.error("[housekeeping] worklist counts skipped for one patient:", err instanceof Error ? err.name : typeof err);
      counts = null;
    }
    await tx
      .update(patients)
      .set({ ...(counts ? { flaresLast7Days: counts.flaresLast7Days, dataDaysLast30: counts.dataDaysLast30 } : {}), checkInStatsOn: today })
      .where(and(eq(patients.clinicId, p.clinicId), eq(patients.id, p.id)));
  }
  return stale.length;
}
