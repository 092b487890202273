import "server-only";
import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { rawRows } from "@/db/raw";
import { pruneRateLimits } from "@/lib/rate-limit/hit-rate-limit";
import { refreshStaleWorklistStats } from "@/lib/reviews/refresh-worklist-stats";
import { fixedClock } from "@/lib/time/clock";

/** Advisory lock key: one housekeeping run at a time across every app server. */
const HOUSEKEEPING_LOCK = 7423002;

/** How long a finished row is kept: enough for an admin to see what just happened. */
const KEEP = { rateLimitsMs: 60 * 60_000, sessionsMs: 7 * 86_400_000, passwordLinksMs: 7 * 86_400_000 } as const;

export type HousekeepingResult =
  | { ran: false }
  | { ran: true; rateLimits: number; sessions: number; passwordLinks: number; worklistStats: number };

/**
 * Deletes what nobody needs any more: rate-limit counters of past windows, sessions that ended
 * (expired or revoked) over a week ago, and password links used or expired over a week ago; and
 * recounts the worklist's calendar windows that went stale overnight (no review is computed).
 * Every app server schedules it; a transaction-scoped advisory lock lets exactly one of them do
 * the work at a time, and the others skip. The audit trail is untouched (it is append-only and
 * refers to sessions by id, not by key).
 */
export async function runHousekeeping(db: Db, now = new Date()): Promise<HousekeepingResult> {
  return db.transaction(async (tx) => {
    const [lock] = await rawRows<{ got: boolean }>(tx, sql`select pg_try_advisory_xact_lock(${HOUSEKEEPING_LOCK}) as got`);
    if (!lock?.got) return { ran: false } as const;
    const before = (ms: number) => new Date(now.getTime() - ms).toISOString();
    const rateLimits = await pruneRateLimits(tx, new Date(now.getTime() - KEEP.rateLimitsMs));
    const sessions = await rawRows<{ id: string }>(
      tx,
      sql`delete from sessions where expires_at < ${before(KEEP.sessionsMs)}::timestamptz
            or revoked_at < ${before(KEEP.sessionsMs)}::timestamptz returning id`,
    );
    const links = await rawRows<{ id: string }>(
      tx,
      sql`delete from password_tokens where expires_at < ${before(KEEP.passwordLinksMs)}::timestamptz
            or used_at < ${before(KEEP.passwordLinksMs)}::timestamptz returning id`,
    );
    const worklistStats = await refreshStaleWorklistStats(tx, fixedClock(now));
    return { ran: true, rateLimits, sessions: sessions.length, passwordLinks: links.length, worklistStats } as const;
  });
}

const g = globalThis as unknown as { __loadwiseHousekeeping?: NodeJS.Timeout };

/**
 * Runs housekeeping every `everyMs` inside this app server (first run after one interval), until
 * the process ends. Failures (the database briefly unreachable) are logged by name and retried
 * at the next tick.
 */
export function scheduleHousekeeping(getDb: () => Promise<Db>, everyMs = 10 * 60_000) {
  if (g.__loadwiseHousekeeping) return;
  g.__loadwiseHousekeeping = setInterval(() => {
    getDb()
      .then((db) => runHousekeeping(db))
      .catch((err) => console.error("[housekeeping] skipped:", err instanceof Error ? err.name : typeof err));
  }, everyMs);
  g.__loadwiseHousekeeping.unref();
}
