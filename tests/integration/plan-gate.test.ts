import { and, eq } from "drizzle-orm";
import { renderToStaticMarkup } from "react-dom/server";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { assessments, auditEvents, patients, plans } from "@/db/schema";
import { openTestDb, actorFor, makeClinic, makeUser } from "../support/test-db";

// Issue 11, point 2: the red-flag gate holds after finalize. An amendment to urgent referral (or
// to a refer with no referral on record) takes the published plan off the patient's link and PDF
// in the same transaction, blocks publishing, and every withdrawal and block is audited.
let handle: Awaited<ReturnType<typeof openTestDb>>;
vi.mock("@/db/client", async (orig) => ({ ...(await orig<object>()), getDb: async () => handle.db }));
let ip = "203.0.113.50";
vi.mock("next/headers", () => ({ headers: async () => new Headers({ host: "app.test", "x-forwarded-for": ip, "user-agent": "phone" }) }));

const { createDraft } = await import("@/lib/assessments/create-draft");
const { saveStep } = await import("@/lib/assessments/save-step");
const { finalizeAssessment } = await import("@/lib/assessments/finalize-assessment");
const { amendAssessment } = await import("@/lib/assessments/amend-assessment");
const { recordReferral } = await import("@/lib/assessments/record-referral");
const { inputToStepForms } = await import("@/lib/assessments/input-to-steps");
const { createPlan } = await import("@/lib/plans/create-plan");
const { publishPlan } = await import("@/lib/plans/publish-plan");
const { openPatientLink } = await import("@/lib/plans/open-patient-link");
const { renderPlanPdfFor } = await import("@/lib/plans/render-plan-report");
const { assessmentInputSchema } = await import("@/lib/clinical");
const { FORM_STEP_KEYS, gateFormSchema, stepFormSchemas, stepValueSchemas } = await import("@/lib/validation/assessment");
const vignettes = (await import("@/lib/clinical/fixtures/vignettes.json")).default;
const { GET: pdfGET } = await import("@/app/p/[token]/pdf/route");
const PatientPage = (await import("@/app/p/[token]/page")).default;

beforeAll(async () => {
  handle = await openTestDb();
});
afterAll(() => handle.close());

let n = 0;
const freshIp = () => (ip = `192.0.2.${++n}`);

/** A final assessment made through the services (so it has a draft to amend), its plan published. */
async function publishedThroughServices() {
  const db = handle.db;
  const clinic = await makeClinic(db);
  const user = await makeUser(db, clinic.id);
  const actor = actorFor(user);
  const [p] = await db
    .insert(patients)
    .values({ clinicId: clinic.id, clinicianId: user.id, firstName: "Gate", lastName: `Case-${++n}`, dateOfBirth: "1996-01-01", sex: "female", sport: "running" })
    .returning();
  const patientId = p!.id;
  const forms = inputToStepForms(assessmentInputSchema.parse(vignettes.find((v) => v.id === "runner-knee-weak-calves")!.input), [["Running 5 km", 4]]);
  let { assessment } = await createDraft(db, actor, patientId);
  for (const [i, key] of FORM_STEP_KEYS.entries()) {
    const values = stepFormSchemas[key].parse({ ...forms[key], assessmentId: assessment.id, patientId, version: String(assessment.version) }) as Record<string, unknown>;
    const { assessmentId: _a, patientId: _p, version: _v, intent: _i, ...own } = values;
    assessment = await saveStep(db, actor, { patientId, assessmentId: assessment.id, version: assessment.version, step: key, values: own, nextStep: i + 2 });
  }
  const final = await finalizeAssessment(db, actor, { patientId, assessmentId: assessment.id, version: assessment.version });
  expect(final.evaluation?.verdict).toBe("back_off");
  const { plan } = await createPlan(db, actor, { patientId, assessmentId: final.id });
  const r = await publishPlan(db, actor, { patientId, planId: plan.id, version: 1 });
  const token = r.link!.path.slice(3);
  return { clinic, actor, patientId, assessmentId: final.id, plan, token, forms };
}

