import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { checkInReviews, patients } from "@/db/schema";
import { createDraft } from "@/lib/assessments/create-draft";
import { finalizeAssessment } from "@/lib/assessments/finalize-assessment";
import { inputToStepForms } from "@/lib/assessments/input-to-steps";
import { saveStep } from "@/lib/assessments/save-step";
import { recordCheckIn } from "@/lib/checkins/record-check-in";
import { recordNextMorning } from "@/lib/checkins/record-next-morning";
import { addDays, assessmentInputSchema } from "@/lib/clinical";
import { samplePlanInput } from "@/lib/pdf/sample";
import { createPlan } from "@/lib/plans/create-plan";
import { publishPlan } from "@/lib/plans/publish-plan";
import { fixedClock } from "@/lib/time/clock";
import { FORM_STEP_KEYS, stepFormSchemas } from "@/lib/validation/assessment";
import { morningFormSchema, sessionFormSchema } from "@/lib/validation/checkin";
import { actorFor, makeClinic, makeUser } from "../support/test-db";
import { seedFinalAssessment } from "./plan-support";

// Records made through the same services a clinician and a patient use, for the race and fault
// tests (tests/integration/races.test.ts, connection-kill.test.ts, tests/faults/crash.test.ts).
// Each call makes its own clinic: nothing is shared between tests running in parallel.

export const PUBLISHED_ON = "2026-12-01";
export const at = (day: string, hour = 10) => fixedClock(`${day}T${String(hour).padStart(2, "0")}:00:00Z`);
export const linkMeta = { ip: "192.0.2.60", userAgent: "faults" };

/** A patient with a draft whose six steps are saved (the runner vignette): ready to finalize. */
export async function draftReadyToFinalize(db: Db) {
  const clinic = await makeClinic(db);
  const user = await makeUser(db, clinic.id);
  const actor = actorFor(user);
  const [patient] = await db
    .insert(patients)
    .values({ clinicId: clinic.id, clinicianId: user.id, firstName: "Rae", lastName: `Race-${randomUUID().slice(0, 6)}`, dateOfBirth: "1991-03-02", sex: "female", sport: "running" })
    .returning();
  const patientId = patient!.id;
  const forms = inputToStepForms(assessmentInputSchema.parse(samplePlanInput()), [["Running 5 km", 4]]);
  let { assessment } = await createDraft(db, actor, patientId);
  for (const [n, key] of FORM_STEP_KEYS.entries()) {
    const values = stepFormSchemas[key].parse({ ...forms[key], assessmentId: assessment.id, patientId, version: String(assessment.version) }) as Record<string, unknown>;
    assessment = await saveStep(db, actor, { patientId, assessmentId: assessment.id, version: assessment.version, step: key, values, nextStep: n + 2 });
  }
  return { clinic, user, actor, patientId, assessmentId: assessment.id, version: assessment.version };
}

/** The runner vignette's recovery step as its form posts it, with another average sleep (an amendment's values). */
export function recoveryStepWithSleep(sleepHoursAvg: string): Record<string, unknown> {
  const forms = inputToStepForms(assessmentInputSchema.parse(samplePlanInput()));
  const meta = { assessmentId: "00000000-0000-4000-8000-000000000000", patientId: "00000000-0000-4000-8000-000000000000", version: "1" };
  const parsed = stepFormSchemas.recovery.parse({ ...forms.recovery, sleepHoursAvg, ...meta }) as Record<string, unknown>;
  for (const k of Object.keys(meta)) delete parsed[k];
  return parsed;
}

/** The same, finalized: a final assessment with no amendments yet. */
export async function finalAssessment(db: Db) {
  const d = await draftReadyToFinalize(db);
  await finalizeAssessment(db, d.actor, { patientId: d.patientId, assessmentId: d.assessmentId, version: d.version });
  return d;
}

/** A final assessment with a saved, unpublished plan (version 1). */
export async function unpublishedPlan(db: Db) {
  const s = await seedFinalAssessment(db);
  const { plan } = await createPlan(db, s.actor, s);
  return { ...s, planId: plan.id, planVersion: plan.version };
}

/** A plan published on PUBLISHED_ON, with the patient's link token. */
export async function publishedPlan(db: Db) {
  const s = await unpublishedPlan(db);
  const r = await publishPlan(db, s.actor, { patientId: s.patientId, planId: s.planId, version: s.planVersion }, at(PUBLISHED_ON));
  return { ...s, token: r.link!.path.slice(3) };
}

/** A session logged through the patient's link on `day`, and its next-morning answer unless `morning` is false. */
export async function logSession(db: Db, token: string, day: string, o: { morning?: boolean; idempotencyKey?: string } = {}) {
  const form = sessionFormSchema.parse({
    idempotencyKey: o.idempotencyKey ?? randomUUID(),
    sessionDate: day,
    activity: "run",
    done: "as_planned",
    minutes: "30",
    painDuringNrs: "2",
    symptom_none: "on",
  });
  const r = await recordCheckIn(db, token, form, linkMeta, at(day, 18));
  if (r.kind !== "ok") throw new Error(`session not stored: ${JSON.stringify(r)}`);
  if (o.morning !== false) {
    const m = morningFormSchema.parse({ idempotencyKey: randomUUID(), checkInId: r.checkInId, morningPainNrs: "1", comparedWithBefore: "same", symptom_none: "on" });
    const mr = await recordNextMorning(db, token, m, linkMeta, at(addDays(day, 1), 8));
    if (mr.kind !== "ok") throw new Error(`morning not stored: ${JSON.stringify(mr)}`);
  }
  return r.checkInId;
}

/** A published plan after a green first week: the engine's "progress" waits for a clinician (8 Dec). */
export async function pendingProgressReview(db: Db) {
  const s = await publishedPlan(db);
  for (const d of ["2026-12-03", "2026-12-05", "2026-12-07"]) await logSession(db, s.token, d);
  const [review] = await db
    .select()
    .from(checkInReviews)
    .where(and(eq(checkInReviews.planId, s.planId), eq(checkInReviews.status, "pending")));
  if (!review || review.suggestion !== "progress") throw new Error(`expected a pending progress review, found ${review?.suggestion ?? "none"}`);
  return { ...s, review };
}

/** A clinic with two admins, three clinicians and one patient on the first clinician's caseload. */
export async function clinicForReassign(db: Db) {
  const clinic = await makeClinic(db);
  const [admin1, admin2] = [actorFor(await makeUser(db, clinic.id, { role: "admin" })), actorFor(await makeUser(db, clinic.id, { role: "admin" }))];
  const [pt1, pt2, pt3] = [await makeUser(db, clinic.id), await makeUser(db, clinic.id), await makeUser(db, clinic.id)];
  const [patient] = await db
    .insert(patients)
    .values({ clinicId: clinic.id, clinicianId: pt1.id, firstName: "Sam", lastName: `Move-${randomUUID().slice(0, 6)}`, dateOfBirth: "1988-08-08", sex: "male", sport: "lifting" })
    .returning();
  return { clinic, admin1, admin2, pt1, pt2, pt3, patientId: patient!.id };
}
