import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { auditEvents, patients, planLinks, plans, planVersions } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { toFormValues } from "@/lib/plans/content";
import { samplePausedPlanInput } from "@/lib/pdf/sample";
import { openTestDb } from "../support/test-db";
import { flatten, form, redirectTarget, seedFinalAssessment } from "./plan-support";

// The plan actions as Next runs them, minus Next: session from this stub, this file's database.
const current: { actor: Actor | null } = { actor: null };
vi.mock("@/lib/auth/require-user", () => ({ getActor: async () => current.actor }));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));
let handle: Awaited<ReturnType<typeof openTestDb>>;
vi.mock("@/db/client", async (orig) => ({ ...(await orig<object>()), getDb: async () => handle.db }));
// The link comes back at the origin the PDF prints (APP_URL, else the request's Host).
vi.mock("next/headers", () => ({ headers: async () => new Headers({ host: "app.test" }) }));

const { createPlanAction } = await import("@/app/(clinic)/patients/[patientId]/plans/actions");
const actions = await import("@/app/(clinic)/patients/[patientId]/plans/[planId]/actions");

beforeAll(async () => {
  handle = await openTestDb();
});
afterAll(() => handle.close());
beforeEach(() => {
  current.actor = null;
});

async function withPlan(vignette?: string, opts: Parameters<typeof seedFinalAssessment>[2] = {}) {
  const s = await seedFinalAssessment(handle.db, vignette, opts);
  current.actor = s.actor;
  const target = await redirectTarget(createPlanAction(null, form({ patientId: s.patientId, assessmentId: s.assessmentId })));
  const planId = target?.split("/plans/")[1] ?? "";
  return { ...s, target, planId };
}

async function latest(planId: string, clinicId: string) {
  const [p] = await handle.db.select().from(plans).where(and(eq(plans.clinicId, clinicId), eq(plans.id, planId)));
  const [v] = await handle.db
    .select()
    .from(planVersions)
    .where(and(eq(planVersions.clinicId, clinicId), eq(planVersions.planId, planId), eq(planVersions.version, p!.version)));
  return { plan: p!, version: v! };
}

/** The editor's current values as posted, with `edit` applied to the nested values first. */
async function post(s: { planId: string; patientId: string; clinic: { id: string } }, edit: (v: ReturnType<typeof toFormValues>) => void = () => {}) {
  const { plan, version } = await latest(s.planId, s.clinic.id);
  const values = toFormValues(version.content, "km", { planId: s.planId, patientId: s.patientId, version: plan.version });
  edit(values);
  return actions.savePlanAction(null, form(flatten(values)));
}

