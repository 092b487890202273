import { expect, test as base, type BrowserContext, type Page } from "@playwright/test";

export const DEMO_PASSWORD = "loadwise-demo";
export const DEMO = {
  admin: "admin@demo.loadwise.test",
  pt: "pt@demo.loadwise.test",
  pt2: "pt2@demo.loadwise.test",
  northside: "pt@northside.loadwise.test",
} as const;

/** Signs a browser context in through Auth.js's own endpoints, as the form does, without the UI. */
export async function signInViaApi(context: BrowserContext, email: string, password = DEMO_PASSWORD) {
  const csrf = await context.request.get("/api/auth/csrf");
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const res = await context.request.post("/api/auth/callback/credentials", {
    form: { email, password, csrfToken, callbackUrl: "/patients" },
    maxRedirects: 0,
  });
  expect(res.status(), "sign-in should redirect").toBe(302);
  expect(res.headers()["location"] ?? "").not.toContain("error");
}

export const unique = (prefix: string) => `${prefix}${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

/** Fills the patient form and submits it; returns the new patient's URL. */
export async function addPatient(page: Page, p: { firstName: string; lastName: string; sport?: string }) {
  await page.goto("/patients/new");
  await page.getByLabel("First name").fill(p.firstName);
  await page.getByLabel("Last name").fill(p.lastName);
  await page.getByLabel("Date of birth").fill("1991-03-14");
  await page.getByLabel("Sex").selectOption("female");
  await page.getByLabel("Main sport").selectOption(p.sport ?? "running");
  await page.getByRole("button", { name: "Add patient" }).click();
  await expect(page.getByRole("heading", { name: `${p.firstName} ${p.lastName}` })).toBeVisible();
  return page.url().split("?")[0]!;
}

/**
 * Publishes the plan open on the page: the Publish button asks once, naming the version the
 * patient will see, and the dialog's Publish confirms it.
 */
export async function publishVersion(page: Page, version: number) {
  await page.getByRole("button", { name: `Publish version ${version}`, exact: true }).click();
  const dialog = page.getByRole("alertdialog", { name: `Publish version ${version}?` });
  await expect(dialog).toContainText(`The patient will see version ${version}`);
  await dialog.getByRole("button", { name: "Publish", exact: true }).click();
  await expect(dialog).toBeHidden();
}

export const test = base.extend<{ clinicianPage: Page }>({
  clinicianPage: async ({ browser }, use) => {
    const context = await browser.newContext();
    await signInViaApi(context, DEMO.pt);
    const page = await context.newPage();
    await use(page);
    await context.close();
  },
});

export { expect };
