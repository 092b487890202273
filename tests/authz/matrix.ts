// The authorization matrix: for every page, route handler method and server action, what each
// actor gets. tests/authz/matrix-coverage.test.ts fails when the app has an entry this file does
// not declare (or declares one the app no longer has); tests/authz/run-matrix.ts drives every
// cell against the production server. How to add an entry: README, "Tests".
//
// Ids are clinic 1's records (tests/authz/seed-fixture.ts), so clinic 2's clinician and admin
// must get 404 / "not found" wherever a record is named, and no clinic-1 row may change for them.
import type { Fixture } from "./fixture";
import type { ActionOutcome, HttpOutcome, Outcome } from "./outcome";

export const ACTORS = [
  { key: "out", label: "signed out (no cookie)" },
  { key: "A", label: "clinician A, clinic 1 (owns the patients named)" },
  { key: "B", label: "clinician B, clinic 1" },
  { key: "adm", label: "admin, clinic 1" },
  { key: "c2", label: "clinician, clinic 2" },
  { key: "adm2", label: "admin, clinic 2" },
  { key: "deact", label: "deactivated user, session row still live" },
  { key: "exp", label: "session past its expiry" },
  { key: "link", label: "patient-link holder (no cookie)" },
  { key: "rvk", label: "revoked-link holder (no cookie)" },
] as const;
export type ActorKey = (typeof ACTORS)[number]["key"];
/** Clinic 1's signed-in staff: their allowed requests may change clinic 1's rows. */
export const CLINIC1_STAFF: readonly ActorKey[] = ["A", "B", "adm"];

type UserRef = Fixture["people"][keyof Fixture["people"]];

/** What an entry's request builder knows: the fixture, the actor, and the database (read only, by convention). */
export type Ctx = {
  fx: Fixture;
  actor: { key: ActorKey; user: UserRef | null; token: string };
  q: <T = Record<string, unknown>>(text: string, params?: unknown[]) => Promise<T[]>;
  /** GET with the actor's cookie; returns the response's cookies too (Auth.js's CSRF pair). */
  get: (path: string) => Promise<{ setCookies: string[]; json: unknown }>;
  unique: (prefix: string) => string;
};

type Cells<O> = Record<ActorKey, O>;
type Fields = Record<string, string | string[]>;

export type PageEntry = { kind: "page"; route: string; path: (c: Ctx) => string; expect: Cells<HttpOutcome>; leakCheck?: false };
export type RouteEntry = {
  kind: "route";
  route: string;
  method: string;
  request: (c: Ctx) => Promise<{ path: string; headers?: Record<string, string>; body?: string | FormData | URLSearchParams }>;
  expect: Cells<HttpOutcome>;
  leakCheck?: false;
  verify?: Verify;
};
export type ActionEntry = {
  kind: "action";
  file: string;
  exportName: string;
  /** The page the form posts from (one that bundles the action, as the browser would). */
  postTo: (c: Ctx) => string;
  /** The form's fields; null for an action called with no arguments. */
  fields: ((c: Ctx) => Promise<Fields> | Fields) | null;
  expect: Cells<ActionOutcome>;
  /** Runs after every other entry (signing out ends the actors' sessions). */
  last?: boolean;
  /** Signing in shows the account signed in to: the response names it by design. */
  leakCheck?: false;
  verify?: Verify;
};
/** A further check of one case after its request; returns what is wrong, or null. */
type Verify = (c: Ctx, sent: { outcome: Outcome; body: string }) => Promise<string | null>;
export type Entry = PageEntry | RouteEntry | ActionEntry;

export const entryKey = (e: Entry) => (e.kind === "page" ? `page ${e.route}` : e.kind === "route" ? `${e.method} ${e.route}` : `${e.file}#${e.exportName}`);

// ---- who gets what, by group ----------------------------------------------------------------

/** Clinic 1's staff, clinic 2's staff, the dead sessions (deactivated, expired), and no session at all. */
function cells<O extends Outcome>(g: { clinic1: O; clinic2: O; dead: O; anonymous: O }, over: Partial<Cells<O>> = {}): Cells<O> {
  return { out: g.anonymous, A: g.clinic1, B: g.clinic1, adm: g.clinic1, c2: g.clinic2, adm2: g.clinic2, deact: g.dead, exp: g.dead, link: g.anonymous, rvk: g.anonymous, ...over };
}
const all = <O extends Outcome>(o: O, over: Partial<Cells<O>> = {}) => cells({ clinic1: o, clinic2: o, dead: o, anonymous: o }, over);

