import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import type { DbOrTx } from "@/db/client";
import type { Actor } from "@/lib/auth/actor";
import { listTables, type Allowance, type TableInfo } from "../support/db-fingerprint";
import { actionOutcome, FUZZ_RUNS, FUZZ_SEED, FuzzHarness, printable } from "../support/fuzz-harness";
import { applyMutations, describeMutations, mustRefuseKey, mutationsOf, postedValue, probeBounds, sweepOf, toFormData, type Bounds, type Repeats, type FormObject, type Mutation } from "../support/fuzz-input";
import { listInlineServerActionFiles, listServerActions } from "../support/fuzz-surface";
import { openTestDb, TEST_PASSWORD } from "../support/test-db";
import { NOW, seedFuzzWorld, stepValues, TODAY, type FuzzWorld } from "./fuzz-world";

// Issue 15, fuzzed input: every server action (every export of a "use server" file, found by
// reading the source) is driven with hostile forms built from one it accepts: huge strings, wrong
// types, prototype keys, unicode, numbers at and past its schema's bounds, fields dropped, posted
// twice, or never expected. Each case runs in a rolled-back transaction (tests/support/fuzz-harness.ts)
// and must end as the action's own result (its field errors, or Next's redirect/notFound), never an
// unhandled error; a refused case may change no table except those its spec names.

const current: { actor: Actor | null; db: DbOrTx | null } = { actor: null, db: null };
let handle: Awaited<ReturnType<typeof openTestDb>>;
vi.mock("@/lib/auth/require-user", () => ({ getActor: async () => current.actor }));
vi.mock("next/cache", () => ({ revalidatePath: () => {}, revalidateTag: () => {} }));
vi.mock("@/db/client", async (orig) => ({ ...(await orig<object>()), getDb: async () => current.db ?? handle.db }));
// The request as the app server hands it to Next: this file's own client address (so the
// per-address sign-in limit is this file's alone) and the test clock's "now" (ADR 0015).
process.env.LOADWISE_CLIENT_ADDRESS_FROM_SERVER = "1";
process.env.LOADWISE_TEST_CLOCK = "1";
const jar = new Map<string, string>();
vi.mock("next/headers", () => ({
  headers: async () => new Headers({ host: "app.test", "x-loadwise-client-address": "198.18.15.1", "user-agent": "fuzz", "x-loadwise-test-now": NOW }),
  cookies: async () => ({
    get: (name: string) => (jar.has(name) ? { name, value: jar.get(name)! } : undefined),
    getAll: () => [...jar].map(([name, value]) => ({ name, value })),
    has: (name: string) => jar.has(name),
    set: (name: string | { name: string; value: string }, value?: string) => void (typeof name === "string" ? jar.set(name, value ?? "") : jar.set(name.name, name.value)),
    delete: (name: string) => jar.delete(name),
  }),
}));

const adminActions = await import("@/app/(admin)/admin/actions");
const settingsActions = await import("@/app/(admin)/admin/settings/actions");
const userActions = await import("@/app/(admin)/admin/users/actions");
const loginActions = await import("@/app/(auth)/login/actions");
const setPasswordActions = await import("@/app/(auth)/set-password/[token]/actions");
const stepActions = await import("@/app/(clinic)/patients/[patientId]/assessments/[assessmentId]/actions");
const draftActions = await import("@/app/(clinic)/patients/[patientId]/assessments/actions");
const paperActions = await import("@/app/(clinic)/patients/[patientId]/check-ins/new/actions");
const rtmActions = await import("@/app/(clinic)/patients/[patientId]/rtm/actions");
const planVersionActions = await import("@/app/(clinic)/patients/[patientId]/plans/[planId]/actions");
const planActions = await import("@/app/(clinic)/patients/[patientId]/plans/actions");
const patientActions = await import("@/app/(clinic)/patients/actions");
const reviewActions = await import("@/app/(clinic)/reviews/actions");
const signOut = await import("@/app/(clinic)/sign-out-action");
const linkActions = await import("@/app/p/[token]/actions");
const mediaActions = await import("@/app/(clinic)/exercise-photos/actions");
const stopActions = await import("@/app/p/r/[token]/stop/actions");
const v = {
  admin: await import("@/lib/validation/admin"),
  assessment: await import("@/lib/validation/assessment"),
  checkin: await import("@/lib/validation/checkin"),
  paper: await import("@/lib/validation/paper-check-in"),
  patient: await import("@/lib/validation/patient"),
  plan: await import("@/lib/validation/plan"),
  review: await import("@/lib/validation/review"),
  media: await import("@/lib/validation/exercise-media"),
  reminders: await import("@/lib/validation/reminders"),
  rtm: await import("@/lib/validation/rtm"),
  signIn: await import("@/lib/validation/sign-in"),
};

