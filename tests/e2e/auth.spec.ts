import { DEMO, DEMO_PASSWORD, expect, test } from "./fixtures";

test("[AUTH]: a clinician signs in with the form and sees their caseload", async ({ page }) => {
  await page.goto("/login");
  await page.getByLabel("Email").fill(DEMO.pt);
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/patients$/);
  await expect(page.getByRole("heading", { name: "My caseload" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Lindqvist, Maya" })).toBeVisible();
  // Nothing secret ever lands in the URL.
  expect(page.url()).not.toContain("password");
});

test("[AUTH]: a wrong password shows an error and stays on sign-in", async ({ page }) => {
  await page.goto("/login");
  await page.getByLabel("Email").fill(DEMO.pt2);
  await page.getByLabel("Password").fill("not-the-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "don't match" })).toBeVisible();
  await expect(page).toHaveURL(/\/login/);
  expect(page.url()).not.toContain("not-the-password");
});

test("[AUTH]: empty fields are flagged beside each field", async ({ page }) => {
  await page.goto("/login");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByText("Enter your email")).toBeVisible();
  await expect(page.getByText("Enter your password")).toBeVisible();
});

test("[AUTH]: a signed-out visitor is sent to sign-in", async ({ page }) => {
  await page.goto("/patients/new");
  await expect(page).toHaveURL(/\/login\?next=%2Fpatients%2Fnew/);
  await expect(page.getByRole("heading", { name: "Sign in to Loadwise" })).toBeVisible();
});

test("[AUTH]: signing out ends the session on the server", async ({ browser }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto("/login");
  await page.getByLabel("Email").fill(DEMO.admin);
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  // An admin lands on the clinic caseload.
  await expect(page).toHaveURL(/\/admin$/);
  const cookies = await context.cookies();
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login/);
  // Replaying the old cookie must not work: the session row is revoked.
  const replay = await browser.newContext();
  await replay.addCookies(cookies);
  const again = await replay.newPage();
  await again.goto("/patients");
  await expect(again).toHaveURL(/\/login/);
  await context.close();
  await replay.close();
});
