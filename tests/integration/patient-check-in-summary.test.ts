import { randomUUID } from "node:crypto";
import { and, desc, eq } from "drizzle-orm";
import { renderToStaticMarkup } from "react-dom/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditEvents, clinics, planLinks, plans } from "@/db/schema";
import { addDays, dayNumber } from "@/lib/clinical";
import { dayIn, fixedClock, formatClinicTime } from "@/lib/time/clock";
import { actorFor, makeClinic, makeUser, openTestDb } from "../support/test-db";
import { seedFinalAssessment } from "./plan-support";

// The clinician's "Current plan" card (issue 13): the summary service on a real database, with
// check-ins logged through the patient's link on days set by a fixed clock, and the card's markup.
// Each test makes its own clinic.

const { createPlan } = await import("@/lib/plans/create-plan");
const { publishPlan } = await import("@/lib/plans/publish-plan");
const { issueLinkIn } = await import("@/lib/plans/issue-patient-link");
const { revokePatientLink } = await import("@/lib/plans/revoke-patient-link");
const { setPlanPosition } = await import("@/lib/plans/set-plan-position");
const { findVersion } = await import("@/lib/plans/internal");
const { recordCheckIn } = await import("@/lib/checkins/record-check-in");
const { recordNextMorning } = await import("@/lib/checkins/record-next-morning");
const { sessionFormSchema, morningFormSchema } = await import("@/lib/validation/checkin");
const { getPatientCheckInSummary } = await import("@/lib/checkins/patient-check-in-summary");
const { CurrentPlanCardView } = await import("@/components/patients/current-plan-card");

let handle: Awaited<ReturnType<typeof openTestDb>>;
beforeAll(async () => {
  handle = await openTestDb();
});
afterAll(() => handle.close());

// The link issued at publish lasts 90 days from the real now, so the story is set from today on.
const TODAY = dayIn(new Date(), "Europe/London");
const day = (n: number) => addDays(TODAY, n);
const at = (d: string, hour = 10) => fixedClock(`${d}T${String(hour).padStart(2, "0")}:00:00Z`);
const meta = { ip: "192.0.2.44", userAgent: "phone" };

async function published() {
  const s = await seedFinalAssessment(handle.db);
  const { plan } = await createPlan(handle.db, s.actor, s);
  const r = await publishPlan(handle.db, s.actor, { patientId: s.patientId, planId: plan.id, version: 1 }, at(TODAY));
  const content = (await findVersion(handle.db, s.clinic.id, plan.id, 1)).content;
  return { ...s, plan, content, token: r.link!.path.slice(3) };
}

async function logSession(token: string, sessionDate: string, o: { pain?: string; done?: string } = {}) {
  const form = sessionFormSchema.parse({
    idempotencyKey: randomUUID(), sessionDate, activity: "run", done: o.done ?? "as_planned", painDuringNrs: o.pain ?? "2", symptom_none: "on",
  });
  const r = await recordCheckIn(handle.db, token, form, meta, at(sessionDate, 18));
  if (r.kind !== "ok") throw new Error(`session not stored: ${JSON.stringify(r)}`);
  return r.checkInId;
}

async function logMorning(token: string, checkInId: string, sessionDate: string, pain: string, compared: "better" | "same" | "worse") {
  const form = morningFormSchema.parse({ idempotencyKey: randomUUID(), checkInId, morningPainNrs: pain, comparedWithBefore: compared, symptom_none: "on" });
  const r = await recordNextMorning(handle.db, token, form, meta, at(addDays(sessionDate, 1), 7));
  if (r.kind !== "ok") throw new Error(`morning not stored: ${JSON.stringify(r)}`);
}

/** Two weeks on a plan: three sessions in stage 1 (the third a flare), then stage 2 with a 10 % cut, a flare and a skipped session. */
async function twoWeeks() {
  const s = await published();
  const a = await logSession(s.token, day(0), { pain: "2" });
  await logMorning(s.token, a, day(0), "1", "same");
  const b = await logSession(s.token, day(1), { pain: "3" });
  await logMorning(s.token, b, day(1), "2", "same");
  const c = await logSession(s.token, day(2), { pain: "6" });
  await logMorning(s.token, c, day(2), "4", "worse");
  await setPlanPosition(handle.db, s.actor, {
    planId: s.plan.id, patientId: s.patientId, content: s.content, source: "edit", stageKey: s.content.stages[1]!.key, startedOn: day(7), doseCutPct: 10, baselinePainNrs: 1,
  });
  const d = await logSession(s.token, day(8), { pain: "2" });
  await logMorning(s.token, d, day(8), "1", "same");
  await logSession(s.token, day(9), { pain: "7" });
  await logSession(s.token, day(10), { done: "skipped" });
  return s;
}