type Action = (prev: null, fd: FormData) => Promise<unknown>;
type Spec = {
  run: Action;
  actor: "admin" | "clinician";
  base: () => FormObject;
  /** The schema of one posted field (given what else was posted), to judge whether a value must be refused; null: not a field. */
  field: (key: string, posted: ReadonlyArray<[string, string]>) => z.ZodType | null;
  /** How the adapter reads a name posted twice (authedAction: as an array). */
  repeats?: Repeats;
  /** Tables a refused case may still change, and how. */
  onRefusal?: Record<string, Allowance>;
  runs?: number;
  extraKeys?: string[];
  extraValues?: string[];
};

/** A field's schema from an object schema's shape (refined objects keep theirs). */
const shapeOf = (schema: unknown) => (key: string) => {
  const shape = (schema as { shape?: Record<string, z.ZodType> }).shape;
  return shape && Object.hasOwn(shape, key) ? shape[key]! : null;
};

/** The plan editor's dotted names: `notes`, `stages.0.rpe`, `stages.0.strength.1.sets`. */
function planField(key: string): z.ZodType | null {
  const p = key.split(".");
  if (p.length === 1) return p[0] === "stages" ? null : shapeOf(v.plan.planEditFormSchema)(key);
  if (p[0] !== "stages" || !/^\d{1,3}$/.test(p[1]!)) return null;
  if (p.length === 3) return p[2] === "strength" ? null : shapeOf(v.plan.stageFormSchema)(p[2]!);
  if (p.length === 5 && p[2] === "strength" && /^\d{1,3}$/.test(p[3]!)) return shapeOf(v.plan.exerciseFormSchema)(p[4]!);
  return null;
}

