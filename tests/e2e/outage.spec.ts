import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { encode } from "next-auth/jwt";
import { expect, test } from "./fixtures";

// The real app server with its database unreachable (DATABASE_URL names a port nothing listens
// on): pages answer a plain 503, the JSON API 503 with Retry-After, sign-in says the database is
// out. Its own server on its own port, so the shared e2e server is untouched.
const PORT = 3297;
const base = `http://127.0.0.1:${PORT}`;
const SECRET = "outage-spec-secret-outage-spec-secret-0123456789";
let server: ChildProcess;

test.describe.configure({ mode: "serial" });

test.beforeAll(async () => {
  const root = path.resolve(import.meta.dirname, "../..");
  server = spawn(process.execPath, [path.join(root, "scripts/server.mjs")], {
    cwd: root,
    env: { ...process.env, PORT: String(PORT), HOST: "127.0.0.1", DATABASE_URL: "postgres://loadwise:x@127.0.0.1:1/none", AUTH_SECRET: SECRET, APP_URL: base, TRUSTED_PROXY_HOPS: "" },
    stdio: "ignore",
  });
  for (let i = 0; i < 240; i++) {
    try {
      if ((await fetch(`${base}/login`)).status < 500) return;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error("outage server did not start");
});
test.afterAll(() => {
  server?.kill("SIGTERM");
});

/** A well-formed session cookie: the database, not the cookie, is what is missing. */
async function sessionCookie() {
  const token = await encode({
    token: { sub: "00000000-0000-4000-8000-000000000002", clinicId: "00000000-0000-4000-8000-000000000001", sid: "00000000-0000-4000-8000-000000000003" },
    secret: SECRET,
    salt: "authjs.session-token",
  });
  return `authjs.session-token=${token}`;
}

test("[OUTAGE]: with the database unreachable a page answers a plain 503, never a 500", async () => {
  const res = await fetch(`${base}/patients`, { headers: { cookie: await sessionCookie() }, redirect: "manual" });
  expect(res.status).toBe(503);
  expect(Number(res.headers.get("retry-after"))).toBeGreaterThan(0);
  expect(await res.text()).toContain("can't reach its database");
});

test("[OUTAGE]: the JSON API answers 503 with Retry-After", async () => {
  const res = await fetch(`${base}/api/v1/evaluate`, {
    method: "POST",
    headers: { cookie: await sessionCookie(), "content-type": "application/json" },
    body: JSON.stringify({ contractVersion: 1, patient: { ageYears: 30 }, sport: { primary: "running" } }),
  });
  expect(res.status).toBe(503);
  expect(Number(res.headers.get("retry-after"))).toBeGreaterThan(0);
  expect((await res.json()).error.code).toBe("unavailable:database");
});

test("[OUTAGE]: signing in says the database is out and keeps the email", async ({ page }) => {
  await page.goto(`${base}/login`);
  await page.getByLabel("Email").fill("pt@demo.loadwise.test");
  await page.getByLabel("Password").fill("loadwise-demo");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "can't reach its database" })).toBeVisible();
  await expect(page.getByLabel("Email")).toHaveValue("pt@demo.loadwise.test");
});
