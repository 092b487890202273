import { randomUUID } from "node:crypto";
import { and, eq, inArray, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "@/db/client";
import { passwordTokens, rateLimits, sessions } from "@/db/schema";
import { runHousekeeping } from "@/lib/housekeeping/run-housekeeping";
import { makeClinic, makeUser, openTestDb } from "../support/test-db";

let handle: Awaited<ReturnType<typeof openTestDb>>;
beforeAll(async () => {
  handle = await openTestDb();
});
afterAll(() => handle.close());

const now = new Date("2026-06-01T12:00:00Z");
const ago = (ms: number) => new Date(now.getTime() - ms);
const DAY = 86_400_000;

describe("housekeeping", () => {
  it("prunes past rate-limit windows, long-ended sessions and long-dead password links, and keeps the live ones", async () => {
    const db = handle.db;
    const clinic = await makeClinic(db);
    const user = await makeUser(db, clinic.id);
    const key = (s: string) => `hk:${clinic.id}:${s}`;
    await db.insert(rateLimits).values([
      { key: key("old"), windowStart: ago(2 * 3_600_000), count: 3 },
      { key: key("now"), windowStart: ago(60_000), count: 1 },
    ]);
    const s = (o: Partial<typeof sessions.$inferInsert>) => ({
      clinicId: clinic.id,
      userId: user.id,
      createdAt: ago(30 * DAY),
      lastSeenAt: ago(30 * DAY),
      expiresAt: now,
      ...o,
    });
    const [expiredLongAgo, revokedLongAgo, live, revokedYesterday] = await db
      .insert(sessions)
      .values([s({ expiresAt: ago(8 * DAY) }), s({ revokedAt: ago(9 * DAY), expiresAt: new Date(now.getTime() + DAY) }), s({ expiresAt: new Date(now.getTime() + DAY) }), s({ revokedAt: ago(DAY), expiresAt: new Date(now.getTime() + DAY) })])
      .returning({ id: sessions.id });
    const link = (o: Partial<typeof passwordTokens.$inferInsert>) => ({
      clinicId: clinic.id,
      userId: user.id,
      purpose: "reset" as const,
      tokenHash: randomUUID(),
      expiresAt: new Date(now.getTime() + DAY),
      ...o,
    });
    const [usedLongAgo, expiredLink, liveLink] = await db
      .insert(passwordTokens)
      .values([link({ usedAt: ago(8 * DAY) }), link({ expiresAt: ago(10 * DAY) }), link({})])
      .returning({ id: passwordTokens.id });

    const result = await runHousekeeping(db, now);
    expect(result.ran).toBe(true);

    const keys = (await db.select({ key: rateLimits.key }).from(rateLimits).where(inArray(rateLimits.key, [key("old"), key("now")]))).map((r) => r.key);
    expect(keys).toEqual([key("now")]);
    const sessionIds = (await db.select({ id: sessions.id }).from(sessions).where(eq(sessions.clinicId, clinic.id))).map((r) => r.id).sort();
    expect(sessionIds).toEqual([live!.id, revokedYesterday!.id].sort());
    expect(sessionIds).not.toContain(expiredLongAgo!.id);
    expect(sessionIds).not.toContain(revokedLongAgo!.id);
    const linkIds = (await db.select({ id: passwordTokens.id }).from(passwordTokens).where(and(eq(passwordTokens.clinicId, clinic.id)))).map((r) => r.id);
    expect(linkIds).toEqual([liveLink!.id]);
    expect(linkIds).not.toContain(usedLongAgo!.id);
    expect(linkIds).not.toContain(expiredLink!.id);
  });

  // Two app servers: while one holds the housekeeping lock, the other's run skips. PGlite is one
  // connection, so this needs a second connection to a real PostgreSQL (CI runs it there).
  it.runIf(Boolean(process.env.TEST_DATABASE_URL))("skips while another app server holds the lock", async () => {
    const other = await openDatabase({ url: process.env.TEST_DATABASE_URL, migrate: false });
    try {
      let release!: () => void;
      const held = new Promise<void>((r) => (release = r));
      let locked!: () => void;
      const isLocked = new Promise<void>((r) => (locked = r));
      const holder = other.db.transaction(async (tx) => {
        await tx.execute(sql`select pg_advisory_xact_lock(7423002)`);
        locked();
        await held;
      });
      await isLocked;
      expect(await runHousekeeping(handle.db, now)).toEqual({ ran: false });
      release();
      await holder;
      expect((await runHousekeeping(handle.db, now)).ran).toBe(true);
    } finally {
      await other.close();
    }
  });
});