function specs(w: FuzzWorld): Record<string, Spec> {
  const P = w.patient.id;
  const A = "app/(clinic)/patients/[patientId]/assessments/[assessmentId]/actions.ts";
  const stepMeta = { assessmentId: w.draft.id, patientId: P, version: String(w.draft.version) };
  const stepSpecs = Object.fromEntries(
    v.assessment.FORM_STEP_KEYS.flatMap((step) => {
      const name = `${step[0]!.toUpperCase()}${step.slice(1)}Step`;
      return [
        [`${A}#save${name}`, { run: stepActions[`save${name}` as keyof typeof stepActions] as Action, actor: "clinician", base: () => ({ ...stepValues(w.draft.steps, step), ...stepMeta, intent: "next" }), field: shapeOf(v.assessment.stepFormSchemas[step]) }],
        [
          `${A}#amend${name}`,
          {
            run: stepActions[`amend${name}` as keyof typeof stepActions] as Action,
            actor: "clinician",
            base: () => ({ ...stepValues(w.finalSteps, step), assessmentId: w.amendable.assessmentId, patientId: w.amendable.patientId, amendmentSeq: "0", reason: "Corrected after a phone call." }),
            field: shapeOf(v.assessment.amendFormSchemas[step]),
          },
        ],
      ] as Array<[string, Spec]>;
    }),
  );
  const planRef = { planId: w.plan.id, patientId: P };
  const review = (r: { id: string; version: number }, patientId: string) => ({ patientId, reviewId: r.id, reviewVersion: String(r.version), returnTo: "queue" });
  const linkSession = {
    token: w.token,
    idempotencyKey: "fuzz-session-0001",
    sessionDate: TODAY,
    activity: "run",
    done: "as_planned",
    minutes: "30",
    distance: "5",
    effortRpe: "4",
    painDuringNrs: "2",
    symptom_none: "on",
    note: "Felt fine.",
  };
  return {
    "app/(admin)/admin/actions.ts#bulkPatientsAction": {
      run: adminActions.bulkPatientsAction,
      actor: "admin",
      // assignedTo: whom the admin's page showed each patient with (a stale page is a conflict).
      base: () => ({ intent: "reassign", patientIds: [P, w.secondPatientId], assignedTo: [`${P}:${w.patient.clinicianId}`, `${w.secondPatientId}:${w.patient.clinicianId}`], clinicianId: w.colleague.id }),
      // The intent picks the form (a discriminated union); a clinician to hand over to is a field of "reassign" only.
      field: (k, posted) =>
        k === "intent" ? z.enum(["reassign", "discharge", "reactivate"]) : k === "clinicianId" && postedValue(posted, "intent", "array") !== "reassign" ? null : shapeOf(v.admin.bulkPatientSchema.options[0])(k),
      extraValues: ["discharge", "reactivate", "reassign", w.otherClinicId],
    },
    // Text fields only: the photo file itself is fuzzed by lib/exercise-media/process-image.test.ts.
    "app/(clinic)/exercise-photos/actions.ts#saveExerciseMediaAction": {
      run: mediaActions.saveExerciseMediaAction,
      actor: "clinician",
      base: () => ({ exerciseName: w.media.exerciseName, version: String(w.media.version), alt: "Split squat from the side", videoUrl: "https://videos.example.com/split-squat" }),
      field: shapeOf(v.media.saveExerciseMediaSchema),
      extraValues: ["Step-up", "javascript:alert(1)", "http://videos.example.com/x", "https://localhost/x"],
    },
    "app/(clinic)/exercise-photos/actions.ts#removeExerciseMediaAction": {
      run: mediaActions.removeExerciseMediaAction,
      actor: "clinician",
      base: () => ({ exerciseName: w.media.exerciseName, version: String(w.media.version) }),
      field: shapeOf(v.media.removeExerciseMediaSchema),
      extraValues: ["Step-up"],
    },
    "app/(admin)/admin/settings/actions.ts#saveSettingsAction": { run: settingsActions.saveSettingsAction, actor: "admin", base: () => w.settingsForm, field: shapeOf(v.admin.clinicSettingsSchema) },
    "app/(admin)/admin/settings/actions.ts#saveReminderSettingsAction": {
      run: settingsActions.saveReminderSettingsAction,
      actor: "admin",
      base: () => ({ enabled: "on", silenceDays: "3", quietStart: "21:00", quietEnd: "08:00", senderName: "North Physio", senderEmail: "reminders@fuzz.loadwise.test", version: w.settingsForm.version! }),
      field: shapeOf(v.reminders.reminderSettingsSchema),
      extraValues: ["24:00", "7:00", "00:00", "a@b", "Bcc: x@y.z"],
    },
    "app/(admin)/admin/users/actions.ts#inviteUserAction": {
      run: userActions.inviteUserAction,
      actor: "admin",
      base: () => ({ name: "New Colleague", email: "new.colleague@fuzz.loadwise.test", role: "clinician" }),
      field: shapeOf(v.admin.inviteUserSchema),
      extraValues: [w.colleague.email, w.colleague.email.toUpperCase(), "a@b", "x@y.z\u0000"],
    },
    "app/(admin)/admin/users/actions.ts#changeRoleAction": {
      run: userActions.changeRoleAction,
      actor: "admin",
      base: () => ({ userId: w.colleague.id, version: String(w.colleague.version), role: "admin" }),
      field: shapeOf(v.admin.changeRoleSchema),
      extraValues: [w.admin.id],
    },
    ...Object.fromEntries(
      (["deactivateUserAction", "reactivateUserAction", "endSessionsAction", "resetPasswordAction"] as const).map((name) => [
        `app/(admin)/admin/users/actions.ts#${name}`,
        { run: userActions[name], actor: "admin", base: () => ({ userId: w.colleague.id, version: String(w.colleague.version) }), field: shapeOf(v.admin.userActionSchema), extraValues: [w.admin.id] } satisfies Spec,
      ]),
    ),
    "app/(auth)/login/actions.ts#signInAction": {
      run: loginActions.signInAction,
      actor: "clinician",
      base: () => ({ email: w.admin.email, password: TEST_PASSWORD, next: "/patients" }),
      field: shapeOf(v.signIn.signInSchema),
      repeats: "first", // formData.get
      // A failed sign-in is counted: on the account (lockout), per address, and in the audit trail.
      onRefusal: { audit_events: "append", users: { columns: ["failed_login_count", "locked_until"] }, rate_limits: "any" },
      runs: Math.ceil(FUZZ_RUNS / 2), // argon2 per case
      extraValues: ["//evil.example", "/\\evil.example", "https://evil.example", w.clinician.email],
    },
    "app/(auth)/set-password/[token]/actions.ts#setPasswordAction": {
      run: setPasswordActions.setPasswordAction,
      actor: "clinician",
      base: () => ({ token: w.resetToken, password: "a brand new passphrase", confirm: "a brand new passphrase" }),
      field: shapeOf(v.admin.setPasswordSchema),
      repeats: "last",
      runs: Math.ceil(FUZZ_RUNS / 2),
    },
    ...stepSpecs,
    [`${A}#recordGateAction`]: {
      run: stepActions.recordGateAction,
      actor: "clinician",
      base: () => ({ ...stepMeta, gate: "referral", referralTo: "Dr Lee, GP", referralDate: TODAY, overrideReason: "" }),
      field: shapeOf(v.assessment.gateFormSchema),
    },
    [`${A}#finalizeAction`]: { run: stepActions.finalizeAction, actor: "clinician", base: () => ({ ...stepMeta, confirmed: "yes" }), field: shapeOf(v.assessment.finalizeFormSchema) },
    "app/(clinic)/patients/[patientId]/assessments/actions.ts#createDraftAction": {
      run: draftActions.createDraftAction,
      actor: "clinician",
      base: () => ({ patientId: w.secondPatientId }),
      field: shapeOf(v.assessment.createDraftFormSchema),
      extraValues: [P, w.otherClinicId],
    },
    "app/(clinic)/patients/[patientId]/check-ins/new/actions.ts#recordPaperCheckInAction": {
      run: paperActions.recordPaperCheckInAction,
      actor: "clinician",
      base: () => ({ patientId: P, idempotencyKey: "fuzz-paper-00001", sessionDate: YESTERDAY, activity: "strength", done: "as_planned", minutes: "40", distance: "", painDuringNrs: "3", morningPainNrs: "2", comparedWithBefore: "same", note: "From the paper log." }),
      field: shapeOf(v.paper.paperCheckInSchema),
    },
    ...((R) => ({
      [`${R}#startRtmEpisodeAction`]: {
        run: rtmActions.startRtmEpisodeAction,
        actor: "clinician",
        base: () => ({ patientId: w.secondPatientId, consentMethod: "verbal", startedOn: YESTERDAY }),
        field: shapeOf(v.rtm.startRtmEpisodeSchema),
        extraValues: [P, w.otherClinicId],
      },
      [`${R}#recordRtmSetupAction`]: {
        run: rtmActions.recordRtmSetupAction,
        actor: "clinician",
        base: () => ({ episodeId: w.rtm.episodeId, version: String(w.rtm.episodeVersion), setupEducationOn: YESTERDAY }),
        field: shapeOf(v.rtm.recordRtmSetupSchema),
      },
      [`${R}#endRtmEpisodeAction`]: {
        run: rtmActions.endRtmEpisodeAction,
        actor: "clinician",
        base: () => ({ episodeId: w.rtm.episodeId, version: String(w.rtm.episodeVersion), endedOn: TODAY }),
        field: shapeOf(v.rtm.endRtmEpisodeSchema),
      },
      [`${R}#logRtmTimeAction`]: {
        run: rtmActions.logRtmTimeAction,
        actor: "clinician",
        base: () => ({ patientId: P, entryDate: YESTERDAY, minutes: "20", interactive: "yes", performedBy: "pt", activity: "Video call about the week", returnTo: "rtm" }),
        field: shapeOf(v.rtm.logRtmTimeFormSchema),
      },
      [`${R}#correctRtmTimeAction`]: {
        run: rtmActions.correctRtmTimeAction,
        actor: "clinician",
        base: () => ({ patientId: P, correctsId: w.rtm.entryId, entryDate: "2026-12-05", minutes: "15", interactive: "no", performedBy: "pta", activity: "Read the check-ins again" }),
        field: shapeOf(v.rtm.correctRtmTimeFormSchema),
      },
      [`${R}#voidRtmTimeAction`]: {
        run: rtmActions.voidRtmTimeAction,
        actor: "clinician",
        base: () => ({ patientId: P, correctsId: w.rtm.entryId }),
        field: shapeOf(v.rtm.voidRtmTimeFormSchema),
      },
    }))("app/(clinic)/patients/[patientId]/rtm/actions.ts") as Record<string, Spec>,
    "app/(clinic)/patients/[patientId]/plans/[planId]/actions.ts#savePlanAction": {
      run: planVersionActions.savePlanAction,
      actor: "clinician",
      base: () => w.planForm,
      field: planField,
      extraKeys: ["stages.0.__proto__.x", "stages.999.rpe", "stages.-1.rpe", "stages.0.strength.25.sets", "stages..rpe", "stages.0.strength.0", "stages"],
    },
    "app/(clinic)/patients/[patientId]/plans/[planId]/actions.ts#publishPlanAction": {
      run: planVersionActions.publishPlanAction,
      actor: "clinician",
      base: () => ({ planId: w.unpublishedPlan.id, patientId: w.unpublishedPlan.patientId, version: String(w.unpublishedPlan.version) }),
      field: shapeOf(v.plan.planRefFormSchema),
    },
    "app/(clinic)/patients/[patientId]/plans/[planId]/actions.ts#issueLinkAction": { run: planVersionActions.issueLinkAction, actor: "clinician", base: () => ({ ...planRef, days: "30" }), field: shapeOf(v.plan.linkDaysSchema) },
    "app/(clinic)/patients/[patientId]/plans/[planId]/actions.ts#showLinkAction": { run: planVersionActions.showLinkAction, actor: "clinician", base: () => ({ ...planRef }), field: shapeOf(v.plan.planRefFormSchema) },
    "app/(clinic)/patients/[patientId]/plans/[planId]/actions.ts#revokeLinkAction": { run: planVersionActions.revokeLinkAction, actor: "clinician", base: () => ({ ...planRef }), field: shapeOf(v.plan.planRefFormSchema) },
    "app/(clinic)/patients/[patientId]/plans/actions.ts#createPlanAction": {
      run: planActions.createPlanAction,
      actor: "clinician",
      base: () => ({ patientId: P, assessmentId: w.finalAssessmentId }),
      field: shapeOf(v.plan.createPlanFormSchema),
      extraValues: [w.draft.id, w.secondPatientId],
    },
    "app/(clinic)/patients/actions.ts#createPatientAction": {
      run: patientActions.createPatientAction,
      actor: "clinician",
      base: () => ({ firstName: "Ada", lastName: "Fuzz", dateOfBirth: "1990-05-01", sex: "female", sport: "running", level: "recreational", email: "ada@fuzz.test", phone: "+44 20 7946 0000", notes: "Referred by her coach." }),
      field: shapeOf(v.patient.patientFormSchema),
    },
    "app/(clinic)/patients/actions.ts#updatePatientAction": {
      run: patientActions.updatePatientAction,
      actor: "clinician",
      base: () => ({
        patientId: P,
        version: String(w.patient.version),
        firstName: w.patient.firstName,
        lastName: w.patient.lastName,
        dateOfBirth: w.patient.dateOfBirth,
        sex: w.patient.sex,
        sport: w.patient.sport,
        level: "",
        email: "",
        phone: "",
        notes: "",
        status: "active",
      }),
      field: shapeOf(v.patient.patientUpdateSchema),
    },
    "app/(clinic)/patients/actions.ts#setReminderConsentAction": {
      run: patientActions.setReminderConsentAction,
      actor: "clinician",
      base: () => ({ patientId: w.secondPatientId, consent: "yes", version: String(w.secondPatientVersion) }),
      field: shapeOf(v.reminders.reminderConsentSchema),
      extraValues: [P, w.otherClinicId],
    },
    "app/p/r/[token]/stop/actions.ts#stopRemindersAction": {
      run: stopActions.stopRemindersAction,
      actor: "clinician",
      base: () => ({ token: w.reminderToken }),
      // The token is the credential, checked by the service (not a field with bounds).
      field: () => null,
      repeats: "first",
      extraValues: ["M".repeat(32)],
    },
    "app/(clinic)/reviews/actions.ts#approveReviewAction": { run: reviewActions.approveReviewAction, actor: "clinician", base: () => review(w.progressReview, P), field: shapeOf(v.review.approveReviewSchema) },
    "app/(clinic)/reviews/actions.ts#dismissReviewAction": {
      run: reviewActions.dismissReviewAction,
      actor: "clinician",
      base: () => ({ ...review(w.progressReview, P), reason: "Talked it through: holding this week." }),
      field: shapeOf(v.review.dismissReviewSchema),
    },
    "app/(clinic)/reviews/actions.ts#acknowledgeReviewAction": {
      run: reviewActions.acknowledgeReviewAction,
      actor: "clinician",
      base: () => ({ ...review(w.careReview, w.secondPatientId), reason: "Phoned: seeing her GP today." }),
      field: shapeOf(v.review.acknowledgeReviewSchema),
    },
    "app/(clinic)/reviews/actions.ts#editReviewAction": {
      run: reviewActions.editReviewAction,
      actor: "clinician",
      base: () => ({ ...review(w.progressReview, P), planId: w.plan.id, planVersion: String(w.plan.version), stageKey: w.progressReview.nextStageKey ?? "", doseCutPct: "10", note: "A smaller step up." }),
      field: shapeOf(v.review.editReviewSchema),
    },
    "app/(clinic)/sign-out-action.ts#signOutAction": {
      // Takes no input: whatever is passed, it ends the caller's session and sends them to sign in.
      run: (_prev, fd) => (signOut.signOutAction as unknown as Action)(_prev, fd),
      actor: "clinician",
      base: () => ({}),
      field: () => null,
      runs: Math.ceil(FUZZ_RUNS / 5),
    },
    "app/p/[token]/actions.ts#logSessionAction": {
      run: linkActions.logSessionAction,
      actor: "clinician",
      base: () => linkSession,
      field: (k) => (k === "token" ? null : shapeOf(v.checkin.sessionFormSchema)(k)),
      repeats: "last",
      extraValues: [w.otherToken, "2026-12-02", "2026-12-10"],
    },
    "app/p/[token]/actions.ts#logMorningAction": {
      run: linkActions.logMorningAction,
      actor: "clinician",
      base: () => ({ token: w.secondToken, idempotencyKey: "fuzz-morning-0001", checkInId: w.awaitingMorning.id, morningPainNrs: "1", comparedWithBefore: "same", symptom_none: "on" }),
      field: (k) => (k === "token" ? null : shapeOf(v.checkin.morningFormSchema)(k)),
      repeats: "last",
      extraValues: [w.otherToken, w.progressReview.id],
    },
  };
}

