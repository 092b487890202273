import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { auditEvents, patients, planLinks } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { actorFor, makeUser, openTestDb } from "../support/test-db";
import { pdfPageTexts } from "../support/pdf-text";
import { form, seedFinalAssessment } from "./plan-support";

// Issue 14, "giving the patient their link": the clinic shows the SAME live link again (screen,
// QR code, printed PDF) without ending it (ADR 0021). The token is kept sealed to its clinic and
// link; lookups still go by its hash. Each test has its own clinic.
let handle: Awaited<ReturnType<typeof openTestDb>>;
const current: { actor: Actor | null } = { actor: null };
vi.mock("@/lib/auth/require-user", () => ({ getActor: async () => current.actor }));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));
vi.mock("@/db/client", async (orig) => ({ ...(await orig<object>()), getDb: async () => handle.db }));
let ip = "203.0.113.70";
process.env.LOADWISE_CLIENT_ADDRESS_FROM_SERVER = "1";
vi.mock("next/headers", () => ({ headers: async () => new Headers({ host: "app.test", "x-loadwise-client-address": ip, "user-agent": "phone" }) }));

const { createPlan } = await import("@/lib/plans/create-plan");
const { publishPlan } = await import("@/lib/plans/publish-plan");
const { issueLinkIn } = await import("@/lib/plans/issue-patient-link");
const { revokePatientLink } = await import("@/lib/plans/revoke-patient-link");
const { showPatientLink } = await import("@/lib/plans/show-patient-link");
const { getPlan } = await import("@/lib/plans/get-plan");
const { openPatientLink } = await import("@/lib/plans/open-patient-link");
const actions = await import("@/app/(clinic)/patients/[patientId]/plans/[planId]/actions");
const { POST: clinicianPdfPOST } = await import("@/app/(clinic)/patients/[patientId]/plans/[planId]/pdf/route");

beforeAll(async () => {
  handle = await openTestDb();
});
afterAll(() => handle.close());
beforeEach(() => {
  current.actor = null;
});

let n = 0;
const freshIp = () => (ip = `198.51.100.${100 + (++n % 100)}`);
// requestOrigin: the Host, over https unless it is a loopback address.
const ORIGIN = "https://app.test";

async function published() {
  freshIp();
  const s = await seedFinalAssessment(handle.db);
  const { plan } = await createPlan(handle.db, s.actor, s);
  const r = await publishPlan(handle.db, s.actor, { patientId: s.patientId, planId: plan.id, version: 1 });
  const token = r.link!.path.slice(3);
  return { ...s, plan, planId: plan.id, token };
}

const linksOf = (planId: string) => handle.db.select().from(planLinks).where(eq(planLinks.planId, planId));
const showsOf = async (clinicId: string) =>
  (await handle.db.select().from(auditEvents).where(and(eq(auditEvents.clinicId, clinicId), eq(auditEvents.action, "plan_link.show")))).map((e) => ({
    actor: e.actorUserId,
    link: e.entityId,
    patient: e.patientId,
    via: (e.detail as { via?: string }).via,
  }));
const opens = async (token: string) => (await openPatientLink(handle.db, token, { ip, userAgent: "phone", purpose: "view", origin: ORIGIN })) !== null;

