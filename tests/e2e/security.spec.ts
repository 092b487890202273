import { randomBytes } from "node:crypto";
import { DEMO, expect, signInViaApi, test } from "./fixtures";

// The e2e server trusts one proxy hop (scripts/e2e-server.mjs): these requests play that proxy,
// which appends the address it saw to X-Forwarded-For; anything left of it is the client's own.

test("[SECURITY]: inventing X-Forwarded-For values does not escape the patient-link limit", async ({ request }) => {
  const seenByProxy = `198.51.100.${1 + (Date.now() % 200)}`;
  const statuses: number[] = [];
  for (let i = 0; i < 61; i++) {
    const token = randomBytes(16).toString("base64url");
    const res = await request.get(`/p/${token}`, { headers: { "x-forwarded-for": `203.0.113.${i}, ${seenByProxy}` }, maxRedirects: 0 });
    statuses.push(res.status());
  }
  expect(statuses.slice(0, 60).every((s) => s === 404)).toBe(true);
  expect(statuses[60]).toBe(429);
  const limited = await request.get(`/p/${randomBytes(16).toString("base64url")}`, { headers: { "x-forwarded-for": `1.2.3.4, ${seenByProxy}` } });
  expect(limited.status()).toBe(429);
  expect(Number(limited.headers()["retry-after"])).toBeGreaterThan(0);
  expect(await limited.text()).toContain("Too many requests");
  // Another real client is unaffected.
  const other = await request.get(`/p/${randomBytes(16).toString("base64url")}`, { headers: { "x-forwarded-for": "192.0.2.200" } });
  expect(other.status()).toBe(404);
});

test("[SECURITY]: Auth.js's own sign-out endpoint ends the session, so a copied cookie stops working", async ({ browser }) => {
  const context = await browser.newContext();
  await signInViaApi(context, DEMO.pt2);
  const copied = (await context.cookies()).filter((c) => c.name.includes("session-token"));
  expect(copied).toHaveLength(1);
  expect(copied[0]!.sameSite).toBe("Lax");
  expect(copied[0]!.httpOnly).toBe(true);

  const { csrfToken } = (await (await context.request.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const out = await context.request.post("/api/auth/signout", { form: { csrfToken, callbackUrl: "/login" }, maxRedirects: 0 });
  expect(out.status()).toBe(302);

  // Someone who copied the cookie before sign-out replays it.
  const thief = await browser.newContext();
  await thief.addCookies(copied);
  const page = await thief.newPage();
  await page.goto("/patients");
  await expect(page).toHaveURL(/\/login/);
  await context.close();
  await thief.close();
});

test("[SECURITY]: a state-changing request from another site is refused before it is read", async ({ browser, baseURL }) => {
  const context = await browser.newContext();
  await signInViaApi(context, DEMO.pt);
  const body = { contractVersion: 1, patient: { ageYears: 30 }, sport: { primary: "running" } };
  const forged = await context.request.post("/api/v1/evaluate", { data: body, headers: { origin: "https://evil.example.test" } });
  expect(forged.status()).toBe(403);
  expect((await forged.json()).error.code).toBe("forbidden:origin");
  const crossSite = await context.request.post("/api/v1/evaluate", { data: body, headers: { "sec-fetch-site": "cross-site" } });
  expect(crossSite.status()).toBe(403);
  const forgedSignOut = await context.request.post("/api/auth/signout", { form: { csrfToken: "x" }, headers: { origin: "https://evil.example.test" }, maxRedirects: 0 });
  expect(forgedSignOut.status()).toBe(403);
  // The clinic's own page, and a script with no browser headers, still get through.
  const own = await context.request.post("/api/v1/evaluate", { data: body, headers: { origin: new URL(baseURL!).origin, "sec-fetch-site": "same-origin" } });
  expect(own.status()).toBe(200);
  expect((await context.request.post("/api/v1/evaluate", { data: body })).status()).toBe(200);
  await context.close();
});
