import "server-only";
import { and, eq, isNull } from "drizzle-orm";
import type { Db } from "@/db/client";
import { checkIns } from "@/db/schema";
import { recordAuditEvent } from "@/lib/audit/record-event";
import { daysBetween, NEW_SYMPTOM_KEYS } from "@/lib/clinical";
import { clinicContactOf } from "@/lib/clinics/clinic-contact";
import { getClinicSettings } from "@/lib/clinics/get-clinic-settings";
import { finishedNoticeText } from "@/lib/plans/finished-notice";
import { clinicToday, systemClock, timeZoneOf, type Clock } from "@/lib/time/clock";
import { SYMPTOM_FIELD, type MorningForm } from "@/lib/validation/checkin";
import { reviewAfterCheckIn } from "@/lib/reviews/review-after-check-in";
import { checkInsOpen } from "./check-ins-open";
import { liveLinkForToken, type CheckInResult, type LinkMeta } from "./internal";
import { LOG_WINDOW_DAYS } from "./record-check-in";

/**
 * The 24-hour check for one logged session: how it feels the morning after (contract
 * `nextMorning`). Answered once; the same idempotency key again is the same answer. New symptoms
 * ticked now are added to the session's (a symptom present now is present: never cleared here).
 */
export async function recordNextMorning(db: Db, token: string, form: MorningForm, meta: LinkMeta, clock: Clock = systemClock): Promise<CheckInResult> {
  const now = clock.now();
  const found = await liveLinkForToken(db, token, now);
  if (!found) return { kind: "not_found" };
  const { link, plan } = found;
  const settings = await getClinicSettings(db, link.clinicId);
  const today = clinicToday(clock, timeZoneOf(settings.timeZone));
  const gate = checkInsOpen(found.patientStatus, clinicContactOf(settings));
  if (!gate.open) return { kind: "closed", message: finishedNoticeText(gate.notice) };

  const result: CheckInResult = await db.transaction(async (tx) => {
    const [ci] = await tx
      .select()
      .from(checkIns)
      .where(and(eq(checkIns.clinicId, link.clinicId), eq(checkIns.planId, plan.id), eq(checkIns.id, form.checkInId)))
      .for("update")
      .limit(1);
    if (!ci) return { kind: "invalid", fieldErrors: {}, formError: "That session was not found. Reload the page and try again." } as const;
    if (ci.morningAt !== null) {
      if (ci.morningIdempotencyKey === form.idempotencyKey) return { kind: "ok", checkInId: ci.id, duplicate: true } as const;
      return { kind: "invalid", fieldErrors: {}, formError: "You have already told us about the morning after that session." } as const;
    }
    const ago = daysBetween(ci.sessionDate, today);
    if (ago < 1) return { kind: "invalid", fieldErrors: {}, formError: "Answer this tomorrow morning: it is about how the session feels the day after." } as const;
    if (ago >= LOG_WINDOW_DAYS) return { kind: "invalid", fieldErrors: {}, formError: "That session is more than a week old." } as const;
    const symptoms = Object.fromEntries(NEW_SYMPTOM_KEYS.map((k) => [k, form[SYMPTOM_FIELD[k]] === true ? true : (ci[k] ?? false)]));
    const [updated] = await tx
      .update(checkIns)
      .set({
        morningPainNrs: form.morningPainNrs ?? null,
        morningComparedWithBefore: form.comparedWithBefore,
        morningStiffnessOver30Min: form.stiffnessOver30Min,
        morningIdempotencyKey: form.idempotencyKey,
        morningAt: now,
        ...symptoms,
      })
      .where(and(eq(checkIns.clinicId, link.clinicId), eq(checkIns.id, ci.id), isNull(checkIns.morningAt)))
      .returning({ id: checkIns.id });
    if (!updated) return { kind: "invalid", fieldErrors: {}, formError: "You have already told us about the morning after that session." } as const;
    await recordAuditEvent(tx, {
      clinicId: link.clinicId,
      actorUserId: null,
      action: "checkin.next_morning",
      entityType: "check_in",
      entityId: ci.id,
      patientId: link.patientId,
      ip: meta.ip,
      userAgent: meta.userAgent,
      detail: { planId: plan.id, linkId: link.id, sessionDate: ci.sessionDate, via: "patient_link" },
    });
    return { kind: "ok", checkInId: ci.id, duplicate: false } as const;
  });
  if (result.kind === "ok" && !result.duplicate) await reviewAfterCheckIn(db, link.clinicId, plan.id, clock);
  return result;
}
