// Builds the authorization matrix's database before the server opens it (PGlite allows one
// process): the demo clinics with their history (through the same services a clinician and a
// patient's phone use, db/seed-demo-history.ts), plus the accounts and records the matrix's
// actors and entries need. Writes what the matrix needs to know (ids, tokens, valid form
// values) as JSON. Run by tests/authz/run-matrix.ts as
//   node --conditions=react-server --import tsx tests/authz/seed-fixture.ts <pglite dir> <out.json>
import { randomBytes, randomUUID } from "node:crypto";
import { writeFileSync } from "node:fs";
import { and, desc, eq } from "drizzle-orm";
import { openDatabase } from "@/db/client";
import { assessments, checkInReviews, clinics, patients, planVersions, plans, users, type User } from "@/db/schema";
import { seedDemo } from "@/db/seed";
import { DEMO_PASSWORD } from "@/db/seed-data";
import { seedDemoHistory } from "@/db/seed-demo-history";
import { createDraft } from "@/lib/assessments/create-draft";
import { inputToStepForms } from "@/lib/assessments/input-to-steps";
import type { Actor } from "@/lib/auth/actor";
import { hashPassword } from "@/lib/auth/password";
import { recordCheckIn } from "@/lib/checkins/record-check-in";
import { addDays, assessmentInputSchema } from "@/lib/clinical";
import vignettes from "@/lib/clinical/fixtures/vignettes.json";
import checkinVignettes from "@/lib/clinical/fixtures/checkin-vignettes.json";
import { toFormValues } from "@/lib/plans/content";
import { createPlan } from "@/lib/plans/create-plan";
import { saveExerciseMedia } from "@/lib/exercise-media/save-exercise-media";
import sharp from "sharp";
import { recordRtmSetup, startRtmEpisode } from "@/lib/monitoring/episodes";
import { logRtmTime, voidRtmTimeEntry } from "@/lib/monitoring/time-log";
import { issuePatientLink } from "@/lib/plans/issue-patient-link";
import { revokePatientLink } from "@/lib/plans/revoke-patient-link";
import { settingsFormValues } from "@/lib/admin/update-clinic-settings";
import { clinicToday, systemClock, timeZoneOf } from "@/lib/time/clock";
import { FORM_STEP_KEYS, stepFormSchemas } from "@/lib/validation/assessment";
import { sessionFormSchema } from "@/lib/validation/checkin";
import type { Fixture } from "./fixture";
import { flatten } from "../integration/plan-support";

const [pgliteDir, outFile] = process.argv.slice(2);
if (!pgliteDir || !outFile) throw new Error("usage: seed-fixture.ts <pglite dir> <out.json>");

const handle = await openDatabase({ pgliteDir });
const db = handle.db;
await seedDemo(db);
await seedDemoHistory(db);

const [clinic1] = await db.select().from(clinics).where(eq(clinics.name, "Loadwise Demo Clinic"));
const [clinic2] = await db.select().from(clinics).where(eq(clinics.name, "Northside Physio"));
if (!clinic1 || !clinic2) throw new Error("the demo seed made no clinics");

const byEmail = async (email: string) => {
  const [u] = await db.select().from(users).where(eq(users.email, email));
  if (!u) throw new Error(`no demo user ${email}`);
  return u;
};
const passwordHash = await hashPassword(DEMO_PASSWORD);
const addUser = async (clinicId: string, email: string, role: User["role"], active = true) => {
  const [u] = await db.insert(users).values({ clinicId, email, name: `Matrix ${email.split("@")[0]}`, role, passwordHash, active }).returning();
  return u!;
};
const actorOf = (u: User): Actor => ({ clinicId: u.clinicId, userId: u.id, role: u.role, name: u.name, email: u.email, sessionId: randomUUID(), ip: null, userAgent: "authz matrix seed" });
const ref = (u: User) => ({ id: u.id, email: u.email, clinicId: u.clinicId, role: u.role });

const clinicianA = await byEmail("pt@demo.loadwise.test");
const actorA = actorOf(clinicianA);
const c1 = (email: string, role: User["role"] = "clinician", active = true) => addUser(clinic1.id, email, role, active);
const people = {
  admin1: await byEmail("admin@demo.loadwise.test"),
  clinicianA,
  clinicianB: await byEmail("pt2@demo.loadwise.test"),
  clinician2: await byEmail("pt@northside.loadwise.test"),
  admin2: await addUser(clinic2.id, "admin@northside.matrix.test", "admin"),
  deactivated: await c1("deactivated@demo.matrix.test"),
  expired: await c1("expired@demo.matrix.test"),
};
// The user accounts the admin actions change, one per action, so no case depends on another's order.
const targets = {
  changeRole: await c1("role-target@demo.matrix.test"),
  deactivate: await c1("deactivate-target@demo.matrix.test"),
  reactivate: await c1("reactivate-target@demo.matrix.test", "clinician", false),
  endSessions: await c1("sessions-target@demo.matrix.test"),
  resetPassword: await c1("reset-target@demo.matrix.test"),
  signIn: await c1("signin-target@demo.matrix.test"),
};

