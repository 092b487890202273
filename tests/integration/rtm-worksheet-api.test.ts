import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { rtmWorksheet, type RtmWorksheetInput } from "@/lib/rtm";
import { actorFor, makeClinic, makeUser, openTestDb } from "../support/test-db";

const current: { actor: Actor | null } = { actor: null };
vi.mock("@/lib/auth/require-user", () => ({ getActor: async () => current.actor }));
let handle: Awaited<ReturnType<typeof openTestDb>>;
vi.mock("@/db/client", async (orig) => ({ ...(await orig<object>()), getDb: async () => handle.db }));

const { POST } = await import("@/app/api/v1/rtm-worksheet/route");

const input: RtmWorksheetInput = {
  contractVersion: 1,
  today: "2026-03-20",
  episode: { startedOn: "2026-03-01" },
  dataDays: ["2026-03-02", "2026-03-03", "2026-03-03"],
  timeLog: [{ date: "2026-03-05", minutes: 12, interactive: true, by: "pt" }],
};
const call = (body: unknown) =>
  POST(new Request("http://test/api/v1/rtm-worksheet", { method: "POST", body: typeof body === "string" ? body : JSON.stringify(body) }), { params: Promise.resolve({}) });

beforeAll(async () => {
  handle = await openTestDb();
});
afterAll(() => handle.close());
beforeEach(async () => {
  current.actor = actorFor(await makeUser(handle.db, (await makeClinic(handle.db)).id));
});

describe("POST /api/v1/rtm-worksheet", () => {
  it("401 when signed out", async () => {
    current.actor = null;
    expect((await call(input)).status).toBe(401);
  });

  it("200: the same worksheet as the pure function", async () => {
    const res = await call(input);
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body).toEqual(rtmWorksheet(input));
    expect(body.windows[0]).toMatchObject({ dataDays: 2, supplyCode: "98985", complete: false, canStillReach16: false }); // 2 + 11 days left < 16
    expect(body.months[0].codes).toEqual([{ code: "98979", units: 1 }]);
  });

  it("422 with every field error by contract path", async () => {
    const res = await call({ ...input, today: "2026-02-30", timeLog: [{ date: "2026-03-05", minutes: 0, interactive: true, by: "ot" }] });
    expect(res.status).toBe(422);
    const body = (await res.json()) as { error: { fieldErrors: Array<{ path: string }> } };
    expect(body.error.fieldErrors.map((e) => e.path).sort()).toEqual(["timeLog.0.by", "timeLog.0.minutes", "today"]);
  });

  it("400 for malformed JSON", async () => {
    expect((await call("{not json")).status).toBe(400);
  });

  it("an array gives an array in order; an invalid element is 422 with the errors in place", async () => {
    const ok = await call([input, { ...input, dataDays: [] }]);
    expect(ok.status).toBe(200);
    expect(((await ok.json()) as Array<{ windows: Array<{ supplyCode: string | null }> }>).map((w) => w.windows[0]!.supplyCode)).toEqual(["98985", null]);
    const bad = await call([input, { contractVersion: 1 }]);
    expect(bad.status).toBe(422);
    const body = (await bad.json()) as { items: Array<{ error?: { issues: Array<{ path: string }> } }> };
    expect(body.items[0]!.error).toBeUndefined();
    expect(body.items[1]!.error!.issues.map((i) => i.path)).toEqual(expect.arrayContaining(["today", "episode", "dataDays", "timeLog"]));
  });

  it("413 for a batch over 500 inputs; 500 exactly is accepted", async () => {
    expect((await call(Array.from({ length: 501 }, () => input))).status).toBe(413);
    expect((await call(Array.from({ length: 500 }, () => input))).status).toBe(200);
  });
});