const summaryEvents = (clinicId: string, userId: string) =>
  handle.db.select().from(auditEvents).where(and(eq(auditEvents.clinicId, clinicId), eq(auditEvents.actorUserId, userId), eq(auditEvents.action, "checkins.view")));

describe("getPatientCheckInSummary", () => {
  it("gives the current plan, stage with its cut, link, the review's figures and the chart of every session against the clinic's limits", async () => {
    const s = await twoWeeks();
    const sum = await getPatientCheckInSummary(handle.db, s.actor, s.patientId, at(day(11), 12));
    const [plan] = await handle.db.select().from(plans).where(eq(plans.id, s.plan.id));
    const [link] = await handle.db.select().from(planLinks).where(eq(planLinks.planId, s.plan.id));

    expect(sum.today).toBe(day(11));
    expect(sum.plan).toEqual({
      planId: s.plan.id,
      publishedVersion: 1,
      publishedAt: formatClinicTime(plan!.publishedAt!, "Europe/London"),
      stage: { number: 2, of: s.content.stages.length, title: s.content.stages[1]!.title, startedOn: day(7), doseCutPct: 10 },
      link: { state: "live", expiresAt: formatClinicTime(link!.expiresAt, "Europe/London") },
    });
    // Last 7 days (days 5-11): the sessions of days 8 and 9 (a skipped one does not count); days
    // with any check-in in 30: 0, 1, 2, 8, 9, 10; flares since the stage began: day 9 (pain 7 > 5).
    // The last check-in is the skipped session logged on day 10 (after day 8's morning answer).
    expect(sum.glance).toEqual({ sessionsLast7Days: 2, dataDaysLast30: 6, flaresInStage: 1, lastCheckInOn: day(10) });

    const chart = sum.chart!;
    expect(chart.points.map((p) => [p.date, p.painDuring, p.nextMorning, p.compared, p.done])).toEqual([
      [day(0), 2, 1, "Same", "As planned"],
      [day(1), 3, 2, "Same", "As planned"],
      [day(2), 6, 4, "Worse", "As planned"],
      [day(8), 2, 1, "Same", "As planned"],
      [day(9), 7, null, null, "As planned"],
      [day(10), null, null, null, "Skipped"],
    ]);
    expect(chart.points.map((p) => p.stage)).toEqual([
      ...Array(3).fill(`Stage 1: ${s.content.stages[0]!.title}`),
      ...Array(3).fill(`Stage 2: ${s.content.stages[1]!.title}`),
    ]);
    expect(chart.stageMarks.map((m) => [m.date, m.label])).toEqual([
      [TODAY, `Stage 1: ${s.content.stages[0]!.title}`],
      [day(7), `Stage 2: ${s.content.stages[1]!.title}`],
    ]);
    expect(chart).toMatchObject({ greenMax: 3, acceptableMax: 5, from: TODAY, to: day(11), domain: [dayNumber(TODAY), dayNumber(day(11))] });

    // The band and limit are the clinic's own thresholds.
    await handle.db.update(clinics).set({ settings: { engine: { painGreenMax: 2, painAcceptableMax: 4 } } }).where(eq(clinics.id, s.clinic.id));
    const tuned = await getPatientCheckInSummary(handle.db, s.actor, s.patientId, at(day(11), 12));
    expect(tuned.chart).toMatchObject({ greenMax: 2, acceptableMax: 4 });
  });

  it("shows the link as expired, then revoked, then (with no link at all) none", async () => {
    const s = await published();
    const past = new Date(Date.now() - 91 * 86_400_000);
    const issued = await handle.db.transaction((tx) => issueLinkIn(tx, s.actor, s.plan, 90, past));
    const expired = await getPatientCheckInSummary(handle.db, s.actor, s.patientId);
    expect(expired.plan!.link).toEqual({ state: "expired", expiredAt: formatClinicTime(issued.expiresAt, "Europe/London") });

    await revokePatientLink(handle.db, s.actor, { patientId: s.patientId, planId: s.plan.id });
    // Two revoked links now (the first, replaced 91 days ago, and this one): the latest is shown.
    const [revokedRow] = await handle.db.select().from(planLinks).where(eq(planLinks.planId, s.plan.id)).orderBy(desc(planLinks.revokedAt)).limit(1);
    expect(revokedRow!.expiresAt).toEqual(issued.expiresAt);
    const revoked = await getPatientCheckInSummary(handle.db, s.actor, s.patientId);
    expect(revoked.plan!.link).toEqual({ state: "revoked", revokedAt: formatClinicTime(revokedRow!.revokedAt!, "Europe/London") });

    await handle.db.delete(planLinks).where(and(eq(planLinks.clinicId, s.clinic.id), eq(planLinks.planId, s.plan.id)));
    expect((await getPatientCheckInSummary(handle.db, s.actor, s.patientId)).plan!.link).toEqual({ state: "none" });
  });

  it("has no current plan before one is published, nor after an amendment withdrew it; the figures start at zero", async () => {
    const s = await seedFinalAssessment(handle.db);
    expect(await getPatientCheckInSummary(handle.db, s.actor, s.patientId)).toMatchObject({ plan: null, glance: null, chart: null });

    const p = await published();
    const fresh = await getPatientCheckInSummary(handle.db, p.actor, p.patientId, at(TODAY, 12));
    expect(fresh.glance).toEqual({ sessionsLast7Days: 0, dataDaysLast30: 0, flaresInStage: 0, lastCheckInOn: null });
    expect(fresh.chart!.points).toEqual([]);
    await handle.db
      .update(plans)
      .set({ publishedVersion: null, publishedAt: null, publishedBy: null, withdrawnAt: new Date(), withdrawnReason: "referral_required" })
      .where(eq(plans.id, p.plan.id));
    expect((await getPatientCheckInSummary(handle.db, p.actor, p.patientId)).plan).toBeNull();
  });

  it("answers not found to another clinic's clinician and reads nothing for them; every read by the clinic's own is audited", async () => {
    const s = await twoWeeks();
    const otherClinic = await makeClinic(handle.db);
    const outsider = actorFor(await makeUser(handle.db, otherClinic.id));
    await expect(getPatientCheckInSummary(handle.db, outsider, s.patientId)).rejects.toMatchObject({ kind: "not_found" });
    await expect(getPatientCheckInSummary(handle.db, outsider, "not-a-uuid")).rejects.toMatchObject({ kind: "not_found" });
    expect(await summaryEvents(otherClinic.id, outsider.userId)).toHaveLength(0);
    expect(await handle.db.select().from(auditEvents).where(eq(auditEvents.actorUserId, outsider.userId))).toHaveLength(0);

    await getPatientCheckInSummary(handle.db, s.actor, s.patientId, at(day(11), 12));
    const events = await summaryEvents(s.clinic.id, s.user.id);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ entityType: "plan", entityId: s.plan.id, patientId: s.patientId, detail: { publishedVersion: 1 }, ip: "127.0.0.1", userAgent: "vitest" });

    const none = await seedFinalAssessment(handle.db);
    await getPatientCheckInSummary(handle.db, none.actor, none.patientId);
    expect(await summaryEvents(none.clinic.id, none.user.id)).toMatchObject([{ entityType: "patient", entityId: none.patientId, patientId: none.patientId }]);
  });
});

