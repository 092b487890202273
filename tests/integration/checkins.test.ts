import { randomBytes, randomUUID } from "node:crypto";
import { and, count, eq, sql } from "drizzle-orm";
import { NextRequest } from "next/server";
import { renderToStaticMarkup } from "react-dom/server";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { rawRows } from "@/db/raw";
import { assessments, auditEvents, checkIns, clinics, planPositions, plans } from "@/db/schema";
import { addDays, reviewCheckIns } from "@/lib/clinical";
import { dayIn, fixedClock } from "@/lib/time/clock";
import { openTestDb } from "../support/test-db";
import { form, redirectTarget, seedFinalAssessment } from "./plan-support";

// The patient's half of check-ins (issue 12), through the token as a phone would reach it: the
// server actions behind the page's forms, the services with an injected clock, and the proxy that
// counts every /p/ request. Each test uses its own clinic and its own address.
let handle: Awaited<ReturnType<typeof openTestDb>>;
vi.mock("@/db/client", async (orig) => ({ ...(await orig<object>()), getDb: async () => handle.db }));
let ip = "203.0.113.1";
/** What the request clock says "now" is (the e2e test clock, enabled below for this file). */
let now = "2026-12-01T10:00:00Z";
process.env.LOADWISE_CLIENT_ADDRESS_FROM_SERVER = "1";
process.env.LOADWISE_TEST_CLOCK = "1";
vi.mock("next/headers", () => ({
  headers: async () => new Headers({ host: "app.test", "x-loadwise-client-address": ip, "user-agent": "phone", "x-loadwise-test-now": now }),
}));

const { createPlan } = await import("@/lib/plans/create-plan");
const { publishPlan } = await import("@/lib/plans/publish-plan");
const { issueLinkIn } = await import("@/lib/plans/issue-patient-link");
const { revokePatientLink } = await import("@/lib/plans/revoke-patient-link");
const { currentPlanPosition, setPlanPosition } = await import("@/lib/plans/set-plan-position");
const { logSessionAction, logMorningAction } = await import("@/app/p/[token]/actions");
const { recordCheckIn } = await import("@/lib/checkins/record-check-in");
const { recordNextMorning } = await import("@/lib/checkins/record-next-morning");
const { getCheckInView } = await import("@/lib/checkins/get-check-in-view");
const { buildCheckInReviewInput } = await import("@/lib/checkins/review-input");
const { findVersion } = await import("@/lib/plans/internal");
const { savePlanVersion } = await import("@/lib/plans/save-plan-version");
const { toFormValues } = await import("@/lib/plans/content");
const { planEditFormSchema } = await import("@/lib/validation/plan");
const { sessionFormSchema, morningFormSchema } = await import("@/lib/validation/checkin");
const { proxy } = await import("@/proxy");
const { PATIENT_LINK_RATE } = await import("@/lib/plans/patient-link-rate-limit");
const PatientPage = (await import("@/app/p/[token]/page")).default;
const { openPatientLink } = await import("@/lib/plans/open-patient-link");
const { buildReportModel } = await import("@/lib/pdf/report-model");

beforeAll(async () => {
  handle = await openTestDb();
});
afterAll(() => handle.close());

let n = 0;
const freshIp = () => (ip = `198.51.100.${++n}`);
const TODAY = "2026-12-01";
const at = (day: string, hour = 10) => `${day}T${String(hour).padStart(2, "0")}:00:00Z`;

async function published(opts: { units?: "km" | "mi" } = {}) {
  const s = await seedFinalAssessment(handle.db);
  if (opts.units) await handle.db.update(clinics).set({ settings: { units: opts.units } }).where(eq(clinics.id, s.clinic.id));
  const { plan } = await createPlan(handle.db, s.actor, s);
  // Published on TODAY by the clinic's clock: the stage starts then.
  const r = await publishPlan(handle.db, s.actor, { patientId: s.patientId, planId: plan.id, version: 1 }, fixedClock(at(TODAY)));
  const token = r.link!.path.slice(3);
  return { ...s, plan, token };
}

