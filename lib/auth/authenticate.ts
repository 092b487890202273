import "server-only";
import { and, eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { users, type User } from "@/db/schema";
import { recordAuditEvent } from "@/lib/audit/record-event";
import { hitRateLimit, peekRateLimit } from "@/lib/rate-limit/hit-rate-limit";
import { verifyPassword } from "./password";
import { createSession, type SessionPolicy } from "./sessions";

export const MAX_FAILED_ATTEMPTS = 5;
export const LOCKOUT_MINUTES = 15;
/** Failed sign-ins one address may make per window, whatever accounts they name. */
export const ADDRESS_FAILURE_LIMIT = 20;
export const ADDRESS_WINDOW_SECONDS = 15 * 60;

export type AuthResult =
  | { ok: true; user: User; sessionId: string }
  | { ok: false; reason: "invalid" }
  // Only for the caller who gave the right password: the account holder learns of the lock,
  // a stranger guessing passwords cannot tell a locked account from a wrong password.
  | { ok: false; reason: "locked" }
  | { ok: false; reason: "rate_limited"; retryAfterSeconds: number };

const addressKey = (ip: string | null) => `signin:${ip ?? "unknown"}`;

/**
 * Checks an email and password. An address over its failure limit is refused before any
 * lookup or hash (the limit lives in the database, so it holds across app servers). Past that,
 * every path performs exactly one argon2 verification per candidate account, so an unknown
 * email, a locked account and a wrong password take the same time and get the same answer.
 * Lockout state lives in the users row, shared by every app server.
 */
export async function authenticate(
  db: Db,
  input: { email: string; password: string },
  policy: SessionPolicy,
  meta: { ip: string | null; userAgent: string | null },
  now = new Date(),
): Promise<AuthResult> {
  const limit = { limit: ADDRESS_FAILURE_LIMIT, windowSeconds: ADDRESS_WINDOW_SECONDS, now };
  const byAddress = await peekRateLimit(db, addressKey(meta.ip), limit);
  if (!byAddress.allowed) return { ok: false, reason: "rate_limited", retryAfterSeconds: byAddress.retryAfterSeconds };
  const failed = async (): Promise<AuthResult> => {
    await hitRateLimit(db, addressKey(meta.ip), limit);
    return { ok: false, reason: "invalid" };
  };

  const email = input.email.trim().toLowerCase();
  // An email is unique per clinic; the same address in two clinics is two accounts. The password
  // picks the account; with none matching, every candidate counts a failure.
  const candidates = await db
    .select()
    .from(users)
    .where(and(sql`lower(${users.email}) = ${email}`, eq(users.active, true)))
    .limit(5);

  if (candidates.length === 0) {
    await verifyPassword(null, input.password);
    return failed();
  }

  let matched: User | undefined;
  for (const candidate of candidates) {
    if (!matched && (await verifyPassword(candidate.passwordHash, input.password))) matched = candidate;
  }

  const isLocked = (u: User) => u.lockedUntil !== null && u.lockedUntil > now;

  if (matched && !isLocked(matched)) {
    await db
      .update(users)
      .set({ failedLoginCount: 0, lockedUntil: null })
      .where(and(eq(users.clinicId, matched.clinicId), eq(users.id, matched.id)));
    const sessionId = await createSession(db, matched, policy, meta, now);
    await recordAuditEvent(db, {
      clinicId: matched.clinicId,
      actorUserId: matched.id,
      action: "auth.sign_in",
      entityType: "session",
      entityId: sessionId,
      ip: meta.ip,
      userAgent: meta.userAgent,
    });
    return { ok: true, user: matched, sessionId };
  }

  // The right password for a locked account: tell the holder (they alone know it), count nothing.
  if (matched) return { ok: false, reason: "locked" };

  for (const candidate of candidates) {
    if (isLocked(candidate)) continue;
    // Count atomically in SQL so parallel attempts on two app servers cannot under-count.
    const [updated] = await db
      .update(users)
      .set({
        failedLoginCount: sql`${users.failedLoginCount} + 1`,
        lockedUntil: sql`case when ${users.failedLoginCount} + 1 >= ${MAX_FAILED_ATTEMPTS}
          then ${new Date(now.getTime() + LOCKOUT_MINUTES * 60_000).toISOString()}::timestamptz else null end`,
      })
      .where(and(eq(users.clinicId, candidate.clinicId), eq(users.id, candidate.id)))
      .returning({ count: users.failedLoginCount, lockedUntil: users.lockedUntil });
    const lockedNow = updated?.lockedUntil != null;
    await recordAuditEvent(db, {
      clinicId: candidate.clinicId,
      actorUserId: candidate.id,
      action: lockedNow ? "auth.locked" : "auth.sign_in_failed",
      entityType: "user",
      entityId: candidate.id,
      ip: meta.ip,
      userAgent: meta.userAgent,
      detail: { failedAttempts: updated?.count ?? null },
    });
  }
  return failed();
}
