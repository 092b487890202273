import { devices, type Page } from "@playwright/test";
import { expectAccessible, finalizeVignetteAssessment } from "./assessment-helpers";
import { expect, publishVersion, test } from "./fixtures";

// Exercise pictures (issue 18): the plan editor shows the drawing of an exercise found in the
// library, and the patient's page shows each exercise's drawing, which opens larger when tapped
// (a native <details>, so it works with JavaScript off too). Every picture has its alt text; axe
// finds nothing on either page.

const { defaultBrowserType: _ignored, ...iphone } = devices["iPhone 13"];

async function publishedLink(page: Page) {
  await finalizeVignetteAssessment(page);
  await page.getByRole("button", { name: "Create plan" }).click();
  await expect(page).toHaveURL(/\/plans\/[0-9a-f-]+$/);
  await publishVersion(page, 1);
  const link = await page.getByLabel("Patient link").inputValue();
  expect(link).toMatch(/\/p\/[A-Za-z0-9_-]{22}$/);
  return link;
}

test("[PICTURES]: a PT sees an exercise's drawing in the editor; the patient taps a drawing to enlarge it, with and without JavaScript", async ({ clinicianPage, browser }, testInfo) => {
  test.setTimeout(200_000);
  const link = await publishedLink(clinicianPage);

  // The editor: a library search shows each result's drawing with its alt text.
  await clinicianPage.getByLabel("Add from the exercise library").first().fill("split squat");
  const results = clinicianPage.getByRole("list", { name: /Library results for stage/ }).first();
  await expect(results.getByRole("img", { name: /^Start and end position of the split squat: start / })).toBeVisible();
  await expectAccessible(clinicianPage, "the plan editor with a library result's picture");

  for (const javaScriptEnabled of [true, false]) {
    const context = await browser.newContext({ ...iphone, viewport: { width: 390, height: 844 }, javaScriptEnabled, extraHTTPHeaders: { "X-Forwarded-For": `198.51.100.${(process.pid % 50) + (javaScriptEnabled ? 1 : 60)}` } });
    const page = await context.newPage();
    await page.goto(link);
    const pictures = page.locator("#plan").getByRole("img", { name: /^(Start and end position|Close-up of the foot)/ });
    await expect(pictures.first()).toBeVisible();
    // The exercise pictures are the <details> inside an exercise's list item (a stage is a <details> too).
    const details = page.locator("#plan li details").first();
    await details.locator("summary").click();
    await expect(details).toHaveAttribute("open", "");
    const large = details.locator(":scope > div svg[role=img]");
    await expect(large).toBeVisible();
    // Enlarged: nearly the phone's width, against 8 rem (128 px) for the small picture.
    expect((await large.boundingBox())!.width).toBeGreaterThan(250);
    await page.screenshot({ path: testInfo.outputPath(`patient-pictures-js-${javaScriptEnabled}.png`), fullPage: false });
    if (javaScriptEnabled) await expectAccessible(page, "the patient's page with an enlarged picture");
    await context.close();
  }
});
