import { readFileSync } from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { DbOrTx } from "@/db/client";
import type { Actor } from "@/lib/auth/actor";
import { listTables, type Allowance } from "../support/db-fingerprint";
import { FUZZ_RUNS, FUZZ_SEED, FuzzHarness, printable, routeOutcome } from "../support/fuzz-harness";
import {
  describeJsonMutations,
  type JsonMutation,
  HUGE,
  jsonMutationsOf,
  jsonPaths,
  mutateJson,
  NASTY_BODIES,
  NASTY_STRINGS,
  numbersNear,
  probeBounds,
  PROTOTYPE_KEYS,
  valueFor,
} from "../support/fuzz-input";
import { listRouteHandlers } from "../support/fuzz-surface";
import { openTestDb, TEST_PASSWORD } from "../support/test-db";
import { NOW, seedFuzzWorld, type FuzzWorld } from "./fuzz-world";

// Issue 15, fuzzed input: every route handler (every HTTP method a route.ts under app/ exports,
// found by reading the source) is called with hostile requests: bodies that are not JSON, JSON that
// is not an object, contract inputs with values at and past their bounds, prototype keys, lone
// surrogates and NULs; query strings with every parameter wrong or repeated; path parameters and
// tokens of every shape. No answer may be a 5xx, and no request may change a table beyond the
// audited read its spec names. Each case runs in a rolled-back transaction (tests/support/fuzz-harness.ts).

const current: { actor: Actor | null; db: DbOrTx | null } = { actor: null, db: null };
let handle: Awaited<ReturnType<typeof openTestDb>>;
vi.mock("@/lib/auth/require-user", () => ({ getActor: async () => current.actor }));
vi.mock("next/cache", () => ({ revalidatePath: () => {}, revalidateTag: () => {} }));
vi.mock("@/db/client", async (orig) => ({ ...(await orig<object>()), getDb: async () => current.db ?? handle.db }));
process.env.LOADWISE_CLIENT_ADDRESS_FROM_SERVER = "1";
process.env.LOADWISE_TEST_CLOCK = "1";
const requestHeaders = { host: "app.test", "x-loadwise-client-address": "198.18.15.2", "user-agent": "fuzz", "x-loadwise-test-now": NOW };
vi.mock("next/headers", () => ({ headers: async () => new Headers(requestHeaders), cookies: async () => ({ get: () => undefined, getAll: () => [], has: () => false, set: () => {}, delete: () => {} }) }));

const evaluate = await import("@/app/api/v1/evaluate/route");
const reviewCheckins = await import("@/app/api/v1/review-checkins/route");
const rtmWorksheetRoute = await import("@/app/api/v1/rtm-worksheet/route");
const caseloadCsv = await import("@/app/api/admin/caseload.csv/route");
const auditCsv = await import("@/app/api/admin/audit.csv/route");
const nextauth = await import("@/app/api/auth/[...nextauth]/route");
const patientPdf = await import("@/app/p/[token]/pdf/route");
const clinicianMedia = await import("@/app/api/exercise-media/[sha256]/route");
const patientMedia = await import("@/app/p/[token]/media/[sha256]/route");
const clinicianPdf = await import("@/app/(clinic)/patients/[patientId]/plans/[planId]/pdf/route");
const patientFhir = await import("@/app/api/v1/patients/[patientId]/fhir/route");
const assessmentFhir = await import("@/app/api/v1/patients/[patientId]/assessments/[assessmentId]/fhir/route");
const questionnaireFhir = await import("@/app/api/v1/fhir/Questionnaire/route");
const { auditQuerySchema, clinicCaseloadQuerySchema } = await import("@/lib/validation/admin");

const fixture = (name: string) => JSON.parse(readFileSync(path.join(import.meta.dirname, "../../lib/clinical/fixtures", name), "utf8")) as unknown;
const assessmentInput = (fixture("vignettes.json") as Array<{ input: unknown }>)[0]!.input;
const rtmInput = { contractVersion: 1, today: "2026-03-20", episode: { startedOn: "2026-03-01", setupEducationOn: "2026-03-01" }, dataDays: ["2026-03-02", "2026-03-03"], timeLog: [{ date: "2026-03-05", minutes: 25, interactive: true, by: "pt" }] };
const checkInInput = (fixture("checkin-vignettes.json") as { cases: Array<{ input: unknown }> }).cases[0]!.input;

