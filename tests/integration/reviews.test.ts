import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { auditEvents, checkInReviews, patients, planVersions, plans } from "@/db/schema";
import { addDays } from "@/lib/clinical";
import { fixedClock } from "@/lib/time/clock";
import { actorFor, makeClinic, makeUser, openTestDb } from "../support/test-db";
import { seedFinalAssessment } from "./plan-support";

// The clinician's half of check-ins (issue 13): the engine's review stored as a pending
// suggestion, the queue, and the decisions (approve, edit first, dismiss, acknowledge) with their
// version checks. Services are called with an injected clock, as the patient's phone would reach
// them on those days.
let handle: Awaited<ReturnType<typeof openTestDb>>;
vi.mock("@/db/client", async (orig) => ({ ...(await orig<object>()), getDb: async () => handle.db }));

const { createPlan } = await import("@/lib/plans/create-plan");
const { publishPlan } = await import("@/lib/plans/publish-plan");
const { recordCheckIn } = await import("@/lib/checkins/record-check-in");
const { recordNextMorning } = await import("@/lib/checkins/record-next-morning");
const { sessionFormSchema, morningFormSchema } = await import("@/lib/validation/checkin");
const { currentPlanPosition } = await import("@/lib/plans/set-plan-position");
const { findVersion } = await import("@/lib/plans/internal");
const { refreshPatientReviews } = await import("@/lib/reviews/refresh-review");
const { decideReview } = await import("@/lib/reviews/decide-review");
const { listReviewQueue } = await import("@/lib/reviews/list-review-queue");
const { recordStatusChange } = await import("@/lib/patients/update-patient");
const { refreshStaleWorklistStats } = await import("@/lib/reviews/refresh-worklist-stats");
const { runHousekeeping } = await import("@/lib/housekeeping/run-housekeeping");
const { openPatientLink } = await import("@/lib/plans/open-patient-link");
const { buildReportModel } = await import("@/lib/pdf/report-model");

beforeAll(async () => {
  handle = await openTestDb();
});
afterAll(() => handle.close());

const PUBLISHED_ON = "2026-12-01";
const at = (day: string, hour = 10) => fixedClock(`${day}T${String(hour).padStart(2, "0")}:00:00Z`);
const meta = { ip: "192.0.2.50", userAgent: "phone" };

async function published(into?: { clinic: Awaited<ReturnType<typeof makeClinic>>; user: Awaited<ReturnType<typeof makeUser>> }) {
  const s = await seedFinalAssessment(handle.db, undefined, { into });
  const { plan } = await createPlan(handle.db, s.actor, s);
  const r = await publishPlan(handle.db, s.actor, { patientId: s.patientId, planId: plan.id, version: 1 }, at(PUBLISHED_ON));
  const content = (await findVersion(handle.db, s.clinic.id, plan.id, 1)).content;
  return { ...s, planId: plan.id, token: r.link!.path.slice(3), content };
}

/** A session on `day`, and (unless `morning` is null) its next-morning answer the day after. */
async function logSession(token: string, day: string, o: { pain?: number; morning?: "same" | "worse" | null; symptom?: string } = {}) {
  const form = sessionFormSchema.parse({
    idempotencyKey: randomUUID(), sessionDate: day, activity: "run", done: "as_planned", minutes: "30", painDuringNrs: String(o.pain ?? 2),
    ...(o.symptom ? { [o.symptom]: "on" } : { symptom_none: "on" }),
  });
  const r = await recordCheckIn(handle.db, token, form, meta, at(day, 18));
  if (r.kind !== "ok") throw new Error(`session not stored: ${JSON.stringify(r)}`);
  if (o.morning !== null) {
    const m = morningFormSchema.parse({ idempotencyKey: randomUUID(), checkInId: r.checkInId, morningPainNrs: "1", comparedWithBefore: o.morning ?? "same", symptom_none: "on" });
    const mr = await recordNextMorning(handle.db, token, m, meta, at(addDays(day, 1), 8));
    if (mr.kind !== "ok") throw new Error(`morning not stored: ${JSON.stringify(mr)}`);
  }
  return r.checkInId;
}