describe("showing the live link again", () => {
  it("keeps only the hash in the clear, and shows the very link that was issued, audited as a read", async () => {
    const s = await published();
    const [row] = await linksOf(s.planId);
    expect(row!.tokenCiphertext).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(row!.tokenKeyId).toMatch(/^[0-9a-f]{8}$/);
    // A database dump alone does not hand out the link: the token is nowhere in the row.
    expect(JSON.stringify(row)).not.toContain(s.token);

    const first = await showPatientLink(handle.db, s.actor, s, { origin: ORIGIN });
    const again = await showPatientLink(handle.db, s.actor, s, { origin: ORIGIN });
    expect(first).toMatchObject({ state: "shown", path: `/p/${s.token}`, url: `${ORIGIN}/p/${s.token}`, linkId: row!.id, expiresAt: row!.expiresAt });
    expect(again).toEqual(first);

    // Nothing was revoked, renewed or added; the patient's link still opens.
    const after = await linksOf(s.planId);
    expect(after).toHaveLength(1);
    expect(after[0]).toMatchObject({ revokedAt: null, expiresAt: row!.expiresAt, tokenHash: row!.tokenHash });
    expect(await opens(s.token)).toBe(true);
    expect(await showsOf(s.clinic.id)).toEqual([
      { actor: s.user.id, link: row!.id, patient: s.patientId, via: "screen" },
      { actor: s.user.id, link: row!.id, patient: s.patientId, via: "screen" },
    ]);
  });

  it("the action gives a clinician or an admin of the clinic the full link, at the printed origin", async () => {
    const s = await published();
    current.actor = s.actor;
    const r = await actions.showLinkAction(null, form({ planId: s.planId, patientId: s.patientId }));
    expect(r).toEqual({ ok: true, message: `link:${ORIGIN}/p/${s.token}` });
    current.actor = actorFor(await makeUser(handle.db, s.clinic.id, { role: "admin" }));
    expect(await actions.showLinkAction(null, form({ planId: s.planId, patientId: s.patientId }))).toEqual({ ok: true, message: `link:${ORIGIN}/p/${s.token}` });
    expect((await showsOf(s.clinic.id)).map((e) => e.actor)).toEqual([s.user.id, current.actor.userId]);
  });

  it("another clinic's clinician or admin gets 'not found', learns nothing and leaves no show in either trail", async () => {
    const s = await published();
    const other = await seedFinalAssessment(handle.db);
    const otherAdmin = actorFor(await makeUser(handle.db, other.clinic.id, { role: "admin" }));
    for (const actor of [other.actor, otherAdmin]) {
      await expect(showPatientLink(handle.db, actor, s, { origin: ORIGIN })).rejects.toMatchObject({ kind: "not_found" });
      current.actor = actor;
      const r = await actions.showLinkAction(null, form({ planId: s.planId, patientId: s.patientId }));
      expect(r).toMatchObject({ ok: false, formError: "Plan not found" });
      expect(JSON.stringify(r)).not.toContain(s.token);
    }
    // The clinician's PDF route too: a 404, never the other clinic's link.
    current.actor = other.actor;
    const res = await clinicianPdfPOST(new Request(`${ORIGIN}/patients/${s.patientId}/plans/${s.planId}/pdf`, { method: "POST", headers: { host: "app.test" } }), {
      params: Promise.resolve({ patientId: s.patientId, planId: s.planId }),
    });
    expect(res.status).toBe(404);
    expect(await showsOf(s.clinic.id)).toEqual([]);
    expect(await showsOf(other.clinic.id)).toEqual([]);
  });

  it("a revoked link cannot be shown, and revoking wipes its sealed token", async () => {
    const s = await published();
    await revokePatientLink(handle.db, s.actor, s);
    const [row] = await linksOf(s.planId);
    expect(row).toMatchObject({ tokenCiphertext: null, tokenKeyId: null });
    expect(row!.revokedAt).not.toBeNull();
    expect(await showPatientLink(handle.db, s.actor, s, { origin: ORIGIN })).toEqual({ state: "none" });
    current.actor = s.actor;
    expect(await actions.showLinkAction(null, form({ planId: s.planId, patientId: s.patientId }))).toMatchObject({ ok: false, formError: /no live link/ });
    expect(await showsOf(s.clinic.id)).toEqual([]);
  });

  it("re-issuing ends the old link: the new one is shown, the old one's sealed token is gone", async () => {
    const s = await published();
    const fresh = await handle.db.transaction((tx) => issueLinkIn(tx, s.actor, s.plan, 30));
    const rows = await linksOf(s.planId);
    expect(rows.find((r) => r.revokedAt !== null)).toMatchObject({ tokenCiphertext: null, tokenKeyId: null });
    expect(await showPatientLink(handle.db, s.actor, s, { origin: ORIGIN })).toMatchObject({ state: "shown", path: fresh.path });
    expect(await opens(s.token)).toBe(false);
    expect(await opens(fresh.token)).toBe(true);
  });

  it("an expired link cannot be shown (nor printed), and nothing is audited as shown", async () => {
    const s = await published();
    await handle.db.update(planLinks).set({ expiresAt: new Date(Date.now() - 1000), createdAt: new Date(Date.now() - 5000) }).where(eq(planLinks.planId, s.planId));
    expect(await showPatientLink(handle.db, s.actor, s, { origin: ORIGIN })).toMatchObject({ state: "expired" });
    current.actor = s.actor;
    expect(await actions.showLinkAction(null, form({ planId: s.planId, patientId: s.patientId }))).toMatchObject({ ok: false, formError: /expired/ });
    const pages = await pdfPageTexts(await clinicianPdf(s));
    expect(pages.join(" ")).not.toContain("/p/");
    expect(await showsOf(s.clinic.id)).toEqual([]);
  });

  it("a sealed token copied onto another link, in this clinic or another, does not open there", async () => {
    const a = await published();
    const b = await published(); // another clinic
    const c = await seedFinalAssessment(handle.db, undefined, { into: { clinic: a.clinic, user: a.user } });
    const { plan: cPlan } = await createPlan(handle.db, a.actor, c);
    await publishPlan(handle.db, a.actor, { patientId: c.patientId, planId: cPlan.id, version: 1 });
    const [rowA] = await linksOf(a.planId);
    for (const target of [{ ...b, planId: b.planId }, { ...c, actor: a.actor, planId: cPlan.id }]) {
      await handle.db.update(planLinks).set({ tokenCiphertext: rowA!.tokenCiphertext, tokenKeyId: rowA!.tokenKeyId }).where(eq(planLinks.planId, target.planId));
      expect(await showPatientLink(handle.db, target.actor, { patientId: target.patientId, planId: target.planId }, { origin: ORIGIN })).toEqual({ state: "unreadable" });
    }
    // The original still opens where it belongs.
    expect(await showPatientLink(handle.db, a.actor, a, { origin: ORIGIN })).toMatchObject({ state: "shown", path: `/p/${a.token}` });
  });

  it("a link issued before links were kept, or under a key this server lacks, says so and offers a new link", async () => {
    const s = await published();
    await handle.db.update(planLinks).set({ tokenCiphertext: null, tokenKeyId: null }).where(eq(planLinks.planId, s.planId));
    expect((await getPlan(handle.db, s.actor, s.patientId, s.planId)).link).toMatchObject({ expired: false, kept: "not_kept" });
    expect(await showPatientLink(handle.db, s.actor, s, { origin: ORIGIN })).toEqual({ state: "not_kept" });
    current.actor = s.actor;
    expect(await actions.showLinkAction(null, form({ planId: s.planId, patientId: s.patientId }))).toMatchObject({ ok: false, formError: /issued before.*issue a new link/s });
    // It still works for the patient: lookups never needed the ciphertext.
    expect(await opens(s.token)).toBe(true);

    const k = await published();
    await handle.db.update(planLinks).set({ tokenKeyId: "00000000" }).where(eq(planLinks.planId, k.planId));
    expect((await getPlan(handle.db, k.actor, k.patientId, k.planId)).link).toMatchObject({ kept: "key_unavailable" });
    expect(await showPatientLink(handle.db, k.actor, k, { origin: ORIGIN })).toEqual({ state: "unreadable" });
    expect(await showsOf(s.clinic.id)).toEqual([]);
    expect(await showsOf(k.clinic.id)).toEqual([]);
  });

  it("the database refuses a revoked link that keeps its sealed token", async () => {
    const s = await published();
    const [row] = await linksOf(s.planId);
    await expect(handle.db.update(planLinks).set({ revokedAt: new Date(), revokedBy: s.user.id }).where(eq(planLinks.id, row!.id))).rejects.toThrow();
  });

  it("discharge keeps the link live (ADR 0018), so it can still be shown; it changes nothing about the link", async () => {
    const s = await published();
    await handle.db.update(patients).set({ status: "discharged" }).where(and(eq(patients.clinicId, s.clinic.id), eq(patients.id, s.patientId)));
    expect(await showPatientLink(handle.db, s.actor, s, { origin: ORIGIN })).toMatchObject({ state: "shown", path: `/p/${s.token}` });
    expect((await linksOf(s.planId))[0]).toMatchObject({ revokedAt: null });
  });
});

