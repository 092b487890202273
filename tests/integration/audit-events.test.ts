import { randomUUID } from "node:crypto";
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { and, eq, gt, max } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { auditEvents, checkInReviews, clinics, outboxMessages, patients, plans, planVersions, users } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { actorFor, makeClinic, makeUser, TEST_PASSWORD, validPatient } from "../support/test-db";

// Issue 15: "audit events on reads and most writes are never asserted". This file enumerates, from
// the code, every exported service function in a module that writes the audit log, and runs each
// one through the real flow a clinic goes through (patient, assessment, plan, link, check-ins,
// review, admin work). Each case declares the events the call must append, exactly: a service
// that stops auditing, audits the wrong action, forgets the patient, or writes a stray event fails
// here; a new service without a case fails the completeness test.
let handle: Awaited<ReturnType<typeof import("../support/test-db").openTestDb>>;
vi.mock("@/db/client", async (orig) => ({ ...(await orig<object>()), getDb: async () => handle.db }));

const { openTestDb } = await import("../support/test-db");
const { hashPassword } = await import("@/lib/auth/password");
const { createPatient } = await import("@/lib/patients/create-patient");
const { getPatient } = await import("@/lib/patients/get-patient");
const { updatePatient } = await import("@/lib/patients/update-patient");
const { listCaseload } = await import("@/lib/patients/list-caseload");
const { createDraft } = await import("@/lib/assessments/create-draft");
const { saveStep } = await import("@/lib/assessments/save-step");
const { getAssessment } = await import("@/lib/assessments/get-assessment");
const { listAssessments } = await import("@/lib/assessments/list-assessments");
const { recordReferral } = await import("@/lib/assessments/record-referral");
const { finalizeAssessment } = await import("@/lib/assessments/finalize-assessment");
const { amendAssessment } = await import("@/lib/assessments/amend-assessment");
const { inputToStepForms } = await import("@/lib/assessments/input-to-steps");
const { createPlan } = await import("@/lib/plans/create-plan");
const { getPlan } = await import("@/lib/plans/get-plan");
const { savePlanVersion } = await import("@/lib/plans/save-plan-version");
const { publishPlan } = await import("@/lib/plans/publish-plan");
const { issuePatientLink } = await import("@/lib/plans/issue-patient-link");
const { revokePatientLink } = await import("@/lib/plans/revoke-patient-link");
const { showPatientLink } = await import("@/lib/plans/show-patient-link");
const { openPatientLink } = await import("@/lib/plans/open-patient-link");
const { renderPlanPdfFor } = await import("@/lib/plans/render-plan-report");
const { setPlanPosition } = await import("@/lib/plans/set-plan-position");
const { toFormValues } = await import("@/lib/plans/content");
const { recordCheckIn } = await import("@/lib/checkins/record-check-in");
const { recordNextMorning } = await import("@/lib/checkins/record-next-morning");
const { recordClinicianCheckIn } = await import("@/lib/checkins/record-clinician-check-in");
const { getPatientCheckInSummary } = await import("@/lib/checkins/patient-check-in-summary");
const { startRtmEpisode, recordRtmSetup, endRtmEpisode } = await import("@/lib/monitoring/episodes");
const { logRtmTime, voidRtmTimeEntry } = await import("@/lib/monitoring/time-log");
const { getPatientRtm } = await import("@/lib/monitoring/patient-worksheet");
const { refreshPlanReview, refreshPatientReviews } = await import("@/lib/reviews/refresh-review");
const { listReviewQueue } = await import("@/lib/reviews/list-review-queue");
const { decideReview } = await import("@/lib/reviews/decide-review");
const { listClinicCaseload, exportClinicCaseload, reassignPatients, setPatientsStatus } = await import("@/lib/admin/clinic-caseload");
const { exportAuditEvents } = await import("@/lib/admin/list-audit-events");
const { updateClinicSettings, settingsFormValues } = await import("@/lib/admin/update-clinic-settings");
const { inviteUser, changeUserRole, setUserActive, endUserSessions, resetUserPassword } = await import("@/lib/admin/manage-users");
const { setPasswordWithLink } = await import("@/lib/admin/set-password");
const { authenticate } = await import("@/lib/auth/authenticate");
const { endSessionForToken } = await import("@/lib/auth/end-session-for-token");
const { getClinicSettings } = await import("@/lib/clinics/get-clinic-settings");
const { saveExerciseMedia } = await import("@/lib/exercise-media/save-exercise-media");
const { removeExerciseMedia } = await import("@/lib/exercise-media/remove-exercise-media");
const { png: testPng } = await import("../support/test-images");
const { setReminderConsent, stopRemindersFromLink } = await import("@/lib/reminders/set-reminder-consent");
const { updateReminderSettings } = await import("@/lib/admin/update-reminder-settings");
const { enqueueDueReminders } = await import("@/lib/reminders/enqueue-due-reminders");
const { runOutboxWorker, enqueueSms } = await import("@/lib/reminders/outbox-worker");
const { noSmsProvider } = await import("@/lib/reminders/channels");
const { reminderLinkToken } = await import("@/lib/reminders/reminder-link");
const { listOutbox } = await import("@/lib/reminders/list-outbox");
const { assessmentInputSchema } = await import("@/lib/clinical");
const { FORM_STEP_KEYS, stepFormSchemas, stepValueSchemas } = await import("@/lib/validation/assessment");
const { sessionFormSchema, morningFormSchema } = await import("@/lib/validation/checkin");
const { paperCheckInSchema } = await import("@/lib/validation/paper-check-in");
const { planEditFormSchema } = await import("@/lib/validation/plan");
const { auditQuerySchema, clinicCaseloadQuerySchema, clinicSettingsSchema } = await import("@/lib/validation/admin");
const { caseloadQuerySchema } = await import("@/lib/validation/patient");
const { fixedClock } = await import("@/lib/time/clock");
const { exportPatientFhir } = await import("@/lib/fhir/export-patient");
const vignettes = (await import("@/lib/clinical/fixtures/vignettes.json")).default;

