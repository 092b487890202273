import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { assessmentAmendments, assessments, auditEvents, patients, plans } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { inputToStepForms } from "@/lib/assessments/input-to-steps";
import { RED_FLAG_KEYS } from "@/lib/clinical";
import vignettes from "@/lib/clinical/fixtures/vignettes.json";
import { form, redirectTarget } from "../support/actions";
import { actorFor, makeClinic, makeUser, openTestDb } from "../support/test-db";

// The assessment actions as Next runs them, minus Next: the session comes from this stub, the
// database is this file's, and revalidatePath is a no-op outside a request.
const current: { actor: Actor | null } = { actor: null };
vi.mock("@/lib/auth/require-user", () => ({ getActor: async () => current.actor }));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));
let handle: Awaited<ReturnType<typeof openTestDb>>;
vi.mock("@/db/client", async (orig) => ({ ...(await orig<object>()), getDb: async () => handle.db }));

const { createDraftAction } = await import("@/app/(clinic)/patients/[patientId]/assessments/actions");
const actions = await import("@/app/(clinic)/patients/[patientId]/assessments/[assessmentId]/actions");
const { getAssessment } = await import("@/lib/assessments/get-assessment");

type Input = (typeof vignettes)[number]["input"];
/** A vignette as the six step forms would post it. */
const vignetteSteps = (input: Input) => inputToStepForms(input as never, [["Running 5 km", 4], ["Stairs", 7]]);

const stepActions = {
  load: actions.saveLoadStep,
  complaint: actions.saveComplaintStep,
  redFlags: actions.saveRedFlagsStep,
  capacity: actions.saveCapacityStep,
  recovery: actions.saveRecoveryStep,
  outcomes: actions.saveOutcomesStep,
} as const;

beforeAll(async () => {
  handle = await openTestDb();
});
afterAll(() => handle.close());
beforeEach(() => {
  current.actor = null;
});

async function clinicianWithPatient(overrides: Partial<typeof patients.$inferInsert> = {}) {
  const clinic = await makeClinic(handle.db);
  const user = await makeUser(handle.db, clinic.id);
  current.actor = actorFor(user);
  const [p] = await handle.db
    .insert(patients)
    .values({ clinicId: clinic.id, clinicianId: user.id, firstName: "Ana", lastName: "Test", dateOfBirth: "1996-04-12", sex: "female", sport: "running", ...overrides })
    .returning();
  return { actor: current.actor, patient: p! };
}

async function openDraft(patientId: string) {
  const target = await redirectTarget(createDraftAction(null, form({ patientId })));
  const id = target!.split("/assessments/")[1]!.split("/")[0]!;
  return { id, target };
}

const row = async (id: string) => (await handle.db.select().from(assessments).where(eq(assessments.id, id)))[0]!;
const meta = async (patientId: string, id: string) => ({ assessmentId: id, patientId, version: String((await row(id)).version) });
/** What the confirmation's "Yes, finalize" posts. */
const confirmed = async (patientId: string, id: string) => ({ ...(await meta(patientId, id)), confirmed: "yes" });

async function fillAll(patientId: string, id: string, steps: Record<string, Record<string, string>>) {
  for (const [key, values] of Object.entries(steps)) {
    const target = await redirectTarget(stepActions[key as keyof typeof stepActions](null, form({ ...values, ...(await meta(patientId, id)) })));
    expect(target, `step ${key} should save`).toMatch(/\/step\/\d$/);
  }
}