describe("the Current plan card", () => {
  it("says where the patient is, since when and the cut, the link, the figures, and opens the plan; its table lists every session", async () => {
    const s = await twoWeeks();
    const summary = await getPatientCheckInSummary(handle.db, s.actor, s.patientId, at(day(11), 12));
    const html = renderToStaticMarkup(CurrentPlanCardView({ patientId: s.patientId, summary }));
    expect(html).toContain(`Stage 2 of ${s.content.stages.length}: ${s.content.stages[1]!.title}`);
    expect(html).toMatch(/Since \d{1,2} [A-Z][a-z]{2} \d{4} · dose cut by 10 %/);
    expect(html).toContain(`href="/patients/${s.patientId}/plans/${s.plan.id}"`);
    expect(html).toContain("Live until ");
    expect(html).toContain("Flares in this stage");
    expect(html).toContain("Show as table");
    // Six sessions, each a row of the table, with the stage it belonged to.
    expect(html.match(/<tr class="border-b border-slate-100">/g)).toHaveLength(6);
    expect(html).toContain("Skipped");

    const empty = await seedFinalAssessment(handle.db);
    const none = renderToStaticMarkup(CurrentPlanCardView({ patientId: empty.patientId, summary: await getPatientCheckInSummary(handle.db, empty.actor, empty.patientId) }));
    expect(none).toContain("No published plan.");
    expect(none).not.toContain("Open plan");
  });
});