// Pages: the proxy sends a request without a session cookie to sign-in; a dead session reaches
// the page, whose requireUser sends it there too.
const recordPage = cells<HttpOutcome>({ clinic1: "200", clinic2: "404", dead: "→login", anonymous: "→login" });
const clinicPage = cells<HttpOutcome>({ clinic1: "200", clinic2: "200", dead: "→login", anonymous: "→login" });
const adminPage = cells<HttpOutcome>({ clinic1: "403", clinic2: "403", dead: "→login", anonymous: "→login" }, { adm: "200", adm2: "200" });
// Route handlers under /api are not redirected by the proxy: authedRoute answers 401 itself.
const apiRoute = (clinic1: HttpOutcome, clinic2: HttpOutcome, over: Partial<Cells<HttpOutcome>> = {}) => cells({ clinic1, clinic2, dead: "401", anonymous: "401" }, over);
/** Only the live link opens the patient's pages; everyone else holds a revoked or an unknown token. */
const linkOnly = <O extends Outcome>(ok: O, denied: O) => all(denied, { link: ok });

// Actions: authedAction's role check, then the services' clinic scope.
const clinicalAction = (clinic1: ActionOutcome, clinic2: ActionOutcome = "not found") => cells<ActionOutcome>({ clinic1, clinic2, dead: "→login", anonymous: "→login" });
const adminAction = (adm: ActionOutcome, adm2: ActionOutcome) => cells<ActionOutcome>({ clinic1: "forbidden", clinic2: "forbidden", dead: "→login", anonymous: "→login" }, { adm, adm2 });

// ---- fields ---------------------------------------------------------------------------------

const one = async <T>(c: Ctx, text: string, params: unknown[]): Promise<T> => {
  const [row] = await c.q<T>(text, params);
  if (!row) throw new Error(`matrix: no row for ${text}`);
  return row;
};
const versionOf = async (c: Ctx, table: "assessments" | "patients" | "plans" | "users", id: string) =>
  String((await one<{ version: number }>(c, `select version from ${table} where id = $1`, [id])).version);
const amendmentSeq = async (c: Ctx, assessmentId: string) =>
  String((await one<{ n: number }>(c, "select count(*)::int as n from assessment_amendments where assessment_id = $1", [assessmentId])).n);
/** The clinic the actor acts for: their own, or clinic 1 for an actor with none. */
const clinicOf = (c: Ctx) => c.actor.user?.clinicId ?? c.fx.clinic1.id;

const paths = {
  patient: (id: string) => `/patients/${id}`,
  assessment: (patientId: string, id: string) => `/patients/${patientId}/assessments/${id}`,
  plan: (patientId: string, id: string) => `/patients/${patientId}/plans/${id}`,
};

function stepAction(exportName: string, step: string, n: number): ActionEntry {
  return {
    kind: "action",
    file: "app/(clinic)/patients/[patientId]/assessments/[assessmentId]/actions.ts",
    exportName,
    postTo: ({ fx }) => `${paths.assessment(fx.webb.patientId, fx.webb.draftId)}/step/${n}`,
    fields: async (c) => ({ ...c.fx.webb.stepForms[step]!, assessmentId: c.fx.webb.draftId, patientId: c.fx.webb.patientId, version: await versionOf(c, "assessments", c.fx.webb.draftId) }),
    expect: clinicalAction("ok"),
  };
}

function amendAction(exportName: string, step: string, n: number): ActionEntry {
  return {
    kind: "action",
    file: "app/(clinic)/patients/[patientId]/assessments/[assessmentId]/actions.ts",
    exportName,
    postTo: ({ fx }) => `${paths.assessment(fx.sato.patientId, fx.sato.assessmentId)}/amend/${n}`,
    fields: async (c) => ({
      ...c.fx.sato.stepForms[step]!,
      assessmentId: c.fx.sato.assessmentId,
      patientId: c.fx.sato.patientId,
      amendmentSeq: await amendmentSeq(c, c.fx.sato.assessmentId),
      reason: "Re-entered from the paper sheet",
    }),
    expect: clinicalAction("ok"),
  };
}