describe("assessment drafts", () => {
  it("opens a draft at step 1 prefilled with the patient's sport, and resumes it instead of forking", async () => {
    const { patient } = await clinicianWithPatient({ sport: "hyrox" });
    const first = await openDraft(patient.id);
    expect(first.target).toBe(`/patients/${patient.id}/assessments/${first.id}/step/1`);
    expect((await row(first.id)).draft.load?.sport).toBe("hyrox");
    const again = await openDraft(patient.id);
    expect(again.id).toBe(first.id);
  });

  it("invalid input returns every field error, keeps what was typed, and writes nothing", async () => {
    const { actor, patient } = await clinicianWithPatient();
    const { id } = await openDraft(patient.id);
    const before = await row(id);
    const eventsBefore = await handle.db.select().from(auditEvents).where(eq(auditEvents.clinicId, actor.clinicId));
    const state = await actions.saveComplaintStep(
      null,
      form({ ...(await meta(patient.id, id)), region: "knee", painNowNrs: "11", painWorst24hNrs: "abc", daysSinceOnset: "-3", sharpPain: "maybe", nextDayResponse: "never" }),
    );
    expect(state?.ok).toBe(false);
    expect(Object.keys(state?.fieldErrors ?? {}).sort()).toEqual(["daysSinceOnset", "nextDayResponse", "onset", "painNowNrs", "painWorst24hNrs", "sharpPain"]);
    expect(state?.values?.painNowNrs).toBe("11");
    const after = await row(id);
    expect(after.version).toBe(before.version);
    expect(after.draft).toEqual(before.draft);
    const eventsAfter = await handle.db.select().from(auditEvents).where(eq(auditEvents.clinicId, actor.clinicId));
    expect(eventsAfter.length).toBe(eventsBefore.length);
  });

  it("refuses a save from a stale tab (version) instead of overwriting", async () => {
    const { patient } = await clinicianWithPatient();
    const { id } = await openDraft(patient.id);
    const stale = await meta(patient.id, id);
    expect(await redirectTarget(actions.saveLoadStep(null, form({ ...stale, sport: "running", hoursPerWeekNow: "5" })))).toMatch(/step\/2$/);
    const second = await actions.saveLoadStep(null, form({ ...stale, sport: "running", hoursPerWeekNow: "9" }));
    expect(second?.ok).toBe(false);
    expect(second?.formError).toMatch(/another tab or by someone else/);
    expect(second?.values?.hoursPerWeekNow).toBe("9");
    expect((await row(id)).draft.load?.hoursPerWeekNow).toBe("5");
  });

  it("save and exit keeps the step to resume at", async () => {
    const { patient } = await clinicianWithPatient();
    const { id } = await openDraft(patient.id);
    await fillAll(patient.id, id, { load: { sport: "running" } });
    const target = await redirectTarget(actions.saveComplaintStep(null, form({ ...(await meta(patient.id, id)), region: "none", intent: "exit" })));
    expect(target).toBe(`/patients/${patient.id}?draftSaved=1`);
    expect((await row(id)).currentStep).toBe(2);
    expect((await openDraft(patient.id)).target).toMatch(/step\/2$/);
  });
});