type JsonMutationValue = Extract<JsonMutation, { op: "set" }>["value"];
type Handler = (req: NextRequest, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;
/** One request: what is sent, and the path parameters Next would have decoded from its URL. */
type RouteCase = { method: string; url: string; body?: string | FormData | URLSearchParams; headers?: Record<string, string>; params?: Record<string, string>; about: string };
type RouteSpec = {
  handler: Handler;
  actor: "admin" | "clinician" | null;
  base: RouteCase;
  cases: fc.Arbitrary<RouteCase>;
  sweep: RouteCase[];
  /** Tables any request may change (an audited read, a counted sign-in attempt). */
  allowed: Record<string, Allowance>;
  /** A stricter answer than "not 5xx" (a hand-edited CSV query still gets the CSV). */
  status?: (status: number) => boolean;
  runs?: number;
  /** console.error lines that are not failures: Auth.js logs every request it refuses, with a 4xx or a redirect to its error page. */
  tolerate?: RegExp;
};

const ORIGIN = "http://app.test";
// lib/auth/auth.ts's logger prints every request Auth.js refuses (a missing CSRF token, an unknown
// action or provider, a body that is not JSON, a callbackUrl that is no URL, an error code it cannot
// put in a header) and then answers 4xx or redirects to its error page: not a failure here, since
// the answer itself is still checked and a 5xx still fails.
const AUTHJS_REFUSALS = /^\[auth\] /;
const short = (s: string) => (s.length > 60 ? `${JSON.stringify(s.slice(0, 40))}…(${s.length} chars)` : JSON.stringify(s));

/** Bodies for a JSON endpoint: the contract input mutated, bodies that are not JSON objects, batches. */
function jsonCases(url: string, input: unknown): { cases: fc.Arbitrary<RouteCase>; sweep: RouteCase[] } {
  const post = (body: string, about: string, headers: Record<string, string> = {}): RouteCase => ({ method: "POST", url, body, headers: { "content-type": "application/json", ...headers }, about });
  const cases = fc.oneof(
    { weight: 6, arbitrary: jsonMutationsOf(input).map((ms) => post(mutateJson(input, ms), describeJsonMutations(ms))) },
    { weight: 2, arbitrary: fc.constantFrom(...NASTY_BODIES).map((b) => post(b, `body ${short(b)}`)) },
    { weight: 1, arbitrary: fc.tuple(fc.integer({ min: 0, max: 300 }), jsonMutationsOf(input)).map(([n, ms]) => post(`[${Array.from({ length: n }, () => JSON.stringify(input)).concat(mutateJson(input, ms)).join(",")}]`, `a batch of ${n + 1}, the last: ${describeJsonMutations(ms)}`)) },
    { weight: 1, arbitrary: fc.constantFrom("text/plain", "multipart/form-data; boundary=x", "application/x-www-form-urlencoded", "").map((t) => post(JSON.stringify(input), `content-type ${t}`, { "content-type": t })) },
  );
  const sweep = [
    ...NASTY_BODIES.map((b) => post(b, `body ${short(b)}`)),
    // One path of each shape: checkIns.3.painDuringNrs is swept as checkIns.0.painDuringNrs was.
    ...[...new Map(jsonPaths(input).map((p) => [p.map((x) => (typeof x === "number" ? "#" : x)).join("."), p])).values()].flatMap((p) =>
      ([{ raw: "1e309" }, { raw: '"\\u0000"' }, { raw: '"\\ud800"' }, "x".repeat(HUGE), "toString", "__proto__", -1, 2 ** 53 + 2, [], {}] as JsonMutationValue[]).map((value) => {
        const ms: JsonMutation[] = [{ path: p, op: "set", value }];
        return post(mutateJson(input, ms), describeJsonMutations(ms));
      }),
    ),
    post(`[${Array.from({ length: 1000 }, () => JSON.stringify(input)).join(",")}]`, "a batch of 1000"),
  ];
  return { cases, sweep };
}

/** Query strings for a GET: the schema's parameters, wrong, repeated, huge, or names it never had. */
function queryCases(url: string, schema: { shape: Record<string, unknown> } | null, keys: string[]): { cases: fc.Arbitrary<RouteCase>; sweep: RouteCase[] } {
  const boundsOf = (k: string) => (schema && k in schema.shape ? probeBounds(schema.shape[k] as never) : null);
  const get = (pairs: Array<[string, string]>): RouteCase => {
    const q = new URLSearchParams();
    for (const [k, v] of pairs) q.append(k, v);
    return { method: "GET", url: `${url}?${q}`, about: pairs.map(([k, v]) => `${short(k)}=${short(v)}`).join("&") || "(no query)" };
  };
  const pair = fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...keys).chain((k) => valueFor(boundsOf(k)).map((v): [string, string] => [k, v])) },
    { weight: 1, arbitrary: fc.tuple(fc.constantFrom(...PROTOTYPE_KEYS, "a".repeat(10_000)), valueFor(null)) },
  );
  const cases = fc.oneof(
    { weight: 5, arbitrary: fc.array(pair, { minLength: 1, maxLength: 5 }).map(get) },
    { weight: 1, arbitrary: fc.constantFrom("%", "%E0%A4%A", "a=%ZZ", "&&&", "=", "page=1&page=2&page=%00", "q=%00", "__proto__[x]=1").map((raw): RouteCase => ({ method: "GET", url: `${url}?${raw}`, about: `raw query ${raw}` })) },
  );
  const days = ["0000-01-01", "1899-12-31", "9999-12-31", "2026-02-30"];
  const sweep = keys.flatMap((k) => ["A NUL \u0000 inside", "x".repeat(HUGE), "\uD800", "__proto__", ...days, ...numbersNear(boundsOf(k))].map((v) => get([[k, v]])));
  return { cases, sweep };
}

