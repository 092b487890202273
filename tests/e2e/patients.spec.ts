import { addPatient, DEMO, expect, signInViaApi, test, unique } from "./fixtures";

test("[PATIENTS]: a clinician adds a patient and finds them in the caseload", async ({ clinicianPage: page }) => {
  const lastName = unique("Newcombe");
  await addPatient(page, { firstName: "Robin", lastName });
  await expect(page.getByRole("status")).toHaveText("Patient added.");
  await page.goto("/patients");
  await page.getByRole("searchbox", { name: "Search patients by name" }).fill(lastName);
  await page.getByRole("button", { name: "Search" }).click();
  await expect(page.getByRole("link", { name: `${lastName}, Robin` })).toBeVisible();
  await expect(page.getByText("1 patient matching")).toBeVisible();
});

test("[PATIENTS]: invalid input shows each error beside its field and saves nothing", async ({ clinicianPage: page }) => {
  await page.goto("/patients/new");
  await page.getByLabel("Email (optional)").fill("not-an-email");
  await page.getByRole("button", { name: "Add patient" }).click();
  await expect(page.getByText("Enter a first name")).toBeVisible();
  await expect(page.getByText("Enter a last name")).toBeVisible();
  await expect(page.getByText("Enter a valid email address")).toBeVisible();
  await expect(page.getByLabel("First name")).toHaveAttribute("aria-invalid", "true");
  await expect(page).toHaveURL(/\/patients\/new$/);
});

test("[PATIENTS]: an edit made from a stale tab is refused with a clear message", async ({ browser }) => {
  const ctx = await browser.newContext();
  await signInViaApi(ctx, DEMO.pt);
  const page = await ctx.newPage();
  const url = await addPatient(page, { firstName: "Stale", lastName: unique("Tab") });
  const tabA = await ctx.newPage();
  const tabB = await ctx.newPage();
  await tabA.goto(`${url}/edit`);
  await tabB.goto(`${url}/edit`);
  await tabA.getByLabel("First name").fill("FromA");
  await tabA.getByRole("button", { name: "Save changes" }).click();
  await expect(tabA.getByRole("status")).toHaveText("Changes saved.");
  await tabB.getByLabel("First name").fill("FromB");
  await tabB.getByRole("button", { name: "Save changes" }).click();
  await expect(tabB.getByRole("alert").filter({ hasText: "Someone else saved" })).toBeVisible();
  await page.goto(url);
  await expect(page.getByRole("heading", { name: /^FromA / })).toBeVisible();
  await ctx.close();
});

test("[PATIENTS]: the form works without JavaScript", async ({ browser }) => {
  const ctx = await browser.newContext({ javaScriptEnabled: false });
  await signInViaApi(ctx, DEMO.pt);
  const page = await ctx.newPage();
  await page.goto("/patients/new");
  await page.getByLabel("First name").fill("NoScript");
  await page.getByRole("button", { name: "Add patient" }).click();
  // The server answered with the field errors and kept what was typed.
  await expect(page.getByText("Enter a last name")).toBeVisible();
  await expect(page.getByLabel("First name")).toHaveValue("NoScript");
  const lastName = unique("Plain");
  await page.getByLabel("Last name").fill(lastName);
  await page.getByLabel("Date of birth").fill("1988-08-08");
  await page.getByLabel("Sex").selectOption("male");
  await page.getByLabel("Main sport").selectOption("lifting");
  await page.getByRole("button", { name: "Add patient" }).click();
  await expect(page.getByRole("heading", { name: `NoScript ${lastName}` })).toBeVisible();
  await ctx.close();
});
