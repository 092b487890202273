import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { actorFor, makeClinic, makeUser, openTestDb } from "../support/test-db";

const current: { actor: Actor | null } = { actor: null };
vi.mock("@/lib/auth/require-user", () => ({ getActor: async () => current.actor }));
let handle: Awaited<ReturnType<typeof openTestDb>>;
vi.mock("@/db/client", async (orig) => ({ ...(await orig<object>()), getDb: async () => handle.db }));

const { POST } = await import("@/app/api/v1/evaluate/route");
const vignettes = JSON.parse(readFileSync(path.join(import.meta.dirname, "../../lib/clinical/fixtures/vignettes.json"), "utf8")) as Array<{
  id: string;
  input: Record<string, unknown>;
  expect: { verdict?: string };
}>;

const call = (body: unknown) =>
  POST(new Request("http://test/api/v1/evaluate", { method: "POST", body: typeof body === "string" ? body : JSON.stringify(body) }), {
    params: Promise.resolve({}),
  });

beforeAll(async () => {
  handle = await openTestDb();
});
afterAll(() => handle.close());
beforeEach(async () => {
  current.actor = actorFor(await makeUser(handle.db, (await makeClinic(handle.db)).id));
});

describe("POST /api/v1/evaluate", () => {
  it("401 when signed out", async () => {
    current.actor = null;
    const res = await call(vignettes[0]!.input);
    expect(res.status).toBe(401);
  });

  it("evaluates a vignette to its expected verdict", async () => {
    const v = vignettes.find((x) => x.id === "runner-knee-weak-calves")!;
    const res = await call(v.input);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { verdict: string; rulesetVersion: string; reasons: unknown[] };
    expect(body.verdict).toBe(v.expect.verdict);
    expect(body.rulesetVersion).toMatch(/\d/);
    expect(body.reasons.length).toBeGreaterThan(0);
  });

  it("422 with every field error by contract path", async () => {
    const res = await call({ contractVersion: 1, patient: { ageYears: 4 }, sport: { primary: "golf" }, symptoms: { painNowNrs: 11 } });
    expect(res.status).toBe(422);
    const body = (await res.json()) as { error: { fieldErrors: Array<{ path: string }> } };
    const paths = body.error.fieldErrors.map((e) => e.path);
    expect(paths).toEqual(expect.arrayContaining(["patient.ageYears", "sport.primary", "symptoms.painNowNrs"]));
  });

  it("400 for malformed JSON, never a 500", async () => {
    expect((await call("{not json")).status).toBe(400);
  });

  it("413 for a batch over the item limit, and for a body over the byte limit, before any evaluation", async () => {
    const { MAX_BATCH_ITEMS, MAX_JSON_BYTES } = await import("@/lib/auth/authed-route");
    const many = await call(Array.from({ length: MAX_BATCH_ITEMS + 1 }, () => vignettes[0]!.input));
    expect(many.status).toBe(413);
    expect(((await many.json()) as { error: { message: string } }).error.message).toContain(String(MAX_BATCH_ITEMS));
    const atLimit = await call(Array.from({ length: 2 }, () => vignettes[0]!.input));
    expect(atLimit.status).toBe(200);
    const huge = await call(JSON.stringify({ padding: "x".repeat(MAX_JSON_BYTES) }));
    expect(huge.status).toBe(413);
  });

  it("an array gives an array in the same order", async () => {
    const exact = vignettes.filter((v) => v.expect.verdict).slice(0, 3);
    expect(exact).toHaveLength(3);
    const res = await call(exact.map((v) => v.input));
    expect(res.status).toBe(200);
    const body = (await res.json()) as Array<{ verdict: string }>;
    expect(body.map((b) => b.verdict)).toEqual(exact.map((v) => v.expect.verdict));
  });
});