/** Path parameters of every shape for one of `names`, the others kept as `base` has them. */
function paramCases(base: RouteCase, names: string[], extra: string[]): { cases: fc.Arbitrary<RouteCase>; sweep: RouteCase[] } {
  const values = [...NASTY_STRINGS, ...extra];
  const withParam = (name: string, value: string): RouteCase => ({ ...base, params: { ...base.params, [name]: value }, about: `${name}=${short(value)}` });
  const cases = fc.tuple(fc.constantFrom(...names), fc.oneof(fc.constantFrom(...values), fc.string({ unit: "binary", maxLength: 40 }))).map(([n, v]) => withParam(n, v));
  return { cases, sweep: names.flatMap((n) => values.map((v) => withParam(n, v))) };
}

function specs(w: FuzzWorld): Record<string, RouteSpec> {
  const ev = jsonCases(`${ORIGIN}/api/v1/evaluate`, assessmentInput);
  const rc = jsonCases(`${ORIGIN}/api/v1/review-checkins`, checkInInput);
  const rtm = jsonCases(`${ORIGIN}/api/v1/rtm-worksheet`, rtmInput);
  const caseload = queryCases(`${ORIGIN}/api/admin/caseload.csv`, (clinicCaseloadQuerySchema as unknown as { in: { shape: Record<string, unknown> } }).in, ["q", "clinician", "status", "flag", "verdict", "review", "sort", "dir", "page"]);
  const audit = queryCases(`${ORIGIN}/api/admin/audit.csv`, auditQuerySchema, Object.keys(auditQuerySchema.shape));
  const AUDITED: Record<string, Allowance> = { audit_events: "append" };
  // A served PDF may also store its render and evict superseded ones (ADR 0024): derived rows.
  const PDF_SERVED: Record<string, Allowance> = { ...AUDITED, pdf_renders: "any" };
  // A sign-in through Auth.js may count a failed attempt or, with the right password, open a session.
  const SIGN_IN: Record<string, Allowance> = { audit_events: "append", users: { columns: ["failed_login_count", "locked_until"] }, rate_limits: "any", sessions: "append" };
  const authPaths = ["session", "csrf", "providers", "signin", "signout", "error", "callback/credentials", "signin/credentials", "callback/github", "verify-request", "webauthn-options/x", "unknown", "", "..", "%00", "session/extra/segments"];
  const authGet: RouteCase = { method: "GET", url: `${ORIGIN}/api/auth/session`, about: "GET session" };
  const credentials = (fields: Array<[string, string]>, about: string, headers: Record<string, string> = {}): RouteCase => ({
    method: "POST",
    url: `${ORIGIN}/api/auth/callback/credentials`,
    body: new URLSearchParams(fields),
    headers: { "content-type": "application/x-www-form-urlencoded", origin: ORIGIN, ...headers },
    about,
  });
  const authPost = credentials([["email", w.admin.email], ["password", TEST_PASSWORD], ["csrfToken", "not-the-token"], ["callbackUrl", "/patients"]], "credentials without the CSRF token");
  const tokenBase: RouteCase = { method: "GET", url: `${ORIGIN}/p/${w.token}/pdf`, params: { token: w.token }, headers: { "x-loadwise-test-now": NOW }, about: "the patient's PDF" };
  const flip = (t: string) => `${t.slice(0, -1)}${t.endsWith("A") ? "B" : "A"}`;
  const tokens = paramCases(tokenBase, ["token"], [w.otherToken, flip(w.token), w.token.toLowerCase(), `${w.token} `, w.token.slice(1), `${w.token}=`]);
  const pdfParams = { patientId: w.patient.id, planId: w.plan.id };
  const pdfBase: RouteCase = { method: "GET", url: `${ORIGIN}/patients/${w.patient.id}/plans/${w.plan.id}/pdf`, params: pdfParams, about: "the clinician's PDF" };
  const pdfIds = paramCases(pdfBase, ["patientId", "planId"], [w.secondPatientId, w.otherClinicId, w.progressReview.id, w.plan.id.toUpperCase()]);
  // Each accepted PDF request renders a PDF (most of a second on a busy machine): a few of each kind.
  const versions = ["0", "1", "2", "-1", "1.5", "-0", "1e308", "2147483648", "9007199254740993", "NaN", "Infinity", "", "abc", "x".repeat(HUGE), "\u0000"].map((v): RouteCase => ({ ...pdfBase, url: `${pdfBase.url}?version=${encodeURIComponent(v.toWellFormed())}`, about: `version=${short(v)}` }));
  const printForm = (token: string): FormData => {
    const fd = new FormData();
    fd.append("token", token);
    return fd;
  };
  const pdfPost: RouteCase = { method: "POST", url: pdfBase.url, params: pdfParams, body: printForm(w.token), headers: { origin: ORIGIN }, about: "print with the link" };
  const postBodies = [
    ...["", "x".repeat(HUGE), "\u0000", w.otherToken, `${w.token.slice(0, -1)}A`, "__proto__"].map((t): RouteCase => ({ ...pdfPost, body: printForm(t), about: `token=${short(t)}` })),
    ...NASTY_BODIES.slice(0, 16).map((b): RouteCase => ({ ...pdfPost, body: b, headers: { origin: ORIGIN, "content-type": "multipart/form-data; boundary=zzz" }, about: `multipart body ${short(b)}` })),
    { ...pdfPost, body: "token=abc", headers: { origin: ORIGIN, "content-type": "application/x-www-form-urlencoded" }, about: "urlencoded token" },
    { ...pdfPost, headers: { origin: "https://evil.example" }, about: "cross-site" },
  ];

  const mediaBase: RouteCase = { method: "GET", url: `${ORIGIN}/api/exercise-media/${w.media.sha256}`, params: { sha256: w.media.sha256 }, about: "our exercise photo" };
  const mediaIds = paramCases(mediaBase, ["sha256"], [w.media.otherSha256, w.media.sha256.toUpperCase(), `${w.media.sha256}.jpg`, w.media.sha256.slice(1)]);
  const linkMediaBase: RouteCase = { method: "GET", url: `${ORIGIN}/p/${w.token}/media/${w.media.sha256}`, params: { token: w.token, sha256: w.media.sha256 }, headers: { "x-loadwise-test-now": NOW }, about: "our photo by the link" };
  const linkMedia = paramCases(linkMediaBase, ["token", "sha256"], [w.otherToken, flip(w.token), w.media.otherSha256, w.media.sha256.toUpperCase()]);

  // FHIR export (issue 17): nothing but the path ids to fuzz; an accepted request is audited.
  const fhirBase: RouteCase = { method: "GET", url: `${ORIGIN}/api/v1/patients/${w.patient.id}/fhir`, params: { patientId: w.patient.id }, about: "the patient's FHIR export" };
  const fhirIds = paramCases(fhirBase, ["patientId"], [w.secondPatientId, w.otherClinicId, w.plan.id, w.patient.id.toUpperCase()]);
  const fhirOneParams = { patientId: w.patient.id, assessmentId: w.finalAssessmentId };
  const fhirOneBase: RouteCase = { method: "GET", url: `${ORIGIN}/api/v1/patients/${w.patient.id}/assessments/${w.finalAssessmentId}/fhir`, params: fhirOneParams, about: "one assessment's FHIR export" };
  const fhirOneIds = paramCases(fhirOneBase, ["patientId", "assessmentId"], [w.secondPatientId, w.otherClinicId, w.plan.id, w.amendable.assessmentId]);
  const questionnaireBase: RouteCase = { method: "GET", url: `${ORIGIN}/api/v1/fhir/Questionnaire`, about: "the Questionnaire" };
  const questionnaireCases = ["?x=1", "?_format=xml", "?%00", `?q=${"x".repeat(HUGE)}`].map((q): RouteCase => ({ ...questionnaireBase, url: `${questionnaireBase.url}${q}`, about: `query ${short(q)}` }));

  return {
    "app/api/exercise-media/[sha256]/route.ts#GET": { handler: clinicianMedia.GET as unknown as Handler, actor: "clinician", base: mediaBase, ...mediaIds, allowed: {}, status: (s) => s === 200 || s === 304 || s === 404 },
    "app/p/[token]/media/[sha256]/route.ts#GET": { handler: patientMedia.GET as unknown as Handler, actor: null, base: linkMediaBase, ...linkMedia, allowed: {}, status: (s) => s === 200 || s === 304 || s === 404 },
    "app/api/v1/patients/[patientId]/fhir/route.ts#GET": { handler: patientFhir.GET as unknown as Handler, actor: "clinician", base: fhirBase, ...fhirIds, allowed: AUDITED, runs: Math.ceil(FUZZ_RUNS / 2) },
    "app/api/v1/patients/[patientId]/assessments/[assessmentId]/fhir/route.ts#GET": { handler: assessmentFhir.GET as unknown as Handler, actor: "clinician", base: fhirOneBase, ...fhirOneIds, allowed: AUDITED, runs: Math.ceil(FUZZ_RUNS / 2) },
    "app/api/v1/fhir/Questionnaire/route.ts#GET": { handler: questionnaireFhir.GET as unknown as Handler, actor: "clinician", base: questionnaireBase, cases: fc.constantFrom(...questionnaireCases), sweep: questionnaireCases, allowed: {} },
    "app/api/v1/evaluate/route.ts#POST": { handler: evaluate.POST as Handler, actor: "clinician", base: { method: "POST", url: `${ORIGIN}/api/v1/evaluate`, body: JSON.stringify(assessmentInput), about: "a vignette" }, ...ev, allowed: {} },
    "app/api/v1/review-checkins/route.ts#POST": { handler: reviewCheckins.POST as Handler, actor: "clinician", base: { method: "POST", url: `${ORIGIN}/api/v1/review-checkins`, body: JSON.stringify(checkInInput), about: "a vignette" }, ...rc, allowed: {} },
    "app/api/v1/rtm-worksheet/route.ts#POST": { handler: rtmWorksheetRoute.POST as Handler, actor: "clinician", base: { method: "POST", url: `${ORIGIN}/api/v1/rtm-worksheet`, body: JSON.stringify(rtmInput), about: "an episode" }, ...rtm, allowed: {} },
    "app/api/admin/caseload.csv/route.ts#GET": { handler: caseloadCsv.GET as Handler, actor: "admin", base: { method: "GET", url: `${ORIGIN}/api/admin/caseload.csv`, about: "(no query)" }, ...caseload, allowed: AUDITED, status: (s) => s === 200 },
    "app/api/admin/audit.csv/route.ts#GET": { handler: auditCsv.GET as Handler, actor: "admin", base: { method: "GET", url: `${ORIGIN}/api/admin/audit.csv`, about: "(no query)" }, ...audit, allowed: AUDITED, status: (s) => s === 200 },
    "app/api/auth/[...nextauth]/route.ts#GET": {
      handler: nextauth.GET as unknown as Handler,
      actor: null,
      base: authGet,
      cases: fc.tuple(fc.oneof(fc.constantFrom(...authPaths), fc.string({ unit: "binary-ascii", maxLength: 20 }).map(encodeURIComponent)), fc.constantFrom("", "?callbackUrl=https://evil.example", "?error=%00", `?x=${"y".repeat(10_000)}`, "?csrf=true&csrf=false")).map(([p, q]): RouteCase => ({ method: "GET", url: `${ORIGIN}/api/auth/${p}${q}`, about: `GET ${p}${q.slice(0, 40)}` })),
      sweep: authPaths.map((p): RouteCase => ({ method: "GET", url: `${ORIGIN}/api/auth/${p}`, about: `GET ${p}` })),
      allowed: SIGN_IN,
      runs: Math.ceil(FUZZ_RUNS / 2),
      tolerate: AUTHJS_REFUSALS,
    },
    "app/api/auth/[...nextauth]/route.ts#POST": {
      handler: nextauth.POST as unknown as Handler,
      actor: null,
      base: authPost,
      cases: fc.oneof(
        fc.tuple(fc.constantFrom("email", "password", "csrfToken", "callbackUrl", "redirect", "json", ...PROTOTYPE_KEYS), valueFor(null)).map(([k, v]) => credentials([["email", w.admin.email], ["password", "wrong"], [k, v]], `${k}=${short(v)}`)),
        fc.tuple(fc.constantFrom(...authPaths), fc.constantFrom(...NASTY_BODIES.slice(0, 18)), fc.constantFrom("application/x-www-form-urlencoded", "application/json", "text/plain")).map(([p, b, t]): RouteCase => ({ method: "POST", url: `${ORIGIN}/api/auth/${p}`, body: b, headers: { "content-type": t, origin: ORIGIN }, about: `POST ${p} (${t}) ${short(b)}` })),
      ),
      sweep: [
        ...authPaths.map((p): RouteCase => ({ method: "POST", url: `${ORIGIN}/api/auth/${p}`, body: "", headers: { "content-type": "application/x-www-form-urlencoded", origin: ORIGIN }, about: `POST ${p}` })),
        credentials([["email", w.admin.email]], "cross-site", { origin: "https://evil.example" }),
        credentials([["email", "x".repeat(HUGE)], ["password", "y".repeat(HUGE)]], "huge credentials"),
        credentials([["email", w.admin.email], ["email", w.clinician.email], ["password", TEST_PASSWORD]], "email twice"),
      ],
      allowed: SIGN_IN,
      runs: Math.ceil(FUZZ_RUNS / 2),
      tolerate: AUTHJS_REFUSALS,
    },
    "app/p/[token]/pdf/route.ts#GET": {
      handler: patientPdf.GET as unknown as Handler,
      actor: null,
      base: tokenBase,
      cases: fc.oneof(tokens.cases, fc.constantFrom("not a date", "9999-12-31T00:00:00Z", "0000-01-01T00:00:00Z", "2027-06-01T00:00:00Z", "").map((now): RouteCase => ({ ...tokenBase, headers: { "x-loadwise-test-now": now }, about: `now=${short(now)}` }))),
      sweep: tokens.sweep,
      allowed: PDF_SERVED, // an opened link is audited
      runs: Math.ceil(FUZZ_RUNS / 2),
    },
    "app/(clinic)/patients/[patientId]/plans/[planId]/pdf/route.ts#GET": {
      handler: clinicianPdf.GET as unknown as Handler,
      actor: "clinician",
      base: pdfBase,
      cases: fc.oneof(pdfIds.cases, fc.constantFrom(...versions)),
      sweep: [...pdfIds.sweep, ...versions],
      allowed: PDF_SERVED,
      runs: Math.ceil(FUZZ_RUNS / 2),
    },
    "app/(clinic)/patients/[patientId]/plans/[planId]/pdf/route.ts#POST": {
      handler: clinicianPdf.POST as unknown as Handler,
      actor: "clinician",
      base: pdfPost,
      cases: fc.oneof(fc.constantFrom(...postBodies), pdfIds.cases.map((c): RouteCase => ({ ...pdfPost, params: c.params, about: c.about }))),
      sweep: postBodies,
      allowed: PDF_SERVED,
      runs: Math.ceil(FUZZ_RUNS / 2),
    },
  };
}

