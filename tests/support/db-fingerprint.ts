import { sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { rawRows } from "@/db/raw";

// A fingerprint of what a set of clinics has in every table: the row count and a sum of hashes of
// the row versions, so an insert, a delete and an update all show. Tables are read from the catalogue,
// so a new table is watched without anyone listing it. Tables without clinic_id (rate_limits, the
// shared counters) are fingerprinted whole only on a private database: on a shared PostgreSQL other
// test files write them at the same time.

export type TableInfo = { name: string; scope: "clinic_id" | "id" | "global" };
export type Fingerprint = Record<string, { n: number; h: string }>;

export async function listTables(db: DbOrTx): Promise<TableInfo[]> {
  const rows = await rawRows<{ table_name: string; has_clinic: boolean }>(
    db,
    sql`select t.table_name, exists (select 1 from information_schema.columns c where c.table_schema = t.table_schema and c.table_name = t.table_name and c.column_name = 'clinic_id') as has_clinic
        from information_schema.tables t where t.table_schema = 'public' and t.table_type = 'BASE TABLE' order by t.table_name`,
  );
  return rows.map((r) => ({ name: r.table_name, scope: r.has_clinic ? "clinic_id" : r.table_name === "clinics" ? "id" : "global" }));
}

/**
 * Every table's fingerprint: over the given clinics' rows, or over all rows when `clinicIds` is
 * null (a private database, where global tables are watched too). Columns an allowance names
 * (`{ columns }`) are left out of the hash, so only they may change.
 */
export async function fingerprint(db: DbOrTx, tables: readonly TableInfo[], clinicIds: readonly string[] | null, allowed: Readonly<Record<string, Allowance>> = {}): Promise<Fingerprint> {
  const ids = clinicIds && sql.join(clinicIds.map((id) => sql`${id}::uuid`), sql`, `);
  const parts = tables
    .filter((t) => t.scope !== "global" || !ids)
    .map((t) => {
      const where = !ids || t.scope === "global" ? sql`true` : t.scope === "id" ? sql`x.id in (${ids})` : sql`x.clinic_id in (${ids})`;
      const rule = allowed[t.name];
      const cols = typeof rule === "object" ? rule.columns : [];
      // Each row version's physical address and creating transaction: an insert, an update (a new
      // version) and a delete all change the sum, and nothing is read from the rows themselves, so a
      // case costs milliseconds. Where some columns may change, the row's other values are hashed.
      const row = cols.length ? sql`(to_jsonb(x) - ${`{${cols.join(",")}}`}::text[])::text` : sql`x.ctid::text || '@' || x.xmin::text`;
      return sql`select ${t.name}::text as t, count(*)::int as n, coalesce(sum(hashtext(${row})::numeric), 0)::text as h from ${sql.identifier(t.name)} x where ${where}`;
    });
  const rows = await rawRows<{ t: string; n: number; h: string }>(db, sql.join(parts, sql` union all `));
  return Object.fromEntries(rows.map((r) => [r.t, { n: Number(r.n), h: r.h }]));
}

/** How a table may change in a case: by appended rows only (a few), in the named columns only, or freely. */
export type Allowance = "append" | "any" | { columns: readonly string[] };

/** The tables that changed beyond what `allowed` permits, in words. */
export function unexpectedChanges(before: Fingerprint, after: Fingerprint, allowed: Readonly<Record<string, Allowance>>, maxAppended = 5): string[] {
  const out: string[] = [];
  for (const [t, b] of Object.entries(before)) {
    const a = after[t];
    if (!a || (a.n === b.n && a.h === b.h)) continue;
    const rule = allowed[t];
    if (rule === "any") continue; // a { columns } rule needs nothing here: those columns are outside the hash
    if (rule === "append" && a.n > b.n && a.n - b.n <= maxAppended) continue;
    out.push(`${t}: ${b.n} -> ${a.n} rows${a.n === b.n ? " (rows changed)" : ""}`);
  }
  return out;
}
