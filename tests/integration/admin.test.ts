import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { auditEvents, passwordTokens, users } from "@/db/schema";
import { changeUserRole, inviteUser, setUserActive } from "@/lib/admin/manage-users";
import { findPasswordLink, setPasswordWithLink } from "@/lib/admin/set-password";
import { settingsFormValues, updateClinicSettings } from "@/lib/admin/update-clinic-settings";
import { evaluate } from "@/lib/clinical";
import { withChange } from "@/lib/clinical/test-fixtures";
import { engineFieldDefault, engineFields } from "@/lib/validation/admin";
import type { Actor } from "@/lib/auth/actor";
import { authenticate } from "@/lib/auth/authenticate";
import { recordAuditEvent } from "@/lib/audit/record-event";
import { validateSession } from "@/lib/auth/sessions";
import { form } from "../support/actions";
import { parseCsv } from "../support/csv";
import { actorFor, makeClinic, makeUser, openTestDb } from "../support/test-db";

const current: { actor: Actor | null } = { actor: null };
vi.mock("@/lib/auth/require-user", () => ({ getActor: async () => current.actor }));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));
let handle: Awaited<ReturnType<typeof openTestDb>>;
vi.mock("@/db/client", async (orig) => ({ ...(await orig<object>()), getDb: async () => handle.db }));

const { GET: auditCsv } = await import("@/app/api/admin/audit.csv/route");
const { deactivateUserAction, inviteUserAction } = await import("@/app/(admin)/admin/users/actions");
const { saveSettingsAction } = await import("@/app/(admin)/admin/settings/actions");

const policy = { idleMinutes: 15, maxHours: 12 };
const meta = { ip: "127.0.0.1", userAgent: "vitest" };
const tokenOf = (path: string) => path.split("/").pop()!;

beforeAll(async () => {
  handle = await openTestDb();
});
afterAll(() => handle.close());
beforeEach(() => {
  current.actor = null;
});

async function clinicWithAdmin() {
  const clinic = await makeClinic(handle.db);
  const admin = actorFor(await makeUser(handle.db, clinic.id, { role: "admin" }));
  return { clinic, admin };
}

describe("accounts", () => {
  it("invites a clinician whose one-time link sets a password they can sign in with", async () => {
    const { admin } = await clinicWithAdmin();
    const email = `new-${Date.now()}@clinic.test`;
    const { user, link } = await inviteUser(handle.db, admin, { name: "New Person", email, role: "clinician" });
    expect((await authenticate(handle.db, { email, password: "a-strong-password" }, policy, meta)).ok).toBe(false);

    const stored = await handle.db.select().from(passwordTokens).where(eq(passwordTokens.userId, user.id));
    expect(stored[0]?.tokenHash).not.toContain(tokenOf(link.path)); // only the hash is kept

    await setPasswordWithLink(handle.db, { token: tokenOf(link.path), password: "a-strong-password" }, meta);
    expect((await authenticate(handle.db, { email, password: "a-strong-password" }, policy, meta)).ok).toBe(true);
    // Single use.
    expect(await findPasswordLink(handle.db, tokenOf(link.path))).toBeNull();
    await expect(setPasswordWithLink(handle.db, { token: tokenOf(link.path), password: "another-password!" }, meta)).rejects.toMatchObject({ kind: "not_found" });
  });

  it("an expired link is dead", async () => {
    const { admin } = await clinicWithAdmin();
    const { link } = await inviteUser(handle.db, admin, { name: "Late", email: `late-${Date.now()}@clinic.test`, role: "clinician" });
    expect(await findPasswordLink(handle.db, tokenOf(link.path), new Date(Date.now() + 73 * 3_600_000))).toBeNull();
  });

  it("deactivating a user ends their open session on its next request", async () => {
    const { clinic, admin } = await clinicWithAdmin();
    const { hashPassword } = await import("@/lib/auth/password");
    const pt = await makeUser(handle.db, clinic.id, { passwordHash: await hashPassword("pt-password-123") });
    const signedIn = await authenticate(handle.db, { email: pt.email, password: "pt-password-123" }, policy, meta);
    if (!signedIn.ok) throw new Error("sign-in failed");
    const ref = { clinicId: clinic.id, sessionId: signedIn.sessionId };
    expect(await validateSession(handle.db, ref, policy)).not.toBeNull();

    current.actor = admin;
    const state = await deactivateUserAction(null, form({ userId: pt.id, version: String(pt.version) }));
    expect(state?.ok).toBe(true);
    expect(await validateSession(handle.db, ref, policy)).toBeNull();
  });

  it("never removes the clinic's last admin", async () => {
    const { admin } = await clinicWithAdmin();
    await expect(changeUserRole(handle.db, admin, { userId: admin.userId, version: 1, role: "clinician" })).rejects.toMatchObject({ kind: "conflict" });
    await expect(setUserActive(handle.db, admin, { userId: admin.userId, version: 1, active: false })).rejects.toMatchObject({ kind: "conflict" });
  });

  it("an admin cannot touch another clinic's user, and a clinician cannot use admin actions", async () => {
    const a = await clinicWithAdmin();
    const b = await clinicWithAdmin();
    const victim = await makeUser(handle.db, b.clinic.id);
    current.actor = a.admin;
    const crossClinic = await deactivateUserAction(null, form({ userId: victim.id, version: "1" }));
    expect(crossClinic).toMatchObject({ ok: false, formError: "User not found" });

    current.actor = actorFor(await makeUser(handle.db, a.clinic.id, { role: "clinician" }));
    const asClinician = await inviteUserAction(null, form({ name: "X", email: "x@x.test", role: "admin" }));
    expect(asClinician?.formError).toMatch(/role does not allow/);
    const [still] = await handle.db.select().from(users).where(and(eq(users.clinicId, b.clinic.id), eq(users.id, victim.id)));
    expect(still?.active).toBe(true);
  });
});