async function amendRedFlags(s: Awaited<ReturnType<typeof publishedThroughServices>>, change: Record<string, string>, seq = 0) {
  const values = stepValueSchemas.redFlags.parse({ ...s.forms.redFlags, ...change }) as Record<string, unknown>;
  return amendAssessment(handle.db, s.actor, { patientId: s.patientId, assessmentId: s.assessmentId, amendmentSeq: seq, step: "redFlags", values, reason: "Patient disclosed a new symptom on the phone" });
}

const planRow = async (id: string) => (await handle.db.select().from(plans).where(eq(plans.id, id)))[0]!;
const actions = async (clinicId: string, entityId: string) =>
  (await handle.db.select().from(auditEvents).where(and(eq(auditEvents.clinicId, clinicId), eq(auditEvents.entityId, entityId)))).map((e) => e);
const meta = { ip: "192.0.2.200", userAgent: "phone", origin: "http://app.test" };

async function pageHtml(token: string) {
  return renderToStaticMarkup((await PatientPage({ params: Promise.resolve({ token }) })) as never);
}
const pdfRes = (token: string) =>
  pdfGET(new Request(`http://app.test/p/${token}/pdf`, { headers: { host: "app.test", "x-forwarded-for": ip } }), { params: Promise.resolve({ token }) });
const pageCount = (pdf: Buffer) => (pdf.toString("latin1").match(/\/Type \/Page\b/g) ?? []).length;