const ROOT = path.resolve(__dirname, "../..");

/** Exported async functions of every non-test module under lib/ and app/ that appends audit events. */
function auditingServices(): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const p = path.join(dir, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (/\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) && !p.endsWith(path.join("lib", "audit", "record-event.ts"))) {
        const src = readFileSync(p, "utf8");
        if (!src.includes("recordAuditEvent(")) continue;
        for (const m of src.matchAll(/export async function (\w+)/g)) out.push(`${path.relative(ROOT, p).split(path.sep).join("/")}#${m[1]}`);
      }
    }
  };
  walk(path.join(ROOT, "lib"));
  walk(path.join(ROOT, "app"));
  return out.sort();
}

/**
 * Exported functions of auditing modules that append no event of their own, and why that is right.
 * Each is either a building block another service calls inside its own audited transaction, or a
 * read that returns no patient data (counts, lists of staff, the filter's options).
 */
const NOT_AUDITED_THEMSELVES: Record<string, string> = {
  "lib/fhir/export-patient.ts#loadExportData": "the read inside exportPatientFhir, whose case asserts patient.fhir_export",
  "lib/plans/issue-patient-link.ts#issueLinkIn": "the in-transaction step of publishPlan and issuePatientLink, whose cases assert plan_link.issue",
  "lib/plans/show-patient-link.ts#revealLiveLink": "the step of showPatientLink (and of the PDF with the link), whose case asserts plan_link.show",
  "lib/plans/set-plan-position.ts#currentPlanPosition": "a lookup inside services that audit their own read or write",
  "lib/plans/plan-gate.ts#planGateFor": "a lookup inside publishPlan, openPatientLink and renderPlanPdfFor, whose cases assert their events",
  "lib/plans/plan-gate.ts#withdrawPlanIfGateClosed": "runs inside amendAssessment: the 'amend to urgent' case asserts plan.withdraw",
  "lib/patients/update-patient.ts#recordStatusChange": "runs inside setPatientsStatus and updatePatient: the discharge case asserts patient.discharge",
  "lib/reviews/refresh-review.ts#closePendingReview": "runs inside decisions, discharge and supersede: the discharge case asserts review.close",
  "lib/admin/clinic-caseload.ts#clinicDay": "the clinic's calendar day; no patient data",
  "lib/admin/clinic-caseload.ts#caseloadCounts": "counts only, no patient rows",
  "lib/admin/clinic-caseload.ts#listClinicians": "the clinic's staff names for the reassign menu; no patient data",
  "lib/admin/list-audit-events.ts#listAuditEvents": "the admin reading the trail itself; exports of it are audited (audit.export)",
  "lib/admin/list-audit-events.ts#countPatientsMatching": "a count for the audit filter; no patient rows",
  "lib/admin/list-audit-events.ts#viewersByDay": "the admin reading the trail itself",
  "lib/admin/list-audit-events.ts#auditFilterOptions": "staff names and action codes for the filter",
  "lib/admin/manage-users.ts#listClinicUsers": "staff accounts; no patient data",
  "lib/admin/set-password.ts#findPasswordLink": "a token lookup inside setPasswordWithLink, whose case asserts its event",
  "lib/monitoring/episodes.ts#patientInClinic": "the clinic check inside the RTM services, whose cases assert their events",
  "lib/monitoring/episodes.ts#listRtmEpisodes": "a lookup inside logRtmTime and getPatientRtm, whose cases assert rtm.time_log and rtm.worksheet_view",
  "lib/monitoring/episodes.ts#patientsWithOpenRtmEpisode": "says only which queue cards get the minutes form (no patient data shown); the queue read is audited by listReviewQueue",
  "lib/monitoring/episodes.ts#openRtmEpisode": "a lookup inside startRtmEpisode, whose case asserts rtm.episode_start",
  "lib/monitoring/time-log.ts#listRtmTimeEntries": "a lookup inside getPatientRtm, whose case asserts rtm.worksheet_view",
  "lib/reminders/outbox-worker.ts#claimOutboxMessages": "the worker's lease step inside runOutboxWorker, whose case asserts reminder.sent and reminder.failed",
  "lib/checkins/record-clinician-check-in.ts#listPaperCheckIns": "read on the paper-log page, whose getPatient call audits patient.view (asserted here)",
};

/** Who the event names as actor: the clinician (default), the admin, nobody (the patient's link, the engine) or the invited user themself. */
type Expected = { action: string; patient?: boolean; actor?: "clinician" | "admin" | "none" | "self" };
type Ctx = Awaited<ReturnType<typeof setUp>>;
type Case = { service: string; what: string; run: (c: Ctx) => Promise<unknown>; events: Expected[] };

