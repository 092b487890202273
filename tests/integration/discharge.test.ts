import { randomUUID } from "node:crypto";
import { and, count, eq } from "drizzle-orm";
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";
import { renderToStaticMarkup } from "react-dom/server";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { auditEvents, checkIns, clinics, patients } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { engineFieldDefault, engineFields } from "@/lib/validation/admin";
import { fixedClock } from "@/lib/time/clock";
import { actorFor, makeUser, openTestDb } from "../support/test-db";
import { form, redirectTarget, seedFinalAssessment } from "./plan-support";

// Issues 13 and 14: the clinic's contact details on the patient's link and PDF, and discharge:
// the link keeps the plan under a "your program has finished" notice, and check-ins close until
// the patient is active again (ADR 0018). Each test has its own clinic and patient.
let handle: Awaited<ReturnType<typeof openTestDb>>;
const current: { actor: Actor | null } = { actor: null };
vi.mock("@/lib/auth/require-user", () => ({ getActor: async () => current.actor }));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));
vi.mock("@/db/client", async (orig) => ({ ...(await orig<object>()), getDb: async () => handle.db }));
let ip = "203.0.113.50";
let now = "2026-12-01T10:00:00Z";
process.env.LOADWISE_CLIENT_ADDRESS_FROM_SERVER = "1";
process.env.LOADWISE_TEST_CLOCK = "1";
vi.mock("next/headers", () => ({
  headers: async () => new Headers({ host: "app.test", "x-loadwise-client-address": ip, "user-agent": "phone", "x-loadwise-test-now": now }),
}));

const { createPlan } = await import("@/lib/plans/create-plan");
const { publishPlan } = await import("@/lib/plans/publish-plan");
const { logSessionAction, logMorningAction } = await import("@/app/p/[token]/actions");
const { updatePatientAction } = await import("@/app/(clinic)/patients/actions");
const { saveSettingsAction } = await import("@/app/(admin)/admin/settings/actions");
const { getClinicSettings } = await import("@/lib/clinics/get-clinic-settings");
const { clinicContactOf } = await import("@/lib/clinics/clinic-contact");
const { finishedNotice, finishedNoticeText } = await import("@/lib/plans/finished-notice");
const { GET: pdfGET } = await import("@/app/p/[token]/pdf/route");
const PatientPage = (await import("@/app/p/[token]/page")).default;

beforeAll(async () => {
  handle = await openTestDb();
});
afterAll(() => handle.close());
beforeEach(() => {
  current.actor = null;
});

let n = 0;
const freshIp = () => (ip = `198.51.100.${200 + (++n % 50)}`);
const TODAY = "2026-12-01";
const at = (day: string, hour = 10) => `${day}T${String(hour).padStart(2, "0")}:00:00Z`;

const PHONE = "+44 (0)20 7946-0000";
const EMAIL = "front-desk@harbour-physio.test";

async function published() {
  const s = await seedFinalAssessment(handle.db);
  const { plan } = await createPlan(handle.db, s.actor, s);
  const r = await publishPlan(handle.db, s.actor, { patientId: s.patientId, planId: plan.id, version: 1 }, fixedClock(at(TODAY)));
  const admin = actorFor(await makeUser(handle.db, s.clinic.id, { role: "admin" }));
  return { ...s, plan, admin, token: r.link!.path.slice(3) };
}

// The settings form as the browser posts it: every engine threshold at its default.
const defaults = Object.fromEntries(engineFields.map((f) => [f.name, String(engineFieldDefault(f))]));
const settingsForm = (o: Record<string, string>) => form({ ...defaults, units: "km", paperSize: "A4", idleTimeoutMinutes: "15", version: "0", contactPhone: "", contactEmail: "", ...o });

async function saveContact(admin: Actor, phone = PHONE, email = EMAIL) {
  current.actor = admin;
  const version = String((await getClinicSettings(handle.db, admin.clinicId)).version ?? 0);
  const r = await saveSettingsAction(null, settingsForm({ contactPhone: phone, contactEmail: email, version }));
  expect(r).toMatchObject({ ok: true });
  current.actor = null;
}

/** The patient edit form as posted, with only the status changed. */
async function setStatus(s: Awaited<ReturnType<typeof published>>, status: "active" | "discharged") {
  const [p] = await handle.db.select().from(patients).where(and(eq(patients.clinicId, s.clinic.id), eq(patients.id, s.patientId)));
  current.actor = s.actor;
  const target = await redirectTarget(
    updatePatientAction(
      null,
      form({ firstName: p!.firstName, lastName: p!.lastName, dateOfBirth: p!.dateOfBirth, sex: p!.sex, sport: p!.sport, level: "", email: "", phone: "", notes: "", patientId: p!.id, version: String(p!.version), status }),
    ),
  );
  current.actor = null;
  expect(target).toBe(`/patients/${s.patientId}?saved=1`);
}