/** Three green sessions and their mornings over the first week: the engine suggests progress on day 8. */
async function readyToProgress() {
  const s = await published();
  for (const d of ["2026-12-03", "2026-12-05", "2026-12-07"]) await logSession(s.token, d);
  return s;
}

const pendingOf = async (planId: string) =>
  handle.db.select().from(checkInReviews).where(and(eq(checkInReviews.planId, planId), eq(checkInReviews.status, "pending")));

describe("the review is computed on each check-in and when the patient is opened", () => {
  it("a week of green sessions gives one pending 'progress' (never a stack), with the check-ins it read; the worklist columns follow", async () => {
    const s = await readyToProgress();
    // The last morning answer (8 Dec) ran the review: stage 1 is a week old, 3 green sessions.
    const [p] = await pendingOf(s.planId);
    expect(p).toMatchObject({ suggestion: "progress", priority: 3, nextStageKey: s.content.stages[1]!.key, planVersion: 1, positionSeq: 1, reviewedOn: "2026-12-08" });
    expect(p!.checkInIds).toHaveLength(3);
    expect(p!.review.reasons[0]!.source).toBeTruthy();
    // Opening the patient on the same data keeps the same review.
    const again = await refreshPatientReviews(handle.db, s.clinic.id, s.patientId, at("2026-12-08", 12));
    expect(again!.id).toBe(p!.id);
    const [pt] = await handle.db.select().from(patients).where(eq(patients.id, s.patientId));
    expect(pt).toMatchObject({ reviewSuggestion: "progress", reviewPriority: 3, lastCheckInOn: "2026-12-07", dataDaysLast30: 3, flaresLast7Days: 0, checkInStatsOn: "2026-12-08" });
    const events = await handle.db.select().from(auditEvents).where(and(eq(auditEvents.clinicId, s.clinic.id), eq(auditEvents.action, "review.suggest")));
    expect(events.length).toBeGreaterThanOrEqual(1);
    expect(events.at(-1)).toMatchObject({ actorUserId: null, patientId: s.patientId, entityId: p!.id });
  });

  it("a newer check-in replaces the pending suggestion (a flare: regress with the cut), never stacking a second", async () => {
    const s = await readyToProgress();
    const first = (await pendingOf(s.planId))[0]!;
    await logSession(s.token, "2026-12-08", { pain: 7, morning: null });
    const now = await pendingOf(s.planId);
    expect(now).toHaveLength(1);
    expect(now[0]).toMatchObject({ suggestion: "regress", priority: 2, nextStageKey: s.content.stages[0]!.key });
    expect(now[0]!.nextDoseCutPct).toBeGreaterThanOrEqual(10);
    const [old] = await handle.db.select().from(checkInReviews).where(eq(checkInReviews.id, first.id));
    expect(old).toMatchObject({ status: "superseded", decisionReason: "newer_review" });
    const [pt] = await handle.db.select().from(patients).where(eq(patients.id, s.patientId));
    expect(pt!.flaresLast7Days).toBe(1);
  });

  it("an urgent symptom puts the patient first in the queue, above older progress and regress suggestions", async () => {
    const a = await readyToProgress();
    // A regress waiting for a second patient, then an urgent report from a third, made last.
    const c = await published({ clinic: a.clinic, user: a.user });
    await logSession(c.token, "2026-12-03", { pain: 7, morning: null });
    const b = await published({ clinic: a.clinic, user: a.user });
    await logSession(b.token, "2026-12-04", { symptom: "symptom_saddle", morning: null });
    const [pb] = await pendingOf(b.planId);
    expect(pb).toMatchObject({ suggestion: "urgent_care", priority: 0 });
    const queue = await listReviewQueue(handle.db, a.actor, { scope: "mine" });
    expect(queue.items.map((i) => [i.patient.id, i.review.suggestion])).toEqual([
      [b.patientId, "urgent_care"],
      [c.patientId, "regress"],
      [a.patientId, "progress"],
    ]);
    expect(queue.items[0]!.review.id).toBe(pb!.id);
    expect(queue.items[0]!.checkIns[0]!.saddleNumbness).toBe(true);
    expect(queue.total).toBe(3);
    // A short page is the head of the same order, and the count still covers the whole queue.
    const head = await listReviewQueue(handle.db, a.actor, { scope: "mine", limit: 2 });
    expect(head.items.map((i) => i.review.id)).toEqual(queue.items.slice(0, 2).map((i) => i.review.id));
    expect(head.total).toBe(3);
    const admin = actorFor(await makeUser(handle.db, a.clinic.id, { role: "admin" }));
    const clinicWide = await listReviewQueue(handle.db, admin, { scope: "clinic", limit: 2 });
    expect(clinicWide.items.map((i) => i.review.id)).toEqual(head.items.map((i) => i.review.id));
  });
});

