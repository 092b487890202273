import type { Browser, Page } from "@playwright/test";
import { addPatient, DEMO, expect, signInViaApi, test, unique } from "./fixtures";

async function adminPage(browser: Browser) {
  const ctx = await browser.newContext();
  await signInViaApi(ctx, DEMO.admin);
  return { ctx, page: await ctx.newPage() };
}

/** Invites a clinician through the UI and returns the one-time link's path. */
async function invite(page: Page, name: string, email: string) {
  await page.goto("/admin/users/invite");
  await page.getByLabel("Name").fill(name);
  await page.getByLabel("Email").fill(email);
  await page.getByRole("button", { name: "Create account and link" }).click();
  const link = await page.getByTestId("one-time-link").textContent();
  return new URL(link!.trim()).pathname;
}

test("[ADMIN]: a clinician is refused every admin page with a 403", async ({ clinicianPage: page }) => {
  for (const path of ["/admin", "/admin/users", "/admin/audit", "/admin/settings"]) {
    const res = await page.goto(path);
    expect(res?.status(), path).toBe(403);
    await expect(page.getByRole("heading", { name: "Not allowed" })).toBeVisible();
  }
  const csv = await page.request.get("/api/admin/audit.csv");
  expect(csv.status()).toBe(403);
});

test("[ADMIN]: an admin invites a clinician, who sets a password and signs in", async ({ browser }) => {
  const { ctx, page } = await adminPage(browser);
  const email = `${unique("invitee")}@demo.loadwise.test`;
  const linkPath = await invite(page, "Ivy Invitee", email);

  const fresh = await browser.newContext();
  const p = await fresh.newPage();
  await p.goto(linkPath);
  await p.getByLabel("New password").fill("a-long-new-password");
  await p.getByLabel("Repeat the password").fill("a-long-new-password");
  await p.getByRole("button", { name: "Set password" }).click();
  await expect(p.getByText("Password set. Sign in with it now.")).toBeVisible();
  await p.getByLabel("Email").fill(email);
  await p.getByLabel("Password").fill("a-long-new-password");
  await p.getByRole("button", { name: "Sign in" }).click();
  await expect(p.getByRole("heading", { name: "My caseload" })).toBeVisible();
  // The link worked once.
  expect((await p.goto(linkPath))?.status()).toBe(404);
  await fresh.close();
  await ctx.close();
});

test("[ADMIN]: deactivating a clinician ends their open session on the next request", async ({ browser }) => {
  const { ctx, page } = await adminPage(browser);
  const email = `${unique("leaver")}@demo.loadwise.test`;
  const linkPath = await invite(page, "Lee Leaver", email);
  const theirs = await browser.newContext();
  const p = await theirs.newPage();
  await p.goto(linkPath);
  await p.getByLabel("New password").fill("leaver-password-1");
  await p.getByLabel("Repeat the password").fill("leaver-password-1");
  await p.getByRole("button", { name: "Set password" }).click();
  await expect(p).toHaveURL(/passwordSet/);
  await signInViaApi(theirs, email, "leaver-password-1");
  await p.goto("/patients");
  await expect(p.getByRole("heading", { name: "My caseload" })).toBeVisible();

  await page.goto("/admin/users");
  const row = page.getByRole("row").filter({ hasText: email });
  await row.getByRole("button", { name: "Deactivate" }).click();
  await expect(row.getByRole("status")).toContainText("deactivated");

  await p.reload();
  await expect(p).toHaveURL(/\/login/);
  await theirs.close();
  await ctx.close();
});

test("[ADMIN]: the audit trail answers who saw a patient's record", async ({ browser, clinicianPage }) => {
  const url = await addPatient(clinicianPage, { firstName: "Audit", lastName: unique("Seen") });
  const patientId = url.split("/").pop()!;
  await clinicianPage.goto(url);
  const { ctx, page } = await adminPage(browser);
  await page.goto(`/admin/audit?patient=${patientId}&action=patient.view`);
  await expect(page.getByRole("cell", { name: "Priya Thomas" }).first()).toBeVisible();
  await expect(page.getByText(/^[1-9]\d* events/)).toBeVisible();
  await ctx.close();
});

