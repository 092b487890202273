import { devices, type Browser, type BrowserContext, type Page } from "@playwright/test";
import { expectAccessible, finalizeVignetteAssessment } from "./assessment-helpers";
import { expect, publishVersion, test } from "./fixtures";

// The patient's check-ins on their private link, on a phone (issue 12). The e2e server runs with
// LOADWISE_TEST_CLOCK=1, so each phone context names its own "now" in a header and the sessions of
// several days happen in one test (ADR 0015). Each context also plays the one trusted proxy with an
// address of its own, so this spec never drains the patient-link limit other specs share.

const { defaultBrowserType: _ignored, ...iphone } = devices["iPhone 13"];
let addr = 0;

/** Today in London (the clinic's default zone) at noon UTC, plus `days`. */
function dayAt(days: number, hourUtc = 12) {
  const today = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/London" }).format(new Date());
  const d = new Date(`${today}T${String(hourUtc).padStart(2, "0")}:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString();
}

async function publishedLink(page: Page) {
  await finalizeVignetteAssessment(page);
  await page.getByRole("button", { name: "Create plan" }).click();
  await expect(page).toHaveURL(/\/plans\/[0-9a-f-]+$/);
  await publishVersion(page, 1);
  const link = await page.getByLabel("Patient link").inputValue();
  expect(link).toMatch(/\/p\/[A-Za-z0-9_-]{22}$/);
  return link;
}

async function phone(browser: Browser, opts: { javaScriptEnabled?: boolean } = {}) {
  const xff = `198.51.100.${(process.pid % 100) + 100 + (++addr % 50)}`;
  const context = await browser.newContext({
    ...iphone,
    viewport: { width: 390, height: 844 },
    javaScriptEnabled: opts.javaScriptEnabled ?? true,
    extraHTTPHeaders: { "X-Forwarded-For": xff },
  });
  const setClock = (iso: string) => context.setExtraHTTPHeaders({ "X-Forwarded-For": xff, "x-loadwise-test-now": iso });
  return { context, setClock, page: await context.newPage() };
}

const logForm = (page: Page) => page.getByRole("form", { name: "Log a session" });
const morningForm = (page: Page) => page.getByRole("form", { name: "How is it this morning?" });

async function logSession(page: Page, o: { pain: string; symptom?: string; what?: string }) {
  const f = logForm(page);
  await f.getByRole("group", { name: "What did you do?" }).getByLabel(o.what ?? "Run", { exact: true }).check();
  await f.getByRole("group", { name: "How did it go?" }).getByLabel("Done as planned").check();
  await f.getByLabel("Minutes").fill("30");
  await f.getByRole("group", { name: "Worst pain during the session" }).getByLabel(o.pain, { exact: true }).check();
  await f.getByLabel(o.symptom ?? "None of these").check();
  await f.getByRole("button", { name: "Save this session" }).click();
}

async function answerMorning(page: Page, o: { pain: string; compared: "About the same" | "Worse than before the session" | "Better than before the session" }) {
  const f = morningForm(page);
  await f.getByRole("group", { name: "Pain when you woke up or took your first steps" }).getByLabel(o.pain, { exact: true }).check();
  await f.getByLabel(o.compared).check();
  await f.getByLabel("None of these").check();
  await f.getByRole("button", { name: "Save this morning's answer" }).click();
}

const light = (page: Page) => page.getByTestId("checkin-light");

async function close(c: BrowserContext) {
  await c.close();
}

test("[CHECKINS]: the patient logs three sessions and their mornings and sees green; a flare the next morning shows red with the plan's 10-20 % cut", async ({
  clinicianPage,
  browser,
}, testInfo) => {
  test.setTimeout(180_000);
  const link = await publishedLink(clinicianPage);
  const { context, setClock, page } = await phone(browser);

  await setClock(dayAt(0));
  await page.goto(link);
  await expect(page.getByTestId("plan-position")).toContainText(/Stage 1 of \d, week 1: /);
  await expectAccessible(page, "check-in page");
  await page.screenshot({ path: testInfo.outputPath("checkin-start.png"), fullPage: true });
  // Saving with nothing chosen: an error beside each question, checked live by the same schema.
  await logForm(page).getByRole("button", { name: "Save this session" }).click();
  await expect(logForm(page).getByText("Choose what you did.")).toBeVisible();
  await expect(logForm(page).getByText(/or tick .None of these./)).toBeVisible();
  await expectAccessible(page, "errors beside each field");
  await logSession(page, { pain: "2" });
  await expect(page).toHaveURL(/saved=session/);
  await expect(light(page)).toHaveAttribute("data-level", "green");
  await expect(light(page)).toContainText("Green: carry on with your plan");
  await expectAccessible(page, "after logging a session");

  for (let d = 1; d <= 3; d++) {
    await setClock(dayAt(d, 8));
    await page.goto(link);
    await expect(morningForm(page)).toBeVisible();
    if (d === 1) {
      await expectAccessible(page, "morning question");
      await page.screenshot({ path: testInfo.outputPath("checkin-morning.png"), fullPage: true });
    }
    await answerMorning(page, { pain: "1", compared: "About the same" });
    await expect(page).toHaveURL(/saved=morning/);
    await expect(light(page)).toHaveAttribute("data-level", "green");
    if (d < 3) {
      await logSession(page, { pain: "2" });
      await expect(light(page)).toHaveAttribute("data-level", "green");
    }
  }
  await page.screenshot({ path: testInfo.outputPath("checkin-green.png"), fullPage: true });
  await expect(page.getByTestId("checkin-history").getByRole("listitem")).toHaveCount(3);

  // A fourth session, and the next morning is worse than before it: red, in the plan's words.
  await logSession(page, { pain: "3" });
  await setClock(dayAt(4, 8));
  await page.goto(link);
  await answerMorning(page, { pain: "4", compared: "Worse than before the session" });
  await expect(light(page)).toHaveAttribute("data-level", "red");
  await expect(light(page)).toContainText(/do 10-20 % less than the stage sets/);
  await expectAccessible(page, "red light");
  await page.screenshot({ path: testInfo.outputPath("checkin-red.png"), fullPage: true });
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width).toBeLessThanOrEqual(390);
  await close(context);
});

test("[CHECKINS]: an urgent symptom shows what to do and where to go, before anything else", async ({ clinicianPage, browser }, testInfo) => {
  test.setTimeout(150_000);
  const link = await publishedLink(clinicianPage);
  const { context, setClock, page } = await phone(browser);
  await setClock(dayAt(0));
  await page.goto(link);
  await logSession(page, { pain: "3", symptom: "Chest pain, or getting out of breath far more easily than usual" });
  const urgent = page.getByRole("alert").filter({ hasText: "Stop training and get urgent medical help now" });
  await expect(urgent).toBeVisible();
  await expect(urgent).toContainText(/emergency department/);
  // First on the page: above where the patient is, the forms and the plan.
  const top = await urgent.boundingBox();
  const position = await page.getByTestId("plan-position").boundingBox();
  expect(top!.y).toBeLessThan(position!.y);
  await expect(page.locator("main > *").first()).toContainText("get urgent medical help now");
  await expectAccessible(page, "urgent instructions");
  await page.screenshot({ path: testInfo.outputPath("checkin-urgent.png"), fullPage: true });
  await close(context);
});

test("[CHECKINS]: with JavaScript off the patient logs a session, sees errors beside each field, then the light", async ({ clinicianPage, browser }, testInfo) => {
  test.setTimeout(150_000);
  const link = await publishedLink(clinicianPage);
  const { context, setClock, page } = await phone(browser, { javaScriptEnabled: false });
  await setClock(dayAt(0));
  await page.goto(link);
  // Nothing chosen: the server answers with an error beside each question.
  await logForm(page).getByRole("button", { name: "Save this session" }).click();
  const f = logForm(page);
  await expect(f.getByText("Choose what you did.")).toBeVisible();
  await expect(f.getByText(/Choose how it went/)).toBeVisible();
  await expect(f.getByText(/Choose your worst pain/)).toBeVisible();
  await expect(f.getByText(/or tick .None of these./)).toBeVisible();
  // (axe needs JavaScript in the page: the same error screen is checked with it in the first test.)
  await page.screenshot({ path: testInfo.outputPath("checkin-errors-nojs.png"), fullPage: true });
  await logSession(page, { pain: "2", what: "Strength exercises" });
  await expect(page).toHaveURL(/saved=session/);
  await expect(light(page)).toHaveAttribute("data-level", "green");
  await expect(page.getByTestId("checkin-history")).toContainText("Strength exercises");
  await close(context);
});

test("[CHECKINS]: the clinician sees the current plan, the check-ins at a glance and the pain chart on the patient page", async ({ clinicianPage, browser }, testInfo) => {
  test.setTimeout(180_000);
  const link = await publishedLink(clinicianPage);
  const patientUrl = clinicianPage.url().replace(/\/plans\/[0-9a-f-]+$/, "");
  const { context, setClock, page } = await phone(browser);
  // Three sessions over three days; the third goes over the acceptable limit (a flare).
  const pains = ["2", "4", "6"];
  for (let d = 0; d < pains.length; d++) {
    await setClock(dayAt(d, 8));
    await page.goto(link);
    if (d > 0) {
      await answerMorning(page, { pain: "1", compared: "About the same" });
      await expect(page).toHaveURL(/saved=morning/);
    }
    await logSession(page, { pain: pains[d]! });
    await expect(page).toHaveURL(/saved=session/);
  }
  await close(context);

  // The clinician reads the page on the day after the flare (the same test clock).
  await clinicianPage.context().setExtraHTTPHeaders({ "x-loadwise-test-now": dayAt(3, 9) });
  await clinicianPage.setViewportSize({ width: 1280, height: 900 });
  await clinicianPage.goto(patientUrl);
  const card = clinicianPage.getByRole("region", { name: "Current plan" });
  await expect(card).toContainText(/Stage 1 of \d: /);
  await expect(card).toContainText("Version 1");
  await expect(card.getByTestId("plan-link-state")).toContainText("Live until ");
  const glance = card.getByTestId("checkins-glance");
  await expect(glance.getByText("Sessions, last 7 days").locator("xpath=following-sibling::dd")).toHaveText("3");
  await expect(glance.getByText("Flares in this stage").locator("xpath=following-sibling::dd")).toHaveText("1");
  // The card sits after any withdrawn-plan alert and before the details.
  const details = clinicianPage.getByRole("heading", { name: "Details", level: 2 });
  expect((await card.boundingBox())!.y).toBeLessThan((await details.boundingBox())!.y);
  // The picture: two series, the green band, the acceptable limit and the stage-start line.
  const chart = card.getByTestId("checkin-pain-chart");
  await expect(chart.locator(".recharts-line")).toHaveCount(2);
  await expect(chart.locator(".recharts-line-dots circle")).toHaveCount(3 + 2);
  await expect(chart.locator(".recharts-reference-area")).toHaveCount(1);
  await expect(chart.locator(".recharts-reference-line")).toHaveCount(2);
  await expect(card.getByRole("link", { name: "Open plan" })).toHaveAttribute("href", /\/patients\/[0-9a-f-]+\/plans\/[0-9a-f-]+$/);
  await expectAccessible(clinicianPage, "patient page with the current plan card");
  await clinicianPage.screenshot({ path: testInfo.outputPath("current-plan-1280.png"), fullPage: true });
  // The same numbers as a table.
  await card.getByText("Show as table").click();
  const table = card.getByRole("table", { name: "Pain per session" });
  await expect(table.getByRole("row")).toHaveCount(1 + 3);
  await expect(table.getByRole("row").nth(3)).toContainText("6/10");
  await expectAccessible(clinicianPage, "current plan card, table open");
  await clinicianPage.setViewportSize({ width: 820, height: 1100 });
  await clinicianPage.screenshot({ path: testInfo.outputPath("current-plan-820.png"), fullPage: true });
  const width = await clinicianPage.evaluate(() => document.documentElement.scrollWidth);
  expect(width).toBeLessThanOrEqual(820);
});