/** The clinician's "patient PDF with this link" as the browser posts it (same origin). */
async function clinicianPdf(s: { actor: Actor; patientId: string; planId: string }) {
  current.actor = s.actor;
  const res = await clinicianPdfPOST(
    new Request(`${ORIGIN}/patients/${s.patientId}/plans/${s.planId}/pdf`, { method: "POST", headers: { host: "app.test", origin: ORIGIN, "sec-fetch-site": "same-origin" } }),
    { params: Promise.resolve({ patientId: s.patientId, planId: s.planId }) },
  );
  expect(res.status).toBe(200);
  expect(res.headers.get("content-type")).toBe("application/pdf");
  return Buffer.from(await res.arrayBuffer());
}

describe("the patient's PDF printed by the clinic", () => {
  it("carries the live link on page 1 at any time, without ending it, audited as a show through the PDF", async () => {
    const s = await published();
    const pages = await pdfPageTexts(await clinicianPdf(s));
    expect(pages[0]).toContain(`${ORIGIN}/p/${s.token}`);
    expect(pages[0]).toContain("Your plan online");
    // Printed once, on page 1 only.
    expect(pages.slice(1).join(" ")).not.toContain(`/p/${s.token}`);
    expect(await opens(s.token)).toBe(true);
    const [row] = await linksOf(s.planId);
    expect(await showsOf(s.clinic.id)).toEqual([{ actor: s.user.id, link: row!.id, patient: s.patientId, via: "pdf" }]);
    const pdfEvents = await handle.db.select().from(auditEvents).where(and(eq(auditEvents.clinicId, s.clinic.id), eq(auditEvents.action, "plan.pdf")));
    expect(pdfEvents.map((e) => e.detail)).toEqual([{ version: 1, withLink: true }]);
  });

  it("the patient's own PDF from their link has it on page 1 too", async () => {
    const s = await published();
    const { GET } = await import("@/app/p/[token]/pdf/route");
    const res = await GET(new Request(`${ORIGIN}/p/${s.token}/pdf`, { headers: { host: "app.test", "x-loadwise-client-address": ip } }), { params: Promise.resolve({ token: s.token }) });
    expect(res.status).toBe(200);
    const pages = await pdfPageTexts(Buffer.from(await res.arrayBuffer()));
    expect(pages[0]).toContain(`/p/${s.token}`);
  });
});
