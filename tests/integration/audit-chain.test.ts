import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { rawRows } from "@/db/raw";
import { recordAuditEvent } from "@/lib/audit/record-event";
import { verifyAuditChain } from "@/lib/audit/verify-chain";
import { auditChainLock, holdLock, onPostgres, openPgSession, uniqueTag, waitForLockWaiters } from "../support/pg-sessions";
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

describe("audit hash chain under concurrent writers", () => {
  // Several app servers write the same clinics' trails at once (PostgreSQL: four separate clients,
  // three connections each; PGlite: the same calls, serialized on its one connection). Some
  // transactions write several events, some roll back after writing: the chain must still count
  // 1, 2, 3… with every link intact, and hold exactly the committed events.
  it("stays one unbroken chain per clinic, with every committed event and none rolled back", async () => {
    const clinics = [(await makeClinic(db)).id, (await makeClinic(db)).id];
    const tag = uniqueTag("audit-writers");
    const servers = onPostgres ? Array.from({ length: 4 }, () => openPgSession(tag, 3)) : [{ db, close: async () => {} }];
    const lanesPerServer = onPostgres ? 3 : 4;
    const txPerLane = 12;
    const committed = new Map<string, number>(clinics.map((c) => [c, 0]));
    class RolledBack extends Error {}
    async function lane(laneDb: Db, server: number, laneNo: number) {
      for (let t = 0; t < txPerLane; t++) {
        const clinicId = clinics[(server + laneNo + t) % clinics.length]!;
        const events = 1 + ((server + t) % 3);
        const rollBack = (laneNo + t) % 4 === 3;
        try {
          await laneDb.transaction(async (tx) => {
            for (let e = 0; e < events; e++) {
              await recordAuditEvent(tx, { clinicId, actorUserId: null, action: "patient.view", entityType: "patient", entityId: `s${server}l${laneNo}t${t}e${e}`, detail: { e } });
            }
            if (rollBack) throw new RolledBack();
          });
          committed.set(clinicId, committed.get(clinicId)! + events);
        } catch (err) {
          if (!(err instanceof RolledBack)) throw err;
        }
      }
    }
    // Every lane's first transaction queues behind a held chain lock, so the writers really start
    // together on PostgreSQL instead of one by one as their connections open.
    const holder = onPostgres ? await holdLock(auditChainLock(clinics[0]!)) : null;
    try {
      const run = Promise.all(servers.flatMap((s, si) => Array.from({ length: lanesPerServer }, (_, li) => lane(s.db, si, li))));
      if (holder) {
        try {
          await waitForLockWaiters(tag, 2);
        } finally {
          await holder.release();
        }
      }
      await run;
    } finally {
      await holder?.release();
      await Promise.all(servers.map((s) => s.close()));
    }
    for (const clinicId of clinics) {
      const result = await verifyAuditChain(db, { clinicId });
      expect(result).toEqual({ ok: true, checked: committed.get(clinicId), problems: [] });
      const rolledBack = await rawRows<{ n: number }>(db, sql`select count(*)::int as n from audit_events where clinic_id = ${clinicId} and entity_id in (select 's' || s || 'l' || l || 't' || t || 'e0' from generate_series(0, 3) s, generate_series(0, 3) l, generate_series(0, ${txPerLane - 1}) t where (l + t) % 4 = 3)`);
      expect(rolledBack[0]!.n).toBe(0);
    }
    expect([...committed.values()].reduce((a, b) => a + b, 0)).toBeGreaterThan(50);
  });
});