// Review decisions name a version the review no longer has (a stale tab): the clinic's staff get
// the conflict, which decideReview answers only after finding the review in the caller's clinic.
// A real approve would use up the fixture's one waiting suggestion for everyone after it; the
// decisions themselves are covered by tests/integration/reviews.test.ts and tests/e2e/reviews.spec.ts.
const STALE = "999";
function reviewAction(exportName: string, review: (fx: Fixture) => { patientId: string; reviewId: string }, extra: (fx: Fixture) => Fields = () => ({})): ActionEntry {
  return {
    kind: "action",
    file: "app/(clinic)/reviews/actions.ts",
    exportName,
    postTo: () => "/reviews",
    fields: ({ fx }) => ({ ...review(fx), reviewVersion: STALE, returnTo: "queue", ...extra(fx) }),
    expect: clinicalAction("refused"),
  };
}

function userAction(exportName: string, target: keyof Fixture["targets"], extra: Fields = {}): ActionEntry {
  return {
    kind: "action",
    file: "app/(admin)/admin/users/actions.ts",
    exportName,
    postTo: () => "/admin/users",
    fields: async (c) => ({ userId: c.fx.targets[target].id, version: await versionOf(c, "users", c.fx.targets[target].id), ...extra }),
    expect: adminAction("ok", "not found"),
  };
}

const newPatient = (lastName: string) => ({ firstName: "Matrix", lastName, dateOfBirth: "1991-03-14", sex: "female", sport: "running", level: "", email: "", phone: "", notes: "" });
const json = (body: unknown) => ({ headers: { "content-type": "application/json" }, body: JSON.stringify(body) });

// ---- the entries ----------------------------------------------------------------------------