describe("clinic settings", () => {
  // Every engine threshold at its cited default, then the changes a test makes.
  const defaults = Object.fromEntries(engineFields.map((f) => [f.name, engineFieldDefault(f)])) as Record<(typeof engineFields)[number]["name"], number>;
  const values = { ...defaults, units: "mi", paperSize: "LETTER", idleTimeoutMinutes: 30, calfRaiseTargetRunning: 25 } as const;

  it("saves, stores only changed engine thresholds, and refuses a stale version", async () => {
    const { admin } = await clinicWithAdmin();
    const saved = await updateClinicSettings(handle.db, admin, { ...values, version: 0 });
    expect(saved).toMatchObject({ units: "mi", paperSize: "LETTER", idleTimeoutMinutes: 30, engine: { calfRaiseTargetRunning: 25 }, version: 1 });
    expect(Object.keys(saved.engine ?? {})).toEqual(["calfRaiseTargetRunning"]);
    await expect(updateClinicSettings(handle.db, admin, { ...values, version: 0 })).rejects.toMatchObject({ kind: "conflict" });
  });

  it("stores the new engine and check-in thresholds only when changed, shows them back, and the plan prints them", async () => {
    const { admin } = await clinicWithAdmin();
    const changed = { ...values, calfRaiseTargetRunning: 30, painAcceptableMax: 6, flareCutMinPct: 15, flareCutMaxPct: 25, progressGreenSessions: 4, startingDoseRunKmPerWeek: 12, irritabilityPainNow: 8 };
    const saved = await updateClinicSettings(handle.db, admin, { ...changed, version: 0 });
    expect(saved.engine).toEqual({ painAcceptableMax: 6, flareCutPct: { min: 15, max: 25 }, progressGreenSessions: 4, startingDoseRunKmPerWeek: 12, irritabilityPainNow: 8 });
    const shown = settingsFormValues(saved);
    expect(shown).toMatchObject({ painAcceptableMax: "6", flareCutMinPct: "15", flareCutMaxPct: "25", progressGreenSessions: "4", painGreenMax: "3", noTolerableDoseFlares: "2" });

    // The clinic's numbers reach the plan's words (and the check-in review reads the same settings).
    const plan = evaluate(withChange((i) => (i.symptoms!.painDuringActivityNrs = 7)), saved.engine).plan!;
    expect(plan.painRules.find((r) => r.level === "red")!.when).toMatch(/above 6\/10/);
    expect(plan.stages[0]!.regressWhen[0]).toMatch(/15-25 % less of everything/);
    expect(plan.stages[0]!.progressWhen[0]).toMatch(/at least 4 sessions/);

    // Back to the defaults: nothing left stored, so later default changes reach this clinic.
    const reset = await updateClinicSettings(handle.db, admin, { ...values, calfRaiseTargetRunning: 30, version: 1 });
    expect(reset.engine).toEqual({});
  });

  it("returns each threshold's error under its own field and saves nothing", async () => {
    const { clinic, admin } = await clinicWithAdmin();
    current.actor = admin;
    const post = (o: Record<string, string | number>) => saveSettingsAction(null, form(Object.fromEntries(Object.entries({ ...values, version: 0, ...o }).map(([k, v]) => [k, String(v)]))));
    const ranges = await post({ progressGreenSessions: 9, irritabilityPainNow: "x", flareCutMinPct: 2, startingDoseHoursPerWeek: 40, noTolerableDoseFlares: 1 });
    expect(ranges?.ok).toBe(false);
    expect(ranges?.fieldErrors).toMatchObject({
      progressGreenSessions: ["At most 7"],
      irritabilityPainNow: ["Enter a number"],
      flareCutMinPct: ["At least 5"],
      startingDoseHoursPerWeek: ["At most 20"],
      noTolerableDoseFlares: ["At least 2"],
    });
    const crossed = await post({ painGreenMax: 5, painAcceptableMax: 5, flareCutMinPct: 25, flareCutMaxPct: 15, capacitySevereDeficitPct: 20 });
    expect(crossed?.fieldErrors).toMatchObject({
      painGreenMax: ["Must be below the acceptable pain limit"],
      flareCutMaxPct: ["The larger cut cannot be below the smaller"],
      capacitySevereDeficitPct: [expect.stringMatching(/At least 25/)],
    });
    const { getClinicSettings } = await import("@/lib/clinics/get-clinic-settings");
    expect((await getClinicSettings(handle.db, clinic.id)).version ?? 0).toBe(0);
  });

  it("sets the clinic's time zone through the form: Intl's spelling is stored, the change is audited, an unknown zone is a field error", async () => {
    const { clinic, admin } = await clinicWithAdmin();
    current.actor = admin;
    const { getClinicSettings } = await import("@/lib/clinics/get-clinic-settings");
    const { clinicTimeZone } = await import("@/lib/clinics/clinic-time-zone");
    const post = (o: Record<string, string | number>) => saveSettingsAction(null, form(Object.fromEntries(Object.entries({ ...values, ...o }).map(([k, v]) => [k, String(v)]))));
    expect(settingsFormValues(await getClinicSettings(handle.db, clinic.id)).timeZone).toBe("Europe/London");

    const unknown = await post({ version: 0, timeZone: "Mars/Olympus" });
    expect(unknown?.ok).toBe(false);
    expect(unknown?.fieldErrors).toEqual({ timeZone: ["Unknown time zone: choose one from the list"] });
    expect(await post({ version: 0, timeZone: "+02:00" })).toMatchObject({ ok: false, fieldErrors: { timeZone: [expect.any(String)] } });
    expect((await getClinicSettings(handle.db, clinic.id)).version ?? 0).toBe(0);

    expect(await post({ version: 0, timeZone: "US/Pacific" })).toMatchObject({ ok: true });
    expect(await clinicTimeZone(handle.db, clinic.id)).toBe("America/Los_Angeles");
    // A later save that leaves the zone alone keeps it, and a form without the field does not clear it.
    expect(await post({ version: 1, timeZone: "America/Los_Angeles", idleTimeoutMinutes: 20 })).toMatchObject({ ok: true });
    expect(await post({ version: 2 })).toMatchObject({ ok: true });
    expect(await clinicTimeZone(handle.db, clinic.id)).toBe("America/Los_Angeles");

    const events = await handle.db
      .select({ detail: auditEvents.detail, actor: auditEvents.actorUserId })
      .from(auditEvents)
      .where(and(eq(auditEvents.clinicId, clinic.id), eq(auditEvents.action, "clinic.settings_update")))
      .orderBy(auditEvents.id);
    expect(events).toEqual([
      { actor: admin.userId, detail: { version: 1, timeZone: { from: null, to: "America/Los_Angeles" } } },
      { actor: admin.userId, detail: { version: 2 } },
      { actor: admin.userId, detail: { version: 3 } },
    ]);
  });

  it("the clinic's idle timeout governs its sessions", async () => {
    const { clinic, admin } = await clinicWithAdmin();
    await updateClinicSettings(handle.db, admin, { ...values, idleTimeoutMinutes: 5, version: 0 });
    const { hashPassword } = await import("@/lib/auth/password");
    const u = await makeUser(handle.db, clinic.id, { passwordHash: await hashPassword("idle-password-1") });
    const t0 = new Date("2026-03-01T09:00:00Z");
    const r = await authenticate(handle.db, { email: u.email, password: "idle-password-1" }, policy, meta, t0);
    if (!r.ok) throw new Error("sign-in failed");
    expect(await validateSession(handle.db, { clinicId: clinic.id, sessionId: r.sessionId }, policy, new Date(t0.getTime() + 6 * 60_000))).toBeNull();
  });
});