const session = (token: string, o: Record<string, string> = {}) =>
  form({ token, idempotencyKey: randomUUID(), sessionDate: TODAY, activity: "run", done: "as_planned", minutes: "30", distance: "5", effortRpe: "4", painDuringNrs: "2", symptom_none: "on", note: "", ...o });
const rowsOf = async (planId: string) => handle.db.select().from(checkIns).where(eq(checkIns.planId, planId));
const allRows = async () => Number((await handle.db.select({ n: count() }).from(checkIns))[0]!.n);
const sessionInput = (o: Record<string, string> = {}) =>
  sessionFormSchema.parse({ idempotencyKey: randomUUID(), sessionDate: TODAY, activity: "run", done: "as_planned", painDuringNrs: "2", symptom_none: "on", ...o });
const morningInput = (checkInId: string, o: Record<string, string> = {}) =>
  morningFormSchema.parse({ idempotencyKey: randomUUID(), checkInId, morningPainNrs: "1", comparedWithBefore: "same", symptom_none: "on", ...o });
const meta = { ip: "192.0.2.9", userAgent: "phone" };

describe("position (where the patient is)", () => {
  it("is set at publish on the first stage, today in the clinic's zone, with the assessment's resting pain; the same version again is refused and a later version keeps it; rows are append-only", async () => {
    freshIp();
    const s = await published();
    const pos = await currentPlanPosition(handle.db, s.clinic.id, s.plan.id);
    const content = (await findVersion(handle.db, s.clinic.id, s.plan.id, 1)).content;
    expect(pos).toMatchObject({ seq: 1, stageKey: content.stages[0]!.key, startedOn: TODAY, doseCutPct: 0, source: "publish", setBy: s.user.id });
    const [a] = await handle.db.select().from(assessments).where(eq(assessments.id, s.assessmentId));
    const rest = (a!.input as { symptoms?: { painNowNrs?: number } }).symptoms?.painNowNrs;
    expect(rest).toBeTypeOf("number");
    expect(pos!.baselinePainNrs).toBe(rest);
    // The published version again is refused (the page disables its button): nothing moves.
    await expect(publishPlan(handle.db, s.actor, { patientId: s.patientId, planId: s.plan.id, version: 1 }, fixedClock(at("2026-12-05")))).rejects.toMatchObject({ kind: "conflict" });
    // A later version published keeps the patient where they are.
    const v2 = await savePlanVersion(handle.db, s.actor, planEditFormSchema.parse({ ...toFormValues(content, "km", { planId: s.plan.id, patientId: s.patientId, version: 1 }), notes: "Keep the long run easy." }));
    await publishPlan(handle.db, s.actor, { patientId: s.patientId, planId: s.plan.id, version: v2.version }, fixedClock(at("2026-12-05")));
    expect((await currentPlanPosition(handle.db, s.clinic.id, s.plan.id))!.seq).toBe(1);
    await expect(handle.db.update(planPositions).set({ doseCutPct: 10 }).where(eq(planPositions.planId, s.plan.id))).rejects.toThrow();
    const events = await handle.db.select().from(auditEvents).where(and(eq(auditEvents.clinicId, s.clinic.id), eq(auditEvents.action, "plan.position")));
    expect(events).toHaveLength(1);
  });

  it("moves only through setPlanPosition (an approved review or a clinician's edit): a new row each time, a stage of the plan, a cut of 0-50 %", async () => {
    freshIp();
    const s = await published();
    const content = (await findVersion(handle.db, s.clinic.id, s.plan.id, 1)).content;
    const moved = await setPlanPosition(handle.db, s.actor, {
      planId: s.plan.id, patientId: s.patientId, content, source: "review", stageKey: content.stages[1]!.key, startedOn: "2026-12-15", doseCutPct: 10, lastLighterWeekOn: "2026-12-08", baselinePainNrs: 1,
    });
    expect(moved).toMatchObject({ seq: 2, source: "review", doseCutPct: 10 });
    expect((await currentPlanPosition(handle.db, s.clinic.id, s.plan.id))!.stageKey).toBe(content.stages[1]!.key);
    await expect(setPlanPosition(handle.db, s.actor, { planId: s.plan.id, patientId: s.patientId, content, source: "edit", stageKey: "nope", startedOn: "2026-12-15" })).rejects.toThrow(/Not a stage/);
    await expect(setPlanPosition(handle.db, s.actor, { planId: s.plan.id, patientId: s.patientId, content, source: "edit", stageKey: content.stages[0]!.key, startedOn: "2026-12-15", doseCutPct: 60 })).rejects.toThrow(/0-50/);
    now = at("2026-12-16");
    const html = renderToStaticMarkup((await PatientPage({ params: Promise.resolve({ token: s.token }) })) as never);
    expect(html).toContain(`Stage 2 of ${content.stages.length}, week 1: ${content.stages[1]!.title}`);
    expect(html).toContain("cut the amount in this stage by 10 %");
    now = at(TODAY);
  });

  it("opens the patient's page with it in plain words", async () => {
    freshIp();
    now = at(addDays(TODAY, 8));
    const s = await published();
    const html = renderToStaticMarkup((await PatientPage({ params: Promise.resolve({ token: s.token }) })) as never);
    expect(html).toMatch(/Stage 1 of \d, week 2: /);
    expect(html).toContain("You started this stage on 1 December 2026.");
    // The PDF reads the same model: its "this week" opens with the position line.
    const opened = await openPatientLink(handle.db, s.token, { ...meta, purpose: "pdf", origin: "http://app.test" }, new Date(at(addDays(TODAY, 8))));
    expect(buildReportModel(opened!.report!).thisWeek[0]).toMatch(/^Stage 1 of \d, week 2: /);
    now = at(TODAY);
  });
});