export const MATRIX: Entry[] = [
  // Pages
  { kind: "page", route: "/", path: () => "/", expect: cells({ clinic1: "→app", clinic2: "→app", dead: "→login", anonymous: "→login" }) },
  { kind: "page", route: "/login", path: () => "/login", expect: cells({ clinic1: "→app", clinic2: "→app", dead: "200", anonymous: "200" }) },
  { kind: "page", route: "/set-password/[token]", path: ({ fx }) => `/set-password/${fx.unknownToken}`, expect: all("404") },
  { kind: "page", route: "/admin", path: () => "/admin", expect: adminPage },
  { kind: "page", route: "/admin/audit", path: () => "/admin/audit", expect: adminPage },
  { kind: "page", route: "/admin/settings", path: () => "/admin/settings", expect: adminPage },
  { kind: "page", route: "/admin/reminders", path: () => "/admin/reminders", expect: adminPage },
  { kind: "page", route: "/admin/users", path: () => "/admin/users", expect: adminPage },
  { kind: "page", route: "/admin/users/invite", path: () => "/admin/users/invite", expect: adminPage },
  { kind: "page", route: "/patients", path: () => "/patients", expect: clinicPage },
  { kind: "page", route: "/patients/new", path: () => "/patients/new", expect: clinicPage },
  { kind: "page", route: "/account", path: () => "/account", expect: clinicPage },
  { kind: "page", route: "/reviews", path: () => "/reviews", expect: clinicPage },
  { kind: "page", route: "/exercise-photos", path: () => "/exercise-photos", expect: clinicPage },
  { kind: "page", route: "/patients/[patientId]", path: ({ fx }) => paths.patient(fx.maya.patientId), expect: recordPage },
  { kind: "page", route: "/patients/[patientId]/edit", path: ({ fx }) => `${paths.patient(fx.maya.patientId)}/edit`, expect: recordPage },
  { kind: "page", route: "/patients/[patientId]/rtm", path: ({ fx }) => `${paths.patient(fx.maya.patientId)}/rtm`, expect: recordPage },
  { kind: "page", route: "/patients/[patientId]/check-ins/new", path: ({ fx }) => `${paths.patient(fx.maya.patientId)}/check-ins/new`, expect: recordPage },
  { kind: "page", route: "/patients/[patientId]/assessments/[assessmentId]", path: ({ fx }) => paths.assessment(fx.maya.patientId, fx.maya.assessmentId), expect: recordPage },
  { kind: "page", route: "/patients/[patientId]/assessments/[assessmentId]/amend/[n]", path: ({ fx }) => `${paths.assessment(fx.maya.patientId, fx.maya.assessmentId)}/amend/1`, expect: recordPage },
  { kind: "page", route: "/patients/[patientId]/assessments/[assessmentId]/step/[n]", path: ({ fx }) => `${paths.assessment(fx.webb.patientId, fx.webb.draftId)}/step/1`, expect: recordPage },
  { kind: "page", route: "/patients/[patientId]/plans/[planId]", path: ({ fx }) => paths.plan(fx.maya.patientId, fx.maya.planId), expect: recordPage },
  { kind: "page", route: "/p/[token]", path: ({ actor }) => `/p/${actor.token}`, expect: linkOnly("200", "404") },
  // A reminder's links (ADR 0031): the fixture sends no reminder, so every actor holds an unknown
  // token; a live one is covered by tests/integration/reminders.test.ts.
  { kind: "page", route: "/p/r/[token]", path: () => `/p/r/${"M".repeat(32)}`, expect: all("404") },
  { kind: "page", route: "/p/r/[token]/stop", path: () => `/p/r/${"M".repeat(32)}/stop`, expect: all("404") },

  // Route handlers
  { kind: "route", route: "/api/admin/audit.csv", method: "GET", request: async () => ({ path: "/api/admin/audit.csv" }), expect: apiRoute("403", "403", { adm: "200", adm2: "200" }) },
  { kind: "route", route: "/api/admin/caseload.csv", method: "GET", request: async () => ({ path: "/api/admin/caseload.csv?status=all" }), expect: apiRoute("403", "403", { adm: "200", adm2: "200" }) },
  // Auth.js's own endpoints. The session endpoint answers for the live session only (ADR 0003):
  // a dead session's cookie learns nothing, not even whose it was.
  {
    kind: "route",
    route: "/api/auth/[...nextauth]",
    method: "GET",
    request: async () => ({ path: "/api/auth/session" }),
    expect: all("200"),
    verify: async ({ actor }, { body }) => {
      const live = ["A", "B", "adm", "c2", "adm2"].includes(actor.key);
      if (live) return body.includes(actor.user!.email) ? null : "a live session's endpoint does not name its account";
      return body.trim() === "null" ? null : `a dead or absent session is answered with ${body.slice(0, 80)}, not null`;
    },
  },
  {
    kind: "route",
    route: "/api/auth/[...nextauth]",
    method: "POST",
    // Signing in (as the sign-in target) is open to anyone with the password.
    request: async (c) => {
      const csrf = await c.get("/api/auth/csrf");
      const { csrfToken } = csrf.json as { csrfToken: string };
      return {
        path: "/api/auth/callback/credentials",
        headers: { cookie: csrf.setCookies.join("; "), "content-type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({ email: c.fx.targets.signIn.email, password: c.fx.password, csrfToken, callbackUrl: "/patients" }).toString(),
      };
    },
    expect: all("→app"),
  },
  { kind: "route", route: "/api/v1/evaluate", method: "POST", request: async ({ fx }) => ({ path: "/api/v1/evaluate", ...json(fx.evaluateBody) }), expect: apiRoute("200", "200") },
  { kind: "route", route: "/api/v1/review-checkins", method: "POST", request: async ({ fx }) => ({ path: "/api/v1/review-checkins", ...json(fx.reviewCheckinsBody) }), expect: apiRoute("200", "200") },
  {
    kind: "route",
    route: "/api/v1/rtm-worksheet",
    method: "POST",
    request: async () => ({ path: "/api/v1/rtm-worksheet", ...json({ contractVersion: 1, today: "2026-03-20", episode: { startedOn: "2026-03-01" }, dataDays: ["2026-03-02"], timeLog: [] }) }),
    expect: apiRoute("200", "200"),
  },
  // Clinic 1's exercise photo by its content hash: its staff and its live link only (ADR 0028).
  { kind: "route", route: "/api/exercise-media/[sha256]", method: "GET", request: async ({ fx }) => ({ path: `/api/exercise-media/${fx.media.sha256}` }), expect: apiRoute("200", "404") },
  { kind: "route", route: "/p/[token]/media/[sha256]", method: "GET", request: async ({ actor, fx }) => ({ path: `/p/${actor.token}/media/${fx.media.sha256}` }), expect: linkOnly("200", "404") },
  // FHIR export (issue 17): clinic 1's staff get the Bundle; clinic 2 learns nothing (404).
  { kind: "route", route: "/api/v1/patients/[patientId]/fhir", method: "GET", request: async ({ fx }) => ({ path: `/api/v1/patients/${fx.maya.patientId}/fhir` }), expect: apiRoute("200", "404") },
  {
    kind: "route",
    route: "/api/v1/patients/[patientId]/assessments/[assessmentId]/fhir",
    method: "GET",
    request: async ({ fx }) => ({ path: `/api/v1/patients/${fx.maya.patientId}/assessments/${fx.maya.assessmentId}/fhir` }),
    expect: apiRoute("200", "404"),
  },
  { kind: "route", route: "/api/v1/fhir/Questionnaire", method: "GET", request: async () => ({ path: "/api/v1/fhir/Questionnaire" }), expect: apiRoute("200", "200") },
  { kind: "route", route: "/p/[token]/pdf", method: "GET", request: async ({ actor }) => ({ path: `/p/${actor.token}/pdf` }), expect: linkOnly("200", "404") },
  // Outside /api, the proxy sends a request without a session cookie to sign-in first.
  {
    kind: "route",
    route: "/patients/[patientId]/plans/[planId]/pdf",
    method: "GET",
    request: async ({ fx }) => ({ path: `${paths.plan(fx.maya.patientId, fx.maya.planId)}/pdf` }),
    expect: cells({ clinic1: "200", clinic2: "404", dead: "401", anonymous: "→login" }),
  },
  {
    kind: "route",
    route: "/patients/[patientId]/plans/[planId]/pdf",
    method: "POST",
    request: async ({ fx }) => {
      const body = new FormData();
      body.append("token", fx.linkToken);
      return { path: `${paths.plan(fx.maya.patientId, fx.maya.planId)}/pdf`, body };
    },
    expect: cells({ clinic1: "200", clinic2: "404", dead: "401", anonymous: "→login" }),
  },

  // Server actions: sign-in, password links, sign-out
  {
    kind: "action",
    file: "app/(auth)/login/actions.ts",
    exportName: "signInAction",
    postTo: () => "/login",
    fields: ({ fx }) => ({ email: fx.targets.signIn.email, password: fx.password, next: "/patients" }),
    expect: all("ok"),
    leakCheck: false,
  },
  {
    kind: "action",
    file: "app/(auth)/set-password/[token]/actions.ts",
    exportName: "setPasswordAction",
    postTo: ({ fx }) => `/set-password/${fx.unknownToken}`,
    fields: ({ fx }) => ({ token: fx.unknownToken, password: "a long new password", confirm: "a long new password" }),
    expect: all("gone"),
  },
  {
    kind: "action",
    file: "app/(clinic)/sign-out-action.ts",
    exportName: "signOutAction",
    postTo: () => "/patients",
    fields: null,
    // Everyone ends up at sign-in; for a live session, the session row is what ends.
    expect: all("→login"),
    last: true,
    verify: async (c) => {
      if (!c.actor.user || !["A", "B", "adm", "c2", "adm2"].includes(c.actor.key)) return null;
      const open = await c.q("select id from sessions where user_id = $1 and revoked_at is null", [c.actor.user.id]);
      return open.length === 0 ? null : `${open.length} session row(s) still open after signing out`;
    },
  },

  // Patients
  {
    kind: "action",
    file: "app/(clinic)/patients/actions.ts",
    exportName: "createPatientAction",
    postTo: () => "/patients/new",
    fields: (c) => newPatient(c.unique("New")),
    // Each clinic's staff add patients to their own clinic.
    expect: clinicalAction("ok", "ok"),
  },
  {
    kind: "action",
    file: "app/(clinic)/patients/actions.ts",
    exportName: "updatePatientAction",
    postTo: ({ fx }) => `${paths.patient(fx.webb.patientId)}/edit`,
    // His own details again: the save goes through, nothing about him changes but the version.
    fields: async (c) => ({ ...c.fx.webb.patient, email: "", phone: "", notes: "", patientId: c.fx.webb.patientId, version: await versionOf(c, "patients", c.fx.webb.patientId), status: "active" }),
    expect: clinicalAction("ok"),
  },
  {
    kind: "action",
    file: "app/(clinic)/patients/actions.ts",
    exportName: "setReminderConsentAction",
    postTo: ({ fx }) => `${paths.patient(fx.webb.patientId)}/edit`,
    // "No" again: recorded (who, when), nothing else about him changes.
    fields: async (c) => ({ patientId: c.fx.webb.patientId, consent: "no", version: await versionOf(c, "patients", c.fx.webb.patientId) }),
    expect: clinicalAction("ok"),
  },
  {
    kind: "action",
    file: "app/(clinic)/patients/[patientId]/check-ins/new/actions.ts",
    exportName: "recordPaperCheckInAction",
    postTo: ({ fx }) => `${paths.patient(fx.tom.patientId)}/check-ins/new`,
    fields: (c) => ({ patientId: c.fx.tom.patientId, idempotencyKey: c.unique("paper"), sessionDate: c.fx.today, activity: "strength", done: "as_planned", minutes: "20", distance: "", painDuringNrs: "2", morningPainNrs: "", comparedWithBefore: "", note: "" }),
    expect: clinicalAction("ok"),
  },

  // Remote monitoring (issue 19): Tom's open episode, seeded with set-up done and one entry withdrawn.
  // Minutes are append-only, so logging is "ok" for every clinic-1 caller; the rest are refused or
  // invalid only after the episode or entry was found in the caller's clinic (clinic 2: not found).
  ...(
    [
      ["startRtmEpisodeAction", (c: Ctx) => ({ patientId: c.fx.tom.patientId, consentMethod: "verbal", startedOn: c.fx.today }), "refused"],
      ["recordRtmSetupAction", (c: Ctx) => ({ episodeId: c.fx.tom.rtmEpisodeId, setupEducationOn: c.fx.today, version: "2" }), "refused"],
      ["endRtmEpisodeAction", (c: Ctx) => ({ episodeId: c.fx.tom.rtmEpisodeId, endedOn: "2999-01-01", version: "2" }), "invalid"],
      ["logRtmTimeAction", (c: Ctx) => ({ patientId: c.fx.tom.patientId, entryDate: c.fx.today, minutes: "10", interactive: "yes", performedBy: "pt", activity: "Phone call about the plan", returnTo: "rtm" }), "ok"],
      ["correctRtmTimeAction", (c: Ctx) => ({ patientId: c.fx.tom.patientId, correctsId: c.fx.tom.rtmWithdrawnEntryId, entryDate: "2999-01-01", minutes: "10", interactive: "no", performedBy: "pt", activity: "Read the check-ins" }), "invalid"],
      ["voidRtmTimeAction", (c: Ctx) => ({ patientId: c.fx.tom.patientId, correctsId: c.fx.tom.rtmWithdrawnEntryId }), "refused"],
    ] as const
  ).map(
    ([exportName, fields, clinic1]): ActionEntry => ({
      kind: "action",
      file: "app/(clinic)/patients/[patientId]/rtm/actions.ts",
      exportName,
      postTo: ({ fx }) => `${paths.patient(fx.tom.patientId)}/rtm`,
      fields,
      expect: clinicalAction(clinic1),
    }),
  ),

  // Assessments
  {
    kind: "action",
    file: "app/(clinic)/patients/[patientId]/assessments/actions.ts",
    exportName: "createDraftAction",
    postTo: ({ fx }) => paths.patient(fx.webb.patientId),
    // Opens (resumes) the patient's one open draft.
    fields: ({ fx }) => ({ patientId: fx.webb.patientId }),
    expect: clinicalAction("ok"),
  },
  stepAction("saveLoadStep", "load", 1),
  stepAction("saveComplaintStep", "complaint", 2),
  stepAction("saveRedFlagsStep", "redFlags", 3),
  stepAction("saveCapacityStep", "capacity", 4),
  stepAction("saveRecoveryStep", "recovery", 5),
  stepAction("saveOutcomesStep", "outcomes", 6),
  {
    kind: "action",
    file: "app/(clinic)/patients/[patientId]/assessments/[assessmentId]/actions.ts",
    exportName: "finalizeAction",
    postTo: ({ fx }) => `${paths.assessment(fx.webb.patientId, fx.webb.draftId)}/step/7`,
    // A stale version: finalizing for real would leave the step saves nothing to save.
    fields: ({ fx }) => ({ assessmentId: fx.webb.draftId, patientId: fx.webb.patientId, version: STALE, confirmed: "yes" }),
    expect: clinicalAction("refused"),
  },
  {
    kind: "action",
    file: "app/(clinic)/patients/[patientId]/assessments/[assessmentId]/actions.ts",
    exportName: "recordGateAction",
    postTo: ({ fx }) => paths.assessment(fx.bianchi.patientId, fx.bianchi.assessmentId),
    // A final "refer": one more referral is recorded beside the first.
    fields: async (c) => ({
      assessmentId: c.fx.bianchi.assessmentId,
      patientId: c.fx.bianchi.patientId,
      version: await versionOf(c, "assessments", c.fx.bianchi.assessmentId),
      gate: "referral",
      referralTo: "Dr Matrix, sports physician",
      referralDate: c.fx.today,
      overrideReason: "",
    }),
    expect: clinicalAction("ok"),
  },
  amendAction("amendLoadStep", "load", 1),
  amendAction("amendComplaintStep", "complaint", 2),
  amendAction("amendRedFlagsStep", "redFlags", 3),
  amendAction("amendCapacityStep", "capacity", 4),
  amendAction("amendRecoveryStep", "recovery", 5),
  amendAction("amendOutcomesStep", "outcomes", 6),

  // Plans and links
  {
    kind: "action",
    file: "app/(clinic)/patients/[patientId]/plans/actions.ts",
    exportName: "createPlanAction",
    postTo: ({ fx }) => paths.assessment(fx.sato.patientId, fx.sato.assessmentId),
    fields: ({ fx }) => ({ patientId: fx.sato.patientId, assessmentId: fx.sato.assessmentId }),
    expect: clinicalAction("ok"),
  },
  {
    kind: "action",
    file: "app/(clinic)/patients/[patientId]/plans/[planId]/actions.ts",
    exportName: "savePlanAction",
    postTo: ({ fx }) => paths.plan(fx.sato.patientId, fx.sato.planId),
    fields: async (c) => ({ ...c.fx.sato.planForm, version: await versionOf(c, "plans", c.fx.sato.planId) }),
    expect: clinicalAction("ok"),
  },
  {
    kind: "action",
    file: "app/(clinic)/patients/[patientId]/plans/[planId]/actions.ts",
    exportName: "publishPlanAction",
    // Maya's plan at the version already published: publishing it twice is a conflict (ADR 0023),
    // so clinic 1's staff get "refused" (reached only after the plan was found in their clinic),
    // clinic 2 "not found", and the fixture is the same for the next caller.
    postTo: ({ fx }) => paths.plan(fx.maya.patientId, fx.maya.planId),
    fields: async (c) => ({
      patientId: c.fx.maya.patientId,
      planId: c.fx.maya.planId,
      version: String((await one<{ v: number }>(c, "select published_version as v from plans where id = $1", [c.fx.maya.planId])).v),
    }),
    expect: clinicalAction("refused"),
  },
  {
    kind: "action",
    file: "app/(clinic)/patients/[patientId]/plans/[planId]/actions.ts",
    exportName: "issueLinkAction",
    postTo: ({ fx }) => paths.plan(fx.tom.patientId, fx.tom.planId),
    fields: ({ fx }) => ({ patientId: fx.tom.patientId, planId: fx.tom.planId, days: "30" }),
    expect: clinicalAction("ok"),
  },
  {
    // Shows Maya's live link again (a read, audited as plan_link.show): nothing else changes.
    kind: "action",
    file: "app/(clinic)/patients/[patientId]/plans/[planId]/actions.ts",
    exportName: "showLinkAction",
    postTo: ({ fx }) => paths.plan(fx.maya.patientId, fx.maya.planId),
    fields: ({ fx }) => ({ patientId: fx.maya.patientId, planId: fx.maya.planId }),
    expect: clinicalAction("ok"),
  },
  {
    kind: "action",
    file: "app/(clinic)/patients/[patientId]/plans/[planId]/actions.ts",
    exportName: "revokeLinkAction",
    postTo: ({ fx }) => paths.plan(fx.tom.patientId, fx.tom.planId),
    fields: ({ fx }) => ({ patientId: fx.tom.patientId, planId: fx.tom.planId }),
    expect: clinicalAction("ok"),
  },

  // Review decisions
  reviewAction("approveReviewAction", (fx) => ({ patientId: fx.maya.patientId, reviewId: fx.maya.reviewId })),
  reviewAction("editReviewAction", (fx) => ({ patientId: fx.maya.patientId, reviewId: fx.maya.reviewId }), (fx) => ({ planId: fx.maya.planId, planVersion: String(fx.maya.planVersion), stageKey: fx.maya.stageKey, doseCutPct: "0", note: "" })),
  reviewAction("dismissReviewAction", (fx) => ({ patientId: fx.ines.patientId, reviewId: fx.ines.reviewId }), () => ({ reason: "Seen in clinic today" })),
  reviewAction("acknowledgeReviewAction", (fx) => ({ patientId: fx.tom.patientId, reviewId: fx.tom.reviewId }), () => ({ reason: "Phoned and sent to A&E" })),

  // The patient's check-ins: the token in the form is the credential.
  {
    kind: "action",
    file: "app/p/[token]/actions.ts",
    exportName: "logSessionAction",
    postTo: ({ actor }) => `/p/${actor.token}`,
    fields: (c) => ({ token: c.actor.token, idempotencyKey: c.unique("session"), sessionDate: c.fx.today, activity: "run", done: "as_planned", minutes: "25", distance: "4", effortRpe: "4", painDuringNrs: "1", symptom_none: "on", note: "" }),
    expect: linkOnly("ok", "gone"),
  },
  {
    kind: "action",
    file: "app/p/[token]/actions.ts",
    exportName: "logMorningAction",
    postTo: ({ actor }) => `/p/${actor.token}`,
    fields: (c) => ({ token: c.actor.token, idempotencyKey: c.unique("morning"), checkInId: c.fx.maya.checkInId, morningPainNrs: "1", comparedWithBefore: "same", symptom_none: "on" }),
    expect: linkOnly("ok", "gone"),
  },

  {
    kind: "action",
    file: "app/p/r/[token]/stop/actions.ts",
    exportName: "stopRemindersAction",
    postTo: () => `/p/r/${"M".repeat(32)}/stop`,
    fields: () => ({ token: "M".repeat(32) }),
    expect: all("gone"),
  },

  // Clinic admin
  {
    kind: "action",
    file: "app/(admin)/admin/actions.ts",
    exportName: "bulkPatientsAction",
    postTo: () => "/admin",
    // Hand clinic 1's patient to a clinician of the caller's own clinic.
    // assignedTo says whom the caller's page showed the patient with (a stale page is a conflict).
    fields: async (c) => ({
      intent: "reassign",
      patientIds: [c.fx.rahman.patientId],
      assignedTo: [`${c.fx.rahman.patientId}:${(await one<{ id: string }>(c, "select clinician_id as id from patients where id = $1", [c.fx.rahman.patientId])).id}`],
      clinicianId: clinicOf(c) === c.fx.clinic1.id ? c.fx.people.clinicianA.id : c.fx.people.clinician2.id,
    }),
    expect: adminAction("ok", "not found"),
  },
  {
    kind: "action",
    file: "app/(admin)/admin/settings/actions.ts",
    exportName: "saveSettingsAction",
    postTo: () => "/admin/settings",
    // Settings name no record: each clinic's admin saves their own clinic's.
    fields: async (c) => {
      const clinicId = clinicOf(c);
      const { version } = await one<{ version: string | null }>(c, "select settings->>'version' as version from clinics where id = $1", [clinicId]);
      return { ...c.fx.settingsForms[clinicId]!, version: version ?? "0" };
    },
    expect: adminAction("ok", "ok"),
  },
  {
    kind: "action",
    file: "app/(admin)/admin/settings/actions.ts",
    exportName: "saveReminderSettingsAction",
    postTo: () => "/admin/settings",
    // Off, as the fixture's clinics are: each clinic's admin saves their own clinic's.
    fields: async (c) => {
      const { version } = await one<{ version: string | null }>(c, "select settings->>'version' as version from clinics where id = $1", [clinicOf(c)]);
      return { enabled: "off", silenceDays: "3", quietStart: "21:00", quietEnd: "08:00", senderName: "", senderEmail: "", version: version ?? "0" };
    },
    expect: adminAction("ok", "ok"),
  },
  {
    kind: "action",
    file: "app/(admin)/admin/users/actions.ts",
    exportName: "inviteUserAction",
    postTo: () => "/admin/users",
    fields: (c) => ({ name: "Matrix Invitee", email: `${c.unique("invite")}@matrix.loadwise.test`, role: "clinician" }),
    expect: adminAction("ok", "ok"),
  },
  // Exercise photos (issue 18). Saving names the photo's current version (no file: the alt text and
  // video link only); clinic 2 has no photo for the exercise, so theirs is not found. Removing
  // names a stale version, so clinic 1's photo stays for the entries after it.
  {
    kind: "action",
    file: "app/(clinic)/exercise-photos/actions.ts",
    exportName: "saveExerciseMediaAction",
    postTo: () => "/exercise-photos",
    fields: async (c) => ({
      exerciseName: c.fx.media.exerciseName,
      version: String((await one<{ version: number }>(c, "select version from exercise_media where clinic_id = $1 and exercise_name = $2", [c.fx.clinic1.id, c.fx.media.exerciseName])).version),
      alt: "Split squat from the side",
      videoUrl: "https://videos.example.com/split-squat",
    }),
    expect: clinicalAction("ok"),
  },
  {
    kind: "action",
    file: "app/(clinic)/exercise-photos/actions.ts",
    exportName: "removeExerciseMediaAction",
    postTo: () => "/exercise-photos",
    fields: ({ fx }) => ({ exerciseName: fx.media.exerciseName, version: STALE }),
    expect: clinicalAction("refused"),
  },
  userAction("changeRoleAction", "changeRole", { role: "admin" }),
  userAction("deactivateUserAction", "deactivate"),
  userAction("reactivateUserAction", "reactivate"),
  userAction("endSessionsAction", "endSessions"),
  userAction("resetPasswordAction", "resetPassword"),
];
