import { randomBytes } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { assessmentAmendments, assessments, auditEvents, planLinks } from "@/db/schema";
import { openTestDb } from "../support/test-db";
import { seedFinalAssessment } from "./plan-support";

// The patient's link from outside: no session, the token is the credential. Wrong, expired and
// revoked tokens must look exactly alike, and every request counts against a database limit.
let handle: Awaited<ReturnType<typeof openTestDb>>;
vi.mock("@/db/client", async (orig) => ({ ...(await orig<object>()), getDb: async () => handle.db }));
let ip = "203.0.113.1";
// As the app server (scripts/server.mjs) hands it over: the address decided at the socket.
process.env.LOADWISE_CLIENT_ADDRESS_FROM_SERVER = "1";
vi.mock("next/headers", () => ({ headers: async () => new Headers({ host: "app.test", "x-loadwise-client-address": ip, "user-agent": "phone" }) }));

const { createPlan } = await import("@/lib/plans/create-plan");
const { publishPlan } = await import("@/lib/plans/publish-plan");
const { issueLinkIn } = await import("@/lib/plans/issue-patient-link");
const { revokePatientLink } = await import("@/lib/plans/revoke-patient-link");
const { hitRateLimit } = await import("@/lib/rate-limit/hit-rate-limit");
const { openPatientLink } = await import("@/lib/plans/open-patient-link");
const { buildReportModel } = await import("@/lib/pdf/report-model");
const { GET: pdfGET } = await import("@/app/p/[token]/pdf/route");
const PatientPage = (await import("@/app/p/[token]/page")).default;

beforeAll(async () => {
  handle = await openTestDb();
});
afterAll(() => handle.close());

let n = 0;
/** Each test comes from its own address so the rate limit of one does not touch another. */
const freshIp = () => (ip = `198.51.100.${++n}`);

async function published() {
  const s = await seedFinalAssessment(handle.db);
  const { plan } = await createPlan(handle.db, s.actor, s);
  const r = await publishPlan(handle.db, s.actor, { patientId: s.patientId, planId: plan.id, version: 1 });
  const token = r.link!.path.slice(3);
  return { ...s, plan, token };
}

const pdfReq = (token: string) =>
  pdfGET(new Request(`http://app.test/p/${token}/pdf`, { headers: { host: "app.test", "x-loadwise-client-address": ip } }), { params: Promise.resolve({ token }) });

/** The page's answer: "ok" with its HTML props, or the digest Next uses for notFound(). */
async function pageOutcome(token: string) {
  try {
    await PatientPage({ params: Promise.resolve({ token }) });
    return "ok";
  } catch (e) {
    return (e as { digest?: string }).digest ?? String(e);
  }
}

