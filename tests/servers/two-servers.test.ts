import { randomBytes, randomInt, randomUUID } from "node:crypto";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type Db } from "@/db/client";
import { rawRows } from "@/db/raw";
import { auditEvents, patients, sessions, users } from "@/db/schema";
import { verifyAuditChain } from "@/lib/audit/verify-chain";
import { ADDRESS_FAILURE_LIMIT, MAX_FAILED_ATTEMPTS } from "@/lib/auth/authenticate";
import { hashPassword } from "@/lib/auth/password";
import { PATIENT_LINK_RATE } from "@/lib/plans/patient-link-rate-limit";
import { startAppServers, type AppServer } from "@/scripts/app-servers";
import { buildIfNeeded } from "@/scripts/build-if-needed.mjs";
import { HttpClient, textOf, type Page } from "@/scripts/http-client";
import { makeClinic, makeUser, TEST_PASSWORD, validPatient } from "../support/test-db";

// Two production app servers (`npm start`'s scripts/start.mjs, built once) on ONE PostgreSQL
// database with one AUTH_SECRET, as behind a load balancer (ADR 0002, 0021). Everything a request
// depends on lives in the database, so whatever one server does, the other sees at the next
// request. SERVERS_DATABASE_URL may point straight at PostgreSQL or through PgBouncer in
// transaction mode (with ?prepare=false); .ci/run runs it through PgBouncer on a fresh database,
// so both servers also migrate it at the same moment.
const url = process.env.SERVERS_DATABASE_URL;
const ports = (process.env.SERVERS_PORTS ?? "3107,3108").split(",").map(Number);

let A: AppServer;
let B: AppServer;
let handle: Awaited<ReturnType<typeof openDatabase>>;
let db: Db;
let passwordHash: string;

beforeAll(async () => {
  if (!url) throw new Error("Set SERVERS_DATABASE_URL to a PostgreSQL database of this test's own (see .ci/run).");
  buildIfNeeded();
  const logDir = mkdtempSync(path.join(tmpdir(), "loadwise-servers-"));
  const started = await startAppServers({ ports, databaseUrl: url, authSecret: randomBytes(32).toString("base64url"), logDir });
  [A, B] = [started[0]!, started[1]!];
  handle = await openDatabase({ url, migrate: false });
  db = handle.db;
  passwordHash = await hashPassword(TEST_PASSWORD);
});

afterAll(async () => {
  await Promise.all([A?.stop(), B?.stop()]);
  await handle?.close();
});

// Each visitor has its own address (the servers trust one proxy hop: the test plays it), so one
// test's failed sign-ins never count against another's, on this run or a recent one.
const address = () => `10.${randomInt(256)}.${randomInt(256)}.${randomInt(1, 255)}`;
const visitor = (server: AppServer) => new HttpClient(server.base, { address: address() });
const pathOf = (p: Page) => new URL(p.url).pathname;

async function clinicWith(roles: Array<"admin" | "clinician">) {
  const clinic = await makeClinic(db);
  const people = [];
  for (const role of roles) people.push(await makeUser(db, clinic.id, { role, passwordHash }));
  return { clinic, people };
}

async function signedIn(server: AppServer, email: string) {
  const c = visitor(server);
  expect(await c.signIn(email, TEST_PASSWORD)).toBeNull();
  return c;
}