describe("finalize, snapshot and amendments", () => {
  const vignette = vignettes.find((v) => v.id === "runner-knee-weak-calves")!;

  it("the runner-knee-weak-calves vignette through the actions: back off, capacity reason, calf work; frozen snapshot", async () => {
    const { actor, patient } = await clinicianWithPatient({ dateOfBirth: "1996-01-01" });
    const { id } = await openDraft(patient.id);
    await fillAll(patient.id, id, vignetteSteps(vignette.input));
    const view = await getAssessment(handle.db, actor, patient.id, id);
    expect(view.live?.ok).toBe(true);
    if (!view.live?.ok) return;
    expect(view.live.evaluation.verdict).toBe("back_off");
    expect(view.live.evaluation.reasons.some((r) => r.category === "capacity")).toBe(true);
    expect(JSON.stringify(view.live.evaluation.plan?.stages[0]?.strength).toLowerCase()).toContain("calf");
    expect(view.live.input.psfs?.mean).toBe(5.5);

    const target = await redirectTarget(actions.finalizeAction(null, form(await confirmed(patient.id, id))));
    expect(target).toBe(`/patients/${patient.id}/assessments/${id}?finalized=1`);
    const final = await row(id);
    expect(final.status).toBe("final");
    expect(final.rulesetVersion).toBe(view.live.evaluation.rulesetVersion);
    expect(final.evaluation?.verdict).toBe("back_off");
    expect((final.input as { psfs?: { mean: number } }).psfs?.mean).toBe(5.5);
    // The database itself refuses to change a final assessment.
    await expect(handle.db.update(assessments).set({ overrideReason: "sneaky" }).where(eq(assessments.id, id))).rejects.toThrow();
    // And a save to it through the flow is a clear conflict.
    const late = await actions.saveLoadStep(null, form({ ...(await meta(patient.id, id)), sport: "running" }));
    expect(late?.formError).toMatch(/final/);

    const audit = await handle.db.select().from(auditEvents).where(and(eq(auditEvents.clinicId, actor.clinicId), eq(auditEvents.entityId, id)));
    expect(audit.map((e) => e.action)).toEqual(expect.arrayContaining(["assessment.create", "assessment.save_step", "assessment.view", "assessment.finalize"]));

    // The caseload summary follows the decision in the same transaction.
    const [summary] = await handle.db.select().from(patients).where(eq(patients.id, patient.id));
    expect(summary).toMatchObject({ lastVerdict: "back_off", openRedFlag: false, currentStage: final.evaluation?.plan?.stages[0]?.title });
    expect(summary?.lastAssessedAt?.getTime()).toBe(final.finalizedAt?.getTime());
    expect(summary?.nextReassessmentDue).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it("an amendment keeps the original and records the reason; a stale amendment conflicts", async () => {
    const { actor, patient } = await clinicianWithPatient({ dateOfBirth: "1996-01-01" });
    const { id } = await openDraft(patient.id);
    await fillAll(patient.id, id, vignetteSteps(vignette.input));
    await redirectTarget(actions.finalizeAction(null, form(await confirmed(patient.id, id))));
    const original = await row(id);

    const missingReason = await actions.amendCapacityStep(null, form({ assessmentId: id, patientId: patient.id, amendmentSeq: "0", single_leg_calf_raise__left: "31", single_leg_calf_raise__right: "32", reason: "" }));
    expect(missingReason?.fieldErrors?.reason).toBeTruthy();

    const amend = { assessmentId: id, patientId: patient.id, amendmentSeq: "0", single_leg_calf_raise__left: "31", single_leg_calf_raise__right: "32", reason: "Calf raises were typed from the wrong sheet" };
    expect(await redirectTarget(actions.amendCapacityStep(null, form(amend)))).toBe(`/patients/${patient.id}/assessments/${id}?amended=1`);
    const again = await actions.amendCapacityStep(null, form(amend));
    expect(again?.formError).toMatch(/amended this assessment after you opened it/);

    expect(await row(id)).toEqual(original);
    const ms = await handle.db.select().from(assessmentAmendments).where(eq(assessmentAmendments.assessmentId, id));
    expect(ms).toHaveLength(1);
    expect(ms[0]!.reason).toMatch(/wrong sheet/);
    expect(ms[0]!.evaluation.capacity.find((c) => c.test === "single_leg_calf_raise")?.meetsTarget).toBe(true);
    const view = await getAssessment(handle.db, actor, patient.id, id);
    expect(view.snapshot?.evaluation.capacity[0]?.left).toBe(31);
    expect(view.assessment.evaluation?.capacity[0]?.left).toBe(5);
    // The caseload shows the corrected decision, not the original.
    const [summary] = await handle.db.select().from(patients).where(eq(patients.id, patient.id));
    expect(summary?.lastVerdict).toBe(ms[0]!.evaluation.verdict);
  });

  it("a reassessment starts prefilled from the last final assessment and compares the PSFS", async () => {
    const { actor, patient } = await clinicianWithPatient({ dateOfBirth: "1996-01-01" });
    const { id } = await openDraft(patient.id);
    await fillAll(patient.id, id, vignetteSteps(vignette.input));
    await redirectTarget(actions.finalizeAction(null, form(await confirmed(patient.id, id))));
    const next = await openDraft(patient.id);
    expect(next.id).not.toBe(id);
    const r = await row(next.id);
    expect(r.kind).toBe("reassessment");
    expect(r.draft.capacity?.single_leg_calf_raise__left).toBe("5");
    await fillAll(patient.id, next.id, { outcomes: { psfs1Activity: "Running 5 km", psfs1Score: "7", psfs2Activity: "Stairs", psfs2Score: "9" } });
    const view = await getAssessment(handle.db, actor, patient.id, next.id);
    expect(view.priorPsfs?.mean).toBe(5.5);
    if (!view.live?.ok) throw new Error("expected a live evaluation");
    expect(view.psfsChange(view.priorPsfs?.mean, view.live.input.psfs?.mean)).toMatchObject({ change: 2.5, meaningful: true });
  });
});

describe("red-flag gate", () => {
  const vignette = vignettes.find((v) => v.id === "runner-knee-weak-calves")!;

  it("saddle anaesthesia: urgent, no plan; finalize stores it without one", async () => {
    const { actor, patient } = await clinicianWithPatient({ dateOfBirth: "1990-01-01" });
    const { id } = await openDraft(patient.id);
    const steps = vignetteSteps(vignette.input);
    steps.redFlags!.saddleAnaesthesia = "yes";
    await fillAll(patient.id, id, steps);
    const view = await getAssessment(handle.db, actor, patient.id, id);
    if (!view.live?.ok) throw new Error("expected a live evaluation");
    expect(view.live.evaluation.verdict).toBe("urgent_referral");
    expect(view.live.gate.urgent).toBe(true);
    expect(view.live.gate.planAllowed).toBe(false);
    // Finalize really stores it: the final row carries the urgent verdict, and no plan exists.
    expect(await redirectTarget(actions.finalizeAction(null, form(await confirmed(patient.id, id))))).toMatch(/finalized=1$/);
    const stored = await row(id);
    expect(stored.status).toBe("final");
    expect(stored.evaluation?.verdict).toBe("urgent_referral");
    expect(await handle.db.select().from(plans).where(eq(plans.assessmentId, id))).toEqual([]);
    const [summary] = await handle.db.select().from(patients).where(eq(patients.id, patient.id));
    expect(summary).toMatchObject({ lastVerdict: "urgent_referral", openRedFlag: true });
  });

  it("refer tier needs a referral or an override before finalizing", async () => {
    const { patient } = await clinicianWithPatient({ dateOfBirth: "1990-01-01" });
    const { id } = await openDraft(patient.id);
    const steps = vignetteSteps(vignette.input);
    steps.redFlags!.historyOfCancer = "yes";
    await fillAll(patient.id, id, steps);
    const blocked = await actions.finalizeAction(null, form(await confirmed(patient.id, id)));
    expect(blocked?.formError).toMatch(/Record the referral/);
    const bad = await actions.recordGateAction(null, form({ ...(await meta(patient.id, id)), gate: "referral", referralTo: "", referralDate: "" }));
    expect(Object.keys(bad?.fieldErrors ?? {}).sort()).toEqual(["referralDate", "referralTo"]);
    expect(await redirectTarget(actions.recordGateAction(null, form({ ...(await meta(patient.id, id)), gate: "referral", referralTo: "Dr Osei, GP", referralDate: "2026-03-02" })))).toMatch(/step\/7\?gate=1$/);
    expect(await redirectTarget(actions.finalizeAction(null, form(await confirmed(patient.id, id))))).toMatch(/finalized=1$/);
    expect((await row(id)).referralTo).toBe("Dr Osei, GP");
    // The admin dashboard counts it as an open red flag until a later assessment clears it.
    const [summary] = await handle.db.select().from(patients).where(eq(patients.id, patient.id));
    expect(summary).toMatchObject({ lastVerdict: "refer", openRedFlag: true });
  });

  it("a spinal complaint cannot be finalized with the red-flag screen incomplete", async () => {
    const { patient } = await clinicianWithPatient({ dateOfBirth: "1990-01-01" });
    const { id } = await openDraft(patient.id);
    await fillAll(patient.id, id, {
      load: { sport: "running" },
      complaint: { region: "lumbar", onset: "gradual", daysSinceOnset: "60" },
      redFlags: { saddleAnaesthesia: "no" },
    });
    const blocked = await actions.finalizeAction(null, form(await confirmed(patient.id, id)));
    expect(blocked?.formError).toMatch(/full red-flag screen is needed before finalizing: 12 item/);
    expect((await row(id)).status).toBe("draft");
  });
});

describe("red-flag screen before any decision (issue 11, point 0)", () => {
  const countFinal = async (patientId: string) =>
    (await handle.db.select().from(assessments).where(and(eq(assessments.patientId, patientId), eq(assessments.status, "final")))).length;
  const countAudit = async (clinicId: string) => (await handle.db.select().from(auditEvents).where(eq(auditEvents.clinicId, clinicId))).length;

  it("the tablet user's path: steps 1-2 then finalize is refused, field by field, and nothing is written", async () => {
    const { actor, patient } = await clinicianWithPatient({ dateOfBirth: "1996-01-01" });
    const { id } = await openDraft(patient.id);
    const steps = vignetteSteps(vignettes.find((v) => v.id === "strong-runner-mild-ache")!.input);
    await fillAll(patient.id, id, { load: steps.load!, complaint: steps.complaint! });
    const view = await getAssessment(handle.db, actor, patient.id, id);
    if (!view.live?.ok) throw new Error("expected a live evaluation");
    expect(view.live.gate.canFinalize).toBe(false);
    expect(view.live.gate.redFlagScreenMissing).toHaveLength(13);

    const before = await row(id);
    const events = await countAudit(actor.clinicId);
    const refused = await actions.finalizeAction(null, form(await confirmed(patient.id, id)));
    expect(refused?.ok).toBe(false);
    expect(refused?.formError).toMatch(/red-flag screen is needed before finalizing: 13 item/);
    expect(Object.keys(refused?.fieldErrors ?? {}).sort()).toEqual([...RED_FLAG_KEYS].sort());
    expect(await countFinal(patient.id)).toBe(0);
    expect(await row(id)).toEqual(before);
    expect(await countAudit(actor.clinicId)).toBe(events);
  });

  it("a single tap is not enough: finalize without the confirmation is a field error and writes nothing", async () => {
    const { patient } = await clinicianWithPatient({ dateOfBirth: "1996-01-01" });
    const { id } = await openDraft(patient.id);
    await fillAll(patient.id, id, vignetteSteps(vignettes.find((v) => v.id === "runner-knee-weak-calves")!.input));
    const refused = await actions.finalizeAction(null, form(await meta(patient.id, id)));
    expect(refused?.fieldErrors?.confirmed).toBeTruthy();
    expect(await countFinal(patient.id)).toBe(0);
  });

  it("questions marked not asked need one reason beside the field; with it, finalize succeeds and records them", async () => {
    const { actor, patient } = await clinicianWithPatient({ dateOfBirth: "1996-01-01" });
    const { id } = await openDraft(patient.id);
    const steps = vignetteSteps(vignettes.find((v) => v.id === "strong-runner-mild-ache")!.input);
    await fillAll(patient.id, id, { load: steps.load!, complaint: steps.complaint! });
    const notAsked = ["historyOfCancer", "unexplainedWeightLoss", "immunosuppressionOrIvDrugUse"];
    const answers = Object.fromEntries(RED_FLAG_KEYS.map((k) => [k, notAsked.includes(k) ? "not_asked" : "no"]));

    const before = await row(id);
    const noReason = await actions.saveRedFlagsStep(null, form({ ...(await meta(patient.id, id)), ...answers, notAskedReason: "" }));
    expect(noReason?.ok).toBe(false);
    expect(Object.keys(noReason?.fieldErrors ?? {})).toEqual(["notAskedReason"]);
    expect(noReason?.values?.historyOfCancer).toBe("not_asked");
    expect(await row(id)).toEqual(before);

    const reason = "Phone triage: patient called from a shared office";
    await fillAll(patient.id, id, { redFlags: { ...answers, notAskedReason: reason } });
    expect((await row(id)).draft.redFlags?.historyOfCancer).toBe("not_asked");
    const target = await redirectTarget(actions.finalizeAction(null, form(await confirmed(patient.id, id))));
    expect(target).toMatch(/finalized=1$/);
    const final = await row(id);
    expect(final.status).toBe("final");
    const input = final.input as { redFlags?: Record<string, boolean>; redFlagsNotAsked?: { keys: string[]; reason: string } };
    expect(input.redFlagsNotAsked).toEqual({ keys: expect.arrayContaining(notAsked), reason });
    expect(input.redFlagsNotAsked?.keys).toHaveLength(3);
    expect(Object.keys(input.redFlags ?? {})).toHaveLength(10);
    const [event] = await handle.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.clinicId, actor.clinicId), eq(auditEvents.entityId, id), eq(auditEvents.action, "assessment.finalize")));
    expect(event?.detail).toMatchObject({ redFlagsNotAsked: 3 });
    // The reason stays in the clinical record, not in the admins' trail.
    expect(JSON.stringify(event?.detail)).not.toContain("Phone triage");
  });
});

