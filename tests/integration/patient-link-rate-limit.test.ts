import { randomBytes } from "node:crypto";
import { sql } from "drizzle-orm";
import { NextRequest } from "next/server";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { rawRows } from "@/db/raw";
import { openTestDb } from "../support/test-db";

// The patient link's per-address limit, as the proxy applies it to every /p/ request: the address
// is the one the app server decided at the socket, so a client inventing X-Forwarded-For values
// gets no fresh bucket, and the page itself answers 429 with Retry-After.
let handle: Awaited<ReturnType<typeof openTestDb>>;
vi.mock("@/db/client", async (orig) => ({ ...(await orig<object>()), getDb: async () => handle.db }));
const { proxy } = await import("@/proxy");
const { PATIENT_LINK_RATE } = await import("@/lib/plans/patient-link-rate-limit");
const { pruneRateLimits } = await import("@/lib/rate-limit/hit-rate-limit");

beforeAll(async () => {
  handle = await openTestDb();
});
afterAll(() => handle.close());
beforeEach(() => {
  process.env.LOADWISE_CLIENT_ADDRESS_FROM_SERVER = "1";
});

let n = 0;
const socketAddress = () => `192.0.2.${++n}`;
const token = () => randomBytes(16).toString("base64url");

const request = (peer: string, forwardedFor: string, path = `/p/${token()}`) =>
  new NextRequest(`http://app.test${path}`, {
    headers: { host: "app.test", "x-loadwise-client-address": peer, "x-forwarded-for": forwardedFor, "user-agent": "phone" },
  });

describe("patient link rate limit", () => {
  it(`answers 429 with Retry-After after ${PATIENT_LINK_RATE.limit} requests, whatever X-Forwarded-For says`, async () => {
    const peer = socketAddress();
    const statuses: number[] = [];
    for (let i = 0; i <= PATIENT_LINK_RATE.limit; i++) {
      const res = await proxy(request(peer, `203.0.113.${i}`, i % 2 ? `/p/${token()}` : `/p/${token()}/pdf`));
      statuses.push(res.status);
    }
    expect(statuses.slice(0, PATIENT_LINK_RATE.limit).every((s) => s === 200)).toBe(true);
    const last = await proxy(request(peer, "198.51.100.99"));
    expect(statuses.at(-1)).toBe(429);
    expect(last.status).toBe(429);
    expect(Number(last.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(last.headers.get("content-type")).toContain("text/html");
    expect(await last.text()).toContain("Too many requests");
  });

  it("keeps one bucket per real address: another client is unaffected", async () => {
    const a = socketAddress();
    for (let i = 0; i <= PATIENT_LINK_RATE.limit; i++) await proxy(request(a, "1.1.1.1"));
    expect((await proxy(request(a, "1.1.1.1"))).status).toBe(429);
    expect((await proxy(request(socketAddress(), "1.1.1.1"))).status).toBe(200);
  });

  it("writes one counter row per real address, not per forged header", async () => {
    const peer = socketAddress();
    for (let i = 0; i < 10; i++) await proxy(request(peer, `203.0.113.${100 + i}`));
    const rows = await rawRows<{ key: string }>(handle.db, sql`select key from rate_limits where key like ${"patient-link:%"}`);
    expect(rows.filter((r) => r.key.includes("203.0.113."))).toHaveLength(0);
    expect(rows.filter((r) => r.key === `patient-link:ip:${peer}`)).toHaveLength(1);
  });

  it("counts a plan page's exercise photos in their own, larger bucket: pictures never use up the page's limit", async () => {
    const { PATIENT_LINK_MEDIA_RATE } = await import("@/lib/plans/patient-link-rate-limit");
    const peer = socketAddress();
    const link = token();
    for (let i = 0; i < PATIENT_LINK_RATE.limit + 5; i++) expect((await proxy(request(peer, "", `/p/${link}/media/${"a".repeat(64)}`))).status).toBe(200);
    expect((await proxy(request(peer, "", `/p/${link}`))).status).toBe(200);
    const rows = await rawRows<{ key: string; n: number }>(handle.db, sql`select key, count::int as n from rate_limits where key like ${`%${peer}`}`);
    expect(rows.find((r) => r.key === `patient-link-media:ip:${peer}`)?.n).toBe(PATIENT_LINK_RATE.limit + 5);
    expect(rows.find((r) => r.key === `patient-link:ip:${peer}`)?.n).toBe(1);
    expect(PATIENT_LINK_MEDIA_RATE.limit).toBeGreaterThan(PATIENT_LINK_RATE.limit);
  });

  it("does not count pages outside the patient link", async () => {
    const peer = socketAddress();
    for (let i = 0; i <= PATIENT_LINK_RATE.limit + 1; i++) await proxy(request(peer, "", "/login"));
    const rows = await rawRows<{ key: string }>(handle.db, sql`select key from rate_limits where key = ${`patient-link:ip:${peer}`}`);
    expect(rows).toHaveLength(0);
  });

  it("prunes counters whose window has passed", async () => {
    const peer = socketAddress();
    await proxy(request(peer, ""));
    const before = await rawRows<{ n: number }>(handle.db, sql`select count(*)::int as n from rate_limits`);
    expect(Number(before[0]!.n)).toBeGreaterThan(0);
    const removed = await pruneRateLimits(handle.db, new Date(Date.now() + 3_600_000));
    expect(removed).toBe(Number(before[0]!.n));
    const after = await rawRows<{ n: number }>(handle.db, sql`select count(*)::int as n from rate_limits`);
    expect(Number(after[0]!.n)).toBe(0);
  });
});
