import "server-only";
import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { rawRows } from "@/db/raw";

export type ChainProblem = { clinicId: string; chainSeq: number | null; id: number | null; problem: string };

type Row = { clinic_id: string; id: number; chain_seq: number; prev_hash: string; hash: string; recomputed: string };

/**
 * Walks every clinic's audit chain: each row's stored hash must equal the hash recomputed from
 * its content, must point at the previous row's hash, and the sequence must have no gap. An
 * altered row breaks its own hash; a removed row leaves a gap and a broken link.
 * (Removing the newest rows of a chain is only detectable against an exported head hash.)
 */
export async function verifyAuditChain(db: Db, opts: { clinicId?: string } = {}) {
  const rows = await rawRows<Row>(
    db,
    sql`select clinic_id, id::float8 as id, chain_seq::float8 as chain_seq, prev_hash, hash,
               audit_event_digest(prev_hash, a) as recomputed
          from audit_events a
         ${opts.clinicId ? sql`where clinic_id = ${opts.clinicId}` : sql``}
         order by clinic_id, chain_seq`,
  );
  const problems: ChainProblem[] = [];
  let clinic: string | null = null;
  let expectedSeq = 1;
  let prevHash = "genesis";
  for (const r of rows) {
    if (r.clinic_id !== clinic) {
      clinic = r.clinic_id;
      expectedSeq = 1;
      prevHash = "genesis";
    }
    const at = { clinicId: r.clinic_id, chainSeq: Number(r.chain_seq), id: Number(r.id) };
    if (Number(r.chain_seq) !== expectedSeq) problems.push({ ...at, problem: `expected event #${expectedSeq} next, found #${r.chain_seq} (rows missing)` });
    if (r.prev_hash !== prevHash) problems.push({ ...at, problem: "does not link to the previous event" });
    if (r.recomputed !== r.hash) problems.push({ ...at, problem: "content does not match its hash (altered)" });
    expectedSeq = Number(r.chain_seq) + 1;
    prevHash = r.hash;
  }
  return { ok: problems.length === 0, checked: rows.length, problems };
}
