import { sql } from "drizzle-orm";
import { check, date, foreignKey, index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { clinics } from "./clinics";
import { patients } from "./patients";

// Messages to patients, written in the same transaction as the decision to send them and drained
// by a worker (ADR 0030). A row is the reminder: its idempotency key (channel, patient, kind,
// clinic-local day) makes a second enqueue a no-op, and its link credential (ADR 0031) is bound to
// the patient link it was issued under. No clinical content is stored here.
export const outboxMessages = pgTable(
  "outbox_messages",
  {
    clinicId: uuid("clinic_id").notNull().references(() => clinics.id),
    id: uuid("id").notNull().defaultRandom(),
    patientId: uuid("patient_id").notNull(),
    channel: text("channel").notNull(),
    kind: text("kind").notNull(),
    /** The clinic-local day the reminder belongs to (the one-a-day rule). */
    localDay: date("local_day", { mode: "string" }).notNull(),
    idempotencyKey: text("idempotency_key").notNull(),
    /** queued → sending (leased) → sent | queued again (retry) | failed | cancelled. */
    status: text("status").notNull().default("queued"),
    /** Claims so far, counting a claim whose worker died: the retry limit counts them all. */
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: timestamp("next_attempt_at", { withTimezone: true }).notNull().defaultNow(),
    leaseUntil: timestamp("lease_until", { withTimezone: true }),
    lastError: text("last_error"),
    /** Stable per row: a resend after a crash mid-send carries the same Message-ID. */
    messageId: text("message_id").notNull(),
    sentAt: timestamp("sent_at", { withTimezone: true }),
    /** The patient link this reminder's link was issued under; revoking it kills the reminder link. */
    planLinkId: uuid("plan_link_id"),
    /** SHA-256 of the reminder link's token (ADR 0031); null for messages that carry no link. */
    linkTokenHash: text("link_token_hash"),
    linkExpiresAt: timestamp("link_expires_at", { withTimezone: true }),
    /** When the patient used this reminder's stop link. */
    stoppedAt: timestamp("stopped_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.clinicId, t.id] }),
    foreignKey({ columns: [t.clinicId, t.patientId], foreignColumns: [patients.clinicId, patients.id] }),
    uniqueIndex("outbox_idempotency_unique").on(t.clinicId, t.idempotencyKey),
    // The one-a-day rule, as the database's last line of defence: one reminder per patient, channel and day.
    uniqueIndex("outbox_one_reminder_a_day").on(t.clinicId, t.patientId, t.channel, t.localDay),
    uniqueIndex("outbox_link_hash_unique").on(t.linkTokenHash),
    uniqueIndex("outbox_message_id_unique").on(t.messageId),
    // The worker's claim: due queued rows, and leased rows whose lease ran out.
    index("outbox_due_idx").on(t.nextAttemptAt).where(sql`${t.status} in ('queued','sending')`),
    index("outbox_clinic_recent_idx").on(t.clinicId, t.createdAt.desc()),
    index("outbox_patient_day_idx").on(t.clinicId, t.patientId, t.localDay),
    check("outbox_channel_known", sql`${t.channel} in ('email','sms')`),
    check("outbox_kind_known", sql`${t.kind} in ('next_morning','silence')`),
    check("outbox_status_known", sql`${t.status} in ('queued','sending','sent','failed','cancelled')`),
    check("outbox_attempts_range", sql`${t.attempts} >= 0`),
    check("outbox_sending_leased", sql`${t.status} <> 'sending' or ${t.leaseUntil} is not null`),
    check("outbox_sent_at", sql`(${t.status} = 'sent') = (${t.sentAt} is not null)`),
    check("outbox_link_hash_shape", sql`${t.linkTokenHash} is null or ${t.linkTokenHash} ~ '^[0-9a-f]{64}$'`),
    check("outbox_link_complete", sql`(${t.linkTokenHash} is null) = (${t.linkExpiresAt} is null) and (${t.linkTokenHash} is null or ${t.planLinkId} is not null)`),
  ],
);

export type OutboxMessage = typeof outboxMessages.$inferSelect;
