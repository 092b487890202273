import "server-only";
import type { SQL } from "drizzle-orm";
import type { DbOrTx } from "./client";

/**
 * Raw SQL rows from either driver: PGlite's execute() returns `{ rows }`, postgres.js returns
 * the array itself, though both type-check the same (stack-notes).
 */
export async function rawRows<T>(db: DbOrTx, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown;
  if (Array.isArray(result)) return result as T[];
  return ((result as { rows?: T[] }).rows ?? []) as T[];
}