describe("audit trail export", () => {
  it("contains exactly the filtered rows, and only this clinic's", async () => {
    const { clinic, admin } = await clinicWithAdmin();
    const elsewhere = await clinicWithAdmin();
    const other = await makeUser(handle.db, clinic.id);
    const write = (clinicId: string, actorUserId: string, action: string) =>
      recordAuditEvent(handle.db, { clinicId, actorUserId, action, entityType: "patient", entityId: "x" });
    await write(clinic.id, other.id, "patient.view");
    await write(clinic.id, other.id, "patient.view");
    await write(clinic.id, other.id, "patient.update");
    await write(clinic.id, admin.userId, "patient.view");
    // The same action in another clinic: must never appear, whatever the filters.
    await write(elsewhere.clinic.id, elsewhere.admin.userId, "patient.view");

    current.actor = admin;
    const res = await auditCsv(new Request(`http://t/api/admin/audit.csv?user=${other.id}&action=patient.view`), { params: Promise.resolve({}) });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("text/csv");
    const rows = parseCsv(await res.text());
    expect(rows[0]!.slice(0, 3)).toEqual(["at_utc", "action", "user"]);
    expect(rows.slice(1)).toHaveLength(2);
    for (const r of rows.slice(1)) expect(r.slice(1, 4)).toEqual(["patient.view", "Test User", other.id]);

    const all = parseCsv(await (await auditCsv(new Request("http://t/api/admin/audit.csv?action=patient.view"), { params: Promise.resolve({}) })).text()).slice(1);
    expect(all).toHaveLength(3);
    expect(all.some((r) => r.includes(elsewhere.admin.userId))).toBe(false);
  });

  it("is for admins only", async () => {
    const { clinic } = await clinicWithAdmin();
    current.actor = actorFor(await makeUser(handle.db, clinic.id, { role: "clinician" }));
    const res = await auditCsv(new Request("http://t/api/admin/audit.csv"), { params: Promise.resolve({}) });
    expect(res.status).toBe(403);
  });
});

