import { sql } from "drizzle-orm";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "@/db/client";
import { MIGRATION_LOCK, migratePostgres } from "@/db/migrate-postgres";
import { postgresOptionsFromUrl } from "@/db/postgres-options";
import { rawRows } from "@/db/raw";

// PostgreSQL only (the embedded database is one process): starting app servers migrate one at a
// time under a transaction-scoped lock, which also holds behind PgBouncer in transaction mode
// (ADR 0022). Waiting is read from pg_locks, never from a stopwatch.
const url = process.env.TEST_DATABASE_URL;
const migrationsFolder = path.resolve(import.meta.dirname, "../../db/migrations");

describe.runIf(Boolean(url))("migrations on PostgreSQL", () => {
  let other: Awaited<ReturnType<typeof openDatabase>>;
  beforeAll(async () => {
    other = await openDatabase({ url, migrate: false });
  });
  afterAll(() => other.close());

  it("a starting server waits while another holds the migration lock, then finds nothing to do", async () => {
    const opts = { prepare: postgresOptionsFromUrl(url!).prepare, migrationsFolder };
    const waiting = () =>
      rawRows<{ n: number }>(other.db, sql`select count(*)::int as n from pg_locks where locktype = 'advisory' and objid = ${MIGRATION_LOCK} and not granted`);
    let migrated: Promise<number> | undefined;
    await other.db.transaction(async (tx) => {
      await tx.execute(sql`select pg_advisory_xact_lock(${MIGRATION_LOCK})`);
      migrated = migratePostgres(url!, opts);
      let seen = 0;
      for (let i = 0; i < 600 && seen === 0; i++) {
        seen = (await waiting())[0]!.n;
        if (seen === 0) await new Promise((r) => setTimeout(r, 100));
      }
      expect(seen).toBe(1);
    });
    // The holder's transaction ended: the waiting migration ran, and everything was applied already.
    expect(await migrated).toBe(0);
    expect(await Promise.all([migratePostgres(url!, opts), migratePostgres(url!, opts)])).toEqual([0, 0]);
  });
});