const pageHtml = async (token: string) => renderToStaticMarkup((await PatientPage({ params: Promise.resolve({ token }) })) as never);
const session = (token: string, o: Record<string, string> = {}) =>
  form({ token, idempotencyKey: randomUUID(), sessionDate: TODAY, activity: "run", done: "as_planned", minutes: "30", distance: "5", effortRpe: "4", painDuringNrs: "2", symptom_none: "on", note: "", ...o });
const rowCount = async (planId: string) => Number((await handle.db.select({ n: count() }).from(checkIns).where(eq(checkIns.planId, planId)))[0]!.n);

async function pdfText(token: string): Promise<string> {
  const res = await pdfGET(new Request(`http://app.test/p/${token}/pdf`, { headers: { host: "app.test", "x-loadwise-client-address": ip, "x-loadwise-test-now": now } }), {
    params: Promise.resolve({ token }),
  });
  expect(res.status).toBe(200);
  const doc = await getDocument({ data: new Uint8Array(await res.arrayBuffer()), useSystemFonts: false, isEvalSupported: false }).promise;
  const pages: string[] = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const content = await (await doc.getPage(i)).getTextContent();
    pages.push(content.items.map((it) => ("str" in it ? it.str + (it.hasEOL ? "\n" : "") : "")).join(""));
  }
  await doc.destroy();
  // Page 1 first: the contact and the notice are printed there.
  return pages.map((p) => p.replace(/\s+/g, " ")).join(" \f ");
}

describe("clinic contact details (settings)", () => {
  it("refuses a bad phone or email with the error beside each field and writes nothing", async () => {
    freshIp();
    const s = await published();
    current.actor = s.admin;
    for (const [phone, email] of [
      ["12345", "not-an-email"],
      ["call 0207 946 0000", "clinic@"],
      ["+44 ()", "a@b"],
      ["1".repeat(31), "two@@example.com"],
    ] as const) {
      const r = await saveSettingsAction(null, settingsForm({ contactPhone: phone, contactEmail: email }));
      expect(r?.ok).toBe(false);
      expect(r?.fieldErrors?.contactPhone?.[0]).toMatch(/6 to 30 characters/);
      expect(r?.fieldErrors?.contactEmail?.[0]).toMatch(/valid email/);
      expect(Object.keys(r?.fieldErrors ?? {}).sort()).toEqual(["contactEmail", "contactPhone"]);
    }
    const stored = (await handle.db.select({ settings: clinics.settings }).from(clinics).where(eq(clinics.id, s.clinic.id)))[0]!.settings;
    expect(stored).toEqual({});
    const events = await handle.db.select().from(auditEvents).where(and(eq(auditEvents.clinicId, s.clinic.id), eq(auditEvents.action, "clinic.settings_update")));
    expect(events).toHaveLength(0);
  });

  it("saves both, shows them on the patient's page with tel: and mailto: links and on the PDF with the clinic's name; emptying removes them", async () => {
    freshIp();
    now = at(TODAY);
    const s = await published();
    const before = await pageHtml(s.token);
    expect(before).not.toContain("Contact your clinic");

    await saveContact(s.admin);
    const settings = await getClinicSettings(handle.db, s.clinic.id);
    expect(settings).toMatchObject({ contactPhone: PHONE, contactEmail: EMAIL });

    const html = await pageHtml(s.token);
    expect(html).toContain("Contact your clinic");
    expect(html).toContain('href="tel:+4402079460000"');
    expect(html).toContain(`href="mailto:${EMAIL}"`);
    expect(html).toContain(`>${PHONE}</a>`);
    // Check-ins stay open for an active patient.
    expect(html).toContain('aria-labelledby="log-heading"');

    const pdf = await pdfText(s.token);
    const page1 = pdf.split("\f")[0]!;
    expect(page1).toContain(s.clinic.name.toUpperCase());
    expect(page1).toContain(`Contact your clinic: Phone ${PHONE} · Email ${EMAIL}`);
    expect(pdf).not.toContain("finished your program");

    await saveContact(s.admin, "", "");
    const cleared = (await handle.db.select({ settings: clinics.settings }).from(clinics).where(eq(clinics.id, s.clinic.id)))[0]!.settings;
    expect(cleared).not.toHaveProperty("contactPhone");
    expect(cleared).not.toHaveProperty("contactEmail");
    expect(await pageHtml(s.token)).not.toContain("Contact your clinic");
  });
});

