import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { auditEvents, passwordTokens, users } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { hashPassword } from "@/lib/auth/password";
import { actorFor, makeClinic, makeUser, openTestDb, TEST_PASSWORD } from "../support/test-db";

// Invite and reset links against deactivation: nothing a removed user holds may bring the
// account back; only an admin reactivates it. And a link is checked before any password is hashed.
vi.mock("@/lib/auth/password", async (orig) => {
  const real = await orig<typeof import("@/lib/auth/password")>();
  return { ...real, hashPassword: vi.fn(real.hashPassword) };
});
let handle: Awaited<ReturnType<typeof openTestDb>>;
const { inviteUser, resetUserPassword, setUserActive } = await import("@/lib/admin/manage-users");
const { findPasswordLink, setPasswordWithLink } = await import("@/lib/admin/set-password");
const { authenticate } = await import("@/lib/auth/authenticate");

const policy = { idleMinutes: 15, maxHours: 12 };
const meta = { ip: "192.0.2.50", userAgent: "vitest" };
const tokenOf = (path: string) => path.split("/").pop()!;

beforeAll(async () => {
  handle = await openTestDb();
});
afterAll(() => handle.close());
beforeEach(() => {
  vi.mocked(hashPassword).mockClear();
});

async function clinicWithClinician() {
  const clinic = await makeClinic(handle.db);
  const admin: Actor = actorFor(await makeUser(handle.db, clinic.id, { role: "admin" }));
  const pt = await makeUser(handle.db, clinic.id, { passwordHash: await hashPassword(TEST_PASSWORD) });
  vi.mocked(hashPassword).mockClear();
  return { clinic, admin, pt };
}

const userRow = async (clinicId: string, id: string) =>
  (await handle.db.select().from(users).where(and(eq(users.clinicId, clinicId), eq(users.id, id))))[0]!;

describe("links and deactivation", () => {
  it("a reset link issued before deactivation is refused after it: still inactive, cannot sign in", async () => {
    const { clinic, admin, pt } = await clinicWithClinician();
    const link = await resetUserPassword(handle.db, admin, { userId: pt.id, version: pt.version });
    const afterReset = await userRow(clinic.id, pt.id);
    await setUserActive(handle.db, admin, { userId: pt.id, version: afterReset.version, active: false });

    expect(await findPasswordLink(handle.db, tokenOf(link.path))).toBeNull();
    await expect(setPasswordWithLink(handle.db, { token: tokenOf(link.path), password: "a-new-password-1" }, meta)).rejects.toMatchObject({
      kind: "not_found",
    });
    const after = await userRow(clinic.id, pt.id);
    expect(after.active).toBe(false);
    expect((await authenticate(handle.db, { email: pt.email, password: "a-new-password-1" }, policy, meta)).ok).toBe(false);
    expect((await authenticate(handle.db, { email: pt.email, password: TEST_PASSWORD }, policy, meta)).ok).toBe(false);
    // Deactivation voided the link itself, and says so in the trail.
    const [tokenRow] = await handle.db.select().from(passwordTokens).where(eq(passwordTokens.userId, pt.id));
    expect(tokenRow?.usedAt).not.toBeNull();
    const [event] = await handle.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.clinicId, clinic.id), eq(auditEvents.action, "user.deactivate"), eq(auditEvents.entityId, pt.id)));
    expect(event?.detail).toMatchObject({ linksVoided: 1 });
  });

  it("a link never reactivates an account, even one deactivated after the link was checked", async () => {
    const { clinic, admin, pt } = await clinicWithClinician();
    const link = await resetUserPassword(handle.db, admin, { userId: pt.id, version: pt.version });
    // Deactivated behind the service's back (no voiding): the link's own check must still hold.
    await handle.db.update(users).set({ active: false }).where(and(eq(users.clinicId, clinic.id), eq(users.id, pt.id)));
    await expect(setPasswordWithLink(handle.db, { token: tokenOf(link.path), password: "a-new-password-2" }, meta)).rejects.toMatchObject({
      kind: "not_found",
    });
    expect((await userRow(clinic.id, pt.id)).active).toBe(false);
  });

  it("an invite of a deactivated account is dead too", async () => {
    const clinic = await makeClinic(handle.db);
    const admin = actorFor(await makeUser(handle.db, clinic.id, { role: "admin" }));
    const { user, link } = await inviteUser(handle.db, admin, { name: "Gone Soon", email: `gone-${Date.now()}@clinic.test`, role: "clinician" });
    await setUserActive(handle.db, admin, { userId: user.id, version: user.version, active: false });
    await expect(setPasswordWithLink(handle.db, { token: tokenOf(link.path), password: "a-new-password-3" }, meta)).rejects.toMatchObject({
      kind: "not_found",
    });
    expect((await userRow(clinic.id, user.id)).active).toBe(false);
  });

  it("only an admin's reactivation brings the account back, audited as such; then a new reset link works", async () => {
    const { clinic, admin, pt } = await clinicWithClinician();
    const off = await setUserActive(handle.db, admin, { userId: pt.id, version: pt.version, active: false });
    await expect(resetUserPassword(handle.db, admin, { userId: pt.id, version: off.version })).rejects.toMatchObject({ kind: "conflict" });
    const on = await setUserActive(handle.db, admin, { userId: pt.id, version: off.version, active: true });
    expect(on.active).toBe(true);
    const [event] = await handle.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.clinicId, clinic.id), eq(auditEvents.action, "user.reactivate"), eq(auditEvents.entityId, pt.id)));
    expect(event?.actorUserId).toBe(admin.userId);
    const link = await resetUserPassword(handle.db, admin, { userId: pt.id, version: on.version });
    await setPasswordWithLink(handle.db, { token: tokenOf(link.path), password: "back-again-pass" }, meta);
    expect((await authenticate(handle.db, { email: pt.email, password: "back-again-pass" }, policy, meta)).ok).toBe(true);
  });

  it("checks the token before hashing the password: a made-up token costs no argon2 hash", async () => {
    await expect(setPasswordWithLink(handle.db, { token: "made-up-token-made-up-token-0000", password: "whatever-password" }, meta)).rejects.toMatchObject({
      kind: "not_found",
    });
    expect(vi.mocked(hashPassword)).not.toHaveBeenCalled();
  });
});
