import "server-only";

/** Advisory lock key held while one app server migrates (the key the session-level lock used before). */
export const MIGRATION_LOCK = 7423001;

/**
 * Applies the committed migrations to PostgreSQL, one app server at a time. Everything happens in
 * ONE transaction that first takes a transaction-scoped advisory lock: the others wait on the
 * lock, then see the applied migrations and find nothing to do. A session-level lock
 * (pg_advisory_lock … pg_advisory_unlock) would not survive a transaction-mode pooler: the unlock
 * can reach another server connection and fail, leaving the lock held by an idle pooled
 * connection, and the next start waits forever (ADR 0022).
 *
 * The bookkeeping is drizzle's own (drizzle.__drizzle_migrations: hash, created_at = the folder's
 * timestamp; apply what is newer than the last row), so drizzle-kit and the embedded database's
 * migrator read the same table. Drizzle's postgres.js migrator cannot run inside a transaction it
 * did not open, which is why this loop is ours.
 */
export async function migratePostgres(url: string, opts: { prepare: boolean; migrationsFolder: string }) {
  const { default: postgres } = await import("postgres");
  const { readMigrationFiles } = await import("drizzle-orm/migrator");
  const migrations = readMigrationFiles({ migrationsFolder: opts.migrationsFolder });
  const client = postgres(url, { max: 1, prepare: opts.prepare, onnotice: () => {}, connect_timeout: 5 });
  try {
    return await client.begin(async (tx) => {
      await tx`select pg_advisory_xact_lock(${MIGRATION_LOCK})`;
      await tx`create schema if not exists drizzle`;
      await tx`create table if not exists drizzle.__drizzle_migrations (id serial primary key, hash text not null, created_at bigint)`;
      const [last] = await tx<{ created_at: string }[]>`select created_at from drizzle.__drizzle_migrations order by created_at desc limit 1`;
      let applied = 0;
      for (const m of migrations) {
        if (last && Number(last.created_at) >= m.folderMillis) continue;
        for (const statement of m.sql) await tx.unsafe(statement);
        await tx`insert into drizzle.__drizzle_migrations (hash, created_at) values (${m.hash}, ${m.folderMillis})`;
        applied++;
      }
      return applied;
    });
  } finally {
    await client.end();
  }
}
