import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { auditEvents, clinics, pdfRenders } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { actorFor, makeClinic, makeUser, openTestDb } from "../support/test-db";
import { seedFinalAssessment } from "./plan-support";

// Issue 16: a published plan's PDF is rendered once per printed model and renderer version
// (ADR 0024), served with a strong ETag, and every access is still checked and audited.
let handle: Awaited<ReturnType<typeof openTestDb>>;
const current: { actor: Actor | null } = { actor: null };
vi.mock("@/lib/auth/require-user", () => ({ getActor: async () => current.actor }));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));
vi.mock("@/db/client", async (orig) => ({ ...(await orig<object>()), getDb: async () => handle.db }));
let ip = "203.0.113.160";
process.env.LOADWISE_CLIENT_ADDRESS_FROM_SERVER = "1";
vi.mock("next/headers", () => ({ headers: async () => new Headers({ host: "app.test", "x-loadwise-client-address": ip, "user-agent": "phone" }) }));
// Counts real renders, so "served from the store" is observed, not assumed.
const renders = { plan: 0, withheld: 0 };
vi.mock("@/lib/pdf/render-plan-pdf", async (orig) => {
  const m = await orig<typeof import("@/lib/pdf/render-plan-pdf")>();
  return {
    ...m,
    renderPlanPdf: async (...a: Parameters<typeof m.renderPlanPdf>) => (renders.plan++, m.renderPlanPdf(...a)),
    renderWithheldPdf: async (...a: Parameters<typeof m.renderWithheldPdf>) => (renders.withheld++, m.renderWithheldPdf(...a)),
  };
});

const { createPlan } = await import("@/lib/plans/create-plan");
const { publishPlan } = await import("@/lib/plans/publish-plan");
const { revokePatientLink } = await import("@/lib/plans/revoke-patient-link");
const { setPlanPosition } = await import("@/lib/plans/set-plan-position");
const { findVersion } = await import("@/lib/plans/internal");
const { GET: patientPdf } = await import("@/app/p/[token]/pdf/route");
const clinicianRoute = await import("@/app/(clinic)/patients/[patientId]/plans/[planId]/pdf/route");
const renderKey = await import("@/lib/pdf/render-key");

const ORIGIN = "http://app.test";
beforeAll(async () => {
  handle = await openTestDb();
});
afterAll(() => handle.close());

let n = 0;
async function published() {
  ip = `198.51.100.${160 + ++n}`;
  const s = await seedFinalAssessment(handle.db);
  const { plan } = await createPlan(handle.db, s.actor, s);
  const r = await publishPlan(handle.db, s.actor, { patientId: s.patientId, planId: plan.id, version: 1 });
  return { ...s, plan, planId: plan.id, token: r.link!.path.slice(3) };
}

const fromLink = (token: string, etag?: string) =>
  patientPdf(new Request(`${ORIGIN}/p/${token}/pdf`, { headers: { host: "app.test", "x-loadwise-client-address": ip, ...(etag ? { "if-none-match": etag } : {}) } }), {
    params: Promise.resolve({ token }),
  });

const fromClinic = (actor: Actor, s: { patientId: string; planId: string }, etag?: string) => {
  current.actor = actor;
  return clinicianRoute.GET(new Request(`${ORIGIN}/patients/${s.patientId}/plans/${s.planId}/pdf`, { headers: { host: "app.test", ...(etag ? { "if-none-match": etag } : {}) } }), {
    params: Promise.resolve({ patientId: s.patientId, planId: s.planId }),
  });
};

const bytesOf = async (r: Response) => Buffer.from(await r.arrayBuffer());
const eventsOf = async (clinicId: string, action: string) =>
  (await handle.db.select().from(auditEvents).where(and(eq(auditEvents.clinicId, clinicId), eq(auditEvents.action, action)))).length;
const storedFor = (clinicId: string, planId: string) => handle.db.select().from(pdfRenders).where(and(eq(pdfRenders.clinicId, clinicId), eq(pdfRenders.planId, planId)));

