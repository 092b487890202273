import "server-only";
import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { checkIns } from "@/db/schema";
import { recordAuditEvent } from "@/lib/audit/record-event";
import { daysBetween, NEW_SYMPTOM_KEYS } from "@/lib/clinical";
import { clinicContactOf } from "@/lib/clinics/clinic-contact";
import { getClinicSettings } from "@/lib/clinics/get-clinic-settings";
import { finishedNoticeText } from "@/lib/plans/finished-notice";
import { displayToKm, unitOf } from "@/lib/plans/units";
import { clinicToday, systemClock, timeZoneOf, type Clock } from "@/lib/time/clock";
import { SYMPTOM_FIELD, type SessionForm } from "@/lib/validation/checkin";
import { reviewAfterCheckIn } from "@/lib/reviews/review-after-check-in";
import { checkInsOpen } from "./check-ins-open";
import { liveLinkForToken, type CheckInResult, type LinkMeta } from "./internal";

/** Sessions may be logged for today and the six days before (the review's 7-day window). */
export const LOG_WINDOW_DAYS = 7;

/**
 * Records one session through the patient's link. The token is the credential (no session); the
 * proxy has already counted the request against the address's limit. The same idempotency key
 * twice (a double tap, a resubmitted form) stores one row and answers as the first did. Written
 * with its audit event in one transaction: both or neither.
 */
export async function recordCheckIn(db: Db, token: string, form: SessionForm, meta: LinkMeta, clock: Clock = systemClock): Promise<CheckInResult> {
  const now = clock.now();
  const found = await liveLinkForToken(db, token, now);
  if (!found) return { kind: "not_found" };
  const { link, plan } = found;
  const settings = await getClinicSettings(db, link.clinicId);
  const today = clinicToday(clock, timeZoneOf(settings.timeZone));
  const gate = checkInsOpen(found.patientStatus, clinicContactOf(settings));
  if (!gate.open) return { kind: "closed", message: finishedNoticeText(gate.notice) };

  const fieldErrors: Record<string, string[]> = {};
  let ago: number | undefined;
  try {
    ago = daysBetween(form.sessionDate, today);
  } catch {
    fieldErrors.sessionDate = ["Choose the day of the session."];
  }
  if (ago !== undefined && ago < 0) fieldErrors.sessionDate = ["That day has not happened yet: choose today or an earlier day."];
  else if (ago !== undefined && ago >= LOG_WINDOW_DAYS) fieldErrors.sessionDate = ["Sessions can be logged for the last 7 days only. Tell your clinician about older ones at your next visit."];
  const distanceKm = form.distance === undefined ? null : displayToKm(form.distance, unitOf(settings.units));
  if (distanceKm !== null && distanceKm > 300) fieldErrors.distance = ["The distance must be 300 km (186 miles) or less."];
  if (Object.keys(fieldErrors).length > 0) return { kind: "invalid", fieldErrors };

  const symptoms = Object.fromEntries(NEW_SYMPTOM_KEYS.map((k) => [k, form[SYMPTOM_FIELD[k]] === true])) as Record<(typeof NEW_SYMPTOM_KEYS)[number], boolean>;
  const skipped = form.done === "skipped";
  const result: CheckInResult = await db.transaction(async (tx) => {
    const [row] = await tx
      .insert(checkIns)
      .values({
        clinicId: link.clinicId,
        patientId: link.patientId,
        planId: plan.id,
        linkId: link.id,
        idempotencyKey: form.idempotencyKey,
        sessionDate: form.sessionDate,
        activity: form.activity,
        done: form.done,
        minutes: form.minutes ?? null,
        distanceKm,
        effortRpe: form.effortRpe ?? null,
        painDuringNrs: form.painDuringNrs ?? null,
        // A skipped session had no pain or movement to report: unknown, not "no".
        sharpPain: skipped ? null : form.sharpPain,
        alteredMovement: skipped ? null : form.alteredMovement,
        ...symptoms,
        note: form.note.trim() ? form.note.trim() : null,
        createdAt: now,
      })
      .onConflictDoNothing({ target: [checkIns.clinicId, checkIns.planId, checkIns.idempotencyKey] })
      .returning({ id: checkIns.id });
    if (!row) {
      const [first] = await tx
        .select({ id: checkIns.id })
        .from(checkIns)
        .where(and(eq(checkIns.clinicId, link.clinicId), eq(checkIns.planId, plan.id), eq(checkIns.idempotencyKey, form.idempotencyKey)))
        .limit(1);
      return { kind: "ok", checkInId: first!.id, duplicate: true } as const;
    }
    await recordAuditEvent(tx, {
      clinicId: link.clinicId,
      actorUserId: null,
      action: "checkin.create",
      entityType: "check_in",
      entityId: row.id,
      patientId: link.patientId,
      ip: meta.ip,
      userAgent: meta.userAgent,
      detail: { planId: plan.id, linkId: link.id, sessionDate: form.sessionDate, via: "patient_link" },
    });
    return { kind: "ok", checkInId: row.id, duplicate: false } as const;
  });
  if (result.kind === "ok" && !result.duplicate) await reviewAfterCheckIn(db, link.clinicId, plan.id, clock);
  return result;
}