const meta = { ip: "198.51.100.7", userAgent: "vitest phone" };
const TODAY = "2026-03-10";
const at = (day: string, h = 18) => fixedClock(new Date(`${day}T${String(h).padStart(2, "0")}:00:00Z`));

async function setUp() {
  const db = handle.db;
  const clinic = await makeClinic(db);
  await db.update(clinics).set({ settings: { timeZone: "UTC" } }).where(eq(clinics.id, clinic.id));
  const ptUser = await makeUser(db, clinic.id, { passwordHash: await hashPassword(TEST_PASSWORD) });
  const colleague = await makeUser(db, clinic.id);
  const adminUser = await makeUser(db, clinic.id, { role: "admin" });
  const clinician: Actor = { ...actorFor(ptUser), ip: meta.ip, userAgent: "vitest" };
  const admin: Actor = { ...actorFor(adminUser), ip: meta.ip, userAgent: "vitest" };
  // Filled in by the cases as the flow goes on.
  const s = {
    db,
    clinic,
    clinician,
    admin,
    colleague,
    patientId: "",
    assessmentId: "",
    assessmentVersion: 0,
    planId: "",
    token: "",
    checkInId: "",
    sessionToken: "",
    passwordToken: "",
    invitedId: "",
    rtmEpisodeId: "",
    rtmEntryId: "",
  };
  return s;
}

const planVersion = async (c: Ctx) => {
  const [p] = await c.db.select().from(plans).where(and(eq(plans.clinicId, c.clinic.id), eq(plans.id, c.planId)));
  return p!;
};

const forms = inputToStepForms(assessmentInputSchema.parse(vignettes.find((v) => v.id === "runner-knee-weak-calves")!.input), [["Running 5 km", 4]]);

const session = (day: string, pain: string) =>
  sessionFormSchema.parse({
    idempotencyKey: randomUUID(),
    sessionDate: day,
    activity: "run",
    done: "as_planned",
    minutes: "25",
    distance: "4",
    effortRpe: "4",
    painDuringNrs: pain,
    symptom_none: "on",
    note: "",
  });