describe("published PDF store", () => {
  it("renders the patient's PDF once: same bytes and ETag again, 304 on If-None-Match, each access audited", async () => {
    const s = await published();
    const before = renders.plan;
    const first = await fromLink(s.token);
    expect(first.status).toBe(200);
    const etag = first.headers.get("etag")!;
    expect(etag).toMatch(/^"[A-Za-z0-9_-]{43}"$/);
    const a = await bytesOf(first);
    expect(a.subarray(0, 5).toString()).toBe("%PDF-");
    expect(etag).toBe(renderKey.strongEtag(a));

    const second = await fromLink(s.token);
    expect(second.headers.get("etag")).toBe(etag);
    expect((await bytesOf(second)).equals(a)).toBe(true);

    const notModified = await fromLink(s.token, etag);
    expect(notModified.status).toBe(304);
    expect(notModified.headers.get("etag")).toBe(etag);
    expect((await notModified.arrayBuffer()).byteLength).toBe(0);
    expect((await fromLink(s.token, '"something-else"')).status).toBe(200);

    expect(renders.plan - before).toBe(1);
    expect(await eventsOf(s.clinic.id, "plan_link.pdf")).toBe(4);
    expect(await storedFor(s.clinic.id, s.planId)).toHaveLength(1);
  });

  it("the clinician's download is stored too, audited on every hit, and another clinic gets 404 even when stored", async () => {
    const s = await published();
    const before = renders.plan;
    const first = await fromClinic(s.actor, s);
    expect(first.status).toBe(200);
    const etag = first.headers.get("etag")!;
    const again = await fromClinic(s.actor, s, etag);
    expect(again.status).toBe(304);
    expect(renders.plan - before).toBe(1);
    expect(await eventsOf(s.clinic.id, "plan.pdf")).toBe(2);

    const other = await makeClinic(handle.db);
    const stranger = actorFor(await makeUser(handle.db, other.id));
    expect((await fromClinic(stranger, s)).status).toBe(404);
    expect((await fromClinic(stranger, s, etag)).status).toBe(404);
    expect(await eventsOf(s.clinic.id, "plan.pdf")).toBe(2);
  });

  it("a settings change, a stage change or a renderer upgrade gives a new render", async () => {
    const s = await published();
    const a = await fromLink(s.token);
    const etagA = a.headers.get("etag")!;
    const before = renders.plan;

    await handle.db.update(clinics).set({ settings: { paperSize: "LETTER" } }).where(eq(clinics.id, s.clinic.id));
    const letter = await fromLink(s.token);
    const etagB = letter.headers.get("etag")!;
    expect(etagB).not.toBe(etagA);
    expect((await bytesOf(letter)).toString("latin1")).toMatch(/\/MediaBox \[0 0 612 792\]/);
    // The old ETag no longer answers 304: the patient gets the new pages.
    expect((await fromLink(s.token, etagA)).status).toBe(200);

    const version = await findVersion(handle.db, s.clinic.id, s.planId, 1);
    const stage = version.content.stages[1]!;
    await setPlanPosition(handle.db, { clinicId: s.clinic.id, userId: s.user.id }, { planId: s.planId, patientId: s.patientId, content: version.content, source: "edit", stageKey: stage.key, startedOn: "2026-01-05" });
    const moved = await fromLink(s.token);
    expect(moved.headers.get("etag")).not.toBe(etagB);
    expect(renders.plan - before).toBe(2);

    // The renderer's version is part of every key.
    const model = { any: "model" };
    expect(renderKey.pdfRenderKey("plan", model)).not.toBe(renderKey.pdfRenderKey("plan", model, `${renderKey.PDF_RENDERER_VERSION}+1`));
  });

  it("a revoked link is 404 even though its PDF is stored", async () => {
    const s = await published();
    const ok = await fromLink(s.token);
    const etag = ok.headers.get("etag")!;
    expect(await storedFor(s.clinic.id, s.planId)).toHaveLength(1);
    await revokePatientLink(handle.db, s.actor, { patientId: s.patientId, planId: s.planId });
    expect((await fromLink(s.token)).status).toBe(404);
    expect((await fromLink(s.token, etag)).status).toBe(404);
  });

  it("keeps only the newest renders of a plan", async () => {
    const s = await published();
    const before = renders.plan;
    for (const [i, paperSize] of (["LETTER", "A4", "LETTER", "A4", "LETTER", "A4"] as const).entries()) {
      await handle.db.update(clinics).set({ settings: { paperSize, contactPhone: `0100 00000${i}` } }).where(eq(clinics.id, s.clinic.id));
      expect((await fromLink(s.token)).status).toBe(200);
    }
    expect(renders.plan - before).toBe(6);
    const kept = await storedFor(s.clinic.id, s.planId);
    expect(kept).toHaveLength(4);
    // The newest one (the settings as they are now) is among those kept: it is served without a render.
    expect((await fromLink(s.token)).status).toBe(200);
    expect(renders.plan - before).toBe(6);
  });
});

describe("the clinic's own photos in the published PDF and on the patient's page (ADR 0028)", () => {
  it("uploading a photo for an exercise the plan prints makes a new render that embeds it; the page points at it under the link", async () => {
    const { saveExerciseMedia } = await import("@/lib/exercise-media/save-exercise-media");
    const { saveExerciseMediaSchema } = await import("@/lib/validation/exercise-media");
    const { png } = await import("../support/test-images");
    const { EXERCISE_LIBRARY } = await import("@/lib/plans/exercise-library");
    const { default: PatientPlanPage } = await import("@/app/p/[token]/page");
    const { renderToStaticMarkup } = await import("react-dom/server");
    const s = await published();
    const version = await findVersion(handle.db, s.clinic.id, s.planId, 1);
    const inPlan = (version.content as { stages: Array<{ strength: Array<{ exercise: string }> }> }).stages.flatMap((st) => st.strength.map((x) => x.exercise));
    const exerciseName = inPlan.find((n) => EXERCISE_LIBRARY.some((e) => e.name === n))!;
    expect(exerciseName).toBeTruthy();

    const before = await fromLink(s.token);
    const etagBefore = before.headers.get("etag")!;
    const withoutPhoto = await bytesOf(before);

    const input = saveExerciseMediaSchema.parse({ exerciseName, version: "", alt: `Our photo of the ${exerciseName}`, videoUrl: "https://videos.example.com/clip" });
    await saveExerciseMedia(handle.db, s.actor, input, await png(900, 600));
    const after = await fromLink(s.token);
    expect(after.headers.get("etag")).not.toBe(etagBefore);
    const withPhoto = await bytesOf(after);
    // The photo is embedded as an image XObject, which the drawing-only PDF has none of.
    expect(withPhoto.toString("latin1")).toMatch(/\/Subtype\s*\/Image/);
    expect(withoutPhoto.toString("latin1")).not.toMatch(/\/Subtype\s*\/Image/);

    const html = renderToStaticMarkup(await PatientPlanPage({ params: Promise.resolve({ token: s.token }) }));
    expect(html).toContain(`/p/${s.token}/media/`);
    expect(html).toContain(`Our photo of the ${exerciseName}`);
    expect(html).toContain("https://videos.example.com/clip");
  });
});
