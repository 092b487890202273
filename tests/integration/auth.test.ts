import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { Db } from "@/db/client";
import { auditEvents, sessions, users } from "@/db/schema";
import { ADDRESS_FAILURE_LIMIT, authenticate, LOCKOUT_MINUTES, MAX_FAILED_ATTEMPTS } from "@/lib/auth/authenticate";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { revokeSession, revokeUserSessions, validateSession } from "@/lib/auth/sessions";
import { makeClinic, makeUser, openTestDb, TEST_PASSWORD } from "../support/test-db";

// Count argon2 verifications: the cost and the timing of each sign-in path, measured by what it
// does rather than by a stopwatch (which a busy machine would make fail; timings are in the bench).
vi.mock("@/lib/auth/password", async (orig) => {
  const real = await orig<typeof import("@/lib/auth/password")>();
  return { ...real, verifyPassword: vi.fn(real.verifyPassword), hashPassword: vi.fn(real.hashPassword) };
});

const policy = { idleMinutes: 15, maxHours: 12 };
let meta = { ip: "10.0.0.1", userAgent: "vitest" };
let addressN = 0;
beforeEach(() => {
  // Each test signs in from its own address, so the per-address limit of one does not touch another.
  meta = { ip: `10.0.${Math.floor(++addressN / 250)}.${addressN % 250}`, userAgent: "vitest" };
  vi.mocked(verifyPassword).mockClear();
});
let handle: Awaited<ReturnType<typeof openTestDb>>;
let db: Db;
let passwordHash: string;

beforeAll(async () => {
  handle = await openTestDb();
  db = handle.db;
  passwordHash = await hashPassword(TEST_PASSWORD);
});
afterAll(() => handle.close());

async function freshUser(opts: { active?: boolean } = {}) {
  const clinic = await makeClinic(db);
  return makeUser(db, clinic.id, { passwordHash, ...opts });
}

describe("authenticate", () => {
  it("accepts the right password, creates a session row and audits the sign-in", async () => {
    const user = await freshUser();
    const r = await authenticate(db, { email: user.email.toUpperCase(), password: TEST_PASSWORD }, policy, meta);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const [s] = await db.select().from(sessions).where(eq(sessions.id, r.sessionId));
    expect(s?.userId).toBe(user.id);
    expect(s?.ip).toBe("10.0.0.1");
    const events = await db.select().from(auditEvents).where(and(eq(auditEvents.clinicId, user.clinicId), eq(auditEvents.action, "auth.sign_in")));
    expect(events).toHaveLength(1);
  });

  it("rejects a wrong password and an unknown email alike", async () => {
    const user = await freshUser();
    expect(await authenticate(db, { email: user.email, password: "wrong" }, policy, meta)).toEqual({ ok: false, reason: "invalid" });
    expect(await authenticate(db, { email: "nobody@nowhere.test", password: "wrong" }, policy, meta)).toEqual({ ok: false, reason: "invalid" });
  });

  it(`locks the account for ${LOCKOUT_MINUTES} minutes after ${MAX_FAILED_ATTEMPTS} failures, even for the right password`, async () => {
    const user = await freshUser();
    const t0 = new Date("2026-01-01T10:00:00Z");
    for (let i = 0; i < MAX_FAILED_ATTEMPTS - 1; i++) {
      expect((await authenticate(db, { email: user.email, password: "nope" }, policy, meta, t0)).ok).toBe(false);
    }
    const fifth = await authenticate(db, { email: user.email, password: "nope" }, policy, meta, t0);
    // To a caller with a wrong password, a locked account looks like any wrong password...
    expect(fifth).toEqual({ ok: false, reason: "invalid" });
    expect(await authenticate(db, { email: user.email, password: "nope" }, policy, meta, t0)).toEqual({ ok: false, reason: "invalid" });
    const [locked] = await db.select().from(users).where(eq(users.id, user.id));
    expect(locked?.lockedUntil?.getTime()).toBe(t0.getTime() + LOCKOUT_MINUTES * 60_000);
    // ...while the holder, who knows the password, is told of the lock.
    const during = await authenticate(db, { email: user.email, password: TEST_PASSWORD }, policy, meta, new Date(t0.getTime() + 14 * 60_000));
    expect(during).toEqual({ ok: false, reason: "locked" });
    const after = await authenticate(db, { email: user.email, password: TEST_PASSWORD }, policy, meta, new Date(t0.getTime() + 16 * 60_000));
    expect(after.ok).toBe(true);
    const [row] = await db.select().from(users).where(eq(users.id, user.id));
    expect(row?.failedLoginCount).toBe(0);
  });

  it("refuses a deactivated account", async () => {
    const user = await freshUser({ active: false });
    expect((await authenticate(db, { email: user.email, password: TEST_PASSWORD }, policy, meta)).ok).toBe(false);
  });

  it("does exactly one argon2 verification for an unknown email, a wrong password and a locked account", async () => {
    const user = await freshUser();
    const t0 = new Date("2026-02-01T10:00:00Z");
    const verifications = async (email: string, password: string) => {
      vi.mocked(verifyPassword).mockClear();
      await authenticate(db, { email, password }, policy, meta, t0);
      return vi.mocked(verifyPassword).mock.calls.length;
    };
    expect(await verifications("ghost@nowhere.test", "wrong-password")).toBe(1);
    expect(await verifications(user.email, "wrong-password")).toBe(1);
    for (let i = 0; i < MAX_FAILED_ATTEMPTS; i++) await authenticate(db, { email: user.email, password: "nope" }, policy, meta, t0);
    expect(await verifications(user.email, "wrong-password")).toBe(1);
    expect(await verifications(user.email, TEST_PASSWORD)).toBe(1);
  });

  it(`refuses an address after ${ADDRESS_FAILURE_LIMIT} failures before any lookup or hash, and counts only failures`, async () => {
    const user = await freshUser();
    const t0 = new Date("2026-02-02T10:00:00Z");
    // Successes do not count: a clinic behind one address signs in all morning.
    for (let i = 0; i < ADDRESS_FAILURE_LIMIT + 5; i++) {
      expect((await authenticate(db, { email: user.email, password: TEST_PASSWORD }, policy, meta, t0)).ok).toBe(true);
    }
    for (let i = 0; i < ADDRESS_FAILURE_LIMIT; i++) {
      expect(await authenticate(db, { email: `ghost${i}@nowhere.test`, password: "x" }, policy, meta, t0)).toEqual({ ok: false, reason: "invalid" });
    }
    vi.mocked(verifyPassword).mockClear();
    const refused = await authenticate(db, { email: user.email, password: TEST_PASSWORD }, policy, meta, t0);
    expect(refused).toMatchObject({ ok: false, reason: "rate_limited" });
    expect(vi.mocked(verifyPassword)).not.toHaveBeenCalled();
    // The account itself is not locked by strangers' unknown-email attempts, and another address
    // is unaffected.
    expect((await authenticate(db, { email: user.email, password: TEST_PASSWORD }, policy, { ...meta, ip: "10.9.9.9" }, t0)).ok).toBe(true);
    // The next window starts afresh.
    const later = new Date(t0.getTime() + 16 * 60_000);
    expect((await authenticate(db, { email: user.email, password: TEST_PASSWORD }, policy, meta, later)).ok).toBe(true);
  });
});