describe("patient link", () => {
  it("opens the published plan and its PDF, audited with no acting user", async () => {
    freshIp();
    const s = await published();
    expect(await pageOutcome(s.token)).toBe("ok");
    const res = await pdfReq(s.token);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/pdf");
    expect(Buffer.from(await res.arrayBuffer()).subarray(0, 5).toString()).toBe("%PDF-");
    const events = await handle.db.select().from(auditEvents).where(and(eq(auditEvents.clinicId, s.clinic.id), eq(auditEvents.entityType, "plan_link")));
    const views = events.filter((e) => e.action === "plan_link.view" || e.action === "plan_link.pdf");
    expect(views.map((e) => e.action).sort()).toEqual(["plan_link.pdf", "plan_link.view"]);
    expect(views.every((e) => e.actorUserId === null && e.patientId === s.patientId && e.ip === ip)).toBe(true);
  });

  it("answers wrong, malformed, expired and revoked tokens with the same plain 404", async () => {
    freshIp();
    const s = await published();
    const wrong = randomBytes(16).toString("base64url");
    const malformed = "not-a-token";
    // An expired link: issued 91 days ago with the default 90 days.
    const expired = await handle.db.transaction((tx) => issueLinkIn(tx, s.actor, s.plan, 90, new Date(Date.now() - 91 * 86_400_000)));
    const live = await published();
    await revokePatientLink(handle.db, live.actor, { patientId: live.patientId, planId: live.plan.id });

    const bodies = new Set<string>();
    for (const t of [wrong, malformed, expired.token, live.token /* revoked */, s.token /* revoked by the re-issue */]) {
      const res = await pdfReq(t);
      expect(res.status, t).toBe(404);
      bodies.add(`${res.status} ${res.headers.get("content-type")} ${await res.text()}`);
      expect(await pageOutcome(t)).toBe("NEXT_HTTP_ERROR_FALLBACK;404");
    }
    // One answer for all: nothing tells a guessed token from a dead one.
    expect(bodies.size).toBe(1);
    expect([...bodies][0]).not.toMatch(/expired|revoked|clinic|patient/i);
  });

  it("an expired link, found by its own expiry rather than revocation, is refused", async () => {
    freshIp();
    const s = await published();
    await handle.db.update(planLinks).set({ expiresAt: new Date(Date.now() - 1000), createdAt: new Date(Date.now() - 5000) }).where(eq(planLinks.planId, s.plan.id));
    expect((await pdfReq(s.token)).status).toBe(404);
  });

  it("tells the patient their stage in km and hours of their own usual week, as the assessment says it now", async () => {
    const s = await published();
    const meta = { ip: null, userAgent: null, purpose: "view" as const, origin: "http://app.test" };
    const howMuch = async () => {
      const opened = await openPatientLink(handle.db, s.token, meta);
      return buildReportModel(opened!.report!).stages[0]!.facts.find((f) => f.label === "How much")!.value;
    };
    // The sample runner: 30 km and 4 hours a usual week; stage 1 is 60-80 % of it.
    expect(await howMuch()).toBe("60-80 % of your usual week: about 18–24 km of running and 2 h 25 min to 3 h 10 min of training in all");
    // A corrected usual week is the one to aim by.
    const [a] = await handle.db.select().from(assessments).where(eq(assessments.id, s.assessmentId));
    const input = { ...a!.input!, load: { runKmPerWeekUsual: 60, hoursPerWeekUsual: 7 } };
    await handle.db.insert(assessmentAmendments).values({
      clinicId: s.clinic.id,
      assessmentId: s.assessmentId,
      seq: 1,
      reason: "Usual week was typed as this week's",
      step: 1,
      draft: {},
      input,
      evaluation: a!.evaluation!,
      rulesetVersion: a!.rulesetVersion!,
      createdBy: s.user.id,
    });
    expect(await howMuch()).toBe("60-80 % of your usual week: about 36–48 km of running and 4 h 10 min to 5 h 35 min of training in all");
  });

  it("keeps the percentage alone when the assessment has no usual week", async () => {
    const s = await seedFinalAssessment(handle.db, "lifter-acute-back-tweak");
    const { plan } = await createPlan(handle.db, s.actor, s);
    const r = await publishPlan(handle.db, s.actor, { patientId: s.patientId, planId: plan.id, version: 1 });
    const opened = await openPatientLink(handle.db, r.link!.path.slice(3), { ip: null, userAgent: null, purpose: "view", origin: "http://app.test" });
    expect(opened!.report!.usualWeek).toBeNull();
    const value = buildReportModel(opened!.report!).stages[0]!.facts.find((f) => f.label === "How much")!.value;
    expect(value).toMatch(/^\d+-\d+ % of your usual training time \(what you do in an ordinary week\)$/);
  });
});

describe("rate limit counter", () => {
  it("counts within a fixed window and starts again in the next", async () => {
    const key = `test:${randomBytes(4).toString("hex")}`;
    const t0 = new Date("2026-01-01T00:00:00Z");
    const hits = [];
    for (let i = 0; i < 3; i++) hits.push(await hitRateLimit(handle.db, key, { limit: 2, windowSeconds: 60, now: new Date(t0.getTime() + i * 1000) }));
    expect(hits.map((h) => [h.count, h.allowed])).toEqual([
      [1, true],
      [2, true],
      [3, false],
    ]);
    const next = await hitRateLimit(handle.db, key, { limit: 2, windowSeconds: 60, now: new Date(t0.getTime() + 61_000) });
    expect([next.count, next.allowed]).toEqual([1, true]);
  });

  it("is atomic under concurrent hits", async () => {
    const key = `test:${randomBytes(4).toString("hex")}`;
    const now = new Date();
    const all = await Promise.all(Array.from({ length: 20 }, () => hitRateLimit(handle.db, key, { limit: 100, windowSeconds: 60, now })));
    expect(all.map((h) => h.count).sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
  });
});