describe("discharge and the patient's link", () => {
  it("discharged: the page keeps the plan under the notice with the clinic's contact and the seek-care list, and no check-in forms; the PDF carries the notice", async () => {
    freshIp();
    now = at(TODAY);
    const s = await published();
    await saveContact(s.admin);
    await setStatus(s, "discharged");

    const [p] = await handle.db.select().from(patients).where(eq(patients.id, s.patientId));
    expect(p!.status).toBe("discharged");
    const events = await handle.db.select().from(auditEvents).where(and(eq(auditEvents.clinicId, s.clinic.id), eq(auditEvents.action, "patient.discharge")));
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ actorUserId: s.user.id, patientId: s.patientId });

    const html = await pageHtml(s.token);
    const notice = finishedNotice(clinicContactOf(await getClinicSettings(handle.db, s.clinic.id)));
    expect(html).toContain(notice.title);
    expect(html).toContain(`${s.clinic.name} has finished working with you on this plan, so check-ins are closed`);
    expect(html).toContain('href="tel:+4402079460000"');
    expect(html).toContain(`href="mailto:${EMAIL}"`);
    // The notice opens the page; the plan follows, with its urgent-symptom guidance.
    expect(html.indexOf(notice.title)).toBeLessThan(html.indexOf("Your return-to-training plan"));
    expect(html).toContain("Your stages");
    expect(html).toContain("When to stop and seek care");
    expect(html).toContain("get urgent medical help");
    expect(html).toContain('href="#seek-care"');
    // No forms at all: neither "Log a session" nor the morning question.
    expect(html).not.toContain("<form");
    expect(html).not.toContain("Log a session");
    expect(html).not.toContain("Your sessions will show here");

    const pdf = await pdfText(s.token);
    const page1 = pdf.split("\f")[0]!;
    expect(page1).toContain(notice.title);
    expect(page1).toContain(`contact ${s.clinic.name}: call ${PHONE} or email ${EMAIL}.`);
    expect(pdf).toContain("When to stop and seek care");
    expect(pdf).toContain("Your stages");
  });

  it("a session or morning answer posted after discharge records nothing and answers with the notice; reactivating reopens check-ins", async () => {
    freshIp();
    now = at(TODAY);
    const s = await published();
    // One session while active, so there is a morning question to answer the next day.
    expect(await redirectTarget(logSessionAction(null, session(s.token)))).toBe(`/p/${s.token}?saved=session#now`);
    const [logged] = await handle.db.select().from(checkIns).where(eq(checkIns.planId, s.plan.id));
    await setStatus(s, "discharged");

    now = at("2026-12-02");
    const expected = finishedNoticeText(finishedNotice(clinicContactOf(await getClinicSettings(handle.db, s.clinic.id))));
    // No contact set: the notice names no number, just "your clinic".
    expect(expected).toContain("contact your clinic.");
    const auditBefore = Number((await handle.db.select({ n: count() }).from(auditEvents).where(eq(auditEvents.clinicId, s.clinic.id)))[0]!.n);

    const r = await logSessionAction(null, session(s.token, { sessionDate: "2026-12-02" }));
    expect(r).toMatchObject({ ok: false, formError: expected });
    expect(r?.values?.minutes).toBe("30");
    const m = await logMorningAction(null, form({ token: s.token, idempotencyKey: randomUUID(), checkInId: logged!.id, morningPainNrs: "1", comparedWithBefore: "same", symptom_none: "on" }));
    expect(m).toMatchObject({ ok: false, formError: expected });
    expect(await rowCount(s.plan.id)).toBe(1);
    const [still] = await handle.db.select().from(checkIns).where(eq(checkIns.id, logged!.id));
    expect(still!.morningAt).toBeNull();
    // Nothing written for the refused posts (the page view above is not audited: no view ran).
    expect(Number((await handle.db.select({ n: count() }).from(auditEvents).where(eq(auditEvents.clinicId, s.clinic.id)))[0]!.n)).toBe(auditBefore);

    await setStatus(s, "active");
    const reactivated = await handle.db.select().from(auditEvents).where(and(eq(auditEvents.clinicId, s.clinic.id), eq(auditEvents.action, "patient.reactivate")));
    expect(reactivated).toHaveLength(1);
    const html = await pageHtml(s.token);
    expect(html).not.toContain("finished your program");
    expect(html).toContain('aria-labelledby="log-heading"');
    expect(await redirectTarget(logSessionAction(null, session(s.token, { sessionDate: "2026-12-02" })))).toBe(`/p/${s.token}?saved=session#now`);
    expect(await redirectTarget(logMorningAction(null, form({ token: s.token, idempotencyKey: randomUUID(), checkInId: logged!.id, morningPainNrs: "1", comparedWithBefore: "same", symptom_none: "on" })))).toBe(
      `/p/${s.token}?saved=morning#now`,
    );
    expect(await rowCount(s.plan.id)).toBe(2);
    now = at(TODAY);
  });

  it("an edit that leaves the status alone records no discharge or reactivation", async () => {
    freshIp();
    const s = await published();
    await setStatus(s, "active");
    const events = await handle.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.clinicId, s.clinic.id), eq(auditEvents.patientId, s.patientId)));
    expect(events.map((e) => e.action)).toContain("patient.update");
    expect(events.map((e) => e.action)).not.toContain("patient.discharge");
    expect(events.map((e) => e.action)).not.toContain("patient.reactivate");
  });
});