let world: FuzzWorld;
let harness: FuzzHarness;
let all: Record<string, RouteSpec>;

beforeAll(async () => {
  handle = await openTestDb();
  world = await seedFuzzWorld(handle.db);
  const shared = !!process.env.TEST_DATABASE_URL;
  harness = new FuzzHarness({ db: () => handle.db, setDb: (tx) => (current.db = tx), tables: await listTables(handle.db), clinicIds: shared ? [world.clinic.id, world.otherClinicId] : null });
  all = specs(world);
});
afterAll(async () => {
  if (harness) console.log(harness.summary("route handlers", Object.keys(all ?? {}).length));
  await handle?.close();
});

async function send(key: string, s: RouteSpec, c: RouteCase) {
  const r = await harness.run(
    key,
    s.allowed,
    () => {
      current.actor = s.actor === "admin" ? world.adminActor : s.actor === "clinician" ? world.clinicianActor : null;
      const req = new NextRequest(c.url, { method: c.method, body: c.body, headers: { ...requestHeaders, ...c.headers } });
      return routeOutcome(() => s.handler(req, { params: Promise.resolve(c.params ?? {}) }));
    },
    false,
    { always: true, tolerate: s.tolerate },
  );
  const why = (): string | null => {
    if (r.outcome.kind === "unexpected") return r.outcome.detail;
    if (s.status && !s.status(Number(r.outcome.detail.split(" ")[0]))) return `answered ${r.outcome.detail}`;
    if (r.changes.length) return `answered ${r.outcome.detail} but wrote: ${r.changes.join("; ")}`;
    return null;
  };
  return { why: why(), outcome: r.outcome };
}

