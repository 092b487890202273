import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { openDatabase } from "@/db/client";
import { seedDemo } from "@/db/seed";
import { recordAuditEvent } from "@/lib/audit/record-event";

// Runs the real `npm run audit:verify` command against an embedded database on disk. PGlite
// allows one process at a time, so this test closes its own handle before each run.
const ROOT = path.resolve(import.meta.dirname, "..");
const dir = mkdtempSync(path.join(tmpdir(), "loadwise-audit-verify-"));
const pgliteDir = path.join(dir, "pglite");
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function verify() {
  const r = spawnSync(process.execPath, [path.join(ROOT, "scripts/run-ts.mjs"), path.join(ROOT, "scripts/audit-verify.ts")], {
    cwd: ROOT,
    env: { ...process.env, PGLITE_DIR: pgliteDir, DATABASE_URL: "" },
    encoding: "utf8",
    timeout: 170_000,
  });
  return { code: r.status, out: r.stdout + r.stderr };
}

async function withDb(fn: (db: Awaited<ReturnType<typeof openDatabase>>["db"]) => Promise<void>) {
  const h = await openDatabase({ pgliteDir });
  try {
    await fn(h.db);
  } finally {
    await h.close();
  }
}

describe("npm run audit:verify", () => {
  it("passes on a clean log and fails after a row is altered directly in SQL", async () => {
    await withDb(async (db) => {
      await seedDemo(db);
      const [clinic] = await db.query.clinics.findMany({ limit: 1 });
      for (let i = 0; i < 3; i++) {
        await recordAuditEvent(db, { clinicId: clinic!.id, actorUserId: null, action: "patient.view", entityType: "patient", entityId: `p${i}` });
      }
    });
    const clean = verify();
    expect(clean.out).toMatch(/intact: \d+ events checked/);
    expect(clean.code).toBe(0);

    await withDb(async (db) => {
      await db.execute(sql`alter table audit_events disable trigger audit_events_no_update_delete`);
      await db.execute(sql`update audit_events set ip = '203.0.113.9' where chain_seq = 2`);
      await db.execute(sql`alter table audit_events enable trigger audit_events_no_update_delete`);
    });
    const broken = verify();
    expect(broken.code).toBe(1);
    expect(broken.out).toMatch(/BROKEN/);
    expect(broken.out).toMatch(/event #2 .*altered/);
  });
});