describe("questions that fit the patient, and the LEFS (issue 14)", () => {
  const lefsAll = (score: string) => Object.fromEntries(Array.from({ length: 20 }, (_, i) => [`lefs${i + 1}`, score]));
  const achillesRunner = {
    load: { sport: "running", runKmPerWeekNow: "30", runKmPerWeekUsual: "30" },
    complaint: { region: "achilles_calf", onset: "gradual", daysSinceOnset: "30", painDuringActivityNrs: "3", trend: "stable", nextDayResponse: "same" },
  };

  it("an Achilles runner's answers to spinal and lifting questions are not kept, stay unknown, and are not listed as unanswered", async () => {
    const { actor, patient } = await clinicianWithPatient({ dateOfBirth: "1990-01-01" });
    const { id } = await openDraft(patient.id);
    // A plain form post can still carry answers the page no longer shows (the region changed).
    await fillAll(patient.id, id, {
      ...achillesRunner,
      complaint: { ...achillesRunner.complaint, cannotBendForward: "yes", radiatingBelowKnee: "yes", sharpPain: "no" },
      recovery: { fatiguePattern: "multi_day", weightsMovingNormally: "no" },
    });
    const draft = (await row(id)).draft;
    expect(draft.complaint).not.toHaveProperty("cannotBendForward");
    expect(draft.complaint).not.toHaveProperty("radiatingBelowKnee");
    expect(draft.complaint?.sharpPain).toBe("no");
    expect(draft.recovery).not.toHaveProperty("weightsMovingNormally");
    const view = await getAssessment(handle.db, actor, patient.id, id);
    if (!view.live?.ok) throw new Error("expected a live evaluation");
    expect(view.live.input.symptoms?.cannotBendForward).toBeUndefined();
    expect(view.live.input.symptoms?.radiatingBelowKnee).toBeUndefined();
    expect(view.live.input.fatigue?.weightsMovingNormally).toBeUndefined();
    // Never read as "no": the multi-day fatigue rule still says its answer is unknown.
    const { shownMissing } = await import("@/components/assessment/review");
    const { fitOfInput } = await import("@/lib/assessments/question-fit");
    const shown = shownMissing(view.live.evaluation, fitOfInput(view.live.input));
    expect(shown.filter((p) => /cannotBendForward|radiatingBelowKnee|weightsMovingNormally/.test(p))).toEqual([]);
    // The red-flag screen is never filtered.
    expect(shown.filter((p) => p.startsWith("redFlags.")).length).toBe(view.live.evaluation.missing.filter((p) => p.startsWith("redFlags.")).length);
  });

  it("a lumbar lifter's answers to the same questions are kept and read", async () => {
    const { actor, patient } = await clinicianWithPatient({ dateOfBirth: "1990-01-01", sport: "lifting" });
    const { id } = await openDraft(patient.id);
    await fillAll(patient.id, id, {
      load: { sport: "lifting" },
      complaint: { region: "lumbar", onset: "acute", daysSinceOnset: "3", cannotBendForward: "yes", radiatingBelowKnee: "no" },
      recovery: { weightsMovingNormally: "yes" },
    });
    const view = await getAssessment(handle.db, actor, patient.id, id);
    if (!view.live?.ok) throw new Error("expected a live evaluation");
    expect(view.live.input.symptoms).toMatchObject({ cannotBendForward: true, radiatingBelowKnee: false });
    expect(view.live.input.fatigue?.weightsMovingNormally).toBe(true);
  });

  it("saving the LEFS validates every item beside its field and writes nothing when invalid; complete, it is scored and stored", async () => {
    const { actor, patient } = await clinicianWithPatient({ dateOfBirth: "1990-01-01" });
    const { id } = await openDraft(patient.id);
    await fillAll(patient.id, id, achillesRunner);
    const before = await row(id);
    const events = (await handle.db.select().from(auditEvents).where(eq(auditEvents.clinicId, actor.clinicId))).length;

    const bad = { ...lefsAll("3"), lefs4: "", lefs9: "7", lefs12: "two", psfs1Activity: "Running 5 km", psfs1Score: "4" };
    delete (bad as Record<string, string>).lefs17;
    const refused = await actions.saveOutcomesStep(null, form({ ...(await meta(patient.id, id)), ...bad }));
    expect(refused?.ok).toBe(false);
    expect(Object.keys(refused?.fieldErrors ?? {}).sort()).toEqual(["lefs12", "lefs17", "lefs4", "lefs9"]);
    expect(refused?.fieldErrors?.lefs9?.[0]).toBe("Rate activity 9 from 0 to 4");
    expect(refused?.fieldErrors?.lefs4?.[0]).toMatch(/all 20 are answered/);
    expect(refused?.values?.lefs9).toBe("7");
    expect(await row(id)).toEqual(before);
    expect((await handle.db.select().from(auditEvents).where(eq(auditEvents.clinicId, actor.clinicId))).length).toBe(events);

    await fillAll(patient.id, id, { outcomes: { ...lefsAll("3"), lefs1: "1", psfs1Activity: "Running 5 km", psfs1Score: "4" } });
    expect((await row(id)).draft.outcomes?.lefs1).toBe("1");
    const view = await getAssessment(handle.db, actor, patient.id, id);
    if (!view.live?.ok) throw new Error("expected a live evaluation");
    expect(view.live.input.lefs).toEqual({ items: [1, ...Array(19).fill(3)], total: 58 });
    // The engine reads contract v1 only: the outcome measures ride alongside.
    expect(view.live.evaluation.missing.some((p) => p.startsWith("lefs"))).toBe(false);

    await fillAll(patient.id, id, { redFlags: Object.fromEntries(RED_FLAG_KEYS.map((k) => [k, "no"])) });
    expect(await redirectTarget(actions.finalizeAction(null, form(await confirmed(patient.id, id))))).toMatch(/finalized=1$/);
    expect((await row(id)).input).toMatchObject({ lefs: { total: 58 } });

    // The reassessment compares with it.
    const next = await openDraft(patient.id);
    await fillAll(patient.id, next.id, { outcomes: { ...lefsAll("4"), lefs1: "3" } });
    const again = await getAssessment(handle.db, actor, patient.id, next.id);
    expect(again.priorLefs?.total).toBe(58);
    if (!again.live?.ok) throw new Error("expected a live evaluation");
    expect(again.live.input.lefs?.total).toBe(79);
  });

  it("LEFS answers for a complaint outside the lower limb are not kept or scored", async () => {
    const { actor, patient } = await clinicianWithPatient({ dateOfBirth: "1990-01-01" });
    const { id } = await openDraft(patient.id);
    await fillAll(patient.id, id, { load: { sport: "running" }, complaint: { region: "lumbar", onset: "gradual", daysSinceOnset: "30" }, outcomes: lefsAll("2") });
    expect(Object.keys((await row(id)).draft.outcomes ?? {})).toEqual([]);
    const view = await getAssessment(handle.db, actor, patient.id, id);
    if (!view.live?.ok) throw new Error("expected a live evaluation");
    expect(view.live.input.lefs).toBeUndefined();
  });
});

