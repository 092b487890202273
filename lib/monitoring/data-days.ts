import "server-only";
import { and, eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { checkIns } from "@/db/schema";
import { localDay } from "@/lib/rtm/dates";

/**
 * The patient's data days: every clinic-local calendar day on which they sent a check-in or a
 * next-morning answer through their link, counted once however many it holds. A check-in a
 * clinician typed from the paper log counts on the day it describes only when the clinic's
 * `rtmCountPaperLogs` setting allows it (default off, ADR 0029).
 */
export async function rtmDataDays(db: DbOrTx, clinicId: string, patientId: string, opts: { timeZone: string; countPaperLogs: boolean }): Promise<string[]> {
  const rows = await db
    .select({ linkId: checkIns.linkId, enteredBy: checkIns.enteredBy, sessionDate: checkIns.sessionDate, createdAt: checkIns.createdAt, morningAt: checkIns.morningAt })
    .from(checkIns)
    .where(and(eq(checkIns.clinicId, clinicId), eq(checkIns.patientId, patientId)));
  const days = new Set<string>();
  for (const r of rows) {
    if (r.linkId !== null) {
      days.add(localDay(r.createdAt, opts.timeZone));
      if (r.morningAt) days.add(localDay(r.morningAt, opts.timeZone));
    } else if (opts.countPaperLogs) {
      days.add(r.sessionDate);
    }
  }
  return [...days].sort();
}
