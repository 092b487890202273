import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { openDatabase } from "@/db/client";
import { DATABASE_UNAVAILABLE_MESSAGE, isDatabaseUnavailable } from "@/db/unavailable";
import type { Actor } from "@/lib/auth/actor";
import { form } from "../support/actions";
import { validPatient } from "../support/test-db";

// The database unreachable (a PostgreSQL that is not listening): actions keep every typed value
// and say why, route handlers answer 503 with Retry-After, never a 500.
const actor: Actor = {
  clinicId: "00000000-0000-4000-8000-000000000001",
  userId: "00000000-0000-4000-8000-000000000002",
  role: "clinician",
  name: "Test",
  email: "t@test",
  sessionId: "00000000-0000-4000-8000-000000000003",
  ip: null,
  userAgent: null,
};
const current: { actor: () => Promise<Actor | null> } = { actor: async () => actor };
vi.mock("@/lib/auth/require-user", () => ({ getActor: () => current.actor() }));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));
let down: Awaited<ReturnType<typeof openDatabase>>;
vi.mock("@/db/client", async (orig) => ({ ...(await orig<object>()), getDb: async () => down.db }));
const { createPatientAction } = await import("@/app/(clinic)/patients/actions");
const { POST: evaluate } = await import("@/app/api/v1/evaluate/route");

beforeAll(async () => {
  // Port 1 on loopback: nothing listens there, so every connection is refused at once.
  down = await openDatabase({ url: "postgres://loadwise:x@127.0.0.1:1/none", migrate: false });
});
afterAll(() => down.close());
beforeEach(() => {
  current.actor = async () => actor;
});

const refused = () => Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" });
const evaluateReq = () =>
  new Request("http://t/api/v1/evaluate", { method: "POST", body: JSON.stringify({ contractVersion: 1, patient: { ageYears: 30 }, sport: { primary: "running" } }) });

describe("database unreachable", () => {
  it("recognises a refused connection through drizzle's wrapping, and not an ordinary query error", async () => {
    const err = await down.db.execute("select 1" as never).then(
      () => null,
      (e: unknown) => e,
    );
    expect(err).not.toBeNull();
    expect(isDatabaseUnavailable(err)).toBe(true);
    expect(isDatabaseUnavailable(Object.assign(new Error("syntax"), { code: "42601" }))).toBe(false);
    expect(isDatabaseUnavailable(Object.assign(new Error("shutting down"), { code: "57P01" }))).toBe(true);
    expect(isDatabaseUnavailable(new Error("x", { cause: refused() }))).toBe(true);
  });

  it("a server action returns a form error that keeps every typed value", async () => {
    const typed = validPatient({ firstName: "Kept", lastName: "Values", notes: "typed before the outage" });
    const state = await createPatientAction(null, form(typed));
    expect(state).toMatchObject({ ok: false, formError: DATABASE_UNAVAILABLE_MESSAGE });
    expect(state?.values).toMatchObject({ firstName: "Kept", lastName: "Values", notes: "typed before the outage" });
  });

  it("the same when even the session check cannot reach the database", async () => {
    current.actor = async () => {
      throw refused();
    };
    const state = await createPatientAction(null, form(validPatient({ firstName: "Still", lastName: "Here" })));
    expect(state).toMatchObject({ ok: false, formError: DATABASE_UNAVAILABLE_MESSAGE, values: { firstName: "Still" } });
  });

  it("a route handler answers 503 with Retry-After, whether the session check or the work hits the outage", async () => {
    const work = await evaluate(evaluateReq(), { params: Promise.resolve({}) });
    expect(work.status).toBe(503);
    expect(Number(work.headers.get("retry-after"))).toBeGreaterThan(0);
    expect((await work.json()).error.code).toBe("unavailable:database");
    current.actor = async () => {
      throw refused();
    };
    const session = await evaluate(evaluateReq(), { params: Promise.resolve({}) });
    expect(session.status).toBe(503);
  });
});
