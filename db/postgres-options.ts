/**
 * What the DATABASE_URL tells postgres.js beyond where to connect. Pure, so start-up, scripts and
 * tests read it the same way (ADR 0022).
 *
 * `?prepare=false` (postgres.js's own URL option) is for a transaction-mode pooler such as
 * PgBouncer's `pool_mode = transaction`: there, consecutive statements of one client connection
 * may run on different server connections, so a named prepared statement made on one would be
 * missing on the next. Drizzle's queries already go out unnamed; this makes it hold for every query
 * the client sends. Read here and passed explicitly, so the PGPREPARE environment variable (which
 * postgres.js would read as the truthy string "false") cannot turn it back on.
 */
export type PostgresUrlOptions = { prepare: boolean };

export class DatabaseUrlError extends Error {}

export function postgresOptionsFromUrl(url: string): PostgresUrlOptions {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new DatabaseUrlError("DATABASE_URL must be a postgres:// URL");
  }
  const q = parsed.searchParams;
  // Prisma's spelling would otherwise reach the server as a startup parameter, which PgBouncer and
  // PostgreSQL refuse with a message that does not say what to write instead.
  if (q.has("pgbouncer")) {
    throw new DatabaseUrlError("DATABASE_URL: write ?prepare=false (not ?pgbouncer=true) to run behind a transaction-mode pooler such as PgBouncer");
  }
  const prepare = q.get("prepare");
  if (prepare !== null && prepare !== "true" && prepare !== "false") {
    throw new DatabaseUrlError(`DATABASE_URL: prepare must be true or false, not "${prepare}"`);
  }
  return { prepare: prepare !== "false" };
}