describe("who looked at this record", () => {
  it("finds a patient by name, keeps to reads with 'views only', and names the patient's own link views", async () => {
    const { listAuditEvents, viewersByDay, countPatientsMatching } = await import("@/lib/admin/list-audit-events");
    const { auditActorLabel } = await import("@/lib/audit/action-labels");
    const { createPatient } = await import("@/lib/patients/create-patient");
    const { patientFormSchema } = await import("@/lib/validation/patient");
    const { validPatient } = await import("../support/test-db");
    const { auditQuerySchema } = await import("@/lib/validation/admin");
    const { clinic, admin } = await clinicWithAdmin();
    const elsewhere = await clinicWithAdmin();
    const pt = await makeUser(handle.db, clinic.id);
    const last = `Byname${Date.now()}`;
    const nora = () => patientFormSchema.parse(validPatient({ firstName: "Nora", lastName: last }));
    const p = await createPatient(handle.db, actorFor(pt), nora());
    // The same name in another clinic must never match.
    const otherPt = await makeUser(handle.db, elsewhere.clinic.id);
    const q = await createPatient(handle.db, actorFor(otherPt), nora());
    const ev = (clinicId: string, actorUserId: string | null, action: string, patientId: string) =>
      recordAuditEvent(handle.db, { clinicId, actorUserId, action, entityType: "patient", entityId: patientId, patientId });
    await ev(clinic.id, pt.id, "patient.view", p!.id);
    await ev(clinic.id, pt.id, "patient.view", p!.id);
    await ev(clinic.id, pt.id, "patient.update", p!.id);
    await ev(clinic.id, null, "plan_link.view", p!.id);
    await ev(elsewhere.clinic.id, otherPt.id, "patient.view", q!.id);

    const query = (o: Record<string, string>) => auditQuerySchema.parse(o);
    const byName = await listAuditEvents(handle.db, admin, query({ patient: `nora ${last.toLowerCase()}` }));
    // patient.create (by the service) plus the four written here.
    expect(byName.total).toBe(5);
    const views = await listAuditEvents(handle.db, admin, query({ patient: last, views: "1" }));
    expect(views.rows.map((r) => r.action).sort()).toEqual(["patient.view", "patient.view", "plan_link.view"]);
    expect(views.rows.map((r) => auditActorLabel(r)).sort()).toEqual(["Patient (link)", "Test User", "Test User"]);
    const perDay = await viewersByDay(handle.db, admin, query({ patient: last }));
    expect(perDay.map((v) => [auditActorLabel(v), v.reads]).sort()).toEqual([
      ["Patient (link)", 1],
      ["Test User", 2],
    ]);
    expect(await countPatientsMatching(handle.db, admin, "Nobody-at-all-zz")).toBe(0);
    expect((await listAuditEvents(handle.db, admin, query({ patient: "Nobody-at-all-zz" }))).total).toBe(0);
  });
});
