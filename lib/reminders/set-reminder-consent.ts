import "server-only";
import { and, eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { outboxMessages, patients } from "@/db/schema";
import { actorAudit, recordAuditEvent } from "@/lib/audit/record-event";
import type { Actor } from "@/lib/auth/actor";
import type { LinkMeta } from "@/lib/checkins/internal";
import { AppError } from "@/lib/errors";
import type { ReminderConsentValues } from "@/lib/validation/reminders";
import { liveReminderLink } from "./reminder-link";

/** A clinician records the patient's answer (who and when), version-checked and audited. */
export async function setReminderConsent(db: Db, actor: Actor, v: ReminderConsentValues, now = new Date()) {
  return db.transaction(async (tx) => {
    const [before] = await tx
      .select({ id: patients.id, version: patients.version, email: patients.email, consent: patients.remindersConsent })
      .from(patients)
      .where(and(eq(patients.clinicId, actor.clinicId), eq(patients.id, v.patientId)))
      .for("update");
    if (!before) throw new AppError("not_found", "patient", "Patient not found");
    if (before.version !== v.version) {
      throw new AppError("conflict", "patient", "Someone else saved this patient since you opened the page. Reload and record the answer again.");
    }
    const consent = v.consent === "yes";
    if (consent && !before.email?.trim()) {
      throw new AppError("invalid", "patient", "Add the patient's email first: reminders are sent by email.", { consent: ["Add the patient's email first"] });
    }
    const [row] = await tx
      .update(patients)
      .set({ remindersConsent: consent, remindersConsentAt: now, remindersConsentBy: actor.userId, version: sql`${patients.version} + 1`, updatedAt: now })
      .where(and(eq(patients.clinicId, actor.clinicId), eq(patients.id, v.patientId), eq(patients.version, v.version)))
      .returning({ id: patients.id, version: patients.version });
    if (!row) throw new AppError("conflict", "patient", "Someone else saved this patient since you opened the page.");
    await recordAuditEvent(tx, {
      ...actorAudit(actor),
      action: "patient.reminders_consent",
      entityType: "patient",
      entityId: row.id,
      patientId: row.id,
      detail: { from: before.consent, to: consent, via: "clinician", version: row.version },
    });
    return row;
  });
}

export type StopResult = { kind: "not_found" } | { kind: "stopped"; clinicName: string; already: boolean };

/**
 * The patient's stop link (POST only: mail scanners prefetch GETs). Turns reminders off for the
 * patient, marks this reminder's link as used for stopping, and records it with the patient link
 * as the actor (no user). A second click says it is already done.
 */
export async function stopRemindersFromLink(db: Db, token: string, meta: LinkMeta, now = new Date()): Promise<StopResult> {
  return db.transaction(async (tx) => {
    const live = await liveReminderLink(tx, token, now);
    if (!live) return { kind: "not_found" } as const;
    const { message } = live;
    const [before] = await tx
      .select({ consent: patients.remindersConsent })
      .from(patients)
      .where(and(eq(patients.clinicId, message.clinicId), eq(patients.id, message.patientId)))
      .for("update");
    if (!before) return { kind: "not_found" } as const;
    if (before.consent) {
      await tx
        .update(patients)
        .set({ remindersConsent: false, remindersConsentAt: now, remindersConsentBy: null, version: sql`${patients.version} + 1`, updatedAt: now })
        .where(and(eq(patients.clinicId, message.clinicId), eq(patients.id, message.patientId)));
    }
    await tx
      .update(outboxMessages)
      .set({ stoppedAt: message.stoppedAt ?? now, updatedAt: now })
      .where(and(eq(outboxMessages.clinicId, message.clinicId), eq(outboxMessages.id, message.id)));
    await recordAuditEvent(tx, {
      clinicId: message.clinicId,
      actorUserId: null,
      action: "patient.reminders_consent",
      entityType: "patient",
      entityId: message.patientId,
      patientId: message.patientId,
      ip: meta.ip,
      userAgent: meta.userAgent,
      detail: { from: before.consent, to: false, via: "reminder_stop_link", outboxMessageId: message.id, linkId: live.planLink.id },
    });
    return { kind: "stopped", clinicName: live.clinicName, already: !before.consent } as const;
  });
}