describe("discharge", () => {
  it("takes pending reviews out of the queue with an audited reason; reactivating lets the next review queue again", async () => {
    const s = await readyToProgress();
    const p = (await pendingOf(s.planId))[0]!;
    const setStatus = (status: "active" | "discharged") =>
      handle.db.transaction(async (tx) => {
        await tx.update(patients).set({ status }).where(eq(patients.id, s.patientId));
        await recordStatusChange(tx, s.actor, s.patientId, status);
      });
    await setStatus("discharged");
    const [row] = await handle.db.select().from(checkInReviews).where(eq(checkInReviews.id, p.id));
    expect(row).toMatchObject({ status: "closed", decisionReason: "discharged" });
    const [ev] = await handle.db.select().from(auditEvents).where(and(eq(auditEvents.entityId, p.id), eq(auditEvents.action, "review.close")));
    expect(ev).toMatchObject({ actorUserId: s.user.id, patientId: s.patientId });
    expect((await listReviewQueue(handle.db, s.actor, { scope: "mine" })).items.some((i) => i.patient.id === s.patientId)).toBe(false);
    expect(await refreshPatientReviews(handle.db, s.clinic.id, s.patientId, at("2026-12-09", 9))).toBeNull();
    await setStatus("active");
    const again = await refreshPatientReviews(handle.db, s.clinic.id, s.patientId, at("2026-12-09", 9));
    expect(again).toMatchObject({ suggestion: "progress", status: "pending" });
  });
});

describe("the worklist's calendar windows", () => {
  it("housekeeping recounts stale 7- and 30-day counts in the clinic's today, and computes no review", async () => {
    const s = await readyToProgress();
    await logSession(s.token, "2026-12-08", { pain: 7, morning: null });
    const before = await pendingOf(s.planId);
    const [pt0] = await handle.db.select().from(patients).where(eq(patients.id, s.patientId));
    expect(pt0).toMatchObject({ flaresLast7Days: 1, dataDaysLast30: 4 });
    // Housekeeping runs the recount (on a shared PostgreSQL it may reach other files' rows first, so
    // this clinic's batch is also run directly).
    const r = await runHousekeeping(handle.db, new Date("2026-12-20T03:00:00Z"));
    // Uncontended on this file's own PGlite; on the shared PostgreSQL another file may hold the lock.
    if (!process.env.TEST_DATABASE_URL) expect(r).toMatchObject({ ran: true, worklistStats: expect.any(Number) });
    await handle.db.transaction((tx) => refreshStaleWorklistStats(tx, fixedClock("2026-12-20T03:00:00Z"), { clinicId: s.clinic.id }));
    const [pt] = await handle.db.select().from(patients).where(eq(patients.id, s.patientId));
    // Twelve days on: the flare has left the 7-day window; the four days are still within 30.
    expect(pt).toMatchObject({ flaresLast7Days: 0, dataDaysLast30: 4, checkInStatsOn: "2026-12-20", reviewSuggestion: "regress" });
    expect((await pendingOf(s.planId)).map((x) => x.id)).toEqual(before.map((x) => x.id));
  });
});

