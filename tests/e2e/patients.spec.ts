import { expectAccessible, finalizeVignetteAssessment } from "./assessment-helpers";
import { addPatient, DEMO, expect, publishVersion, signInViaApi, test, unique } from "./fixtures";

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

test("[PATIENTS]: an urgent check-in puts the patient on the worklist with its columns; filter, sort by keyboard, axe, tablet width", async ({ clinicianPage: page, browser }) => {
  test.setTimeout(240_000);
  await finalizeVignetteAssessment(page);
  const patientId = /\/patients\/([0-9a-f-]+)\//.exec(page.url())![1]!;
  await page.getByRole("button", { name: "Create plan" }).click();
  await expect(page).toHaveURL(/\/plans\/[0-9a-f-]+$/);
  await publishVersion(page, 1);
  const link = await page.getByLabel("Patient link").inputValue();

  // The patient reports an urgent symptom on their link (an address of its own: the link's limit).
  const phone = await browser.newContext({ extraHTTPHeaders: { "X-Forwarded-For": `203.0.113.${(process.pid % 200) + 20}` } });
  const p = await phone.newPage();
  await p.goto(link);
  const f = p.getByRole("form", { name: "Log a session" });
  await f.getByRole("group", { name: "What did you do?" }).getByLabel("Run", { exact: true }).check();
  await f.getByRole("group", { name: "How did it go?" }).getByLabel("Done as planned").check();
  await f.getByLabel("Minutes").fill("30");
  await f.getByRole("group", { name: "Worst pain during the session" }).getByLabel("3", { exact: true }).check();
  await f.getByLabel("Chest pain, or getting out of breath far more easily than usual").check();
  await f.getByRole("button", { name: "Save this session" }).click();
  await expect(p.getByRole("alert").filter({ hasText: "get urgent medical help now" })).toBeVisible();
  await phone.close();

  await page.goto(`/patients/${patientId}`);
  const lastName = ((await page.getByRole("heading", { level: 1 }).textContent()) ?? "").trim().split(/\s+/).pop()!;
  await page.goto(`/patients?q=${encodeURIComponent(lastName)}`);
  const table = page.getByTestId("worklist");
  for (const name of ["Patient", "Awaiting review", "Verdict", "Stage", "Red flag", "Reassess by", "Last check-in", "Flares, 7 days", "Data days, 30", "Status"]) {
    await expect(table.getByRole("columnheader", { name, exact: true })).toBeVisible();
  }
  await expect(table.getByRole("columnheader", { name: "Awaiting review" })).toHaveAttribute("aria-sort", "ascending");
  const row = table.getByRole("row").filter({ has: page.getByRole("link", { name: new RegExp(`^${lastName}, `) }) });
  // The badge reads "Urgent report", with a "!" the eye sees and a screen reader skips.
  await expect(row.locator('[data-suggestion="urgent_care"]')).toHaveText(/^! Urgent report$/);
  await expect(row.getByText("Back off", { exact: true })).toBeVisible();
  await expect(row.getByText("Today", { exact: true })).toBeVisible();
  await expect(row.getByRole("cell").nth(8)).toHaveText("1");
  await expectAccessible(page, "worklist");

  // Filter to urgent and seek-care reports; the patient stays.
  await page.getByLabel("Awaiting review").selectOption("care");
  await page.getByRole("button", { name: "Search" }).click();
  await expect(page).toHaveURL(/review=care/);
  await expect(row).toBeVisible();
  // "Nothing waiting" hides them.
  await page.getByLabel("Awaiting review").selectOption("none");
  await page.getByRole("button", { name: "Search" }).click();
  await expect(page.getByText("No patients match these filters.")).toBeVisible();

  // Sort from the keyboard: a header is a link; Enter sorts most flares first.
  await page.goto(`/patients?q=${encodeURIComponent(lastName)}`);
  await table.getByRole("link", { name: "Flares, 7 days" }).focus();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/sort=flares&dir=desc/);
  await expect(page.getByTestId("worklist").getByRole("columnheader", { name: "Flares, 7 days" })).toHaveAttribute("aria-sort", "descending");
  // Bad parameters fall back to the default list, never an error page.
  const res = await page.goto(`/patients?q=${encodeURIComponent(lastName)}&sort=nope&dir=up&review=all&page=-1&redFlag=perhaps`);
  expect(res?.status()).toBe(200);
  await expect(row).toBeVisible();

  // A tablet: the table scrolls inside its box, the page itself never sideways.
  await page.setViewportSize({ width: 820, height: 1180 });
  await page.goto("/patients");
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(820);
  await expectAccessible(page, "worklist on a tablet");
});