describe("two app servers on one database", () => {
  it("both servers migrated the same database at once, and each migration is recorded once", async () => {
    const journal = JSON.parse(readFileSync(path.resolve(import.meta.dirname, "../../db/migrations/meta/_journal.json"), "utf8")) as { entries: unknown[] };
    const [row] = await rawRows<{ n: number; distinct_hashes: number }>(
      db,
      sql`select count(*)::int as n, count(distinct hash)::int as distinct_hashes from drizzle.__drizzle_migrations`,
    );
    expect(row).toEqual({ n: journal.entries.length, distinct_hashes: journal.entries.length });
  });

  it("a session signed in on one server works on the other, both ways", async () => {
    const { people } = await clinicWith(["clinician"]);
    const onA = await signedIn(A, people[0]!.email);
    const page = await onA.on(B.base).get("/patients");
    expect([page.status, pathOf(page)]).toEqual([200, "/patients"]);
    expect(textOf(page.html)).toContain("Sign out");

    const onB = await signedIn(B, people[0]!.email);
    const back = await onB.on(A.base).get("/patients");
    expect([back.status, pathOf(back)]).toEqual([200, "/patients"]);
  });

  it("signing out on one server ends the session on the other at its next request", async () => {
    const { people } = await clinicWith(["clinician"]);
    const onA = await signedIn(A, people[0]!.email);
    // What a copied cookie would still carry after the browser dropped it.
    const kept = onA.on(B.base, { copy: true });
    expect(pathOf(await kept.get("/patients"))).toBe("/patients");

    const out = await onA.submit(await onA.get("/patients"), "Sign out");
    expect(pathOf(out)).toBe("/login");
    const after = await kept.get("/patients");
    expect(pathOf(after)).toBe("/login");
    const rows = await db.select({ revokedAt: sessions.revokedAt }).from(sessions).where(eq(sessions.userId, people[0]!.id));
    expect(rows).toHaveLength(1);
    expect(rows[0]!.revokedAt).not.toBeNull();
  });

  it("an admin's \"End sessions\" on one server signs the user out on the other at the next request", async () => {
    const { people } = await clinicWith(["admin", "clinician"]);
    const [admin, clinician] = people as [(typeof people)[0], (typeof people)[0]];
    const phone = await signedIn(B, clinician.email);
    const laptop = await signedIn(A, clinician.email);
    expect(pathOf(await phone.get("/patients"))).toBe("/patients");

    const adminOnA = await signedIn(A, admin.email);
    const done = await adminOnA.submit(await adminOnA.get("/admin/users"), "End sessions", {}, { where: { userId: clinician.id } });
    expect(textOf(done.html)).toContain("Ended 2 open sessions.");

    expect(pathOf(await phone.get("/patients"))).toBe("/login");
    expect(pathOf(await laptop.on(B.base).get("/patients"))).toBe("/login");
    // The admin's own session is untouched.
    expect(pathOf(await adminOnA.on(B.base).get("/admin/users"))).toBe("/admin/users");
  });

  it("failed sign-ins spread over both servers reach the lockout, and both servers refuse the right password", async () => {
    const { people } = await clinicWith(["clinician"]);
    const email = people[0]!.email;
    const from = address();
    const on = (s: AppServer) => new HttpClient(s.base, { address: from });
    for (let i = 0; i < MAX_FAILED_ATTEMPTS; i++) {
      expect(await on(i % 2 ? B : A).signIn(email, "not the password")).toBe("credentials");
    }
    const [u] = await db.select().from(users).where(eq(users.id, people[0]!.id));
    expect(u!.failedLoginCount).toBe(MAX_FAILED_ATTEMPTS);
    expect(u!.lockedUntil).not.toBeNull();
    // "locked" reaches only the caller with the right password (lib/auth/authenticate.ts).
    expect(await on(A).signIn(email, TEST_PASSWORD)).toBe("locked");
    expect(await on(B).signIn(email, TEST_PASSWORD)).toBe("locked");
  });

  it("the per-address limit on failed sign-ins counts failures on both servers", async () => {
    const { people } = await clinicWith(["clinician"]);
    const from = address();
    const on = (s: AppServer) => new HttpClient(s.base, { address: from });
    for (let i = 0; i < ADDRESS_FAILURE_LIMIT; i++) {
      expect(await on(i % 2 ? B : A).signIn(`nobody-${randomUUID().slice(0, 8)}@test.loadwise.test`, "guess")).toBe("credentials");
    }
    // Even a right password is refused from that address now, whichever server answers.
    expect(await on(A).signIn(people[0]!.email, TEST_PASSWORD)).toBe("rate_limited");
    expect(await on(B).signIn(people[0]!.email, TEST_PASSWORD)).toBe("rate_limited");
    // The same account from another address is fine.
    expect(await visitor(B).signIn(people[0]!.email, TEST_PASSWORD)).toBeNull();
  });

  it("the patient-link limit per address counts requests on both servers", async () => {
    const from = address();
    const token = `/p/${randomBytes(16).toString("base64url")}`;
    const on = (s: AppServer) => new HttpClient(s.base, { address: from });
    const statuses: number[] = [];
    for (let i = 0; i < PATIENT_LINK_RATE.limit; i++) statuses.push((await on(i % 2 ? B : A).raw(token)).status);
    expect(statuses.every((s) => s === 404)).toBe(true);
    expect((await on(A).raw(token)).status).toBe(429);
    expect((await on(B).raw(token)).status).toBe(429);
    expect((await visitor(A).raw(token)).status).toBe(404);
  });

  it("the audit hash chain is valid after concurrent writes through both servers", async () => {
    const { clinic, people } = await clinicWith(["clinician"]);
    const onA = await signedIn(A, people[0]!.email);
    const onB = onA.on(B.base);
    const forms = [await onA.get("/patients/new"), await onB.get("/patients/new")];
    const n = 24;
    // All at once, alternating servers: each create and the page view after it append to the
    // clinic's chain from whichever server ran it.
    const results = await Promise.all(
      Array.from({ length: n }, (_, i) => (i % 2 ? onB : onA).submit(forms[i % 2]!, "Add patient", validPatient({ lastName: `Chain-${i}` }))),
    );
    for (const r of results) expect(r.url).toMatch(/\/patients\/[0-9a-f-]{36}\?created=1$/);
    expect(new Set(results.map((r) => new URL(r.url).origin))).toEqual(new Set([A.base, B.base]));

    const created = await db.select({ id: patients.id }).from(patients).where(eq(patients.clinicId, clinic.id));
    expect(created).toHaveLength(n);
    const creates = await db
      .select({ id: auditEvents.id })
      .from(auditEvents)
      .where(and(eq(auditEvents.clinicId, clinic.id), eq(auditEvents.action, "patient.create")));
    expect(creates).toHaveLength(n);
    const [all] = await rawRows<{ n: number }>(db, sql`select count(*)::int as n from audit_events where clinic_id = ${clinic.id}`);
    const chain = await verifyAuditChain(db, { clinicId: clinic.id });
    expect(chain.problems).toEqual([]);
    expect(chain).toMatchObject({ ok: true, checked: all!.n });
    expect(all!.n).toBeGreaterThan(n);
  });
});
