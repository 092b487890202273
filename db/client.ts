import "server-only";
import path from "node:path";
import { sql } from "drizzle-orm";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { env } from "@/lib/env";
import * as schema from "./schema";
import { postgresOptionsFromUrl } from "./postgres-options";
import { isDatabaseUnavailable } from "./unavailable";

export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;
export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];
export type DbOrTx = Db | Tx;

type Handle = { db: Db; close: () => Promise<void> };

const migrationsFolder = path.join(/*turbopackIgnore: true*/ process.cwd(), "db", "migrations");

/**
 * Opens the database once per process. PGlite is one process, one connection: it is opened
 * lazily (never during `next build`) and cached on globalThis so dev-mode reloads reuse it.
 * Migrations apply on first open, so a fresh data directory is ready without a separate step.
 */
export async function openDatabase(opts: { url?: string; pgliteDir?: string; migrate?: boolean } = {}): Promise<Handle> {
  const url = opts.url;
  let handle: Handle;
  if (url) {
    const { default: postgres } = await import("postgres");
    const { drizzle } = await import("drizzle-orm/postgres-js");
    // prepare=false on the URL: behind a transaction-mode pooler (ADR 0022).
    const { prepare } = postgresOptionsFromUrl(url);
    // connect_timeout: an unreachable host answers "unavailable" in seconds, not after 30.
    const sqlClient = postgres(url, { max: 10, prepare, onnotice: () => {}, connect_timeout: 5 });
    // end() waits for every connection to finish; after PostgreSQL went away mid-query one never
    // does, and a server stopping on SIGTERM would hang. Five seconds, then they are dropped.
    handle = { db: drizzle(sqlClient, { schema, casing: "snake_case" }) as unknown as Db, close: () => sqlClient.end({ timeout: 5 }) };
    if (opts.migrate !== false) {
      // Several app servers may start at once: one migrates under a transaction-scoped advisory
      // lock, the others wait and then find nothing to do.
      const { migratePostgres } = await import("./migrate-postgres");
      try {
        await migratePostgres(url, { prepare, migrationsFolder });
      } catch (err) {
        await sqlClient.end();
        throw err;
      }
    }
  } else {
    const { PGlite } = await import("@electric-sql/pglite");
    const { drizzle } = await import("drizzle-orm/pglite");
    const client = opts.pgliteDir ? new PGlite(opts.pgliteDir) : new PGlite();
    await client.waitReady;
    handle = { db: drizzle(client, { schema, casing: "snake_case" }) as unknown as Db, close: () => client.close() };
    if (opts.migrate !== false) {
      const { migrate } = await import("drizzle-orm/pglite/migrator");
      await migrate(handle.db as never, { migrationsFolder });
    }
  }
  return handle;
}

const g = globalThis as unknown as { __loadwiseDb?: Promise<Handle> };

/** The app's database: postgres.js when DATABASE_URL is set, embedded PGlite otherwise. */
export function getDb(): Promise<Db> {
  if (!g.__loadwiseDb) {
    const e = env();
    g.__loadwiseDb = openDatabase({ url: e.DATABASE_URL, pgliteDir: e.DATABASE_URL ? undefined : e.pgliteDir }).catch((err) => {
      g.__loadwiseDb = undefined;
      throw err;
    });
  }
  return g.__loadwiseDb.then((h) => h.db);
}

/**
 * Can the database be reached right now? The app server asks before turning a 500 into a 503
 * (scripts/outage-guard.mjs); any answer from the database, even an error, means it can.
 */
async function probeDatabase(): Promise<boolean> {
  try {
    const db = await getDb();
    await db.execute(sql`select 1`);
    return true;
  } catch (err) {
    return !isDatabaseUnavailable(err);
  }
}
(globalThis as unknown as { __loadwiseDbProbe?: () => Promise<boolean> }).__loadwiseDbProbe = probeDatabase;

/** Tests and scripts inject their own database (e.g. an in-memory PGlite). */
export function setDbForProcess(handle: Handle | undefined) {
  g.__loadwiseDb = handle ? Promise.resolve(handle) : undefined;
}

export { schema };