describe("clinic isolation", () => {
  it("a clinician of another clinic can neither read nor write the assessment", async () => {
    const { actor: owner, patient } = await clinicianWithPatient();
    const { id } = await openDraft(patient.id);
    const before = await row(id);
    const other = actorFor(await makeUser(handle.db, (await makeClinic(handle.db)).id));
    current.actor = other;
    await expect(getAssessment(handle.db, other, patient.id, id)).rejects.toMatchObject({ kind: "not_found" });
    const write = await actions.saveLoadStep(null, form({ assessmentId: id, patientId: patient.id, version: String(before.version), sport: "lifting" }));
    expect(write).toMatchObject({ ok: false });
    expect(write?.formError).toMatch(/not found/i);
    const fin = await actions.finalizeAction(null, form({ assessmentId: id, patientId: patient.id, version: String(before.version), confirmed: "yes" }));
    expect(fin?.formError).toMatch(/not found/i);
    const create = await createDraftAction(null, form({ patientId: patient.id }));
    expect(create?.formError).toMatch(/not found/i);
    expect(await row(id)).toEqual(before);
    // Nothing about the other clinic's assessment reached the trail of either clinic.
    const theirs = await handle.db.select().from(auditEvents).where(eq(auditEvents.clinicId, other.clinicId));
    expect(theirs.filter((e) => e.entityId === id)).toHaveLength(0);
    void owner;
  });
});
