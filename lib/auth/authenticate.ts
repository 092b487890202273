import "server-only";
import { and, eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { users, type User } from "@/db/schema";
import { recordAuditEvent } from "@/lib/audit/record-event";
import { verifyPassword } from "./password";
import { createSession, type SessionPolicy } from "./sessions";

export const MAX_FAILED_ATTEMPTS = 5;
export const LOCKOUT_MINUTES = 15;

export type AuthResult =
  | { ok: true; user: User; sessionId: string }
  | { ok: false; reason: "invalid" | "locked" };

/**
 * Checks an email and password. Every path performs exactly one argon2 verification, so an
 * unknown email, a locked account and a wrong password take the same time. Lockout state lives
 * in the users row, shared by every app server.
 */
export async function authenticate(
  db: Db,
  input: { email: string; password: string },
  policy: SessionPolicy,
  meta: { ip: string | null; userAgent: string | null },
  now = new Date(),
): Promise<AuthResult> {
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
    return { ok: false, reason: "invalid" };
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

  let anyLocked = false;
  for (const candidate of candidates) {
    if (isLocked(candidate)) {
      anyLocked = true;
      continue;
    }
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
    anyLocked ||= lockedNow;
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
  return { ok: false, reason: anyLocked ? "locked" : "invalid" };
}
