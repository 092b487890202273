import "server-only";
import { createHmac } from "node:crypto";
import { and, eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { clinics, outboxMessages, planLinks, type OutboxMessage, type PlanLink } from "@/db/schema";
import { hashLinkToken } from "@/lib/auth/tokens";
import { linkKeyring } from "@/lib/plans/link-token-seal";

// The reminder's link is a credential (ADR 0031): 192 bits derived by HMAC from the server's link
// key and the outbox row's id, so the worker can write the same link into a resend without the
// token ever being stored; the database keeps only its SHA-256. It lives 14 days, is bound to the
// patient link it was issued under, and dies with it: revoked, expired or replaced.

export const REMINDER_LINK_DAYS = 14;
const TOKEN_BYTES = 24;

export function reminderLinkToken(outboxId: string): string {
  return createHmac("sha256", linkKeyring().current.key).update(`reminder_link:v1:${outboxId}`).digest().subarray(0, TOKEN_BYTES).toString("base64url");
}

export const isReminderLinkToken = (t: string) => /^[A-Za-z0-9_-]{32}$/.test(t);
export const reminderCheckInPath = (token: string) => `/p/r/${token}`;
export const reminderStopPath = (token: string) => `/p/r/${token}/stop`;

export type LiveReminderLink = { message: OutboxMessage; planLink: PlanLink; clinicName: string };

/**
 * The reminder and the patient link behind it, or null: a malformed or unknown token, a link past
 * its 14 days, or a patient link revoked, replaced or expired.
 */
export async function liveReminderLink(db: DbOrTx, token: string, now: Date): Promise<LiveReminderLink | null> {
  if (!isReminderLinkToken(token)) return null;
  const [message] = await db.select().from(outboxMessages).where(eq(outboxMessages.linkTokenHash, hashLinkToken(token))).limit(1);
  if (!message || !message.planLinkId || !message.linkExpiresAt || message.linkExpiresAt.getTime() <= now.getTime()) return null;
  const [planLink] = await db
    .select()
    .from(planLinks)
    .where(and(eq(planLinks.clinicId, message.clinicId), eq(planLinks.id, message.planLinkId)))
    .limit(1);
  if (!planLink || planLink.revokedAt !== null || planLink.expiresAt.getTime() <= now.getTime()) return null;
  const [clinic] = await db.select({ name: clinics.name }).from(clinics).where(eq(clinics.id, message.clinicId));
  return { message, planLink, clinicName: clinic?.name ?? "" };
}