describe("decisions", () => {
  it("approve publishes a new version at the next stage with the change in plain words; the review is stored decided with its ruleset and check-ins", async () => {
    const s = await readyToProgress();
    const p = (await pendingOf(s.planId))[0]!;
    const r = await decideReview(handle.db, s.actor, { patientId: s.patientId, reviewId: p.id, reviewVersion: p.version, decision: { kind: "approve" } }, at("2026-12-08", 14));
    expect(r.publishedVersion).toBe(2);
    const [plan] = await handle.db.select().from(plans).where(eq(plans.id, s.planId));
    expect(plan).toMatchObject({ version: 2, publishedVersion: 2 });
    const [v2] = await handle.db.select().from(planVersions).where(and(eq(planVersions.planId, s.planId), eq(planVersions.version, 2)));
    expect(v2!.change).toMatchObject({ reviewId: p.id, decision: "approved", toStageKey: s.content.stages[1]!.key, doseCutPct: 0 });
    expect(v2!.change!.summary).toContain(`stage 2 of ${s.content.stages.length}`);
    const pos = await currentPlanPosition(handle.db, s.clinic.id, s.planId);
    expect(pos).toMatchObject({ seq: 2, stageKey: s.content.stages[1]!.key, startedOn: "2026-12-08", source: "review", doseCutPct: 0 });
    const [row] = await handle.db.select().from(checkInReviews).where(eq(checkInReviews.id, p.id));
    expect(row).toMatchObject({ status: "approved", decidedBy: s.user.id, publishedVersion: 2, rulesetVersion: p.rulesetVersion });
    const [ev] = await handle.db.select().from(auditEvents).where(and(eq(auditEvents.clinicId, s.clinic.id), eq(auditEvents.action, "review.approve")));
    expect(ev!.detail).toMatchObject({ rulesetVersion: p.rulesetVersion, checkInIds: p.checkInIds, publishedVersion: 2 });
    const [pt] = await handle.db.select().from(patients).where(eq(patients.id, s.patientId));
    expect(pt).toMatchObject({ reviewSuggestion: null, currentStage: s.content.stages[1]!.title });
    // The patient's page and PDF read the same model: the new stage first, then what changed and why.
    const opened = await openPatientLink(handle.db, s.token, { ...meta, purpose: "pdf", origin: "http://app.test" }, new Date("2026-12-08T15:00:00Z"));
    const week = buildReportModel(opened!.report!).thisWeek;
    expect(week[0]).toMatch(new RegExp(`^Stage 2 of ${s.content.stages.length}, week 1: `));
    expect(week[1]).toMatch(/^What changed: You move on to stage 2 .* inside your pain limits/);
    // The new stage has just begun: nothing waits in the queue now.
    expect(await refreshPatientReviews(handle.db, s.clinic.id, s.patientId, at("2026-12-08", 15))).toBeNull();
  });

  it("two clinicians approving the same review at once: one wins, the other gets a conflict, one version is published", async () => {
    const s = await readyToProgress();
    const other = actorFor(await makeUser(handle.db, s.clinic.id));
    const p = (await pendingOf(s.planId))[0]!;
    const decide = (actor: typeof s.actor) => decideReview(handle.db, actor, { patientId: s.patientId, reviewId: p.id, reviewVersion: p.version, decision: { kind: "approve" } }, at("2026-12-08", 14));
    const results = await Promise.allSettled([decide(s.actor), decide(other)]);
    expect(results.filter((x) => x.status === "fulfilled")).toHaveLength(1);
    const lost = results.find((x) => x.status === "rejected") as PromiseRejectedResult;
    expect(lost.reason).toMatchObject({ kind: "conflict" });
    const versions = await handle.db.select().from(planVersions).where(eq(planVersions.planId, s.planId));
    expect(versions).toHaveLength(2);
    // A later attempt with the old version is a conflict too: nothing is published twice.
    await expect(decide(s.actor)).rejects.toMatchObject({ kind: "conflict" });
  });

  it("another clinic's review is not found, and writes nothing", async () => {
    const s = await readyToProgress();
    const stranger = (await seedFinalAssessment(handle.db)).actor;
    const p = (await pendingOf(s.planId))[0]!;
    await expect(decideReview(handle.db, stranger, { patientId: s.patientId, reviewId: p.id, reviewVersion: p.version, decision: { kind: "dismiss", reason: "not mine to decide" } })).rejects.toMatchObject({ kind: "not_found" });
    expect((await listReviewQueue(handle.db, stranger, { scope: "clinic" })).items.some((i) => i.review.id === p.id)).toBe(false);
    const [row] = await handle.db.select().from(checkInReviews).where(eq(checkInReviews.id, p.id));
    expect(row!.status).toBe("pending");
  });

  it("a dismissed review (with a reason) does not come back until a new check-in arrives", async () => {
    const s = await readyToProgress();
    const p = (await pendingOf(s.planId))[0]!;
    await expect(decideReview(handle.db, s.actor, { patientId: s.patientId, reviewId: p.id, reviewVersion: p.version, decision: { kind: "dismiss", reason: " " } })).rejects.toMatchObject({ kind: "invalid", fieldErrors: { reason: [expect.any(String)] } });
    await decideReview(handle.db, s.actor, { patientId: s.patientId, reviewId: p.id, reviewVersion: p.version, decision: { kind: "dismiss", reason: "Wants another week at this stage before the race" } }, at("2026-12-08", 14));
    expect(await refreshPatientReviews(handle.db, s.clinic.id, s.patientId, at("2026-12-09", 9))).toBeNull();
    expect(await refreshPatientReviews(handle.db, s.clinic.id, s.patientId, at("2026-12-10", 9))).toBeNull();
    await logSession(s.token, "2026-12-10");
    const back = await pendingOf(s.planId);
    expect(back).toHaveLength(1);
    expect(back[0]!.id).not.toBe(p.id);
  });

  it("edit first publishes the latest saved version at the stage and cut the clinician chose, with their note for the patient", async () => {
    const s = await readyToProgress();
    const p = (await pendingOf(s.planId))[0]!;
    // A save after publishing: approve refuses to sweep it along unseen, edit first takes it.
    await handle.db.insert(planVersions).values({ clinicId: s.clinic.id, planId: s.planId, version: 2, content: { ...s.content, notes: "Saved, not yet published" }, createdBy: s.user.id });
    await handle.db.update(plans).set({ version: 2 }).where(eq(plans.id, s.planId));
    await expect(decideReview(handle.db, s.actor, { patientId: s.patientId, reviewId: p.id, reviewVersion: p.version, decision: { kind: "approve" } })).rejects.toMatchObject({ kind: "invalid" });
    await expect(
      decideReview(handle.db, s.actor, { patientId: s.patientId, reviewId: p.id, reviewVersion: p.version, decision: { kind: "edit", stageKey: "nope", doseCutPct: 70, planVersion: 2 } }),
    ).rejects.toMatchObject({ kind: "invalid", fieldErrors: { stageKey: [expect.any(String)], doseCutPct: [expect.any(String)] } });
    const r = await decideReview(
      handle.db,
      s.actor,
      { patientId: s.patientId, reviewId: p.id, reviewVersion: p.version, decision: { kind: "edit", stageKey: s.content.stages[0]!.key, doseCutPct: 0, planVersion: 2, note: "One more week here, then we move on together." } },
      at("2026-12-08", 14),
    );
    expect(r.publishedVersion).toBe(3);
    expect(r.change).toMatchObject({ decision: "edited", toStageKey: s.content.stages[0]!.key });
    expect(r.change!.why).toContain("One more week here, then we move on together.");
    const [row] = await handle.db.select().from(checkInReviews).where(eq(checkInReviews.id, p.id));
    expect(row).toMatchObject({ status: "edited", publishedVersion: 3 });
  });

  it("an urgent report is acknowledged with what was done, never 'approved' into a plan change", async () => {
    const s = await published();
    await logSession(s.token, "2026-12-04", { symptom: "symptom_chest", morning: null });
    const p = (await pendingOf(s.planId))[0]!;
    expect(p.suggestion).toBe("urgent_care");
    await expect(decideReview(handle.db, s.actor, { patientId: s.patientId, reviewId: p.id, reviewVersion: p.version, decision: { kind: "approve" } })).rejects.toMatchObject({ kind: "invalid" });
    await decideReview(handle.db, s.actor, { patientId: s.patientId, reviewId: p.id, reviewVersion: p.version, decision: { kind: "acknowledge", reason: "Phoned: sent to A&E, plan paused" } }, at("2026-12-04", 20));
    const [row] = await handle.db.select().from(checkInReviews).where(eq(checkInReviews.id, p.id));
    expect(row).toMatchObject({ status: "acknowledged", decisionReason: "Phoned: sent to A&E, plan paused", publishedVersion: null });
  });
});
