import { devices } from "@playwright/test";
import { expectAccessible, finalizeVignetteAssessment } from "./assessment-helpers";
import { expect, publishVersion, test } from "./fixtures";

// Discharge (issue 13, ADR 0018): the clinician discharges the patient on the edit form; the
// patient's link on a phone keeps the plan under the finished-program notice, with no check-in
// forms; setting the patient active again brings the forms back. The demo clinic's settings are
// shared by every spec, so this one sets no contact details and reads "your clinic".

const { defaultBrowserType: _ignored, ...iphone } = devices["iPhone 13"];

test("[DISCHARGE]: the clinician discharges a patient; their phone shows the plan and the notice, no check-in forms; reactivating reopens them", async ({
  clinicianPage: page,
  browser,
}, testInfo) => {
  test.setTimeout(180_000);
  await finalizeVignetteAssessment(page);
  await page.getByRole("button", { name: "Create plan" }).click();
  await expect(page).toHaveURL(/\/plans\/[0-9a-f-]+$/);
  await publishVersion(page, 1);
  const link = await page.getByLabel("Patient link").inputValue();
  const patientUrl = page.url().replace(/\/plans\/[0-9a-f-]+$/, "");

  const setStatus = async (label: string) => {
    await page.goto(`${patientUrl}/edit`);
    await page.getByLabel("Status").selectOption({ label });
    await page.getByRole("button", { name: "Save changes" }).click();
    await expect(page).toHaveURL(/\?saved=1$/);
  };
  await setStatus("Discharged: the link keeps the plan, check-ins close");
  await expect(page.getByText("Discharged", { exact: true })).toBeVisible();

  const context = await browser.newContext({ ...iphone, viewport: { width: 390, height: 844 }, extraHTTPHeaders: { "X-Forwarded-For": `198.51.100.${(process.pid % 50) + 200}` } });
  const phone = await context.newPage();
  await phone.goto(link);
  const notice = phone.getByTestId("finished-notice");
  await expect(notice.getByRole("heading", { name: "Your clinic has finished your program" })).toBeVisible();
  await expect(notice).toContainText("check-ins are closed");
  await expect(notice).toContainText("contact your clinic.");
  await expect(phone.getByRole("heading", { name: "Your return-to-training plan" })).toBeVisible();
  await expect(phone.getByRole("heading", { name: "When to stop and seek care" })).toBeVisible();
  await expect(phone.locator("form")).toHaveCount(0);
  await expect(phone.getByRole("heading", { name: "Log a session" })).toHaveCount(0);
  // The notice's link lands on the warning signs.
  await notice.getByRole("link", { name: "Go to the warning signs" }).click();
  await expect(phone).toHaveURL(/#seek-care$/);
  await expectAccessible(phone, "discharged patient's page");
  await phone.screenshot({ path: testInfo.outputPath("discharged-phone.png"), fullPage: true });

  await setStatus("Active: the patient's link takes check-ins");
  await phone.goto(link);
  await expect(phone.getByTestId("finished-notice")).toHaveCount(0);
  await expect(phone.getByRole("form", { name: "Log a session" })).toBeVisible();
  await context.close();
});