let world: FuzzWorld;
let tables: TableInfo[];
let harness: FuzzHarness;
let all: Record<string, Spec>;

beforeAll(async () => {
  handle = await openTestDb();
  world = await seedFuzzWorld(handle.db);
  tables = await listTables(handle.db);
  // On a private database every row of every table is watched; on a shared PostgreSQL (other
  // test files write at the same time) this file's two clinics are.
  const shared = !!process.env.TEST_DATABASE_URL;
  harness = new FuzzHarness({ db: () => handle.db, setDb: (tx) => (current.db = tx), tables, clinicIds: shared ? [world.clinic.id, world.otherClinicId] : null });
  all = specs(world);
});
afterAll(async () => {
  if (harness) console.log(harness.summary("server actions", Object.keys(all ?? {}).length));
  await handle?.close();
});

const YESTERDAY = new Date(Date.parse(`${TODAY}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
const actorOf = (s: Spec) => (s.actor === "admin" ? world.adminActor : world.clinicianActor);

async function runCase(key: string, s: Spec, mutations: readonly Mutation[]) {
  const entries = applyMutations(s.base(), mutations);
  const refuseFor = mustRefuseKey(mutations, entries, s.field, s.repeats ?? "array");
  jar.clear();
  const r = await harness.run(
    key,
    s.onRefusal ?? {},
    () => {
      current.actor = actorOf(s);
      return actionOutcome(() => s.run(null, toFormData(entries)));
    },
    refuseFor !== null,
  );
  return { ...r, refuseFor };
}

describe("fuzzed server actions", () => {
  it("every server action has a fuzz spec, and none is defined inline", () => {
    const found = listServerActions();
    expect(found.length, "the source parser found the actions").toBeGreaterThan(30);
    expect(found.filter((k) => !(k in all)), "server actions without a fuzz spec").toEqual([]);
    expect(Object.keys(all).filter((k) => !found.includes(k)), "specs for actions that no longer exist").toEqual([]);
    expect(listInlineServerActionFiles()).toEqual([]);
  });

  it("the harness sees what a case writes, undoes it, and counts a logged failure", async () => {
    const { patients } = await import("@/db/schema");
    const { eq } = await import("drizzle-orm");
    const write = () => current.db!.update(patients).set({ notes: "written by a refused case" }).where(eq(patients.id, world.patient.id));
    const wrote = await harness.run("(self-check)", {}, async () => (await write(), { kind: "refused", detail: "self-check" }), false);
    expect(wrote.changes).toEqual([expect.stringMatching(/^patients: /)]);
    const [after] = await handle.db.select().from(patients).where(eq(patients.id, world.patient.id));
    expect(after!.notes).toBe(world.patient.notes);
    const logged = await harness.run("(self-check)", {}, async () => (console.error("[action] unexpected failure"), { kind: "refused", detail: "self-check" }), false);
    expect(logged.outcome.kind).toBe("unexpected");
    harness.stats.delete("(self-check)");
  });

  it("each action accepts its unmutated form: the fuzz starts from a real target", async () => {
    const refused: string[] = [];
    for (const [key, s] of Object.entries(all)) {
      if (process.env.FUZZ_DEBUG) process.stderr.write(`base ${key}\n`); // FUZZ_DEBUG=1: each case as it starts (finding a hang)
      const r = await runCase(key, s, []);
      if (r.outcome.kind !== "accepted") refused.push(`${key}: ${r.outcome.kind} ${r.outcome.detail}`);
    }
    expect(refused).toEqual([]);
  });

  /** The property every case must hold; the reason it does not, or null. */
  async function violation(key: string, s: Spec, mutations: readonly Mutation[]): Promise<string | null> {
    if (process.env.FUZZ_DEBUG) process.stderr.write(`case ${key}: ${describeMutations(mutations)}\n`);
    const r = await runCase(key, s, mutations);
    if (r.outcome.kind === "unexpected") return `unexpected failure: ${r.outcome.detail}`;
    if (r.refuseFor && r.outcome.kind !== "refused") return `accepted although "${r.refuseFor}" is invalid (${r.outcome.detail})`;
    if (r.changes.length) return `refused (${r.outcome.detail}) but wrote: ${r.changes.join("; ")}`;
    return null;
  }

  function boundsFor(s: Spec) {
    const bounds = new Map<string, Bounds | null>();
    const posted = applyMutations(s.base(), []);
    return (k: string) => {
      if (!bounds.has(k)) {
        const f = s.field(k, posted);
        bounds.set(k, f ? probeBounds(f) : null);
      }
      return bounds.get(k)!;
    };
  }

  // One test per action (named from the source, so each has its own time limit and report): every
  // field in turn at and past its bounds, with a NUL, posted twice, dropped; then random forms.
  for (const key of listServerActions()) {
    it(`${key}: hostile forms end in field errors or its own redirect, and a refused one writes nothing`, async () => {
      const s = all[key];
      expect(s, "a fuzz spec").toBeDefined();
      const failures: string[] = [];
      for (const mutations of sweepOf(s!.base(), boundsFor(s!))) {
        const why = await violation(key, s!, mutations);
        if (why) failures.push(`${why}\n    counterexample: ${describeMutations(mutations)}`);
      }
      const arb = mutationsOf(s!.base(), { boundsOf: boundsFor(s!), extraKeys: s!.extraKeys, extraValues: s!.extraValues }).map((m) => printable(m, describeMutations));
      try {
        await fc.assert(
          fc.asyncProperty(arb, async (mutations) => {
            const why = await violation(key, s!, mutations);
            if (why) throw new Error(why);
          }),
          { seed: FUZZ_SEED, numRuns: s!.runs ?? FUZZ_RUNS, endOnFailure: true, includeErrorInReport: true },
        );
      } catch (err) {
        failures.push(err instanceof Error ? err.message : String(err));
      }
      expect(failures.join("\n")).toBe("");
    });
  }
});
