import "server-only";
import { sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { rawRows } from "@/db/raw";

export type RateLimitResult = { allowed: boolean; count: number; limit: number; retryAfterSeconds: number };

/**
 * Counts one request against `key` in a fixed window and says whether it is within `limit`.
 * The counter lives in the database so every app server shares it (servers are stateless,
 * ADR 0002); one atomic upsert per request: a new window resets the count, else it increments.
 */
export async function hitRateLimit(db: DbOrTx, key: string, opts: { limit: number; windowSeconds: number; now?: Date }): Promise<RateLimitResult> {
  const nowMs = (opts.now ?? new Date()).getTime();
  const windowMs = opts.windowSeconds * 1000;
  const windowStart = new Date(Math.floor(nowMs / windowMs) * windowMs);
  const [row] = await rawRows<{ count: number }>(
    db,
    sql`insert into rate_limits (key, window_start, count) values (${key}, ${windowStart.toISOString()}::timestamptz, 1)
        on conflict (key) do update set
          count = case when rate_limits.window_start = excluded.window_start then rate_limits.count + 1 else 1 end,
          window_start = excluded.window_start
        returning count`,
  );
  const count = Number(row?.count ?? 1);
  const retryAfterSeconds = Math.max(1, Math.ceil((windowStart.getTime() + windowMs - nowMs) / 1000));
  return { allowed: count <= opts.limit, count, limit: opts.limit, retryAfterSeconds };
}

/**
 * Whether `key` is already at its limit in the current window, without counting this request:
 * for limits that count only failures (sign-in), read before the expensive work, count after.
 */
export async function peekRateLimit(db: DbOrTx, key: string, opts: { limit: number; windowSeconds: number; now?: Date }): Promise<RateLimitResult> {
  const nowMs = (opts.now ?? new Date()).getTime();
  const windowMs = opts.windowSeconds * 1000;
  const windowStart = new Date(Math.floor(nowMs / windowMs) * windowMs);
  const [row] = await rawRows<{ count: number }>(
    db,
    sql`select count from rate_limits where key = ${key} and window_start = ${windowStart.toISOString()}::timestamptz`,
  );
  const count = Number(row?.count ?? 0);
  const retryAfterSeconds = Math.max(1, Math.ceil((windowStart.getTime() + windowMs - nowMs) / 1000));
  return { allowed: count < opts.limit, count, limit: opts.limit, retryAfterSeconds };
}

/** Deletes counters whose window started before `olderThan` (the housekeeping job calls it). */
export async function pruneRateLimits(db: DbOrTx, olderThan: Date): Promise<number> {
  const rows = await rawRows<{ key: string }>(db, sql`delete from rate_limits where window_start < ${olderThan.toISOString()}::timestamptz returning key`);
  return rows.length;
}