describe("red-flag gate after an amendment (issue 11, point 2)", () => {
  it("amend → urgent referral withdraws the published plan: the patient's page and PDF say contact the clinic now, nothing of the plan", async () => {
    freshIp();
    const s = await publishedThroughServices();
    const stageTitle = (await openPatientLink(handle.db, s.token, { ...meta, purpose: "view" }))!.report!.content.stages[0]!.title;
    const before = await pdfRes(s.token);
    const planPages = pageCount(Buffer.from(await before.arrayBuffer()));
    expect(await pageHtml(s.token)).toContain(stageTitle);

    await amendRedFlags(s, { saddleAnaesthesia: "yes" });

    // Withdrawn in the amendment's transaction.
    const row = await planRow(s.plan.id);
    expect(row).toMatchObject({ publishedVersion: null, withdrawnReason: "urgent_referral" });
    expect(row.withdrawnAt).toBeInstanceOf(Date);
    const [patient] = await handle.db.select().from(patients).where(eq(patients.id, s.patientId));
    expect(patient?.currentStage).toBeNull();

    // The patient's page model: the notice, no report.
    const opened = await openPatientLink(handle.db, s.token, { ...meta, purpose: "view" });
    expect(opened?.report).toBeUndefined();
    expect(opened?.withheld?.title).toBe("Please contact your clinic now");
    const html = await pageHtml(s.token);
    expect(html).toContain("Please contact your clinic now");
    expect(html).not.toContain(stageTitle);
    expect(html.toLowerCase()).not.toContain("calf");

    // The patient's PDF: one page, the notice (not the plan's pages).
    const res = await pdfRes(s.token);
    expect(res.status).toBe(200);
    const pdf = Buffer.from(await res.arrayBuffer());
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    expect(pageCount(pdf)).toBe(1);
    expect(planPages).toBeGreaterThan(1);

    // The clinician's PDF follows the same gate.
    const clinicianPdf = await renderPlanPdfFor(handle.db, s.actor, { patientId: s.patientId, planId: s.plan.id, origin: "http://app.test" });
    expect(clinicianPdf.fileName).toBe("contact-your-clinic.pdf");
    expect(pageCount(clinicianPdf.pdf)).toBe(1);

    // Publishing is blocked, clearly, and the block is audited.
    await expect(publishPlan(handle.db, s.actor, { patientId: s.patientId, planId: s.plan.id, version: 1 })).rejects.toMatchObject({
      kind: "invalid",
      message: expect.stringMatching(/urgent referral/),
    });
    expect((await planRow(s.plan.id)).publishedVersion).toBeNull();
    const trail = await actions(s.clinic.id, s.plan.id);
    const withdraw = trail.find((e) => e.action === "plan.withdraw");
    expect(withdraw?.detail).toMatchObject({ reason: "urgent_referral", by: "amendment", amendmentSeq: 1, withdrawnVersion: 1 });
    expect(trail.find((e) => e.action === "plan.publish_blocked")?.detail).toMatchObject({ reason: "urgent_referral", by: "publish" });
    const views = (await handle.db.select().from(auditEvents).where(and(eq(auditEvents.clinicId, s.clinic.id), eq(auditEvents.entityType, "plan_link")))).filter(
      (e) => (e.detail as { withheld?: string }).withheld === "urgent_referral",
    );
    expect(views.length).toBeGreaterThanOrEqual(2);
  });

  it("amend → refer blocks publishing until the referral is recorded through the record-referral flow; then it publishes again", async () => {
    freshIp();
    const s = await publishedThroughServices();
    await amendRedFlags(s, { historyOfCancer: "yes" });
    expect(await planRow(s.plan.id)).toMatchObject({ publishedVersion: null, withdrawnReason: "referral_required" });
    const opened = await openPatientLink(handle.db, s.token, { ...meta, purpose: "view" });
    expect(opened?.report).toBeUndefined();
    expect(opened?.withheld?.title).toMatch(/contact your clinic before you train again/);

    await expect(publishPlan(handle.db, s.actor, { patientId: s.patientId, planId: s.plan.id, version: 1 })).rejects.toMatchObject({
      message: expect.stringMatching(/Record the referral/),
    });
    expect((await actions(s.clinic.id, s.plan.id)).filter((e) => e.action === "plan.publish_blocked")).toHaveLength(1);

    // A bad referral is refused beside its fields and writes nothing.
    const bad = gateFormSchema.safeParse({ assessmentId: s.assessmentId, patientId: s.patientId, version: "1", gate: "referral", referralTo: "", referralDate: "" });
    expect(bad.success).toBe(false);

    const version = String((await handle.db.select().from(assessments).where(eq(assessments.id, s.assessmentId)))[0]!.version);
    await recordReferral(handle.db, s.actor, gateFormSchema.parse({ assessmentId: s.assessmentId, patientId: s.patientId, version, gate: "referral", referralTo: "Dr Osei, GP", referralDate: "2026-03-02" }));
    expect((await actions(s.clinic.id, s.assessmentId)).find((e) => e.action === "assessment.referral_recorded")?.detail).toMatchObject({ afterFinalize: true, amendmentSeq: 1 });

    // Still withdrawn until the clinician publishes again, which now works.
    expect((await openPatientLink(handle.db, s.token, { ...meta, purpose: "view" }))?.withheld).toBeTruthy();
    await publishPlan(handle.db, s.actor, { patientId: s.patientId, planId: s.plan.id, version: 1 });
    expect(await planRow(s.plan.id)).toMatchObject({ publishedVersion: 1, withdrawnAt: null, withdrawnReason: null });
    const again = await openPatientLink(handle.db, s.token, { ...meta, purpose: "view" });
    expect(again?.withheld).toBeNull();
    expect(again?.report?.planVersion).toBe(1);
  });

  it("a correction that keeps the gate open leaves the published plan alone", async () => {
    freshIp();
    const s = await publishedThroughServices();
    await amendRedFlags(s, { feverOrUnwell: "no" });
    expect((await planRow(s.plan.id)).publishedVersion).toBe(1);
    expect((await actions(s.clinic.id, s.plan.id)).some((e) => e.action === "plan.withdraw")).toBe(false);
  });
});
