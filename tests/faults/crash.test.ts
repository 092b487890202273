import { execFile, execFileSync } from "node:child_process";
import { promisify } from "node:util";
import { randomUUID } from "node:crypto";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { and, eq, sql } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { openDatabase } from "@/db/client";
import { rawRows } from "@/db/raw";
import { isDatabaseUnavailable } from "@/db/unavailable";
import { auditEvents, checkIns } from "@/db/schema";
import { recordCheckIn } from "@/lib/checkins/record-check-in";
import { verifyAuditChain } from "@/lib/audit/verify-chain";
import { sessionFormSchema } from "@/lib/validation/checkin";
import { at, linkMeta, publishedPlan } from "../integration/fault-fixtures";

// Acknowledged writes survive a PostgreSQL crash (issue 15). A throwaway cluster of our own
// (scripts/pg-throwaway.sh: its own directory and port, never the shared one) takes a stream of
// patients' check-ins through the real service from four concurrent writers; once enough are
// acknowledged it is stopped with `pg_ctl stop -m immediate` (no checkpoint, no clean shutdown:
// what a power cut or a killed container leaves) while the writers are still going. After the
// restart (WAL recovery) every acknowledged check-in must be there with its audit event, nothing
// half-written, the audit chain intact, and the database taking writes again.
//
// It stops a server, so it runs only when asked: LOADWISE_CRASH_TEST=1 (.ci/run does, in its
// PostgreSQL section). Needs initdb and pg_ctl (Debian's postgresql-15), as root or not.

const enabled = process.env.LOADWISE_CRASH_TEST === "1";
const script = path.join(process.cwd(), "scripts", "pg-throwaway.sh");
const dir = path.join(tmpdir(), `loadwise-crash-${randomUUID().slice(0, 8)}`);
const cluster = (...args: string[]) => execFileSync("bash", [script, ...args], { stdio: ["ignore", "inherit", "inherit"], timeout: 90_000 });

const WRITERS = 4;
const CRASH_AFTER = 120;

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const port = (srv.address() as { port: number }).port;
      srv.close(() => resolve(port));
    });
  });
}

let created = false;
afterAll(() => {
  if (created) cluster("destroy", dir);
});

describe.skipIf(!enabled)("a PostgreSQL crash under write load", () => {
  it(
    "keeps every acknowledged check-in with its audit event after `pg_ctl stop -m immediate` and recovery",
    async () => {
      const port = await freePort();
      cluster("create", dir, String(port));
      created = true;
      const url = `postgres://loadwise@127.0.0.1:${port}/postgres`;

      // The app's own open: postgres.js, migrations under the advisory lock.
      const app = await openDatabase({ url });
      const s = await publishedPlan(app.db);
      const acknowledged: string[] = [];
      const endings: unknown[] = [];
      let crashing: Promise<void> | null = null;
      // Asynchronous, so the writers keep writing while pg_ctl stops the server under them.
      const crash = () => (crashing ??= promisify(execFile)("bash", [script, "crash", dir], { timeout: 90_000 }).then(() => undefined));

      async function writer(n: number) {
        for (let i = 0; ; i++) {
          const form = sessionFormSchema.parse({
            idempotencyKey: randomUUID(),
            sessionDate: "2026-12-03",
            activity: "run",
            done: "as_planned",
            minutes: String(20 + ((n + i) % 40)),
            painDuringNrs: "2",
            symptom_none: "on",
          });
          try {
            const r = await recordCheckIn(app.db, s.token, form, linkMeta, at("2026-12-03", 18));
            if (r.kind !== "ok" || r.duplicate) throw new Error(`check-in not stored: ${JSON.stringify(r)}`);
            acknowledged.push(r.checkInId);
            if (acknowledged.length >= CRASH_AFTER) void crash();
          } catch (err) {
            endings.push(err);
            return;
          }
        }
      }
      await Promise.all(Array.from({ length: WRITERS }, (_, n) => writer(n)));
      await crashing;
      await app.close().catch(() => {});

      // Every writer ran until the server went away under it, and was told the database was out.
      expect(endings).toHaveLength(WRITERS);
      for (const e of endings) expect(isDatabaseUnavailable(e), String(e)).toBe(true);
      expect(acknowledged.length).toBeGreaterThanOrEqual(CRASH_AFTER);

      cluster("start", dir);
      const after = await openDatabase({ url, migrate: false });
      try {
        const rows = await after.db.select({ id: checkIns.id }).from(checkIns).where(eq(checkIns.planId, s.planId));
        const stored = new Set(rows.map((r) => r.id));
        const lost = acknowledged.filter((id) => !stored.has(id));
        expect(lost, "acknowledged check-ins missing after the crash").toEqual([]);
        // At most one write per writer can have committed without its acknowledgement arriving.
        expect(stored.size - acknowledged.length).toBeLessThanOrEqual(WRITERS);

        // Nothing half-written: each stored check-in has its audit event, and no event lacks its check-in.
        const audited = await after.db
          .select({ entityId: auditEvents.entityId })
          .from(auditEvents)
          .where(and(eq(auditEvents.clinicId, s.clinic.id), eq(auditEvents.action, "checkin.create")));
        expect(new Set(audited.map((a) => a.entityId))).toEqual(stored);
        expect(audited).toHaveLength(stored.size);
        expect(await verifyAuditChain(after.db, { clinicId: s.clinic.id })).toMatchObject({ ok: true, problems: [] });
        const [{ n: pending } = { n: 0 }] = await rawRows<{ n: number }>(after.db, sql`select count(*)::int as n from check_in_reviews where plan_id = ${s.planId} and status = 'pending'`);
        expect(pending).toBeLessThanOrEqual(1);

        // And the recovered server takes writes again.
        const form = sessionFormSchema.parse({ idempotencyKey: randomUUID(), sessionDate: "2026-12-03", activity: "run", done: "skipped", symptom_none: "on" });
        expect(await recordCheckIn(after.db, s.token, form, linkMeta, at("2026-12-03", 19))).toMatchObject({ kind: "ok", duplicate: false });
      } finally {
        await after.close();
      }
    },
    150_000,
  );
});