describe("creating a plan from an assessment", () => {
  it("opens the engine's plan as version 1, once per assessment, audited", async () => {
    const s = await withPlan();
    expect(s.target).toBe(`/patients/${s.patientId}/plans/${s.planId}`);
    const { plan, version } = await latest(s.planId, s.clinic.id);
    expect(plan).toMatchObject({ version: 1, publishedVersion: null, verdict: "back_off" });
    expect(version.content.stages.map((x) => x.title)).toEqual(s.evaluation.plan!.stages.map((x) => x.title));
    expect(version.content.stages[0]!.strength[0]!.howTo).toBeTruthy();
    const again = await redirectTarget(createPlanAction(null, form({ patientId: s.patientId, assessmentId: s.assessmentId })));
    expect(again).toBe(s.target);
    const events = await handle.db.select().from(auditEvents).where(and(eq(auditEvents.clinicId, s.clinic.id), eq(auditEvents.action, "plan.create")));
    expect(events).toHaveLength(1);
  });

  it("refuses an urgent referral: no plan exists for it", async () => {
    const s = await seedFinalAssessment(handle.db, "cauda-equina");
    current.actor = s.actor;
    const r = await createPlanAction(null, form({ patientId: s.patientId, assessmentId: s.assessmentId }));
    expect(r).toMatchObject({ ok: false, formError: "An urgent referral has no training plan." });
  });

  it("refuses a refer verdict until the referral is recorded", async () => {
    const s = await seedFinalAssessment(handle.db, "radicular-tingling");
    current.actor = s.actor;
    const r = await createPlanAction(null, form({ patientId: s.patientId, assessmentId: s.assessmentId }));
    expect(r).toMatchObject({ ok: false, formError: expect.stringMatching(/referral/) });
    const ok = await seedFinalAssessment(handle.db, "radicular-tingling", { referral: true });
    current.actor = ok.actor;
    expect(await redirectTarget(createPlanAction(null, form({ patientId: ok.patientId, assessmentId: ok.assessmentId })))).toMatch(/\/plans\//);
  });

  it("answers another clinic's assessment as not found", async () => {
    const mine = await seedFinalAssessment(handle.db);
    const other = await seedFinalAssessment(handle.db);
    current.actor = other.actor;
    const r = await createPlanAction(null, form({ patientId: mine.patientId, assessmentId: mine.assessmentId }));
    expect(r).toMatchObject({ ok: false, formError: "Assessment not found" });
  });
});

describe("saving versions", () => {
  it("saves edits as the next version: exercises reordered, removed, added, notes", async () => {
    const s = await withPlan();
    const before = (await latest(s.planId, s.clinic.id)).version.content.stages[0]!.strength.map((x) => x.exercise);
    const r = await post(s, (v) => {
      const st = v.stages[0]!.strength;
      st.reverse();
      st.pop();
      st.push({ exercise: "Glute bridge", sets: "3", reps: "10-15", howTo: "Lift the hips.", note: "" });
      v.stages[0]!.weeksMax = "3";
      v.stages[0]!.notes = "Grass where you can.";
      v.notes = "Any questions, call us.";
    });
    expect(r).toMatchObject({ ok: true, message: "Saved as version 2." });
    const { plan, version } = await latest(s.planId, s.clinic.id);
    expect(plan.version).toBe(2);
    const names = version.content.stages[0]!.strength.map((x) => x.exercise);
    expect(names).toEqual([...before.slice(1).reverse(), "Glute bridge"]);
    expect(version.content.stages[0]).toMatchObject({ weeks: { min: 1, max: 3 }, notes: "Grass where you can." });
    expect(version.content.notes).toBe("Any questions, call us.");
    expect(version.overrides).toEqual([]);
    const [ev] = await handle.db.select().from(auditEvents).where(and(eq(auditEvents.clinicId, s.clinic.id), eq(auditEvents.action, "plan.save")));
    expect(ev!.detail).toMatchObject({ version: 2 });
  });

  it("asks for a reason when an edit crosses the engine's limits, and keeps the reason with the version", async () => {
    const s = await withPlan();
    const r = await post(s, (v) => {
      v.stages[0]!.intensity = true; // a back-off plan allows no hard sessions in stage 1
      v.stages[0]!.volMax = "95";
      v.stages[1]!.rpe = "8";
    });
    expect(r).toMatchObject({ ok: false });
    expect(r!.fieldErrors?.["stages.0.reason"]?.[0]).toMatch(/Intervals and hard efforts allowed.*Volume up to 95 %/);
    expect(r!.fieldErrors?.["stages.1.reason"]?.[0]).toMatch(/Effort cap RPE 8/);
    expect((await latest(s.planId, s.clinic.id)).plan.version).toBe(1);

    const ok = await post(s, (v) => {
      v.stages[0]!.intensity = true;
      v.stages[0]!.reason = "Race in three weeks, discussed risks; strides only.";
    });
    expect(ok).toMatchObject({ ok: true });
    const { version } = await latest(s.planId, s.clinic.id);
    expect(version.overrides).toEqual([
      expect.objectContaining({ stage: 0, reason: "Race in three weeks, discussed risks; strides only.", crossings: [expect.stringMatching(/Intervals/)] }),
    ]);
  });

  it("easing off never needs a reason", async () => {
    const s = await withPlan();
    const r = await post(s, (v) => {
      v.stages[0]!.rpe = "2";
      v.stages[0]!.volMin = "40";
      v.stages[0]!.volMax = "50";
      v.stages[0]!.weeksMax = "4";
    });
    expect(r).toMatchObject({ ok: true });
  });

  it("returns every field error under its own name and writes nothing", async () => {
    const s = await withPlan();
    const r = await post(s, (v) => {
      v.stages[0]!.rpe = "12";
      v.stages[1]!.weeksMin = "3";
      v.stages[1]!.weeksMax = "2";
      v.stages[0]!.strength[0]!.reps = "";
    });
    expect(r?.ok).toBe(false);
    expect(Object.keys(r!.fieldErrors ?? {})).toEqual(expect.arrayContaining(["stages.0.rpe", "stages.1.weeksMax", "stages.0.strength.0.reps"]));
    expect((await latest(s.planId, s.clinic.id)).plan.version).toBe(1);
  });

  it("detects a save from an older version as a conflict", async () => {
    const s = await withPlan();
    const { plan, version } = await latest(s.planId, s.clinic.id);
    const stale = flatten(toFormValues(version.content, "km", { planId: s.planId, patientId: s.patientId, version: plan.version }));
    expect(await post(s)).toMatchObject({ ok: true });
    const r = await actions.savePlanAction(null, form(stale));
    expect(r).toMatchObject({ ok: false, formError: expect.stringMatching(/saved in another tab/) });
  });

  it("keeps versions append-only in the database", async () => {
    const s = await withPlan();
    await expect(handle.db.update(planVersions).set({ version: 9 }).where(eq(planVersions.planId, s.planId))).rejects.toThrow();
  });
});

describe("a paused plan (refer for fever: nothing loaded until a doctor has seen the patient)", () => {
  const paused = () => withPlan(undefined, { input: samplePausedPlanInput(), referral: true });

  it("saves the walking guidance and note and keeps the pause, with no load and no reason asked", async () => {
    const s = await paused();
    const r = await post(s, (v) => {
      v.stages[0]!.crossTraining = "Short flat walks, 10 minutes";
      v.stages[0]!.notes = "GP appointment on Thursday.";
    });
    expect(r).toMatchObject({ ok: true });
    const { version } = await latest(s.planId, s.clinic.id);
    expect(version.version).toBe(2);
    expect(version.content.stages[0]).toMatchObject({ pauseUntilCleared: true, strength: [], intensityAllowed: false, crossTraining: ["Short flat walks, 10 minutes"], notes: "GP appointment on Thursday." });
    expect(version.content.stages[0]!.trainingHoursPct).toBeUndefined();
    expect(version.overrides).toEqual([]);
  });

  it("loading it anyway (a forged post) needs the reason for going past the engine's limits, which is then kept", async () => {
    const s = await paused();
    const load = (reason: string) => (v: ReturnType<typeof toFormValues>) => Object.assign(v.stages[0]!, { volMin: "50", volMax: "70", reason });
    const refused = await post(s, load(""));
    expect(refused).toMatchObject({ ok: false });
    expect(refused!.fieldErrors?.["stages.0.reason"]?.[0]).toMatch(/paused until a doctor has seen the patient/);
    expect((await latest(s.planId, s.clinic.id)).version.version).toBe(1);

    expect(await post(s, load("Cleared by the GP by phone today; letter to follow."))).toMatchObject({ ok: true });
    const { version } = await latest(s.planId, s.clinic.id);
    expect(version.content.stages[0]!.pauseUntilCleared).toBeUndefined();
    expect(version.content.stages[0]!.trainingHoursPct).toEqual({ min: 50, max: 70 });
    expect(version.overrides[0]).toMatchObject({ stage: 0, reason: "Cleared by the GP by phone today; letter to follow." });
  });
});

describe("publishing", () => {
  it("publishes the latest version, issues a link once, updates the caseload stage, audited", async () => {
    const s = await withPlan();
    await post(s, (v) => (v.stages[0]!.notes = "v2"));
    const r = await actions.publishPlanAction(null, form({ planId: s.planId, patientId: s.patientId, version: "2" }));
    expect(r).toMatchObject({ ok: true, message: expect.stringMatching(/^link:https:\/\/app\.test\/p\/[A-Za-z0-9_-]{22}$/) });
    const { plan, version } = await latest(s.planId, s.clinic.id);
    expect(plan.publishedVersion).toBe(2);
    const [p] = await handle.db.select().from(patients).where(and(eq(patients.clinicId, s.clinic.id), eq(patients.id, s.patientId)));
    expect(p!.currentStage).toBe(version.content.stages[0]!.title);
    const links = await handle.db.select().from(planLinks).where(eq(planLinks.planId, s.planId));
    expect(links).toHaveLength(1);
    // Only the hash is stored.
    const token = r!.message!.slice("link:https://app.test/p/".length);
    // Lookups use the hash; the token is kept only sealed (ADR 0021), never in the clear.
    expect(JSON.stringify(links)).not.toContain(token);
    expect(links[0]!.expiresAt.getTime() - links[0]!.createdAt.getTime()).toBe(90 * 24 * 3600 * 1000);

    // Publishing a later version keeps the live link.
    await post(s);
    const again = await actions.publishPlanAction(null, form({ planId: s.planId, patientId: s.patientId, version: "3" }));
    expect(again).toMatchObject({ ok: true, message: "Version 3 published. The patient's link now shows it." });
    expect(await handle.db.select().from(planLinks).where(eq(planLinks.planId, s.planId))).toHaveLength(1);
    const acts = (await handle.db.select().from(auditEvents).where(eq(auditEvents.clinicId, s.clinic.id))).map((e) => e.action);
    expect(acts).toEqual(expect.arrayContaining(["plan.publish", "plan_link.issue"]));
  });

  it("refuses to publish a version that is not the latest (another tab saved)", async () => {
    const s = await withPlan();
    await post(s);
    const r = await actions.publishPlanAction(null, form({ planId: s.planId, patientId: s.patientId, version: "1" }));
    expect(r).toMatchObject({ ok: false, formError: expect.stringMatching(/another tab/) });
  });

  it("re-issuing ends the old link; revoking ends the live one", async () => {
    const s = await withPlan();
    await actions.publishPlanAction(null, form({ planId: s.planId, patientId: s.patientId, version: "1" }));
    const r = await actions.issueLinkAction(null, form({ planId: s.planId, patientId: s.patientId, days: "30" }));
    expect(r).toMatchObject({ ok: true, message: expect.stringMatching(/^link:https:\/\/app\.test\/p\//) });
    const links = await handle.db.select().from(planLinks).where(eq(planLinks.planId, s.planId));
    expect(links.filter((l) => l.revokedAt === null)).toHaveLength(1);
    expect(links).toHaveLength(2);
    const rev = await actions.revokeLinkAction(null, form({ planId: s.planId, patientId: s.patientId }));
    expect(rev).toMatchObject({ ok: true, message: expect.stringMatching(/revoked/) });
    expect((await handle.db.select().from(planLinks).where(eq(planLinks.planId, s.planId))).every((l) => l.revokedAt !== null)).toBe(true);
  });

  it("answers another clinic's plan as not found", async () => {
    const s = await withPlan();
    const other = await seedFinalAssessment(handle.db);
    current.actor = other.actor;
    const r = await actions.publishPlanAction(null, form({ planId: s.planId, patientId: s.patientId, version: "1" }));
    expect(r).toMatchObject({ ok: false, formError: "Plan not found" });
    const save = await post({ ...s, clinic: s.clinic });
    expect(save).toMatchObject({ ok: false, formError: "Plan not found" });
  });
});
