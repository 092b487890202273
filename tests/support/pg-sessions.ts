import { randomUUID } from "node:crypto";
import { drizzle } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import type { Db } from "@/db/client";
import * as schema from "@/db/schema";

// Real concurrency on PostgreSQL for the race and fault tests. Each "session" is its own
// postgres.js client, as a second app server would have, tagged with an application_name so a
// test finds its own backends in pg_stat_activity among the other test files' (they share the
// database). Interleavings come from locks, never from sleeps: a holder takes the lock the
// services will need, the test waits until the sessions are queued behind it, then lets go.

export const testDatabaseUrl = process.env.TEST_DATABASE_URL;
export const onPostgres = Boolean(testDatabaseUrl);

export type PgSession = { db: Db; tag: string; close: () => Promise<void> };

/** A separate client on TEST_DATABASE_URL; every backend it opens carries `tag`. */
export function openPgSession(tag: string, max = 2): PgSession {
  if (!testDatabaseUrl) throw new Error("openPgSession needs TEST_DATABASE_URL");
  const client = postgres(testDatabaseUrl, { max, onnotice: () => {}, connect_timeout: 5, connection: { application_name: tag } });
  return { db: drizzle(client, { schema, casing: "snake_case" }) as unknown as Db, tag, close: () => client.end({ timeout: 5 }) };
}

export const uniqueTag = (prefix: string) => `${prefix}-${randomUUID().slice(0, 8)}`;

type Sql = postgres.Sql;

/** A short-lived admin connection (not tagged like the sessions) for looking at and ending backends. */
async function withAdmin<T>(fn: (sql: Sql) => Promise<T>): Promise<T> {
  const sql = postgres(testDatabaseUrl!, { max: 1, onnotice: () => {}, connect_timeout: 5, connection: { application_name: "faults-admin" } });
  try {
    return await fn(sql);
  } finally {
    await sql.end({ timeout: 5 });
  }
}

/** Backends of `tag` waiting on a lock right now. */
export async function lockWaiters(tag: string): Promise<number[]> {
  return withAdmin(async (sql) => {
    const rows = await sql<{ pid: number }[]>`select pid from pg_stat_activity where application_name = ${tag} and wait_event_type = 'Lock' order by pid`;
    return rows.map((r) => r.pid);
  });
}

/**
 * Polls until `n` backends of `tag` wait on a lock; the bound is for a hang (a service that never
 * reached the lock), not a timing assertion.
 */
export async function waitForLockWaiters(tag: string, n: number, boundMs = 60_000): Promise<number[]> {
  const until = Date.now() + boundMs;
  for (;;) {
    const pids = await lockWaiters(tag);
    if (pids.length >= n) return pids;
    if (Date.now() > until) throw new Error(`expected ${n} sessions of ${tag} waiting on a lock, saw ${pids.length}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** Ends a backend as an operator or a failing network would (pg_terminate_backend). */
export async function terminateBackend(pid: number): Promise<void> {
  const ok = await withAdmin((sql) => sql<{ ok: boolean }[]>`select pg_terminate_backend(${pid}) as ok`);
  if (!ok[0]?.ok) throw new Error(`could not terminate backend ${pid}`);
}

export type LockHolder = { release: () => Promise<void> };

/**
 * Opens a transaction on its own connection and runs `lock` in it (a SELECT … FOR UPDATE, an
 * advisory lock); the lock is held until release() commits.
 */
export async function holdLock(lock: (sql: postgres.ReservedSql) => Promise<unknown>): Promise<LockHolder> {
  const client = postgres(testDatabaseUrl!, { max: 1, onnotice: () => {}, connect_timeout: 5, connection: { application_name: "faults-holder" } });
  const reserved = await client.reserve();
  try {
    await reserved`begin`;
    await lock(reserved);
  } catch (err) {
    reserved.release();
    await client.end({ timeout: 5 });
    throw err;
  }
  let released = false;
  return {
    release: async () => {
      if (released) return;
      released = true;
      try {
        await reserved`commit`;
      } finally {
        reserved.release();
        await client.end({ timeout: 5 });
      }
    },
  };
}

/** The advisory lock the audit chain trigger takes for a clinic (db/migrations, ADR 0005). */
export const auditChainLock = (clinicId: string) => (sql: postgres.ReservedSql) => sql`select pg_advisory_xact_lock(hashtextextended(${"audit:" + clinicId}, 0))`;
