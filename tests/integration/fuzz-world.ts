import { randomUUID } from "node:crypto";
import { and, eq, isNull } from "drizzle-orm";
import type { Db } from "@/db/client";
import { assessments, checkInReviews, checkIns, clinics, outboxMessages, patients, planLinks, plans, users } from "@/db/schema";
import { hashLinkToken } from "@/lib/auth/tokens";
import { reminderLinkToken } from "@/lib/reminders/reminder-link";
import { issuePasswordLink } from "@/lib/admin/issue-password-link";
import { settingsFormValues } from "@/lib/admin/update-clinic-settings";
import { createDraft } from "@/lib/assessments/create-draft";
import { finalizeAssessment } from "@/lib/assessments/finalize-assessment";
import { inputToStepForms } from "@/lib/assessments/input-to-steps";
import { saveStep } from "@/lib/assessments/save-step";
import { hashPassword } from "@/lib/auth/password";
import { recordCheckIn } from "@/lib/checkins/record-check-in";
import { recordNextMorning } from "@/lib/checkins/record-next-morning";
import { addDays, type AssessmentInput } from "@/lib/clinical";
import { toFormValues } from "@/lib/plans/content";
import { createPlan } from "@/lib/plans/create-plan";
import { saveExerciseMedia } from "@/lib/exercise-media/save-exercise-media";
import sharp from "sharp";
import { findVersion } from "@/lib/plans/internal";
import { startRtmEpisode } from "@/lib/monitoring/episodes";
import { logRtmTime } from "@/lib/monitoring/time-log";
import { publishPlan } from "@/lib/plans/publish-plan";
import { fixedClock } from "@/lib/time/clock";
import { FORM_STEP_KEYS, stepFieldNames, type FormStepKey } from "@/lib/validation/assessment";
import { morningFormSchema, sessionFormSchema } from "@/lib/validation/checkin";
import { actorFor, makeUser, TEST_PASSWORD } from "../support/test-db";
import { flatten, seedFinalAssessment } from "./plan-support";

// One clinic with something for every action and route to act on (issue 15, fuzzed input): an
// admin, a clinician, a colleague for the admin's user actions, a patient with a final assessment,
// a published plan and its live link, a week of check-ins with a pending "progress" review and a
// session still waiting for its next-morning answer, a second patient whose check-in reported a
// new symptom (a review to acknowledge), a reassessment draft with every step saved, and a
// set-password link. A second clinic is watched too: nothing done in the first may touch it.
// Everything is seeded through the services, as the app would have written it.

export const PUBLISHED_ON = "2026-12-01";
/** "Now" for every fuzz case (the request test clock): a week and a day after publishing. */
export const NOW = "2026-12-09T10:00:00Z";
export const TODAY = NOW.slice(0, 10);
const at = (day: string, hour = 10) => fixedClock(`${day}T${String(hour).padStart(2, "0")}:00:00Z`);
const phone = { ip: "192.0.2.77", userAgent: "phone" };

async function logSession(db: Db, token: string, day: string, o: { symptom?: string; morning?: boolean } = {}) {
  const form = sessionFormSchema.parse({
    idempotencyKey: randomUUID(),
    sessionDate: day,
    activity: "run",
    done: "as_planned",
    minutes: "30",
    painDuringNrs: "2",
    ...(o.symptom ? { [o.symptom]: "on" } : { symptom_none: "on" }),
  });
  const r = await recordCheckIn(db, token, form, phone, at(day, 18));
  if (r.kind !== "ok") throw new Error(`seed: session not stored: ${JSON.stringify(r)}`);
  if (o.morning !== false) {
    const m = morningFormSchema.parse({ idempotencyKey: randomUUID(), checkInId: r.checkInId, morningPainNrs: "1", comparedWithBefore: "same", symptom_none: "on" });
    const mr = await recordNextMorning(db, token, m, phone, at(addDays(day, 1), 8));
    if (mr.kind !== "ok") throw new Error(`seed: morning not stored: ${JSON.stringify(mr)}`);
  }
  return r.checkInId;
}

