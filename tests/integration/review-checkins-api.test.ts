import { readFileSync } from "node:fs";
import path from "node:path";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { clinics } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { actorFor, makeClinic, makeUser, openTestDb } from "../support/test-db";

const current: { actor: Actor | null } = { actor: null };
vi.mock("@/lib/auth/require-user", () => ({ getActor: async () => current.actor }));
let handle: Awaited<ReturnType<typeof openTestDb>>;
vi.mock("@/db/client", async (orig) => ({ ...(await orig<object>()), getDb: async () => handle.db }));

const { POST } = await import("@/app/api/v1/review-checkins/route");
type Case = { id: string; input: Record<string, unknown>; expect: { suggestion?: string; nextStageKey?: string } };
const cases = (
  JSON.parse(readFileSync(path.join(import.meta.dirname, "../../lib/clinical/fixtures/checkin-vignettes.json"), "utf8")) as { cases: Case[] }
).cases;
const byId = (id: string) => cases.find((c) => c.id === id)!;

const call = (body: unknown) =>
  POST(new Request("http://test/api/v1/review-checkins", { method: "POST", body: typeof body === "string" ? body : JSON.stringify(body) }), {
    params: Promise.resolve({}),
  });

let clinicId: string;
beforeAll(async () => {
  handle = await openTestDb();
});
afterAll(() => handle.close());
beforeEach(async () => {
  clinicId = (await makeClinic(handle.db)).id;
  current.actor = actorFor(await makeUser(handle.db, clinicId));
});

describe("POST /api/v1/review-checkins", () => {
  it("401 when signed out", async () => {
    current.actor = null;
    expect((await call(byId("green-week-progress").input)).status).toBe(401);
  });

  it("reviews a vignette for a clinician: 200 with the expected suggestion and next stage", async () => {
    const v = byId("green-week-progress");
    const res = await call(v.input);
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("no-store");
    const body = (await res.json()) as { suggestion: string; next: { stageKey: string }; rulesetVersion: string; reasons: unknown[] };
    expect(body.suggestion).toBe("progress");
    expect(body.next.stageKey).toBe(v.expect.nextStageKey);
    expect(body.rulesetVersion).toMatch(/\d/);
    expect(body.reasons.length).toBeGreaterThan(0);
  });

  it("an admin may call it too", async () => {
    current.actor = actorFor(await makeUser(handle.db, clinicId, { role: "admin" }));
    expect((await call(byId("urgent-saddle").input)).status).toBe(200);
  });

  it("422 with every field error by contract path", async () => {
    const bad = structuredClone(byId("red-pain-during").input) as { stage: { key: string }; checkIns: { date: string; painDuringNrs: number }[] };
    bad.stage.key = "sprint";
    bad.checkIns[0]!.date = "2027-01-01";
    bad.checkIns[2]!.painDuringNrs = 12;
    const res = await call(bad);
    expect(res.status).toBe(422);
    const body = (await res.json()) as { error: { code: string; fieldErrors: Array<{ path: string }> } };
    expect(body.error.code).toBe("invalid:checkin_review_input");
    expect(body.error.fieldErrors.map((e) => e.path)).toEqual(expect.arrayContaining(["stage.key", "checkIns.0.date", "checkIns.2.painDuringNrs"]));
  });

  it("400 for malformed JSON, never a 500", async () => {
    expect((await call("{not json")).status).toBe(400);
  });

  it("an array gives an array in the same order; an invalid element makes it 422 with items in place", async () => {
    const some = cases.slice(0, 4);
    const ok = await call(some.map((c) => c.input));
    expect(ok.status).toBe(200);
    expect(((await ok.json()) as Array<{ suggestion: string }>).map((b) => b.suggestion)).toEqual(some.map((c) => c.expect.suggestion));
    const mixed = await call([some[0]!.input, { contractVersion: 1 }]);
    expect(mixed.status).toBe(422);
    const body = (await mixed.json()) as { items: Array<{ suggestion?: string; error?: unknown }> };
    expect(body.items[0]!.suggestion).toBe("progress");
    expect(body.items[1]!.error).toBeTruthy();
  });

  it("the clinic's own pain limit applies", async () => {
    await handle.db.update(clinics).set({ settings: { engine: { painAcceptableMax: 6 } } }).where(eq(clinics.id, clinicId));
    const res = await call(byId("red-pain-during").input); // one run at 6/10: amber under this clinic's limit
    expect(res.status).toBe(200);
    expect(((await res.json()) as { suggestion: string }).suggestion).toBe("hold");
  });
});
