import { randomUUID } from "node:crypto";
import { and, count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { checkIns, patients } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { NUL_MESSAGE } from "@/lib/auth/form-data";
import { fixedClock } from "@/lib/time/clock";
import { actorFor, makeUser, openTestDb, validPatient } from "../support/test-db";
import { form, seedFinalAssessment } from "./plan-support";

// What the fuzz (fuzz-actions.test.ts, fuzz-routes.test.ts) found, one case each, so a change that
// brings one back fails here by name: text with a NUL (which PostgreSQL cannot store or compare)
// and a plan version past PostgreSQL's integer reached the database and failed there.
const current: { actor: Actor | null } = { actor: null };
let handle: Awaited<ReturnType<typeof openTestDb>>;
vi.mock("@/lib/auth/require-user", () => ({ getActor: async () => current.actor }));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));
vi.mock("@/db/client", async (orig) => ({ ...(await orig<object>()), getDb: async () => handle.db }));
process.env.LOADWISE_CLIENT_ADDRESS_FROM_SERVER = "1";
process.env.LOADWISE_TEST_CLOCK = "1";
const NOW = "2026-12-02T10:00:00Z";
vi.mock("next/headers", () => ({ headers: async () => new Headers({ host: "app.test", "x-loadwise-client-address": "198.18.15.3", "user-agent": "phone", "x-loadwise-test-now": NOW }) }));

const { createPatientAction } = await import("@/app/(clinic)/patients/actions");
const { logSessionAction } = await import("@/app/p/[token]/actions");
const caseloadCsv = await import("@/app/api/admin/caseload.csv/route");
const auditCsv = await import("@/app/api/admin/audit.csv/route");
const clinicianPdf = await import("@/app/(clinic)/patients/[patientId]/plans/[planId]/pdf/route");
const { recordGateAction } = await import("@/app/(clinic)/patients/[patientId]/assessments/[assessmentId]/actions");
const { createDraft } = await import("@/lib/assessments/create-draft");
const { createPlan } = await import("@/lib/plans/create-plan");
const { publishPlan } = await import("@/lib/plans/publish-plan");

let s: Awaited<ReturnType<typeof seedFinalAssessment>> & { planId: string; token: string; admin: Actor };
beforeAll(async () => {
  handle = await openTestDb();
  const seeded = await seedFinalAssessment(handle.db);
  const { plan } = await createPlan(handle.db, seeded.actor, seeded);
  const r = await publishPlan(handle.db, seeded.actor, { patientId: seeded.patientId, planId: plan.id, version: 1 }, fixedClock("2026-12-01T10:00:00Z"));
  s = { ...seeded, planId: plan.id, token: r.link!.path.slice(3), admin: actorFor(await makeUser(handle.db, seeded.clinic.id, { role: "admin" })) };
});
afterAll(() => handle.close());

const get = (url: string) => new Request(url, { headers: { host: "app.test" } });

describe("NUL characters are refused beside their field, not at the database", () => {
  it("a clinician's form: the patient's notes", async () => {
    current.actor = s.actor;
    const r = await createPatientAction(null, form(validPatient({ notes: "Pasted from a PDF \u0000 reader" })));
    expect(r).toMatchObject({ ok: false, fieldErrors: { notes: [NUL_MESSAGE] } });
    const [n] = await handle.db.select({ n: count() }).from(patients).where(eq(patients.clinicId, s.clinic.id));
    expect(n!.n).toBe(1);
  });

  it("the patient's check-in: its note (before this answered with an unhandled error)", async () => {
    const r = await logSessionAction(
      null,
      form({ token: s.token, idempotencyKey: randomUUID(), sessionDate: "2026-12-02", activity: "run", done: "as_planned", minutes: "30", painDuringNrs: "2", symptom_none: "on", note: "ok \u0000" }),
    );
    expect(r).toMatchObject({ ok: false, fieldErrors: { note: [NUL_MESSAGE] } });
    expect(await handle.db.select().from(checkIns).where(and(eq(checkIns.clinicId, s.clinic.id), eq(checkIns.planId, s.planId)))).toEqual([]);
  });

  it("the admin's CSV exports: a NUL in a search box is ignored like any unusable parameter (was a 500)", async () => {
    current.actor = s.admin;
    const caseload = await caseloadCsv.GET(get("http://app.test/api/admin/caseload.csv?q=%00"), { params: Promise.resolve({}) });
    expect(caseload.status).toBe(200);
    expect(await caseload.text()).toContain(s.patientId);
    const audit = await auditCsv.GET(get("http://app.test/api/admin/audit.csv?patient=a%00&action=plan%00"), { params: Promise.resolve({}) });
    expect(audit.status).toBe(200);
  });
});

describe("a referral date that is shaped right but is no day", () => {
  it("is a field error, not a failed write (2026-02-30 reached the date column)", async () => {
    current.actor = s.actor;
    const { assessment } = await createDraft(handle.db, s.actor, s.patientId);
    for (const day of ["2026-02-30", "2026-13-01", "0000-01-01"]) {
      const r = await recordGateAction(null, form({ assessmentId: assessment.id, patientId: s.patientId, version: String(assessment.version), gate: "referral", referralTo: "Dr Lee, GP", referralDate: day }));
      expect(r, day).toMatchObject({ ok: false, fieldErrors: { referralDate: ["Enter a real date for the referral"] } });
    }
    const ok = await recordGateAction(null, form({ assessmentId: assessment.id, patientId: s.patientId, version: String(assessment.version), gate: "referral", referralTo: "Dr Lee, GP", referralDate: "2026-02-28" })).catch((e: { digest?: string }) => e.digest);
    expect(ok).toMatch(/^NEXT_REDIRECT/);
  });
});

describe("the audit trail's date filter", () => {
  it("ignores days PostgreSQL cannot hold: 0000-01-01, and 9999-12-31 whose day after is year 10000 (was a 500)", async () => {
    current.actor = s.admin;
    for (const q of ["to=9999-12-31", "from=0000-01-01", "from=0001-01-01&to=9999-12-31"]) {
      const res = await auditCsv.GET(get(`http://app.test/api/admin/audit.csv?${q}`), { params: Promise.resolve({}) });
      expect(res.status, q).toBe(200);
    }
  });
});

describe("a plan version PostgreSQL's integer cannot hold names no version", () => {
  it("the clinician's PDF answers 404, not 500", async () => {
    current.actor = s.actor;
    const params = Promise.resolve({ patientId: s.patientId, planId: s.planId });
    for (const v of ["1e308", "2147483648"]) {
      const res = await clinicianPdf.GET(get(`http://app.test/patients/${s.patientId}/plans/${s.planId}/pdf?version=${v}`), { params });
      expect(res.status, `version=${v}`).toBe(404);
    }
  });
});
