import "server-only";
import { and, desc, eq, isNotNull } from "drizzle-orm";
import type { Db, DbOrTx } from "@/db/client";
import { checkIns, patients, users } from "@/db/schema";
import { actorAudit, recordAuditEvent } from "@/lib/audit/record-event";
import type { Actor } from "@/lib/auth/actor";
import { daysBetween } from "@/lib/clinical";
import { getClinicSettings } from "@/lib/clinics/get-clinic-settings";
import { AppError } from "@/lib/errors";
import { isUuid } from "@/lib/plans/internal";
import { displayToKm, unitOf } from "@/lib/plans/units";
import { currentPublishedPlan } from "@/lib/reviews/current-plan";
import { reviewAfterCheckIn } from "@/lib/reviews/review-after-check-in";
import { clinicToday, systemClock, timeZoneOf, type Clock } from "@/lib/time/clock";
import type { PaperCheckInForm } from "@/lib/validation/paper-check-in";

/** A paper log covers the weeks between visits: entries up to this many days back. */
export const PAPER_WINDOW_DAYS = 60;

const notFound = () => new AppError("not_found", "patient", "Patient not found");

/**
 * Stores one row of a patient's paper session log as a check-in on their current published plan,
 * marked as entered by the clinician (`entered_by`, no link). The same idempotency key twice (a
 * double submit) stores one row. The row and its audit event are one transaction; the review
 * then runs as for the patient's own check-ins.
 */
export async function recordClinicianCheckIn(db: Db, actor: Actor, form: PaperCheckInForm, clock: Clock = systemClock) {
  if (!isUuid(form.patientId)) throw notFound();
  const [patient] = await db
    .select({ id: patients.id, status: patients.status })
    .from(patients)
    .where(and(eq(patients.clinicId, actor.clinicId), eq(patients.id, form.patientId)))
    .limit(1);
  if (!patient) throw notFound();
  if (patient.status === "discharged") throw new AppError("invalid", "checkin", "This patient is discharged, so check-ins are closed. Set them active again to enter a log.");
  const plan = await currentPublishedPlan(db, actor.clinicId, patient.id);
  if (!plan) throw new AppError("invalid", "checkin", "There is no published plan to log sessions against yet.");
  const settings = await getClinicSettings(db, actor.clinicId);
  const today = clinicToday(clock, timeZoneOf(settings.timeZone));

  const fieldErrors: Record<string, string[]> = {};
  let ago: number | undefined;
  try {
    ago = daysBetween(form.sessionDate, today);
  } catch {
    fieldErrors.sessionDate = ["Enter the date of the session."];
  }
  if (ago !== undefined && ago < 0) fieldErrors.sessionDate = ["That date is in the future."];
  else if (ago !== undefined && ago > PAPER_WINDOW_DAYS) fieldErrors.sessionDate = [`Paper logs can be entered for the last ${PAPER_WINDOW_DAYS} days.`];
  const morning = form.comparedWithBefore !== undefined;
  if (morning && ago === 0) fieldErrors.comparedWithBefore = ["A session from today has no next morning yet."];
  const distanceKm = form.distance === undefined ? null : displayToKm(form.distance, unitOf(settings.units));
  if (distanceKm !== null && distanceKm > 300) fieldErrors.distance = ["The distance must be 300 km (186 miles) or less."];
  if (Object.keys(fieldErrors).length) throw new AppError("invalid", "checkin", "Some entries need attention. Each is marked below.", fieldErrors);

  const now = clock.now();
  const result = await db.transaction(async (tx) => {
    const [row] = await tx
      .insert(checkIns)
      .values({
        clinicId: actor.clinicId,
        patientId: patient.id,
        planId: plan.id,
        linkId: null,
        enteredBy: actor.userId,
        idempotencyKey: form.idempotencyKey,
        sessionDate: form.sessionDate,
        activity: form.activity,
        done: form.done,
        minutes: form.minutes ?? null,
        distanceKm,
        painDuringNrs: form.done === "skipped" ? null : (form.painDuringNrs ?? null),
        note: form.note.trim() ? form.note.trim() : null,
        // A paper log does not ask the symptom questions: unknown (null), never "no".
        morningPainNrs: morning ? (form.morningPainNrs ?? null) : null,
        morningComparedWithBefore: morning ? form.comparedWithBefore! : null,
        morningAt: morning ? now : null,
        createdAt: now,
      })
      .onConflictDoNothing({ target: [checkIns.clinicId, checkIns.planId, checkIns.idempotencyKey] })
      .returning({ id: checkIns.id });
    if (!row) return { duplicate: true as const };
    await recordAuditEvent(tx, {
      ...actorAudit(actor),
      action: "checkin.create",
      entityType: "check_in",
      entityId: row.id,
      patientId: patient.id,
      detail: { planId: plan.id, sessionDate: form.sessionDate, via: "clinician_paper", withMorning: morning },
    });
    return { duplicate: false as const, id: row.id };
  });
  if (!result.duplicate) await reviewAfterCheckIn(db, actor.clinicId, plan.id, clock);
  return { ...result, planId: plan.id };
}

/** The rows typed in from paper for this patient, newest first (for the entry page). */
export async function listPaperCheckIns(db: DbOrTx, actor: Actor, patientId: string, limit = 14) {
  if (!isUuid(patientId)) throw notFound();
  return db
    .select({ row: checkIns, by: users.name })
    .from(checkIns)
    .innerJoin(users, and(eq(users.clinicId, checkIns.clinicId), eq(users.id, checkIns.enteredBy)))
    .where(and(eq(checkIns.clinicId, actor.clinicId), eq(checkIns.patientId, patientId), isNotNull(checkIns.enteredBy)))
    .orderBy(desc(checkIns.createdAt))
    .limit(limit);
}
