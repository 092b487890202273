import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { rawRows } from "@/db/raw";
import { recordAuditEvent } from "@/lib/audit/record-event";
import { verifyAuditChain } from "@/lib/audit/verify-chain";
import { makeClinic, openTestDb } from "../support/test-db";

let handle: Awaited<ReturnType<typeof openTestDb>>;
let db: Db;
beforeAll(async () => {
  handle = await openTestDb();
  db = handle.db;
});
afterAll(() => handle.close());

async function clinicWithEvents(n: number) {
  const clinic = await makeClinic(db);
  for (let i = 0; i < n; i++) {
    await recordAuditEvent(db, { clinicId: clinic.id, actorUserId: null, action: "patient.view", entityType: "patient", entityId: `p${i}`, detail: { i } });
  }
  return clinic.id;
}

// Tampering needs the append-only trigger out of the way, as an attacker with superuser would.
async function tamper(statement: ReturnType<typeof sql>) {
  await db.execute(sql`alter table audit_events disable trigger audit_events_no_update_delete`);
  try {
    await db.execute(statement);
  } finally {
    await db.execute(sql`alter table audit_events enable trigger audit_events_no_update_delete`);
  }
}

describe("audit hash chain", () => {
  it("links each clinic's events in order and verifies clean", async () => {
    const clinicId = await clinicWithEvents(5);
    const rows = await rawRows<{ chain_seq: number; prev_hash: string; hash: string }>(
      db,
      sql`select chain_seq::int as chain_seq, prev_hash, hash from audit_events where clinic_id = ${clinicId} order by chain_seq`,
    );
    expect(rows.map((r) => r.chain_seq)).toEqual([1, 2, 3, 4, 5]);
    expect(rows[0]!.prev_hash).toBe("genesis");
    for (let i = 1; i < rows.length; i++) expect(rows[i]!.prev_hash).toBe(rows[i - 1]!.hash);
    expect(await verifyAuditChain(db, { clinicId })).toMatchObject({ ok: true, checked: 5 });
  });

  it("detects a row altered directly in SQL", async () => {
    const clinicId = await clinicWithEvents(4);
    await tamper(sql`update audit_events set action = 'patient.nothing_to_see' where clinic_id = ${clinicId} and chain_seq = 2`);
    const r = await verifyAuditChain(db, { clinicId });
    expect(r.ok).toBe(false);
    expect(r.problems).toEqual([expect.objectContaining({ chainSeq: 2, problem: expect.stringContaining("altered") })]);
  });

  it("detects a removed row", async () => {
    const clinicId = await clinicWithEvents(4);
    await tamper(sql`delete from audit_events where clinic_id = ${clinicId} and chain_seq = 3`);
    const r = await verifyAuditChain(db, { clinicId });
    expect(r.ok).toBe(false);
    expect(r.problems.map((p) => p.chainSeq)).toContain(4);
  });

  it("keeps separate chains per clinic", async () => {
    const a = await clinicWithEvents(2);
    const b = await clinicWithEvents(3);
    expect((await verifyAuditChain(db, { clinicId: a })).ok).toBe(true);
    expect((await verifyAuditChain(db, { clinicId: b })).checked).toBe(3);
  });
});
