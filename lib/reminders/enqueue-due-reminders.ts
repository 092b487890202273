import "server-only";
import { randomUUID } from "node:crypto";
import { and, desc, eq, gt, gte, inArray, isNotNull, isNull, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { rawRows } from "@/db/raw";
import { checkIns, clinics, outboxMessages, patients, planLinks, plans } from "@/db/schema";
import { recordAuditEvent } from "@/lib/audit/record-event";
import { hashLinkToken } from "@/lib/auth/tokens";
import { addDays } from "@/lib/clinical/checkins/dates";
import { dayIn, timeZoneOf } from "@/lib/time/clock";
import { dueReminder, type ReminderKind } from "./due-reminder";
import { REMINDER_LINK_DAYS, reminderLinkToken } from "./reminder-link";
import { reminderSettingsOf } from "./settings";

/** Advisory lock key: one scheduler tick at a time across every app server. */
const REMINDER_SCHEDULER_LOCK = 7423019;
/** How far back the rules look: the longest silence a clinic can set, and a day. */
const LOOKBACK_DAYS = 31;

export const reminderIdempotencyKey = (v: { channel: "email" | "sms"; patientId: string; kind: ReminderKind; localDay: string }) =>
  `reminder:${v.channel}:${v.patientId}:${v.kind}:${v.localDay}`;

export const reminderMessageId = (outboxId: string) => `<reminder.${outboxId}@loadwise.invalid>`;

export type EnqueueResult = { ran: false } | { ran: true; queued: number };

/**
 * The scheduler tick: for every clinic with reminders on, decides per patient (dueReminder, pure)
 * and writes each due reminder to the outbox in the same transaction as the decision. The
 * idempotency key and the one-a-day index make a second tick, or a second server, a no-op.
 */
export async function enqueueDueReminders(db: Db, now: Date): Promise<EnqueueResult> {
  return db.transaction(async (tx) => {
    const [lock] = await rawRows<{ got: boolean }>(tx, sql`select pg_try_advisory_xact_lock(${REMINDER_SCHEDULER_LOCK}) as got`);
    if (!lock?.got) return { ran: false } as const;
    const enabled = await tx
      .select({ id: clinics.id, settings: clinics.settings })
      .from(clinics)
      .where(sql`(${clinics.settings}->'reminders'->>'enabled') = 'true'`);
    let queued = 0;
    for (const clinic of enabled) {
      const settings = reminderSettingsOf(clinic.settings);
      const timeZone = timeZoneOf(clinic.settings.timeZone);
      const today = dayIn(now, timeZone);
      const since = addDays(today, -LOOKBACK_DAYS);
      const people = await tx
        .select({ id: patients.id, status: patients.status, consent: patients.remindersConsent, email: patients.email })
        .from(patients)
        .where(and(eq(patients.clinicId, clinic.id), eq(patients.remindersConsent, true), eq(patients.status, "active"), isNotNull(patients.email)));
      if (people.length === 0) continue;
      const ids = people.map((p) => p.id);
      const links = await tx
        .select({ id: planLinks.id, patientId: planLinks.patientId, createdAt: planLinks.createdAt })
        .from(planLinks)
        .innerJoin(plans, and(eq(plans.clinicId, planLinks.clinicId), eq(plans.id, planLinks.planId)))
        .where(and(eq(planLinks.clinicId, clinic.id), inArray(planLinks.patientId, ids), isNull(planLinks.revokedAt), gt(planLinks.expiresAt, now), isNotNull(plans.publishedVersion)))
        .orderBy(desc(planLinks.createdAt));
      const sessions = await tx
        .select({ patientId: checkIns.patientId, sessionDate: checkIns.sessionDate, morningAt: checkIns.morningAt })
        .from(checkIns)
        .where(and(eq(checkIns.clinicId, clinic.id), inArray(checkIns.patientId, ids), gte(checkIns.sessionDate, since)));
      const sent = await tx
        .select({ patientId: outboxMessages.patientId, localDay: outboxMessages.localDay, kind: outboxMessages.kind })
        .from(outboxMessages)
        .where(and(eq(outboxMessages.clinicId, clinic.id), inArray(outboxMessages.patientId, ids), gte(outboxMessages.localDay, since)));
      for (const p of people) {
        const link = links.find((l) => l.patientId === p.id) ?? null;
        const decision = dueReminder({
          now,
          timeZone,
          settings,
          patient: { status: p.status, consent: p.consent, hasEmail: !!p.email?.trim(), liveLink: link ? { issuedOn: dayIn(link.createdAt, timeZone) } : null },
          checkIns: sessions.filter((s) => s.patientId === p.id).map((s) => ({ sessionDate: s.sessionDate, morningAnswered: s.morningAt !== null })),
          sent: sent.filter((s) => s.patientId === p.id).map((s) => ({ localDay: s.localDay, kind: s.kind as ReminderKind })),
        });
        if (!decision.due || !link) continue;
        const id = randomUUID();
        const [row] = await tx
          .insert(outboxMessages)
          .values({
            clinicId: clinic.id,
            id,
            patientId: p.id,
            channel: "email",
            kind: decision.kind,
            localDay: decision.localDay,
            idempotencyKey: reminderIdempotencyKey({ channel: "email", patientId: p.id, kind: decision.kind, localDay: decision.localDay }),
            nextAttemptAt: now,
            messageId: reminderMessageId(id),
            planLinkId: link.id,
            linkTokenHash: hashLinkToken(reminderLinkToken(id)),
            linkExpiresAt: new Date(now.getTime() + REMINDER_LINK_DAYS * 86_400_000),
            createdAt: now,
            updatedAt: now,
          })
          .onConflictDoNothing()
          .returning({ id: outboxMessages.id });
        if (!row) continue;
        queued++;
        await recordAuditEvent(tx, {
          clinicId: clinic.id,
          actorUserId: null,
          action: "reminder.queue",
          entityType: "outbox_message",
          entityId: row.id,
          patientId: p.id,
          detail: { kind: decision.kind, channel: "email", localDay: decision.localDay, via: "scheduler" },
        });
      }
    }
    return { ran: true, queued } as const;
  });
}