const patientNamed = async (lastName: string) => {
  const [p] = await db.select().from(patients).where(and(eq(patients.clinicId, clinic1.id), eq(patients.lastName, lastName)));
  if (!p) throw new Error(`no demo patient ${lastName}`);
  return p;
};
const planOf = async (patientId: string) => {
  const [p] = await db.select().from(plans).where(and(eq(plans.clinicId, clinic1.id), eq(plans.patientId, patientId))).orderBy(desc(plans.createdAt)).limit(1);
  if (!p) throw new Error(`no plan for patient ${patientId}`);
  return p;
};
const reviewOf = async (planId: string) => {
  const [r] = await db.select().from(checkInReviews).where(and(eq(checkInReviews.clinicId, clinic1.id), eq(checkInReviews.planId, planId))).orderBy(desc(checkInReviews.createdAt)).limit(1);
  if (!r) throw new Error(`no review for plan ${planId}`);
  return r;
};
const tokenOf = (path: string) => path.replace(/^\/p\//, "");

const timeZone = timeZoneOf((clinic1.settings as { timeZone?: string }).timeZone);
const today = clinicToday(systemClock, timeZone);

// Maya Lindqvist: a published plan with weeks of check-ins and a "progress" suggestion. Her new
// link is the link holder's; one more session (no morning answer yet) is there to answer.
const maya = await patientNamed("Lindqvist");
const mayaPlan = await planOf(maya.id);
const linkToken = tokenOf((await issuePatientLink(db, actorA, { patientId: maya.id, planId: mayaPlan.id })).path);
const session = await recordCheckIn(
  db,
  linkToken,
  sessionFormSchema.parse({ idempotencyKey: randomUUID(), sessionDate: addDays(today, -1), activity: "strength", done: "as_planned", minutes: "30", effortRpe: "4", painDuringNrs: "1", symptom_none: "on", note: "" }),
  { ip: null, userAgent: "authz matrix seed" },
);
if (session.kind !== "ok") throw new Error(`matrix seed: check-in not stored: ${JSON.stringify(session)}`);
const mayaReview = await reviewOf(mayaPlan.id);
const [mayaVersion] = await db.select().from(planVersions).where(and(eq(planVersions.planId, mayaPlan.id), eq(planVersions.version, mayaPlan.version)));

// Ines Carvalho: a flare waiting ("regress"); her link is issued and then revoked: the revoked link.
const ines = await patientNamed("Carvalho");
const inesPlan = await planOf(ines.id);
const revokedToken = tokenOf((await issuePatientLink(db, actorA, { patientId: ines.id, planId: inesPlan.id })).path);
await revokePatientLink(db, actorA, { patientId: ines.id, planId: inesPlan.id });
const inesReview = await reviewOf(inesPlan.id);

// Tom Brennan: an urgent report waiting; his plan's link is what the link actions issue and revoke.
const tom = await patientNamed("Brennan");
const tomPlan = await planOf(tom.id);
const tomReview = await reviewOf(tomPlan.id);

// Hana Sato: a final "push" assessment; its plan is made here (the plan actions save and publish
// it) and the assessment is what the amend actions correct, with the values it was made from.
const vignette = (id: string) => assessmentInputSchema.parse((vignettes as Array<{ id: string; input: unknown }>).find((v) => v.id === id)!.input);
const finalAssessmentOf = async (patientId: string) => {
  const [a] = await db
    .select()
    .from(assessments)
    .where(and(eq(assessments.clinicId, clinic1.id), eq(assessments.patientId, patientId), eq(assessments.status, "final")))
    .orderBy(desc(assessments.createdAt))
    .limit(1);
  if (!a) throw new Error(`no final assessment for patient ${patientId}`);
  return a;
};
const sato = await patientNamed("Sato");
const satoAssessment = await finalAssessmentOf(sato.id);
const satoPlan = (await createPlan(db, actorA, { patientId: sato.id, assessmentId: satoAssessment.id })).plan;
const [satoVersion] = await db.select().from(planVersions).where(and(eq(planVersions.planId, satoPlan.id), eq(planVersions.version, satoPlan.version)));
const planForm = flatten(toFormValues(satoVersion!.content, "km", { planId: satoPlan.id, patientId: sato.id, version: satoPlan.version }));
const satoForms = inputToStepForms(vignette("strong-runner-mild-ache"), [["Track intervals", 8]]);

// Luca Bianchi: a final "refer" whose referral is recorded; recording another one is allowed.
const bianchi = await patientNamed("Bianchi");
const bianchiAssessment = await finalAssessmentOf(bianchi.id);

// Jonah Webb: no assessment yet; an open draft is what the step actions save (valid values for
// every step), and he is the patient the edit action changes.
const webb = await patientNamed("Webb");
const draft = (await createDraft(db, actorA, webb.id)).assessment;
const webbForms = inputToStepForms(vignette("one-bad-day-push"), [["Squat", 9]]);
for (const key of FORM_STEP_KEYS) stepFormSchemas[key].parse({ ...webbForms[key], assessmentId: draft.id, patientId: webb.id, version: "1" });

// Aisha Rahman: the patient the admin's bulk action hands over (to clinician A, who has her).
const rahman = await patientNamed("Rahman");

// Tom is also monitored (issue 19): an open episode, and an entry already withdrawn, so the RTM
// actions answer every clinic-1 caller alike (a second start or a second withdrawal is refused).
const tomEpisode = await startRtmEpisode(db, actorA, { patientId: tom.id, consentMethod: "verbal", startedOn: today });
await recordRtmSetup(db, actorA, { episodeId: tomEpisode.id, setupEducationOn: today, version: tomEpisode.version });
const tomEntry = await logRtmTime(db, actorA, { patientId: tom.id, entryDate: today, minutes: 5, activity: "Read the week's check-ins", interactive: false });
const tomWithdrawn = await voidRtmTimeEntry(db, actorA, { patientId: tom.id, correctsId: tomEntry.id });

const checkinCase = (checkinVignettes as { cases: Array<{ id: string; input: unknown }> }).cases.find((c) => c.id === "green-week-progress")!;
const clinic1People = await db.select({ name: users.name }).from(users).where(eq(users.clinicId, clinic1.id));
const clinic1Patients = await db.select({ lastName: patients.lastName }).from(patients).where(eq(patients.clinicId, clinic1.id));

// Clinic 1's own photo for one exercise: what the media routes serve and the photo actions edit.
const mediaPhoto = await sharp({ create: { width: 400, height: 300, channels: 3, background: { r: 30, g: 90, b: 160 } } }).png().toBuffer();
const media = await saveExerciseMedia(db, actorA, { exerciseName: "Split squat", version: null, alt: "", videoUrl: null }, mediaPhoto);

const fixture: Fixture = {
  password: DEMO_PASSWORD,
  today,
  clinic1: { id: clinic1.id, name: clinic1.name },
  clinic2: { id: clinic2.id, name: clinic2.name },
  people: Object.fromEntries(Object.entries(people).map(([k, u]) => [k, ref(u)])) as Fixture["people"],
  targets: Object.fromEntries(Object.entries(targets).map(([k, u]) => [k, ref(u)])) as Fixture["targets"],
  maya: {
    patientId: maya.id,
    assessmentId: mayaPlan.assessmentId,
    planId: mayaPlan.id,
    planVersion: mayaPlan.version,
    stageKey: mayaVersion!.content.stages[1]?.key ?? mayaVersion!.content.stages[0]!.key,
    reviewId: mayaReview.id,
    reviewVersion: mayaReview.version,
    checkInId: session.checkInId,
  },
  ines: { patientId: ines.id, planId: inesPlan.id, reviewId: inesReview.id, reviewVersion: inesReview.version },
  tom: { patientId: tom.id, planId: tomPlan.id, reviewId: tomReview.id, reviewVersion: tomReview.version, rtmEpisodeId: tomEpisode.id, rtmWithdrawnEntryId: tomWithdrawn.id },
  sato: { patientId: sato.id, assessmentId: satoAssessment.id, planId: satoPlan.id, planForm, stepForms: satoForms },
  bianchi: { patientId: bianchi.id, assessmentId: bianchiAssessment.id },
  webb: { patientId: webb.id, draftId: draft.id, stepForms: webbForms, patient: { firstName: webb.firstName, lastName: webb.lastName, dateOfBirth: webb.dateOfBirth, sex: webb.sex, sport: webb.sport, level: webb.level ?? "" } },
  rahman: { patientId: rahman.id },
  media: { exerciseName: "Split squat", sha256: media.sha256 },
  linkToken,
  revokedToken,
  // Well formed, never issued: what an actor without a patient link holds.
  unknownToken: randomBytes(16).toString("base64url"),
  evaluateBody: vignette("strong-runner-mild-ache"),
  reviewCheckinsBody: checkinCase.input,
  settingsForms: {
    [clinic1.id]: settingsFormValues(clinic1.settings),
    [clinic2.id]: settingsFormValues(clinic2.settings),
  },
  // Words only clinic 1's pages can contain: its people and its patients' surnames.
  clinic1Markers: [...clinic1People.map((u) => u.name), ...clinic1Patients.map((p) => p.lastName)].filter((w) => w.length >= 5),
};

writeFileSync(outFile, JSON.stringify(fixture, null, 2));
await handle.close();
