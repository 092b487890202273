import "server-only";
import { and, eq, isNull } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { clinics, sessions, users, type User } from "@/db/schema";

export type SessionPolicy = { idleMinutes: number; maxHours: number };

// Writing last_seen_at on every request would turn each page view into a write; a short grace
// keeps the idle clock accurate to well under a minute.
const TOUCH_GRACE_MS = 30_000;

export async function createSession(
  db: DbOrTx,
  user: Pick<User, "clinicId" | "id">,
  policy: SessionPolicy,
  meta: { ip: string | null; userAgent: string | null },
  now = new Date(),
) {
  const [row] = await db
    .insert(sessions)
    .values({
      clinicId: user.clinicId,
      userId: user.id,
      createdAt: now,
      lastSeenAt: now,
      expiresAt: new Date(now.getTime() + policy.maxHours * 3_600_000),
      ip: meta.ip,
      userAgent: meta.userAgent?.slice(0, 300) ?? null,
    })
    .returning({ id: sessions.id });
  return row!.id;
}

export type LiveSession = { sessionId: string; user: User };

/**
 * The only judge of whether a signed-in request is still allowed: the session row must exist, be
 * unrevoked, within its absolute lifetime and idle window, and its user active. The user row is
 * re-read every time, so a role change or deactivation applies on the next request.
 */
export async function validateSession(
  db: DbOrTx,
  ref: { clinicId: string; sessionId: string },
  policy: SessionPolicy,
  now = new Date(),
): Promise<LiveSession | null> {
  const [row] = await db
    .select({ session: sessions, user: users, clinicSettings: clinics.settings })
    .from(sessions)
    .innerJoin(users, and(eq(users.clinicId, sessions.clinicId), eq(users.id, sessions.userId)))
    .innerJoin(clinics, eq(clinics.id, sessions.clinicId))
    .where(and(eq(sessions.clinicId, ref.clinicId), eq(sessions.id, ref.sessionId)))
    .limit(1);
  if (!row) return null;
  const { session, user } = row;
  // A clinic's own idle timeout (admin settings) overrides the server default.
  const idleMinutes = row.clinicSettings.idleTimeoutMinutes ?? policy.idleMinutes;
  const idleLimit = session.lastSeenAt.getTime() + idleMinutes * 60_000;
  const expired = session.expiresAt <= now || idleLimit <= now.getTime();
  if (session.revokedAt || !user.active || expired) {
    if (!session.revokedAt) await revokeSession(db, ref, now);
    return null;
  }
  if (now.getTime() - session.lastSeenAt.getTime() > TOUCH_GRACE_MS) {
    await db
      .update(sessions)
      .set({ lastSeenAt: now })
      .where(and(eq(sessions.clinicId, ref.clinicId), eq(sessions.id, ref.sessionId)));
  }
  return { sessionId: session.id, user };
}

/** Ends one session; true when this call ended it (false: unknown or already ended). */
export async function revokeSession(db: DbOrTx, ref: { clinicId: string; sessionId: string }, now = new Date()): Promise<boolean> {
  const ended = await db
    .update(sessions)
    .set({ revokedAt: now })
    .where(and(eq(sessions.clinicId, ref.clinicId), eq(sessions.id, ref.sessionId), isNull(sessions.revokedAt)))
    .returning({ id: sessions.id });
  return ended.length > 0;
}

/** Ends every open session of a user (deactivation, password reset, an admin's "end sessions"). */
export async function revokeUserSessions(db: DbOrTx, ref: { clinicId: string; userId: string }, now = new Date()) {
  const ended = await db
    .update(sessions)
    .set({ revokedAt: now })
    .where(and(eq(sessions.clinicId, ref.clinicId), eq(sessions.userId, ref.userId), isNull(sessions.revokedAt)))
    .returning({ id: sessions.id });
  return ended.length;
}

