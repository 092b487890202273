import "server-only";
import { and, eq } from "drizzle-orm";
import type { Db, DbOrTx } from "@/db/client";
import { checkInReviews, rtmTimeEntries, type RtmTimeEntry } from "@/db/schema";
import { actorAudit, recordAuditEvent } from "@/lib/audit/record-event";
import type { Actor } from "@/lib/auth/actor";
import { getClinicSettings } from "@/lib/clinics/get-clinic-settings";
import { AppError } from "@/lib/errors";
import { isUuid } from "@/lib/plans/internal";
import { clinicToday, systemClock, timeZoneOf, type Clock } from "@/lib/time/clock";
import { logRtmTimeSchema, type LogRtmTimeForm } from "@/lib/validation/rtm";
import { listRtmEpisodes, patientInClinic } from "./episodes";

/**
 * Logs minutes on a patient's remote data, or corrects an earlier entry with a new one (entries are
 * never changed: the trigger refuses it). The entry belongs to the episode whose monitored days
 * hold its date. Entry and audit event are one transaction.
 */
export async function logRtmTime(db: Db, actor: Actor, raw: LogRtmTimeForm, clock: Clock = systemClock): Promise<RtmTimeEntry> {
  const parsed = logRtmTimeSchema.safeParse(raw);
  if (!parsed.success) {
    const fieldErrors: Record<string, string[]> = {};
    for (const i of parsed.error.issues) (fieldErrors[i.path.map(String).join(".") || "form"] ??= []).push(i.message);
    throw new AppError("invalid", "rtm_time", "Some entries need attention. Each is marked below.", fieldErrors);
  }
  const form = parsed.data;
  const patient = await patientInClinic(db, actor.clinicId, form.patientId);
  const today = clinicToday(clock, timeZoneOf((await getClinicSettings(db, actor.clinicId)).timeZone));
  if (form.entryDate > today) throw new AppError("invalid", "rtm_time", "Some entries need attention.", { entryDate: ["That day is in the future."] });
  if (form.voided && !form.correctsId) throw new AppError("invalid", "rtm_time", "Only a correction can withdraw an entry.");

  return db.transaction(async (tx) => {
    const episodes = await listRtmEpisodes(tx, actor.clinicId, patient.id);
    const episode = episodes.find((e) => form.entryDate >= e.startedOn && (!e.endedOn || form.entryDate <= e.endedOn));
    if (!episode) throw new AppError("invalid", "rtm_time", "Some entries need attention.", { entryDate: ["No monitoring episode covers that day."] });
    if (form.correctsId !== undefined) {
      if (!isUuid(form.correctsId)) throw new AppError("not_found", "rtm_time", "Time entry not found");
      const [old] = await tx.select().from(rtmTimeEntries).where(and(eq(rtmTimeEntries.clinicId, actor.clinicId), eq(rtmTimeEntries.id, form.correctsId), eq(rtmTimeEntries.patientId, patient.id))).limit(1);
      if (!old) throw new AppError("not_found", "rtm_time", "Time entry not found");
      const [already] = await tx.select({ id: rtmTimeEntries.id }).from(rtmTimeEntries).where(and(eq(rtmTimeEntries.clinicId, actor.clinicId), eq(rtmTimeEntries.correctsId, old.id))).limit(1);
      if (already) throw new AppError("conflict", "rtm_time", "That entry has already been corrected. Correct the latest version instead.");
    }
    // The review the minutes were logged from (the queue's quick form): only this patient's, in this clinic.
    let reviewId: string | null = null;
    if (form.reviewId && isUuid(form.reviewId)) {
      const [r] = await tx.select({ id: checkInReviews.id }).from(checkInReviews).where(and(eq(checkInReviews.clinicId, actor.clinicId), eq(checkInReviews.id, form.reviewId), eq(checkInReviews.patientId, patient.id))).limit(1);
      if (!r) throw new AppError("not_found", "check_in_review", "Review not found");
      reviewId = r.id;
    }
    const [row] = await tx
      .insert(rtmTimeEntries)
      .values({
        clinicId: actor.clinicId,
        episodeId: episode.id,
        patientId: patient.id,
        entryDate: form.entryDate,
        minutes: form.minutes,
        activity: form.activity,
        interactive: form.interactive,
        performedBy: form.performedBy,
        loggedBy: actor.userId,
        correctsId: form.correctsId ?? null,
        voided: form.voided,
        reviewId,
      })
      .returning();
    await recordAuditEvent(tx, {
      ...actorAudit(actor),
      action: form.correctsId ? "rtm.time_correct" : "rtm.time_log",
      entityType: "rtm_time_entry",
      entityId: row!.id,
      patientId: patient.id,
      detail: { minutes: form.minutes, interactive: form.interactive, performedBy: form.performedBy, ...(form.correctsId ? { corrects: form.correctsId, voided: form.voided } : {}) },
    });
    return row!;
  });
}

/**
 * The entries that count: the latest of each correction chain, voided ones left out. `all` is every
 * row of a patient (or episode); corrections replace what they correct.
 */
export function effectiveTimeEntries(all: readonly RtmTimeEntry[]): RtmTimeEntry[] {
  const corrected = new Set(all.map((e) => e.correctsId).filter((id): id is string => id !== null));
  return all.filter((e) => !corrected.has(e.id) && !e.voided);
}

export async function listRtmTimeEntries(db: DbOrTx, clinicId: string, patientId: string): Promise<RtmTimeEntry[]> {
  return db.select().from(rtmTimeEntries).where(and(eq(rtmTimeEntries.clinicId, clinicId), eq(rtmTimeEntries.patientId, patientId))).orderBy(rtmTimeEntries.entryDate, rtmTimeEntries.createdAt);
}


/**
 * Withdraws an entry (or the latest correction of one): a new row copying it, marked voided, so
 * the old one stays as it was written. Its values are read here, never taken from the form.
 */
export async function voidRtmTimeEntry(db: Db, actor: Actor, form: { patientId: string; correctsId: string }, clock: Clock = systemClock): Promise<RtmTimeEntry> {
  const patient = await patientInClinic(db, actor.clinicId, form.patientId);
  if (!isUuid(form.correctsId)) throw new AppError("not_found", "rtm_time", "Time entry not found");
  const [old] = await db.select().from(rtmTimeEntries).where(and(eq(rtmTimeEntries.clinicId, actor.clinicId), eq(rtmTimeEntries.id, form.correctsId), eq(rtmTimeEntries.patientId, patient.id))).limit(1);
  if (!old) throw new AppError("not_found", "rtm_time", "Time entry not found");
  if (old.voided) throw new AppError("conflict", "rtm_time", "That entry is already withdrawn.");
  return logRtmTime(
    db,
    actor,
    { patientId: patient.id, entryDate: old.entryDate, minutes: old.minutes, activity: old.activity, interactive: old.interactive, performedBy: old.performedBy as "pt" | "pta", correctsId: old.id, voided: true },
    clock,
  );
}
