import { devices } from "@playwright/test";
import { CLINICIAN_WORDS } from "../support/patient-words";
import { finalizeVignetteAssessment } from "./assessment-helpers";
import { expect, publishVersion, test } from "./fixtures";

// Numbers a patient can follow (issue 14): the link shows each stage's share of the usual week as
// the kilometres and hours the PT recorded in the assessment (the vignette: 30 km and 4 hours),
// every number with its unit, and none of the clinician's words. On a phone, with no session.

const { defaultBrowserType: _ignored, ...iphone } = devices["iPhone 13"];

test("[PLAN]: the patient's link says how much to train in km and hours of their own usual week", async ({ clinicianPage: page, browser }, testInfo) => {
  await finalizeVignetteAssessment(page);
  await page.getByRole("button", { name: "Create plan" }).click();
  await expect(page).toHaveURL(/\/plans\/[0-9a-f-]+$/);
  await publishVersion(page, 1);
  const link = await page.getByLabel("Patient link").inputValue();

  // Its own address as the one trusted proxy sees it, so the shared patient-link limit is not drained.
  const context = await browser.newContext({ ...iphone, viewport: { width: 390, height: 844 }, extraHTTPHeaders: { "X-Forwarded-For": `198.51.100.${200 + (process.pid % 50)}` } });
  const mobile = await context.newPage();
  await mobile.goto(link);
  const stage1 = mobile.locator("details").filter({ has: mobile.getByText(/^Stage 1: /) });
  const amounts = "60-80 % of your usual week: about 18–24 km of running and 2 h 25 min to 3 h 10 min of training in all";
  await expect(stage1.getByRole("definition").filter({ hasText: amounts })).toBeVisible();
  await expect(mobile.getByRole("listitem").filter({ hasText: `Train at ${amounts}.` })).toBeVisible();
  // Stage 2 (70-90 %) is folded; its amounts are there when opened.
  const stage2 = mobile.locator("details").filter({ has: mobile.getByText(/^Stage 2: /) });
  await stage2.locator(":scope > summary").click();
  await expect(stage2.getByText("70-90 % of your usual week: about 21–27 km of running and 2 h 50 min to 3 h 35 min of training in all")).toBeVisible();

  const words = await mobile.locator("main").innerText();
  expect(CLINICIAN_WORDS.filter(([re]) => re.test(words)).map(([re]) => String(re))).toEqual([]);
  expect(await mobile.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await mobile.screenshot({ path: testInfo.outputPath("patient-numbers-phone.png"), fullPage: true });
  await context.close();
});