describe("sessions", () => {
  async function signedIn() {
    const user = await freshUser();
    const r = await authenticate(db, { email: user.email, password: TEST_PASSWORD }, policy, meta, new Date("2026-01-01T08:00:00Z"));
    if (!r.ok) throw new Error("sign-in failed");
    return { user, ref: { clinicId: user.clinicId, sessionId: r.sessionId } };
  }

  it("is alive within the idle window and ends after it", async () => {
    const { ref } = await signedIn();
    expect(await validateSession(db, ref, policy, new Date("2026-01-01T08:14:00Z"))).not.toBeNull();
    // The 08:14 request touched last_seen_at, so 08:28 is still within 15 idle minutes.
    expect(await validateSession(db, ref, policy, new Date("2026-01-01T08:28:00Z"))).not.toBeNull();
    expect(await validateSession(db, ref, policy, new Date("2026-01-01T08:44:00Z"))).toBeNull();
    // Once ended it stays ended.
    expect(await validateSession(db, ref, policy, new Date("2026-01-01T08:45:00Z"))).toBeNull();
  });

  it("ends at the absolute limit even when active", async () => {
    const { ref } = await signedIn();
    let t = new Date("2026-01-01T08:00:00Z").getTime();
    for (let i = 0; i < 12 * 6 - 1; i++) {
      t += 10 * 60_000;
      if (!(await validateSession(db, ref, policy, new Date(t)))) break;
    }
    expect(await validateSession(db, ref, policy, new Date("2026-01-01T20:00:01Z"))).toBeNull();
  });

  it("ends on sign-out, on 'end sessions' and on deactivation", async () => {
    const a = await signedIn();
    const now = new Date("2026-01-01T08:01:00Z");
    await revokeSession(db, a.ref, now);
    expect(await validateSession(db, a.ref, policy, now)).toBeNull();

    const b = await signedIn();
    expect(await revokeUserSessions(db, { clinicId: b.user.clinicId, userId: b.user.id })).toBe(1);
    expect(await validateSession(db, b.ref, policy, now)).toBeNull();

    const c = await signedIn();
    await db.update(users).set({ active: false }).where(and(eq(users.clinicId, c.user.clinicId), eq(users.id, c.user.id)));
    expect(await validateSession(db, c.ref, policy, now)).toBeNull();
  });

  it("re-reads the role from the database on every request", async () => {
    const { user, ref } = await signedIn();
    const now = new Date("2026-01-01T08:02:00Z");
    expect((await validateSession(db, ref, policy, now))?.user.role).toBe("clinician");
    await db.update(users).set({ role: "admin" }).where(and(eq(users.clinicId, user.clinicId), eq(users.id, user.id)));
    expect((await validateSession(db, ref, policy, now))?.user.role).toBe("admin");
  });

  it("does not accept a session id under another clinic", async () => {
    const a = await signedIn();
    const other = await makeClinic(db);
    expect(await validateSession(db, { clinicId: other.id, sessionId: a.ref.sessionId }, policy, new Date("2026-01-01T08:01:00Z"))).toBeNull();
  });
});
