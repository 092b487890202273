import "server-only";
import { and, eq, inArray, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { clinics, outboxMessages, patients, planLinks, type OutboxMessage } from "@/db/schema";
import { recordAuditEvent } from "@/lib/audit/record-event";
import { hashLinkToken } from "@/lib/auth/tokens";
import { env } from "@/lib/env";
import { PermanentSendError, type Channels, type OutgoingMessage } from "./channels";
import { reminderEmail } from "./reminder-email";
import { reminderCheckInPath, reminderLinkToken, reminderStopPath } from "./reminder-link";
import { reminderSettingsOf } from "./settings";

// The outbox worker (ADR 0030). A claim leases due rows (FOR UPDATE SKIP LOCKED, so two workers
// never take the same row), the send happens outside any transaction, and the result is written
// only while the lease is still ours (fenced by the attempt number). A worker that dies after its
// claim leaves a row whose lease runs out; the next run claims it again and sends it.

export const LEASE_MS = 2 * 60_000;
export const MAX_ATTEMPTS = 5;
/** 1, 2, 4, 8 minutes after attempts 1 to 4. */
export const backoffMs = (attempts: number) => 60_000 * 2 ** Math.max(0, attempts - 1);

export type WorkerResult = { claimed: number; sent: number; retried: number; failed: number; cancelled: number; lost: number };

/** Leases up to `limit` due rows: queued ones whose time has come, and sending ones whose lease ran out. */
export async function claimOutboxMessages(db: Db, now: Date, limit = 20, leaseMs = LEASE_MS): Promise<OutboxMessage[]> {
  return db.transaction(async (tx) => {
    const due = await tx
      .select({ clinicId: outboxMessages.clinicId, id: outboxMessages.id })
      .from(outboxMessages)
      .where(
        sql`(${outboxMessages.status} = 'queued' and ${outboxMessages.nextAttemptAt} <= ${now.toISOString()}::timestamptz)
          or (${outboxMessages.status} = 'sending' and ${outboxMessages.leaseUntil} <= ${now.toISOString()}::timestamptz)`,
      )
      .orderBy(outboxMessages.nextAttemptAt)
      .limit(limit)
      .for("update", { skipLocked: true });
    if (due.length === 0) return [];
    return tx
      .update(outboxMessages)
      .set({ status: "sending", leaseUntil: new Date(now.getTime() + leaseMs), attempts: sql`${outboxMessages.attempts} + 1`, updatedAt: now })
      .where(inArray(outboxMessages.id, due.map((d) => d.id)))
      .returning();
  });
}

/** The public origin the links point at: APP_URL, else this server on localhost. */
export function linkOrigin(): string {
  const configured = env().APP_URL;
  return configured ? new URL(configured).origin : `http://localhost:${process.env.PORT ?? 3000}`;
}

type Built = { kind: "send"; message: OutgoingMessage } | { kind: "cancel"; reason: string } | { kind: "fail"; reason: string };

/** What to send for a claimed row, read now: consent, status, email and link are checked again at send time. */
async function buildMessage(db: Db, row: OutboxMessage, now: Date, origin: string): Promise<Built> {
  const [patient] = await db
    .select({ email: patients.email, phone: patients.phone, consent: patients.remindersConsent, status: patients.status })
    .from(patients)
    .where(and(eq(patients.clinicId, row.clinicId), eq(patients.id, row.patientId)));
  if (!patient) return { kind: "cancel", reason: "patient not found" };
  if (!patient.consent) return { kind: "cancel", reason: "patient stopped reminders" };
  if (patient.status !== "active") return { kind: "cancel", reason: "patient discharged" };
  if (row.planLinkId) {
    const [link] = await db
      .select({ revokedAt: planLinks.revokedAt, expiresAt: planLinks.expiresAt })
      .from(planLinks)
      .where(and(eq(planLinks.clinicId, row.clinicId), eq(planLinks.id, row.planLinkId)));
    if (!link || link.revokedAt || link.expiresAt.getTime() <= now.getTime()) return { kind: "cancel", reason: "patient link no longer live" };
  }
  const [clinic] = await db.select({ name: clinics.name, settings: clinics.settings }).from(clinics).where(eq(clinics.id, row.clinicId));
  const settings = reminderSettingsOf(clinic?.settings ?? {});
  const fromAddress = settings.senderEmail || env().SMTP_FROM;
  const to = row.channel === "email" ? patient.email?.trim() : patient.phone?.trim();
  if (!to) return { kind: "cancel", reason: row.channel === "email" ? "patient has no email" : "patient has no phone" };
  if (row.channel === "email" && !fromAddress) return { kind: "fail", reason: "no sender address: set one in the reminder settings or SMTP_FROM" };
  const token = reminderLinkToken(row.id);
  // The link key may have rotated since the row was queued: the hash follows the token sent.
  const hash = hashLinkToken(token);
  if (row.linkTokenHash !== null && row.linkTokenHash !== hash) {
    await db.update(outboxMessages).set({ linkTokenHash: hash }).where(and(eq(outboxMessages.clinicId, row.clinicId), eq(outboxMessages.id, row.id)));
  }
  const clinicName = clinic?.name ?? "";
  const body = reminderEmail({ clinicName, checkInUrl: origin + reminderCheckInPath(token), stopUrl: origin + reminderStopPath(token) });
  return {
    kind: "send",
    message: { to, from: { name: settings.senderName || clinicName, address: fromAddress ?? "" }, messageId: row.messageId, ...body },
  };
}

const reasonOf = (err: unknown) => (err instanceof Error ? err.message : String(err)).replace(/\s+/g, " ").slice(0, 300);

/** Writes the outcome only if the row is still leased by this attempt; false when another worker took over. */
async function settle(db: Db, row: OutboxMessage, now: Date, outcome: { status: "sent" } | { status: "cancelled" | "failed"; reason: string } | { status: "queued"; reason: string; at: Date }) {
  return db.transaction(async (tx) => {
    const [done] = await tx
      .update(outboxMessages)
      .set({
        status: outcome.status,
        leaseUntil: null,
        updatedAt: now,
        ...(outcome.status === "sent" ? { sentAt: now, lastError: null } : { lastError: outcome.reason }),
        ...(outcome.status === "queued" ? { nextAttemptAt: outcome.at } : {}),
      })
      .where(and(eq(outboxMessages.clinicId, row.clinicId), eq(outboxMessages.id, row.id), eq(outboxMessages.status, "sending"), eq(outboxMessages.attempts, row.attempts)))
      .returning({ id: outboxMessages.id });
    if (!done) return false;
    if (outcome.status !== "queued") {
      await recordAuditEvent(tx, {
        clinicId: row.clinicId,
        actorUserId: null,
        action: outcome.status === "sent" ? "reminder.sent" : outcome.status === "failed" ? "reminder.failed" : "reminder.cancelled",
        entityType: "outbox_message",
        entityId: row.id,
        patientId: row.patientId,
        detail: { kind: row.kind, channel: row.channel, attempts: row.attempts, ...(outcome.status === "sent" ? {} : { reason: outcome.reason }), via: "worker" },
      });
    }
    return true;
  });
}

/** Claims, sends and settles what is due at `now`. */
export async function runOutboxWorker(db: Db, opts: { now: Date; channels: Channels; origin?: string; limit?: number }): Promise<WorkerResult> {
  const r: WorkerResult = { claimed: 0, sent: 0, retried: 0, failed: 0, cancelled: 0, lost: 0 };
  const origin = opts.origin ?? linkOrigin();
  const rows = await claimOutboxMessages(db, opts.now, opts.limit);
  r.claimed = rows.length;
  for (const row of rows) {
    let outcome: Parameters<typeof settle>[3];
    try {
      if (row.attempts > MAX_ATTEMPTS) throw new PermanentSendError(row.lastError ? `gave up after ${MAX_ATTEMPTS} attempts: ${row.lastError}` : `gave up after ${MAX_ATTEMPTS} attempts`);
      const channel = opts.channels[row.channel as keyof Channels];
      if (channel.unavailable) throw new PermanentSendError(channel.unavailable);
      const built = await buildMessage(db, row, opts.now, origin);
      if (built.kind === "cancel") outcome = { status: "cancelled", reason: built.reason };
      else if (built.kind === "fail") outcome = { status: "failed", reason: built.reason };
      else {
        await channel.send(built.message);
        outcome = { status: "sent" };
      }
    } catch (err) {
      const reason = reasonOf(err);
      outcome =
        err instanceof PermanentSendError || row.attempts >= MAX_ATTEMPTS
          ? { status: "failed", reason }
          : { status: "queued", reason, at: new Date(opts.now.getTime() + backoffMs(row.attempts)) };
    }
    const ok = await settle(db, row, opts.now, outcome);
    if (!ok) r.lost++;
    else if (outcome.status === "sent") r.sent++;
    else if (outcome.status === "queued") r.retried++;
    else if (outcome.status === "failed") r.failed++;
    else r.cancelled++;
  }
  return r;
}

/** Enqueues an SMS reminder directly (the adapter's test and a future provider's entry point). */
export async function enqueueSms(db: Db, v: { clinicId: string; patientId: string; kind: "next_morning" | "silence"; localDay: string; now: Date }) {
  const { randomUUID } = await import("node:crypto");
  const id = randomUUID();
  return db.transaction(async (tx) => {
  const [row] = await tx
    .insert(outboxMessages)
    .values({
      clinicId: v.clinicId,
      id,
      patientId: v.patientId,
      channel: "sms",
      kind: v.kind,
      localDay: v.localDay,
      idempotencyKey: `reminder:sms:${v.patientId}:${v.kind}:${v.localDay}`,
      nextAttemptAt: v.now,
      messageId: `<reminder.${id}@loadwise.invalid>`,
    })
    .onConflictDoNothing()
    .returning();
  if (row) {
    await recordAuditEvent(tx, {
      clinicId: v.clinicId,
      actorUserId: null,
      action: "reminder.queue",
      entityType: "outbox_message",
      entityId: row.id,
      patientId: v.patientId,
      detail: { kind: v.kind, channel: "sms", localDay: v.localDay },
    });
  }
  return row ?? null;
  });
}