// The flow, in the order a clinic lives it. Each case runs after the ones before it.
const CASES: Case[] = [
  {
    service: "lib/patients/create-patient.ts#createPatient",
    what: "a clinician adds a patient",
    run: async (c) => {
      const p = await createPatient(c.db, c.clinician, validPatient({ lastName: `Audit-${randomUUID().slice(0, 6)}` }) as never);
      c.patientId = p.id;
    },
    events: [{ action: "patient.create", patient: true }],
  },
  { service: "lib/patients/get-patient.ts#getPatient", what: "opens the patient", run: (c) => getPatient(c.db, c.clinician, c.patientId), events: [{ action: "patient.view", patient: true }] },
  {
    service: "lib/patients/update-patient.ts#updatePatient",
    what: "edits the patient",
    run: async (c) => {
      const p = await getPatient(c.db, c.clinician, c.patientId, { purpose: "edit" });
      await updatePatient(c.db, c.clinician, { ...validPatient({ lastName: p.lastName, firstName: "Renamed" }), patientId: c.patientId, version: p.version } as never);
    },
    events: [
      { action: "patient.view", patient: true },
      { action: "patient.update", patient: true },
    ],
  },
  { service: "lib/patients/list-caseload.ts#listCaseload", what: "lists My caseload", run: (c) => listCaseload(c.db, c.clinician, caseloadQuerySchema.parse({}), at(TODAY)), events: [{ action: "patient.list" }] },
  {
    service: "lib/assessments/create-draft.ts#createDraft",
    what: "starts an assessment",
    run: async (c) => {
      const { assessment } = await createDraft(c.db, c.clinician, c.patientId, at(TODAY, 9));
      c.assessmentId = assessment.id;
      c.assessmentVersion = assessment.version;
    },
    events: [{ action: "assessment.create", patient: true }],
  },
  {
    service: "lib/assessments/save-step.ts#saveStep",
    what: "saves every step",
    run: async (c) => {
      for (const [i, key] of FORM_STEP_KEYS.entries()) {
        const values = stepFormSchemas[key].parse({ ...forms[key], assessmentId: c.assessmentId, patientId: c.patientId, version: String(c.assessmentVersion) }) as Record<string, unknown>;
        const { assessmentId: _a, patientId: _p, version: _v, intent: _i, ...own } = values;
        const a = await saveStep(c.db, c.clinician, { patientId: c.patientId, assessmentId: c.assessmentId, version: c.assessmentVersion, step: key, values: own, nextStep: i + 2 });
        c.assessmentVersion = a.version;
      }
    },
    events: FORM_STEP_KEYS.map(() => ({ action: "assessment.save_step", patient: true })),
  },
  { service: "lib/assessments/get-assessment.ts#getAssessment", what: "reviews the draft", run: (c) => getAssessment(c.db, c.clinician, c.patientId, c.assessmentId), events: [{ action: "assessment.view", patient: true }] },
  {
    service: "lib/assessments/record-referral.ts#recordReferral",
    what: "records a referral",
    run: async (c) => {
      const a = await recordReferral(c.db, c.clinician, { patientId: c.patientId, assessmentId: c.assessmentId, version: c.assessmentVersion, gate: "referral", referralTo: "Dr Osei, GP", referralDate: TODAY } as never);
      c.assessmentVersion = a.version;
    },
    events: [{ action: "assessment.referral_recorded", patient: true }],
  },
  {
    service: "lib/assessments/finalize-assessment.ts#finalizeAssessment",
    what: "finalizes",
    run: (c) => finalizeAssessment(c.db, c.clinician, { patientId: c.patientId, assessmentId: c.assessmentId, version: c.assessmentVersion }, at(TODAY, 10)),
    events: [{ action: "assessment.finalize", patient: true }],
  },
  { service: "lib/assessments/list-assessments.ts#listAssessments", what: "lists the patient's assessments", run: (c) => listAssessments(c.db, c.clinician, c.patientId), events: [{ action: "assessment.list", patient: true }] },
  {
    service: "lib/plans/create-plan.ts#createPlan",
    what: "creates the plan",
    run: async (c) => {
      const { plan } = await createPlan(c.db, c.clinician, { patientId: c.patientId, assessmentId: c.assessmentId }, at(TODAY, 10));
      c.planId = plan.id;
    },
    events: [{ action: "plan.create", patient: true }],
  },
  { service: "lib/plans/get-plan.ts#getPlan", what: "opens the plan", run: (c) => getPlan(c.db, c.clinician, c.patientId, c.planId), events: [{ action: "plan.view", patient: true }] },
  {
    service: "lib/plans/save-plan-version.ts#savePlanVersion",
    what: "edits the plan",
    run: async (c) => {
      const plan = await planVersion(c);
      const [v] = await c.db.select().from(planVersions).where(and(eq(planVersions.clinicId, c.clinic.id), eq(planVersions.planId, c.planId), eq(planVersions.version, plan.version)));
      const values = toFormValues(v!.content, "km", { planId: c.planId, patientId: c.patientId, version: plan.version });
      values.notes = "Any questions, call the clinic.";
      await savePlanVersion(c.db, c.clinician, planEditFormSchema.parse(values));
    },
    events: [{ action: "plan.save", patient: true }],
  },
  {
    service: "lib/plans/publish-plan.ts#publishPlan",
    what: "publishes it (which issues the link)",
    run: async (c) => {
      const plan = await planVersion(c);
      const r = await publishPlan(c.db, c.clinician, { patientId: c.patientId, planId: c.planId, version: plan.version }, at(TODAY, 11));
      c.token = r.link!.path.slice(3);
    },
    events: [
      { action: "plan.publish", patient: true },
      { action: "plan.position", patient: true },
      { action: "plan_link.issue", patient: true },
    ],
  },
  {
    service: "lib/plans/issue-patient-link.ts#issuePatientLink",
    what: "issues a fresh link",
    run: async (c) => {
      const r = await issuePatientLink(c.db, c.clinician, { patientId: c.patientId, planId: c.planId });
      c.token = r.path.slice(3);
    },
    events: [{ action: "plan_link.issue", patient: true }],
  },
  {
    service: "lib/plans/show-patient-link.ts#showPatientLink",
    what: "shows the same link again",
    run: async (c) => {
      const r = await showPatientLink(c.db, c.clinician, { patientId: c.patientId, planId: c.planId }, { origin: "http://app.test" });
      if (r.state !== "shown" || !r.path.endsWith(c.token)) throw new Error(`expected the live link, got ${r.state}`);
    },
    events: [{ action: "plan_link.show", patient: true }],
  },
  {
    service: "lib/fhir/export-patient.ts#exportPatientFhir",
    what: "downloads the FHIR export",
    run: (c) => exportPatientFhir(c.db, c.clinician, c.patientId),
    events: [{ action: "patient.fhir_export", patient: true }],
  },
  {
    service: "lib/plans/render-plan-report.ts#renderPlanPdfFor",
    what: "prints the PDF",
    run: (c) => renderPlanPdfFor(c.db, c.clinician, { patientId: c.patientId, planId: c.planId, origin: "http://app.test" }),
    events: [{ action: "plan.pdf", patient: true }],
  },
  {
    service: "lib/plans/open-patient-link.ts#openPatientLink",
    what: "the patient opens the page and the PDF",
    run: async (c) => {
      await openPatientLink(c.db, c.token, { ...meta, purpose: "view", origin: "http://app.test" });
      await openPatientLink(c.db, c.token, { ...meta, purpose: "pdf", origin: "http://app.test" });
    },
    events: [
      { action: "plan_link.view", patient: true, actor: "none" },
      { action: "plan_link.pdf", patient: true, actor: "none" },
    ],
  },
  {
    service: "lib/checkins/record-check-in.ts#recordCheckIn",
    what: "the patient logs a session",
    run: async (c) => {
      const r = await recordCheckIn(c.db, c.token, session(TODAY, "2"), meta, at(TODAY, 19));
      if (r.kind !== "ok") throw new Error(JSON.stringify(r));
      c.checkInId = r.checkInId;
    },
    events: [{ action: "checkin.create", patient: true, actor: "none" }],
  },
  {
    service: "lib/checkins/record-next-morning.ts#recordNextMorning",
    what: "and answers the next morning",
    run: async (c) => {
      const m = morningFormSchema.parse({ idempotencyKey: randomUUID(), checkInId: c.checkInId, morningPainNrs: "1", comparedWithBefore: "same", symptom_none: "on" });
      const r = await recordNextMorning(c.db, c.token, m, meta, at("2026-03-11", 7));
      if (r.kind !== "ok") throw new Error(JSON.stringify(r));
    },
    events: [{ action: "checkin.next_morning", patient: true, actor: "none" }],
  },
  {
    service: "lib/checkins/record-clinician-check-in.ts#recordClinicianCheckIn",
    what: "the clinician enters two paper sessions",
    run: async (c) => {
      for (const [day, pain] of [["2026-03-11", "2"], ["2026-03-12", "2"]] as const) {
        const form = paperCheckInSchema.parse({ ...Object.fromEntries(Object.entries(session(day, pain)).map(([k, v]) => [k, String(v)])), patientId: c.patientId, morningPainNrs: "1", comparedWithBefore: "same", symptom_none: "on" });
        await recordClinicianCheckIn(c.db, c.clinician, form, at("2026-03-13", 9));
      }
    },
    events: [
      { action: "checkin.create", patient: true },
      { action: "checkin.create", patient: true },
    ],
  },
  {
    service: "lib/checkins/patient-check-in-summary.ts#getPatientCheckInSummary",
    what: "reads the check-in summary",
    run: (c) => getPatientCheckInSummary(c.db, c.clinician, c.patientId, at("2026-03-13", 9)),
    events: [{ action: "checkins.view", patient: true }],
  },
  {
    service: "lib/monitoring/episodes.ts#startRtmEpisode",
    what: "starts remote monitoring with verbal consent",
    run: async (c) => {
      c.rtmEpisodeId = (await startRtmEpisode(c.db, c.clinician, { patientId: c.patientId, consentMethod: "verbal", startedOn: TODAY }, at("2026-03-13", 9))).id;
    },
    events: [{ action: "rtm.episode_start", patient: true }],
  },
  {
    service: "lib/monitoring/episodes.ts#recordRtmSetup",
    what: "records set-up and education",
    run: (c) => recordRtmSetup(c.db, c.clinician, { episodeId: c.rtmEpisodeId, setupEducationOn: TODAY, version: 1 }, at("2026-03-13", 9)),
    events: [{ action: "rtm.setup_record", patient: true }],
  },
  {
    service: "lib/monitoring/time-log.ts#logRtmTime",
    what: "logs minutes with a live call, then corrects them",
    run: async (c) => {
      c.rtmEntryId = (await logRtmTime(c.db, c.clinician, { patientId: c.patientId, entryDate: "2026-03-12", minutes: 15, activity: "Video call about the plan", interactive: true }, at("2026-03-13", 9))).id;
      await logRtmTime(c.db, c.clinician, { patientId: c.patientId, entryDate: "2026-03-12", minutes: 22, activity: "Video call about the plan", interactive: true, correctsId: c.rtmEntryId }, at("2026-03-13", 9));
    },
    events: [
      { action: "rtm.time_log", patient: true },
      { action: "rtm.time_correct", patient: true },
    ],
  },
  {
    service: "lib/monitoring/time-log.ts#voidRtmTimeEntry",
    what: "withdraws a logged entry",
    run: async (c) => {
      const e = await logRtmTime(c.db, c.clinician, { patientId: c.patientId, entryDate: "2026-03-12", minutes: 5, activity: "Logged by mistake", interactive: false }, at("2026-03-13", 9));
      await voidRtmTimeEntry(c.db, c.clinician, { patientId: c.patientId, correctsId: e.id }, at("2026-03-13", 9));
    },
    events: [
      { action: "rtm.time_log", patient: true },
      { action: "rtm.time_correct", patient: true },
    ],
  },
  {
    service: "lib/monitoring/patient-worksheet.ts#getPatientRtm",
    what: "reads the RTM worksheet",
    run: (c) => getPatientRtm(c.db, c.clinician, c.patientId, at("2026-03-13", 9)),
    events: [{ action: "rtm.worksheet_view", patient: true }],
  },
  {
    service: "lib/monitoring/episodes.ts#endRtmEpisode",
    what: "ends remote monitoring",
    run: (c) => endRtmEpisode(c.db, c.clinician, { episodeId: c.rtmEpisodeId, endedOn: "2026-03-13", version: 2 }, at("2026-03-13", 9)),
    events: [{ action: "rtm.episode_end", patient: true }],
  },
  {
    service: "lib/reviews/refresh-review.ts#refreshPlanReview",
    what: "green sessions go on: the review run after the last one suggests progress, and a rerun adds nothing",
    run: async (c) => {
      for (const day of ["2026-03-24", "2026-03-25", "2026-03-26"]) {
        const r = await recordCheckIn(c.db, c.token, session(day, "1"), meta, at(day, 19));
        if (r.kind !== "ok") throw new Error(JSON.stringify(r));
        const m = morningFormSchema.parse({ idempotencyKey: randomUUID(), checkInId: r.checkInId, morningPainNrs: "1", comparedWithBefore: "same", symptom_none: "on" });
        const next = `2026-03-${Number(day.slice(8)) + 1}`;
        if ((await recordNextMorning(c.db, c.token, m, meta, at(next, 7))).kind !== "ok") throw new Error("morning not stored");
      }
      // Nothing new since: the stored suggestion stands, no second event.
      await refreshPlanReview(c.db, c.clinic.id, c.planId, at("2026-03-27", 9));
    },
    events: [
      ...Array.from({ length: 3 }, () => ({ action: "checkin.create", patient: true, actor: "none" as const })),
      ...Array.from({ length: 3 }, () => ({ action: "checkin.next_morning", patient: true, actor: "none" as const })),
      { action: "review.suggest", patient: true, actor: "none" },
    ],
  },
  { service: "lib/reviews/refresh-review.ts#refreshPatientReviews", what: "the review runs again on opening the patient, unchanged", run: (c) => refreshPatientReviews(c.db, c.clinic.id, c.patientId, at("2026-03-27", 10)), events: [] },
  { service: "lib/reviews/list-review-queue.ts#listReviewQueue", what: "opens Needs review", run: (c) => listReviewQueue(c.db, c.clinician, { scope: "mine" }), events: [{ action: "review.list" }] },
  {
    service: "lib/reviews/decide-review.ts#decideReview",
    what: "dismisses the suggestion",
    run: async (c) => {
      const [pending] = await c.db.select().from(checkInReviews).where(and(eq(checkInReviews.clinicId, c.clinic.id), eq(checkInReviews.planId, c.planId), eq(checkInReviews.status, "pending")));
      if (!pending) throw new Error("expected a pending review");
      await decideReview(c.db, c.clinician, { patientId: c.patientId, reviewId: pending.id, reviewVersion: pending.version, decision: { kind: "dismiss", reason: "Race next week, hold for now" } }, at("2026-03-27", 11));
    },
    events: [{ action: "review.dismiss", patient: true }],
  },
  {
    service: "lib/plans/set-plan-position.ts#setPlanPosition",
    what: "moves the plan's position",
    run: async (c) => {
      const plan = await planVersion(c);
      const [v] = await c.db.select().from(planVersions).where(and(eq(planVersions.clinicId, c.clinic.id), eq(planVersions.planId, c.planId), eq(planVersions.version, plan.publishedVersion!)));
      await setPlanPosition(c.db, c.clinician, { planId: c.planId, patientId: c.patientId, content: v!.content, source: "edit", stageKey: v!.content.stages[0]!.key, startedOn: "2026-03-27", doseCutPct: 10, baselinePainNrs: 1 });
    },
    events: [{ action: "plan.position", patient: true }],
  },
  // Reminders (issue 19), while the link is live.
  {
    service: "lib/reminders/set-reminder-consent.ts#setReminderConsent",
    what: "records that the patient agreed to reminders",
    run: async (c) => {
      await c.db.update(patients).set({ email: "audit.patient@example.test" }).where(and(eq(patients.clinicId, c.clinic.id), eq(patients.id, c.patientId)));
      const [p] = await c.db.select({ version: patients.version }).from(patients).where(eq(patients.id, c.patientId));
      await setReminderConsent(c.db, c.clinician, { patientId: c.patientId, consent: "yes", version: p!.version });
    },
    events: [{ action: "patient.reminders_consent", patient: true }],
  },
  {
    service: "lib/admin/update-reminder-settings.ts#updateReminderSettings",
    what: "the admin turns reminders on",
    run: async (c) => {
      const settings = await getClinicSettings(c.db, c.clinic.id);
      await updateReminderSettings(c.db, c.admin, { enabled: "on", silenceDays: 1, quietStart: "21:00", quietEnd: "08:00", senderName: "", senderEmail: "reminders@audit.test", version: settings.version ?? 0 });
    },
    events: [{ action: "clinic.reminder_settings_update", actor: "admin" }],
  },
  {
    service: "lib/reminders/enqueue-due-reminders.ts#enqueueDueReminders",
    what: "the scheduler queues a reminder",
    run: (c) => enqueueDueReminders(c.db, new Date("2026-03-30T12:00:00Z")),
    events: [{ action: "reminder.queue", patient: true, actor: "none" }],
  },
  {
    service: "lib/reminders/outbox-worker.ts#enqueueSms",
    what: "an SMS is queued",
    run: (c) => enqueueSms(c.db, { clinicId: c.clinic.id, patientId: c.patientId, kind: "silence", localDay: "2026-03-30", now: new Date("2026-03-30T12:00:00Z") }),
    events: [{ action: "reminder.queue", patient: true, actor: "none" }],
  },
  {
    service: "lib/reminders/outbox-worker.ts#runOutboxWorker",
    what: "the worker sends the email and fails the SMS (no provider)",
    run: (c) => runOutboxWorker(c.db, { now: new Date("2026-03-30T12:01:00Z"), channels: { email: { send: async () => undefined }, sms: noSmsProvider }, origin: "https://app.test" }),
    events: [
      { action: "reminder.sent", patient: true, actor: "none" },
      { action: "reminder.failed", patient: true, actor: "none" },
    ],
  },
  {
    service: "lib/reminders/set-reminder-consent.ts#stopRemindersFromLink",
    what: "the patient stops reminders from the email",
    run: async (c) => {
      const [row] = await c.db.select().from(outboxMessages).where(and(eq(outboxMessages.clinicId, c.clinic.id), eq(outboxMessages.channel, "email")));
      const r = await stopRemindersFromLink(c.db, reminderLinkToken(row!.id), meta, new Date("2026-03-30T13:00:00Z"));
      if (r.kind !== "stopped") throw new Error(JSON.stringify(r));
    },
    events: [{ action: "patient.reminders_consent", patient: true, actor: "none" }],
  },
  { service: "lib/reminders/list-outbox.ts#listOutbox", what: "the admin opens the outbox", run: (c) => listOutbox(c.db, c.admin), events: [{ action: "outbox.list", actor: "admin" }] },
  {
    service: "lib/plans/revoke-patient-link.ts#revokePatientLink",
    what: "ends the link",
    run: (c) => revokePatientLink(c.db, c.clinician, { patientId: c.patientId, planId: c.planId }),
    events: [{ action: "plan_link.revoke", patient: true }],
  },
  {
    service: "lib/assessments/amend-assessment.ts#amendAssessment",
    what: "amends to an urgent red flag, which withdraws the published plan",
    run: async (c) => {
      const values = stepValueSchemas.redFlags.parse({ ...forms.redFlags, saddleAnaesthesia: "yes" }) as Record<string, unknown>;
      await amendAssessment(c.db, c.clinician, { patientId: c.patientId, assessmentId: c.assessmentId, amendmentSeq: 0, step: "redFlags", values, reason: "New symptom reported by phone" });
    },
    events: [
      { action: "assessment.amend", patient: true },
      { action: "plan.withdraw", patient: true },
    ],
  },
  // The admin's day.
  { service: "lib/admin/clinic-caseload.ts#listClinicCaseload", what: "the admin lists the clinic caseload", run: (c) => listClinicCaseload(c.db, c.admin, clinicCaseloadQuerySchema.parse({})), events: [{ action: "patient.list", actor: "admin" }] },
  { service: "lib/admin/clinic-caseload.ts#exportClinicCaseload", what: "exports it", run: (c) => exportClinicCaseload(c.db, c.admin, clinicCaseloadQuerySchema.parse({}), at(TODAY)), events: [{ action: "patient.export", actor: "admin" }] },
  {
    service: "lib/admin/clinic-caseload.ts#reassignPatients",
    what: "reassigns the patient",
    run: (c) => reassignPatients(c.db, c.admin, { patientIds: [c.patientId], clinicianId: c.colleague.id, assignedTo: { [c.patientId]: c.clinician.userId } }),
    events: [{ action: "patient.reassign", patient: true, actor: "admin" }],
  },
  {
    service: "lib/admin/clinic-caseload.ts#setPatientsStatus",
    what: "discharges the patient",
    run: (c) => setPatientsStatus(c.db, c.admin, { patientIds: [c.patientId], status: "discharged" }),
    events: [{ action: "patient.discharge", patient: true, actor: "admin" }],
  },
  { service: "lib/admin/list-audit-events.ts#exportAuditEvents", what: "exports the audit trail", run: (c) => exportAuditEvents(c.db, c.admin, auditQuerySchema.parse({})), events: [{ action: "audit.export", actor: "admin" }] },
  {
    service: "lib/admin/update-clinic-settings.ts#updateClinicSettings",
    what: "changes a clinic setting",
    run: async (c) => {
      const settings = await getClinicSettings(c.db, c.clinic.id);
      const values = settingsFormValues(settings);
      await updateClinicSettings(c.db, c.admin, { ...clinicSettingsSchema.parse({ ...values, idleTimeoutMinutes: "45" }), version: settings.version ?? 0 });
    },
    events: [{ action: "clinic.settings_update", actor: "admin" }],
  },
  // The clinic's own exercise photos (issue 18): no patient is named.
  {
    service: "lib/exercise-media/save-exercise-media.ts#saveExerciseMedia",
    what: "uploads an exercise photo",
    run: async (c) => saveExerciseMedia(c.db, c.clinician, { exerciseName: "Step-up", version: null, alt: "", videoUrl: null }, await testPng(300, 300)),
    events: [{ action: "exercise_media.upload" }],
  },
  {
    service: "lib/exercise-media/save-exercise-media.ts#saveExerciseMedia",
    what: "replaces the photo",
    run: async (c) => saveExerciseMedia(c.db, c.clinician, { exerciseName: "Step-up", version: 1, alt: "", videoUrl: null }, await testPng(400, 300)),
    events: [{ action: "exercise_media.replace" }],
  },
  {
    service: "lib/exercise-media/save-exercise-media.ts#saveExerciseMedia",
    what: "adds a video link to the photo",
    run: (c) => saveExerciseMedia(c.db, c.admin, { exerciseName: "Step-up", version: 2, alt: "Step-up from the side", videoUrl: "https://videos.example.com/step-up" }, null),
    events: [{ action: "exercise_media.update", actor: "admin" }],
  },
  {
    service: "lib/exercise-media/remove-exercise-media.ts#removeExerciseMedia",
    what: "removes the photo",
    run: (c) => removeExerciseMedia(c.db, c.admin, { exerciseName: "Step-up", version: 3 }),
    events: [{ action: "exercise_media.remove", actor: "admin" }],
  },
  {
    service: "lib/admin/manage-users.ts#inviteUser",
    what: "invites a clinician",
    run: async (c) => {
      const r = await inviteUser(c.db, c.admin, { name: "New PT", email: `new-${randomUUID().slice(0, 6)}@test.loadwise.test`, role: "clinician" });
      c.invitedId = r.user.id;
      c.passwordToken = r.link.path.split("/").pop()!;
    },
    events: [{ action: "user.invite", actor: "admin" }],
  },
  {
    service: "lib/admin/set-password.ts#setPasswordWithLink",
    what: "the invited clinician sets a password",
    run: (c) => setPasswordWithLink(c.db, { token: c.passwordToken, password: "a-long-new-password-1" }, meta),
    events: [{ action: "user.invite_accepted", actor: "self" }],
  },
  {
    service: "lib/admin/manage-users.ts#changeUserRole",
    what: "makes them an admin",
    run: async (c) => changeUserRole(c.db, c.admin, { userId: c.invitedId, version: await userVersion(c, c.invitedId), role: "admin" }),
    events: [{ action: "user.role_change", actor: "admin" }],
  },
  {
    service: "lib/auth/authenticate.ts#authenticate",
    what: "the clinician signs in",
    run: async (c) => {
      const r = await authenticate(c.db, { email: (await userRow(c, c.clinician.userId)).email, password: TEST_PASSWORD }, { idleMinutes: 30, maxHours: 12 }, meta);
      if (!r.ok) throw new Error(JSON.stringify(r));
      c.sessionToken = JSON.stringify({ clinicId: c.clinic.id, sid: r.sessionId, sub: c.clinician.userId });
    },
    events: [{ action: "auth.sign_in" }],
  },
  {
    service: "lib/auth/end-session-for-token.ts#endSessionForToken",
    what: "and signs out",
    run: (c) => endSessionForToken(c.db, JSON.parse(c.sessionToken), meta),
    events: [{ action: "auth.sign_out" }],
  },
  {
    service: "lib/admin/manage-users.ts#endUserSessions",
    what: "the admin ends a user's sessions",
    run: async (c) => endUserSessions(c.db, c.admin, { userId: c.clinician.userId, version: await userVersion(c, c.clinician.userId) }),
    events: [{ action: "user.end_sessions", actor: "admin" }],
  },
  {
    service: "lib/admin/manage-users.ts#resetUserPassword",
    what: "issues a password reset",
    run: async (c) => resetUserPassword(c.db, c.admin, { userId: c.clinician.userId, version: await userVersion(c, c.clinician.userId) }),
    events: [{ action: "user.password_reset_issued", actor: "admin" }],
  },
  {
    service: "lib/admin/manage-users.ts#setUserActive",
    what: "deactivates a user",
    run: async (c) => setUserActive(c.db, c.admin, { userId: c.invitedId, version: await userVersion(c, c.invitedId), active: false }),
    events: [{ action: "user.deactivate", actor: "admin" }],
  },
];