describe("fuzzed route handlers", () => {
  it("every route handler has a fuzz spec", () => {
    const found = listRouteHandlers();
    expect(found.length, "the source parser found the routes").toBeGreaterThan(5);
    expect(found.filter((k) => !(k in all)), "route handlers without a fuzz spec").toEqual([]);
    expect(Object.keys(all).filter((k) => !found.includes(k)), "specs for routes that no longer exist").toEqual([]);
  });

  it("each route answers its ordinary request without an error: the fuzz starts from a real target", async () => {
    const bad: string[] = [];
    for (const [key, s] of Object.entries(all)) {
      const { why, outcome } = await send(key, s, s.base);
      if (why || outcome.kind !== "accepted") bad.push(`${key}: ${why ?? outcome.detail}`);
    }
    expect(bad).toEqual([]);
  });

  // One test per route handler (named from the source, so each has its own time limit and report):
  // the fixed hostile requests, then random ones.
  for (const key of listRouteHandlers()) {
    it(`${key}: hostile requests never answer 5xx or write beyond an audited read`, async () => {
      const s = all[key];
      expect(s, "a fuzz spec").toBeDefined();
      const failures: string[] = [];
      for (const c of s!.sweep) {
        const { why } = await send(key, s!, c);
        if (why) failures.push(`${why}\n    counterexample: ${c.method} ${c.about}`);
      }
      try {
        await fc.assert(
          fc.asyncProperty(
            s!.cases.map((c) => printable(c, (x) => `${x.method} ${x.about}`)),
            async (c) => {
              const { why } = await send(key, s!, c);
              if (why) throw new Error(why);
            },
          ),
          { seed: FUZZ_SEED, numRuns: s!.runs ?? FUZZ_RUNS, endOnFailure: true, includeErrorInReport: true },
        );
      } catch (err) {
        failures.push(err instanceof Error ? err.message : String(err));
      }
      expect(failures.join("\n")).toBe("");
    });
  }
});