describe("check-ins through the token", () => {
  it("records a valid session (distance in the clinic's miles, stored in km), audited with no acting user, and returns to the page", async () => {
    freshIp();
    now = at(TODAY);
    const s = await published({ units: "mi" });
    const target = await redirectTarget(logSessionAction(null, session(s.token, { distance: "3.1", sharpPain: "on" })));
    expect(target).toBe(`/p/${s.token}?saved=session#now`);
    const [row] = await rowsOf(s.plan.id);
    expect(row).toMatchObject({ clinicId: s.clinic.id, patientId: s.patientId, sessionDate: TODAY, activity: "run", done: "as_planned", minutes: 30, painDuringNrs: 2, sharpPain: true, alteredMovement: false, saddleNumbness: false, enteredBy: null });
    expect(row!.distanceKm).toBeCloseTo(5, 1);
    expect(row!.linkId).not.toBeNull();
    const events = await handle.db.select().from(auditEvents).where(and(eq(auditEvents.clinicId, s.clinic.id), eq(auditEvents.action, "checkin.create")));
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ actorUserId: null, patientId: s.patientId, entityType: "check_in", entityId: row!.id, ip });
  });

  it("records one check-in for a double submit (same idempotency key), and one audit event", async () => {
    freshIp();
    const s = await published();
    const fd = session(s.token);
    const [a, b] = await Promise.all([redirectTarget(logSessionAction(null, fd)), redirectTarget(logSessionAction(null, fd))]);
    expect(a).toBe(b);
    await redirectTarget(logSessionAction(null, fd));
    expect(await rowsOf(s.plan.id)).toHaveLength(1);
    const events = await handle.db.select().from(auditEvents).where(and(eq(auditEvents.clinicId, s.clinic.id), eq(auditEvents.action, "checkin.create")));
    expect(events).toHaveLength(1);
    // The database is the last guard: the same key cannot be inserted twice.
    const [row] = await rowsOf(s.plan.id);
    const { id: _id, ...copy } = row!;
    await expect(handle.db.insert(checkIns).values({ ...copy })).rejects.toThrow();
  });

  it("records nothing through a revoked or an expired link", async () => {
    freshIp();
    const s = await published();
    await revokePatientLink(handle.db, s.actor, { patientId: s.patientId, planId: s.plan.id });
    const before = await allRows();
    const r1 = await logSessionAction(null, session(s.token));
    expect(r1).toMatchObject({ ok: false, formError: expect.stringMatching(/no longer works/) });
    const t = await published();
    const expired = await handle.db.transaction((tx) => issueLinkIn(tx, t.actor, t.plan, 90, new Date(Date.now() - 91 * 86_400_000)));
    now = new Date().toISOString();
    const r2 = await logSessionAction(null, session(expired.token, { sessionDate: dayIn(new Date(), "Europe/London") }));
    expect(r2).toMatchObject({ ok: false, formError: expect.stringMatching(/no longer works/) });
    const r3 = await logSessionAction(null, session(randomBytes(16).toString("base64url")));
    expect(r3).toMatchObject({ ok: false });
    expect(await allRows()).toBe(before);
    now = at(TODAY);
  });

  it("answers bad input with an error for every field and writes nothing", async () => {
    freshIp();
    const s = await published();
    const before = await allRows();
    const r = await logSessionAction(
      null,
      form({ token: s.token, idempotencyKey: "x", sessionDate: "soon", activity: "swim", done: "maybe", minutes: "ten", distance: "900", effortRpe: "11", painDuringNrs: "-1", symptom_none: "on", symptom_both_legs: "on", note: "x".repeat(501) }),
    );
    expect(r?.ok).toBe(false);
    expect(Object.keys(r!.fieldErrors!).sort()).toEqual(["activity", "distance", "done", "effortRpe", "idempotencyKey", "minutes", "note", "painDuringNrs", "sessionDate", "symptom_none"].sort());
    expect(r!.values!.minutes).toBe("ten");
    // Nothing ticked at all on the symptom questions is an answer missing, not "none".
    const r2 = await logSessionAction(null, session(s.token, { symptom_none: "", painDuringNrs: "" }));
    expect(Object.keys(r2!.fieldErrors!).sort()).toEqual(["painDuringNrs", "symptom_none"]);
    expect(await allRows()).toBe(before);
  });

  it("takes today and the six days before, and refuses the future and anything older, on the clinic's clock", async () => {
    freshIp();
    const s = await published();
    const before = await allRows();
    const future = await logSessionAction(null, session(s.token, { sessionDate: addDays(TODAY, 1) }));
    expect(future!.fieldErrors!.sessionDate![0]).toMatch(/not happened yet/);
    const old = await logSessionAction(null, session(s.token, { sessionDate: addDays(TODAY, -7) }));
    expect(old!.fieldErrors!.sessionDate![0]).toMatch(/last 7 days/);
    expect(await allRows()).toBe(before);
    expect(await redirectTarget(logSessionAction(null, session(s.token, { sessionDate: addDays(TODAY, -6) })))).toContain("saved=session");
    // 23:30 UTC on the 1st is already the 2nd in Berlin: "today" follows the clinic's zone.
    await handle.db.update(clinics).set({ settings: { timeZone: "Europe/Berlin" } }).where(eq(clinics.id, s.clinic.id));
    now = "2026-12-01T23:30:00Z";
    expect(await redirectTarget(logSessionAction(null, session(s.token, { sessionDate: "2026-12-02" })))).toContain("saved=session");
    now = at(TODAY);
    expect(await rowsOf(s.plan.id)).toHaveLength(2);
  });

  it("records the next morning once, for a session before today", async () => {
    freshIp();
    const s = await published();
    const c = await recordCheckIn(handle.db, s.token, sessionInput(), meta, fixedClock(at(TODAY)));
    expect(c.kind).toBe("ok");
    const id = (c as { checkInId: string }).checkInId;
    const tooSoon = await recordNextMorning(handle.db, s.token, morningInput(id), meta, fixedClock(at(TODAY, 20)));
    expect(tooSoon).toMatchObject({ kind: "invalid", formError: expect.stringMatching(/tomorrow/) });
    const nextDay = fixedClock(at(addDays(TODAY, 1), 7));
    const m = morningInput(id, { comparedWithBefore: "worse", stiffnessOver30Min: "on", symptom_none: "", symptom_fever: "on" });
    expect(await recordNextMorning(handle.db, s.token, m, meta, nextDay)).toMatchObject({ kind: "ok", duplicate: false });
    expect(await recordNextMorning(handle.db, s.token, m, meta, nextDay)).toMatchObject({ kind: "ok", duplicate: true });
    expect(await recordNextMorning(handle.db, s.token, morningInput(id), meta, nextDay)).toMatchObject({ kind: "invalid" });
    const [row] = await rowsOf(s.plan.id);
    expect(row).toMatchObject({ morningComparedWithBefore: "worse", morningPainNrs: 1, morningStiffnessOver30Min: true, feverOrUnwell: true, saddleNumbness: false });
    const events = await handle.db.select().from(auditEvents).where(and(eq(auditEvents.clinicId, s.clinic.id), eq(auditEvents.action, "checkin.next_morning")));
    expect(events.map((e) => e.actorUserId)).toEqual([null]);
    // And through the page's action, with field errors beside each field.
    now = at(addDays(TODAY, 1), 7);
    const bad = await logMorningAction(null, form({ token: s.token, idempotencyKey: randomUUID(), checkInId: id, comparedWithBefore: "", morningPainNrs: "" }));
    expect(Object.keys(bad!.fieldErrors!).sort()).toEqual(["comparedWithBefore", "morningPainNrs", "symptom_none"]);
    now = at(TODAY);
  });
});