async function publishedPatient(db: Db, into?: NonNullable<Parameters<typeof seedFinalAssessment>[2]>["into"]) {
  const s = await seedFinalAssessment(db, undefined, { into });
  const { plan } = await createPlan(db, s.actor, s);
  const r = await publishPlan(db, s.actor, { patientId: s.patientId, planId: plan.id, version: 1 }, at(PUBLISHED_ON));
  return { ...s, planId: plan.id, token: r.link!.path.slice(3) };
}

export async function seedFuzzWorld(db: Db) {
  const passwordHash = await hashPassword(TEST_PASSWORD);
  const main = await publishedPatient(db);
  const clinic = main.clinic;
  await db.update(users).set({ passwordHash }).where(eq(users.id, main.user.id));
  const admin = await makeUser(db, clinic.id, { role: "admin", passwordHash });
  const colleague = await makeUser(db, clinic.id, { role: "clinician" });

  // A green week: the last morning answer leaves a pending "progress" review.
  for (const d of ["2026-12-03", "2026-12-05", "2026-12-07"]) await logSession(db, main.token, d);

  // A second patient of the same clinician, whose session yesterday reported a fever: a review to
  // acknowledge, and a session still waiting for its next-morning answer.
  const second = await publishedPatient(db, { clinic, user: main.user });
  const awaitingMorning = await logSession(db, second.token, addDays(TODAY, -1), { symptom: "symptom_fever", morning: false });

  // The second patient agreed to reminders and was sent one (issue 19): its stop link is the stop action's target.
  await db
    .update(patients)
    .set({ email: "second.patient@fuzz.loadwise.test", remindersConsent: true, remindersConsentAt: new Date(NOW), remindersConsentBy: main.user.id })
    .where(and(eq(patients.clinicId, clinic.id), eq(patients.id, second.patientId)));
  const [secondLink] = await db.select({ id: planLinks.id }).from(planLinks).where(and(eq(planLinks.clinicId, clinic.id), eq(planLinks.patientId, second.patientId), isNull(planLinks.revokedAt)));
  const reminderId = randomUUID();
  await db.insert(outboxMessages).values({
    clinicId: clinic.id,
    id: reminderId,
    patientId: second.patientId,
    channel: "email",
    kind: "next_morning",
    localDay: TODAY,
    idempotencyKey: `reminder:email:${second.patientId}:next_morning:${TODAY}`,
    status: "sent",
    attempts: 1,
    sentAt: new Date(NOW),
    messageId: `<reminder.${reminderId}@loadwise.invalid>`,
    planLinkId: secondLink!.id,
    linkTokenHash: hashLinkToken(reminderLinkToken(reminderId)),
    linkExpiresAt: new Date(Date.parse(NOW) + 14 * 86_400_000),
  });

  // A reassessment draft of the main patient with every step saved from its final assessment.
  const [final] = await db.select().from(assessments).where(and(eq(assessments.clinicId, clinic.id), eq(assessments.id, main.assessmentId)));
  const steps = inputToStepForms(final!.input as unknown as AssessmentInput, [["Running 5 km", 4]]);
  const draftOf = async (patientId: string) => {
    const { assessment } = await createDraft(db, main.actor, patientId, at(TODAY));
    let version = assessment.version;
    for (const [i, step] of FORM_STEP_KEYS.entries()) {
      const row = await saveStep(db, main.actor, { assessmentId: assessment.id, patientId, version, step, values: stepValues(steps, step), nextStep: i + 2 });
      version = row.version;
    }
    return { id: assessment.id, version };
  };
  const { id: draftId, version } = await draftOf(main.patientId);
  const draft = { id: draftId };

  // A third patient whose assessment was made through the step forms and finalized: amendments
  // correct a step of those forms.
  const [third] = await db
    .insert(patients)
    .values({ clinicId: clinic.id, clinicianId: main.user.id, firstName: "Amy", lastName: "Amend", dateOfBirth: "1988-03-04", sex: "female", sport: "running" })
    .returning();
  const amendable = await draftOf(third!.id);
  await finalizeAssessment(db, main.actor, { patientId: third!.id, assessmentId: amendable.id, version: amendable.version }, at(TODAY));
  // Its plan is saved but never published: what Publish acts on (publishing a version twice is a conflict).
  const { plan: unpublished } = await createPlan(db, main.actor, { patientId: third!.id, assessmentId: amendable.id }, at(TODAY));

  // Remote monitoring (issue 19): the main patient's open episode, no set-up yet, one entry.
  const rtmEpisode = await startRtmEpisode(db, main.actor, { patientId: main.patientId, consentMethod: "written", startedOn: "2026-12-03" }, at(TODAY));
  const rtmEntry = await logRtmTime(db, main.actor, { patientId: main.patientId, entryDate: "2026-12-05", minutes: 12, activity: "Read the check-ins", interactive: false }, at(TODAY));

  const resetLink = await issuePasswordLink(db, { clinicId: clinic.id, userId: colleague.id, createdBy: admin.id }, "reset");

  // Another clinic with a published plan and check-ins of its own: watched for cross-tenant writes.
  const other = await publishedPatient(db);
  await logSession(db, other.token, "2026-12-03");

  const reviews = await db.select().from(checkInReviews).where(and(eq(checkInReviews.clinicId, clinic.id), eq(checkInReviews.status, "pending")));
  const progress = reviews.find((r) => r.planId === main.planId);
  const care = reviews.find((r) => r.planId === second.planId);
  if (!progress || !care) throw new Error(`seed: expected two pending reviews, found ${reviews.map((r) => `${r.suggestion}@${r.planId}`).join(", ") || "none"}`);
  const [clinicRow] = await db.select().from(clinics).where(eq(clinics.id, clinic.id));
  const [patientRow] = await db.select().from(patients).where(eq(patients.id, main.patientId));
  const [planRow] = await db.select().from(plans).where(eq(plans.id, main.planId));
  const [colleagueRow] = await db.select().from(users).where(eq(users.id, colleague.id));
  const content = (await findVersion(db, clinic.id, main.planId, 1)).content;
  const [morningRow] = await db.select().from(checkIns).where(eq(checkIns.id, awaitingMorning));
  // An exercise photo in each clinic (issue 18): the media routes serve them, the photo actions edit ours.
  const photo = (r: number) => sharp({ create: { width: 300, height: 300, channels: 3, background: { r, g: 80, b: 120 } } }).png().toBuffer();
  const media = await saveExerciseMedia(db, main.actor, { exerciseName: "Split squat", version: null, alt: "", videoUrl: null }, await photo(10));
  const otherMedia = await saveExerciseMedia(db, other.actor, { exerciseName: "Split squat", version: null, alt: "", videoUrl: null }, await photo(200));

  return {
    clinic,
    otherClinicId: other.clinic.id,
    clinicianActor: main.actor,
    adminActor: actorFor(admin),
    admin,
    clinician: main.user,
    colleague: colleagueRow!,
    patient: patientRow!,
    secondPatientId: second.patientId,
    secondPatientVersion: (await db.select({ version: patients.version }).from(patients).where(eq(patients.id, second.patientId)))[0]!.version,
    finalAssessmentId: main.assessmentId,
    amendable: { patientId: third!.id, assessmentId: amendable.id },
    unpublishedPlan: { id: unpublished.id, patientId: third!.id, version: unpublished.version },
    finalSteps: steps,
    draft: { id: draft.id, version, steps },
    plan: planRow!,
    planForm: flatten(toFormValues(content, "km", { planId: main.planId, patientId: main.patientId, version: planRow!.version })),
    token: main.token,
    secondToken: second.token,
    otherToken: other.token,
    reminderToken: reminderLinkToken(reminderId),
    awaitingMorning: morningRow!,
    progressReview: progress,
    careReview: care,
    resetToken: resetLink.path.split("/").pop()!,
    settingsForm: settingsFormValues(clinicRow!.settings),
    media: { exerciseName: "Split squat", sha256: media.sha256, version: media.version, otherSha256: otherMedia.sha256 },
    rtm: { episodeId: rtmEpisode.id, episodeVersion: rtmEpisode.version, entryId: rtmEntry.id },
  };
}

export type FuzzWorld = Awaited<ReturnType<typeof seedFuzzWorld>>;

/** A step's values from the step forms, limited to the fields the step owns. */
export function stepValues(steps: Record<string, Record<string, string>>, step: FormStepKey): Record<string, string> {
  const names = new Set(stepFieldNames(step));
  return Object.fromEntries(Object.entries(steps[step] ?? {}).filter(([k]) => names.has(k)));
}