async function userRow(c: Ctx, id: string) {
  const [u] = await c.db.select().from(users).where(and(eq(users.clinicId, c.clinic.id), eq(users.id, id)));
  return u!;
}
const userVersion = async (c: Ctx, id: string) => (await userRow(c, id)).version;

let ctx: Ctx;
beforeAll(async () => {
  handle = await openTestDb();
  ctx = await setUp();
});
afterAll(() => handle.close());

describe("every auditing service is enumerated", () => {
  it("has a case here or a stated reason for appending nothing itself", () => {
    const declared = new Set([...CASES.map((c) => c.service), ...Object.keys(NOT_AUDITED_THEMSELVES), "app/(clinic)/sign-out-action.ts#signOutAction"]);
    const missing = auditingServices().filter((s) => !declared.has(s));
    expect(missing, "add a case for each new service that writes the audit log").toEqual([]);
    const stale = [...declared].filter((s) => !auditingServices().includes(s));
    expect(stale, "remove entries for services that no longer exist or no longer audit").toEqual([]);
  });
});

describe("the events each service appends, in a clinic's day", () => {
  for (const [i, c] of CASES.entries()) {
    it(`${i + 1}. ${c.what} (${c.service.split("#")[1]}): ${c.events.map((e) => e.action).join(", ") || "nothing"}`, async () => {
      const [{ before }] = (await ctx.db.select({ before: max(auditEvents.id) }).from(auditEvents).where(eq(auditEvents.clinicId, ctx.clinic.id))) as [{ before: number | null }];
      await c.run(ctx);
      const appended = await ctx.db.select().from(auditEvents).where(and(eq(auditEvents.clinicId, ctx.clinic.id), gt(auditEvents.id, before ?? 0))).orderBy(auditEvents.id);
      const want = c.events.map((e) => e.action).sort();
      const got = appended.map((e) => e.action).sort();
      expect(got).toEqual(want);
      for (const e of c.events) {
        const row = appended.find((r) => r.action === e.action)!;
        if (e.patient) expect(row.patientId, `${e.action} names the patient`).toBe(ctx.patientId);
        if (e.actor === "none") expect(row.actorUserId, `${e.action} has no staff actor`).toBeNull();
        else if (e.actor === "admin") expect(row.actorUserId).toBe(ctx.admin.userId);
        else if (e.actor === "self") expect(row.actorUserId).toBe(ctx.invitedId);
        else expect(row.actorUserId, `${e.action} names the clinician`).toBe(ctx.clinician.userId);
      }
    });
  }
});