describe("the light the patient sees", () => {
  async function viewOn(s: Awaited<ReturnType<typeof published>>, day: string) {
    const [plan] = await handle.db.select().from(plans).where(eq(plans.id, s.plan.id));
    return getCheckInView(handle.db, plan!, { withheld: false }, fixedClock(at(day, 12)));
  }
  async function expectMatchesEngine(s: Awaited<ReturnType<typeof published>>, day: string) {
    const v = await viewOn(s, day);
    const [plan] = await handle.db.select().from(plans).where(eq(plans.id, s.plan.id));
    const content = (await findVersion(handle.db, s.clinic.id, s.plan.id, plan!.publishedVersion!)).content;
    const position = (await currentPlanPosition(handle.db, s.clinic.id, s.plan.id))!;
    // The rows in the order the page reads them (newest first), so the reasons' indexes match too.
    const rows = (await rowsOf(s.plan.id)).sort((a, b) => b.sessionDate.localeCompare(a.sessionDate) || b.createdAt.getTime() - a.createdAt.getTime());
    const review = reviewCheckIns(buildCheckInReviewInput({ today: day, content, enginePlan: plan!.enginePlan, position, checkIns: rows }));
    expect(v.review).toEqual(review);
    expect(v.light!.suggestion).toBe(review.suggestion);
    return v;
  }

  it("three easy sessions with fine mornings: green; a flare the next morning: red with the plan's 10-20 % cut; an urgent symptom: urgent first", async () => {
    freshIp();
    const s = await published();
    for (const d of [0, 2, 4]) {
      const day = addDays(TODAY, d);
      const c = await recordCheckIn(handle.db, s.token, sessionInput({ sessionDate: day }), meta, fixedClock(at(day, 18)));
      const id = (c as { checkInId: string }).checkInId;
      await recordNextMorning(handle.db, s.token, morningInput(id), meta, fixedClock(at(addDays(day, 1), 7)));
    }
    const green = await expectMatchesEngine(s, addDays(TODAY, 5));
    expect(green.light).toMatchObject({ level: "green" });

    const day = addDays(TODAY, 6);
    const c = await recordCheckIn(handle.db, s.token, sessionInput({ sessionDate: day }), meta, fixedClock(at(day, 18)));
    await recordNextMorning(handle.db, s.token, morningInput((c as { checkInId: string }).checkInId, { comparedWithBefore: "worse", morningPainNrs: "5" }), meta, fixedClock(at(addDays(day, 1), 7)));
    const red = await expectMatchesEngine(s, addDays(TODAY, 7));
    expect(red.light).toMatchObject({ level: "red", suggestion: "regress" });
    expect(red.light!.say.join(" ")).toMatch(/do 10-20 % less than the stage sets/);

    const d8 = addDays(TODAY, 8);
    await recordCheckIn(handle.db, s.token, sessionInput({ sessionDate: d8, symptom_none: "", symptom_leg_swelling: "on" }), meta, fixedClock(at(d8, 9)));
    const urgent = await expectMatchesEngine(s, d8);
    expect(urgent.light).toMatchObject({ level: "urgent", suggestion: "urgent_care" });
    now = at(d8, 12);
    const html = renderToStaticMarkup((await PatientPage({ params: Promise.resolve({ token: s.token }) })) as never);
    // The urgent instructions come before anything else on the page.
    expect(html.indexOf("get urgent medical help now")).toBeGreaterThan(-1);
    expect(html.indexOf("get urgent medical help now")).toBeLessThan(html.indexOf("Where you are"));
    expect(html.indexOf("get urgent medical help now")).toBeLessThan(html.indexOf("Log a session"));
    now = at(TODAY);
  });

  it("still records check-ins when the red-flag gate withholds the plan, and the page keeps only the notice", async () => {
    freshIp();
    const s = await published();
    await handle.db
      .update(plans)
      .set({ publishedVersion: null, publishedAt: null, publishedBy: null, withdrawnAt: new Date(), withdrawnReason: "referral_required" })
      .where(eq(plans.id, s.plan.id));
    now = at(TODAY);
    expect(await redirectTarget(logSessionAction(null, session(s.token, { painDuringNrs: "8" })))).toContain("saved=session");
    expect(await rowsOf(s.plan.id)).toHaveLength(1);
    const html = renderToStaticMarkup((await PatientPage({ params: Promise.resolve({ token: s.token }), searchParams: Promise.resolve({ saved: "session" }) })) as never);
    expect(html).toMatch(/contact/i);
    expect(html).not.toContain('data-testid="checkin-light"');
    expect(html).not.toContain("Your return-to-training plan");
  });
});

describe("rate limit on check-ins", () => {
  it("counts the check-in POSTs (server actions) in the proxy like every /p/ request, and answers 429 over the limit", async () => {
    const peer = `192.0.2.${200 + (n % 50)}`;
    const token = randomBytes(16).toString("base64url");
    const post = () =>
      new NextRequest(`http://app.test/p/${token}`, {
        method: "POST",
        headers: { host: "app.test", "x-loadwise-client-address": peer, "next-action": "abc123", "content-type": "multipart/form-data; boundary=x" },
      });
    const statuses: number[] = [];
    for (let i = 0; i < PATIENT_LINK_RATE.limit; i++) statuses.push((await proxy(post())).status);
    expect(statuses.every((x) => x === 200)).toBe(true);
    const over = await proxy(post());
    expect(over.status).toBe(429);
    expect(Number(over.headers.get("retry-after"))).toBeGreaterThan(0);
    const rows = await rawRows<{ count: number }>(handle.db, sql`select count from rate_limits where key = ${`patient-link:ip:${peer}`}`);
    expect(Number(rows[0]!.count)).toBe(PATIENT_LINK_RATE.limit + 1);
  });
});