test("[ADMIN]: an admin finds who looked at a record today by the patient's name, in words", async ({ browser, clinicianPage }) => {
  const lastName = unique("Looked");
  const url = await addPatient(clinicianPage, { firstName: "Nora", lastName });
  await clinicianPage.goto(url);
  const { ctx, page } = await adminPage(browser);
  await page.goto("/admin/audit");
  await page.getByRole("textbox", { name: "Patient" }).fill(`nora ${lastName.toLowerCase()}`);
  await page.getByLabel("Views only (who looked at it)").check();
  await page.getByRole("button", { name: "Filter" }).click();
  const perDay = page.getByRole("region", { name: /Who looked, day by day/ });
  await expect(perDay.getByRole("cell", { name: "Priya Thomas" })).toBeVisible();
  await expect(page.getByRole("cell", { name: "Viewed patient record" }).first()).toBeVisible();
  // Writes are not views.
  await expect(page.getByRole("cell", { name: "Added patient" })).toHaveCount(0);
  // A name that matches nobody says so instead of being ignored.
  await page.goto(`/admin/audit?patient=${encodeURIComponent("Nobody Byname-zz")}`);
  await expect(page.getByText(/No patient of this clinic matches/)).toBeVisible();
  await ctx.close();
});

test("[ADMIN]: an admin signing in lands on the clinic caseload", async ({ page }) => {
  await page.goto("/login");
  await page.getByLabel("Email").fill("admin@demo.loadwise.test");
  await page.getByLabel("Password").fill("loadwise-demo");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/admin$/);
});

test("[ADMIN]: an admin sees the engine and check-in thresholds with their cited defaults, and each bad value is marked at its field", async ({ browser }, testInfo) => {
  const { ctx, page } = await adminPage(browser);
  await page.goto("/admin/settings");
  // The demo clinic keeps the defaults: nothing here is saved, so parallel specs see the same engine.
  await expect(page.getByRole("group", { name: "Pain traffic light and check-in review" })).toBeVisible();
  const acceptable = page.getByLabel("Acceptable pain limit");
  await expect(acceptable).toHaveValue("5");
  await expect(page.getByText("Default 5/10 or less (Silbernagel et al. 2007). 3 to 7.")).toBeVisible();
  await expect(page.getByLabel("Green sessions in 7 days to progress")).toHaveValue("3");
  await expect(page.getByLabel("Dose cut after a flare, from")).toHaveValue("10");
  await expect(page.getByLabel("Dose cut after a flare, up to")).toHaveValue("20");
  await expect(page.getByLabel("Capacity shortfall that backs off")).toHaveValue("50");
  await page.getByLabel("Green pain limit").fill("5");
  await page.getByLabel("Dose cut after a flare, up to").fill("40");
  await page.getByLabel("Starting running dose from none").fill("");
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByLabel("Green pain limit")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByText("Must be below the acceptable pain limit")).toBeVisible();
  await expect(page.getByLabel("Dose cut after a flare, up to")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByText("At most 30")).toBeVisible();
  await expect(page.getByLabel("Starting running dose from none")).toHaveAttribute("aria-invalid", "true");
  await page.screenshot({ path: testInfo.outputPath("settings-errors.png"), fullPage: true });
  await ctx.close();
});

test("[ADMIN]: an admin chooses the clinic's time zone from the list; it is kept and the change is in the audit trail", async ({ browser }, testInfo) => {
  const { ctx, page } = await adminPage(browser);
  await page.goto("/admin/settings");
  const zone = page.getByLabel("Time zone");
  await expect(zone).toHaveValue("Europe/London");
  // Intl's zones, by region, with their offset now.
  await expect(zone.locator("optgroup[label='Australia'] option[value='Australia/Sydney']")).toHaveText(/^Sydney \(GMT\+\d\d:00\)$/);
  await expect(zone.locator("option[value='UTC']")).toHaveCount(1);
  // Lisbon keeps London's clock all year (the same offsets, summer time on the same dates), so
  // the specs running alongside that read the demo clinic's "today" see the same day.
  await zone.selectOption("Europe/Lisbon");
  await zone.scrollIntoViewIfNeeded();
  await page.screenshot({ path: testInfo.outputPath("settings-time-zone.png") });
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Settings saved." })).toBeVisible();
  await page.reload();
  await expect(page.getByLabel("Time zone")).toHaveValue("Europe/Lisbon");

  await page.goto("/admin/audit?action=clinic.settings_update");
  await expect(page.getByRole("cell", { name: "Changed clinic settings" }).first()).toBeVisible();

  // Back to the demo clinic's zone.
  await page.goto("/admin/settings");
  await page.getByLabel("Time zone").selectOption("Europe/London");
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Settings saved." })).toBeVisible();
  await ctx.close();
});
