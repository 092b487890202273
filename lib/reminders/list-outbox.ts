import "server-only";
import { and, desc, eq, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { outboxMessages, patients } from "@/db/schema";
import { actorAudit, recordAuditEvent } from "@/lib/audit/record-event";
import type { Actor } from "@/lib/auth/actor";

export const OUTBOX_STATUSES = ["queued", "sending", "sent", "failed", "cancelled"] as const;
export type OutboxStatus = (typeof OUTBOX_STATUSES)[number];

/**
 * The clinic's outbox for the admin: what was queued, sent, retried or failed and why. Names the
 * patient (the admin already sees the caseload) and nothing about their health; the read is
 * audited like any list of patients.
 */
export async function listOutbox(db: DbOrTx, actor: Actor, opts: { status?: OutboxStatus; limit?: number } = {}) {
  const where = and(eq(outboxMessages.clinicId, actor.clinicId), opts.status ? eq(outboxMessages.status, opts.status) : undefined);
  const rows = await db
    .select({
      id: outboxMessages.id,
      patientId: outboxMessages.patientId,
      firstName: patients.firstName,
      lastName: patients.lastName,
      channel: outboxMessages.channel,
      kind: outboxMessages.kind,
      localDay: outboxMessages.localDay,
      status: outboxMessages.status,
      attempts: outboxMessages.attempts,
      nextAttemptAt: outboxMessages.nextAttemptAt,
      lastError: outboxMessages.lastError,
      sentAt: outboxMessages.sentAt,
      stoppedAt: outboxMessages.stoppedAt,
      createdAt: outboxMessages.createdAt,
    })
    .from(outboxMessages)
    .innerJoin(patients, and(eq(patients.clinicId, outboxMessages.clinicId), eq(patients.id, outboxMessages.patientId)))
    .where(where)
    .orderBy(desc(outboxMessages.createdAt), desc(outboxMessages.id))
    .limit(opts.limit ?? 200);
  const counts = await db
    .select({ status: outboxMessages.status, n: sql<number>`count(*)::int` })
    .from(outboxMessages)
    .where(eq(outboxMessages.clinicId, actor.clinicId))
    .groupBy(outboxMessages.status);
  await recordAuditEvent(db, {
    ...actorAudit(actor),
    action: "outbox.list",
    entityType: "outbox_message",
    detail: { status: opts.status ?? "all", rows: rows.length },
  });
  return { rows, counts: Object.fromEntries(counts.map((c) => [c.status, Number(c.n)])) as Partial<Record<OutboxStatus, number>> };
}
