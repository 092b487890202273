import { devices } from "@playwright/test";
import { readFileSync } from "node:fs";
import {
  answerAllRedFlags,
  fillVignetteStep1,
  fillVignetteStep2,
  finalizeFromReview,
  finalizeVignetteAssessment,
  saveAndContinue,
  startAssessment,
  yesNo,
} from "./assessment-helpers";
import { expect, publishVersion, test } from "./fixtures";

// The plan from a final assessment to the patient's phone: edit (with a reason where the edit
// goes beyond the engine's limits), publish, open the private link on a phone-sized screen,
// download the PDF, then revoke the link and see it die. Each test seeds its own patient.


test("[PLAN]: a PT edits the plan, publishes it, the patient opens the link on a phone and downloads the PDF; revoking kills the link", async ({
  clinicianPage: page,
  browser,
}, testInfo) => {
  test.setTimeout(120_000);
  await finalizeVignetteAssessment(page);
  await page.getByRole("button", { name: "Create plan" }).click();
  await expect(page).toHaveURL(/\/plans\/[0-9a-f-]+$/);
  await expect(page.getByRole("heading", { name: /Stage 1: / })).toBeVisible();

  // An effort cap above the engine's needs a reason. Saved from the bottom of the page, the
  // server's refusal brings the reason box into view and focus, and the save bar says what is wrong.
  const stage1 = page.getByRole("group", { name: /^Stage 1:/ });
  const stage2 = page.getByRole("group", { name: /^Stage 2:/ });
  const saveBar = page.getByTestId("save-bar");
  await expect(stage1.getByText(/^Safety limits from the assessment: /)).toBeVisible();
  await stage1.getByLabel("Effort cap (RPE 1-10)").fill("7");
  await expect(stage1.getByText(/Effort cap RPE 7, above the engine's RPE/)).toBeVisible();
  await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
  await expect(saveBar).toBeInViewport();
  await saveBar.getByRole("button", { name: "Save as version 2" }).click();
  const reason = stage1.getByLabel("Reason for going beyond the limits (stage 1)");
  await expect(reason).toHaveAttribute("aria-invalid", "true");
  await expect(stage1.getByText(/Give a reason/)).toBeVisible();
  await expect(reason).toBeFocused();
  await expect(reason).toBeInViewport();
  await expect(saveBar).toContainText("Not saved: one thing to fix.");
  const addReason = saveBar.getByRole("button", { name: "Stage 1: add a reason for going beyond the safety limits." });
  await expect(addReason).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath("save-refused-reason.png") });
  // The bar's line goes back to the field from anywhere on the page.
  await page.getByRole("textbox", { name: "Notes for the patient (whole plan)" }).focus();
  await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
  await expect(reason).not.toBeInViewport();
  await addReason.click();
  await expect(reason).toBeFocused();
  await expect(reason).toBeInViewport();
  await reason.fill("Patient tolerates tempo running well; agreed to stop at amber.");
  await expect(reason).toHaveAttribute("aria-invalid", "false");
  await expect(saveBar).not.toContainText("Not saved");

  // Errors the browser finds: focus goes to the one highest on the page, the bar lists both.
  const reps1 = stage1.getByLabel("Reps").first();
  const reps1Value = await reps1.inputValue();
  await reps1.fill("");
  await stage2.getByLabel("Effort cap (RPE 1-10)").fill("11");
  await page.evaluate(() => window.scrollTo(0, 0));
  await saveBar.getByRole("button", { name: "Save as version 2" }).click();
  await expect(reps1).toBeFocused();
  await expect(reps1).toBeInViewport();
  await expect(saveBar).toContainText("Not saved: 2 things to fix.");
  await expect(saveBar.getByRole("button", { name: "Stage 1, exercise 1: Enter reps, time or distance." })).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath("save-refused-two.png") });
  await saveBar.getByRole("button", { name: "Stage 2: The effort cap must be at most 10." }).click();
  await expect(stage2.getByLabel("Effort cap (RPE 1-10)")).toBeFocused();
  await expect(stage2.getByLabel("Effort cap (RPE 1-10)")).toBeInViewport();
  await stage2.getByLabel("Effort cap (RPE 1-10)").fill("4");
  await reps1.fill(reps1Value);
  await expect(saveBar).not.toContainText("Not saved");

  // On a tablet, either way round, reps such as "8-12" or "3x10 each side" (and the library's
  // longest) show whole in their box.
  await stage1.getByLabel("Reps").nth(1).fill("3x10 each side");
  await stage1.getByLabel("Reps").nth(2).fill("8-12");
  for (const viewport of [
    { width: 768, height: 1024 },
    { width: 1024, height: 768 },
  ]) {
    await page.setViewportSize(viewport);
    const boxes = await page.getByLabel("Reps").evaluateAll((els) => els.map((e) => ({ value: (e as HTMLInputElement).value, scroll: e.scrollWidth, client: e.clientWidth })));
    expect(boxes.map((b) => b.value)).toEqual(expect.arrayContaining(["3x10 each side", "8-12"]));
    expect(boxes.some((b) => b.value.length >= 40), "a long library value is among them").toBe(true);
    for (const b of boxes) expect(b.scroll, `"${b.value}" at ${viewport.width}x${viewport.height}`).toBeLessThanOrEqual(b.client);
    await stage1.getByLabel("Reps").nth(1).scrollIntoViewIfNeeded();
    await page.screenshot({ path: testInfo.outputPath(`reps-${viewport.width}x${viewport.height}.png`) });
  }
  await page.setViewportSize({ width: 1280, height: 720 });

  // Exercises: remove the second, add one from the library, move it to the top.
  const firstName = await stage1.getByLabel("Exercise 1", { exact: true }).inputValue();
  await stage1.getByRole("button", { name: "Remove exercise 2" }).click();
  await stage1.getByLabel("Add from the exercise library").fill("glute");
  await stage1.getByRole("button", { name: "Add Glute bridge to stage 1" }).click();
  const count = await stage1.getByTestId(/^exercise-0-/).count();
  for (let i = count; i > 1; i--) await stage1.getByRole("button", { name: `Move exercise ${i} up` }).click();
  await expect(stage1.getByLabel("Exercise 1", { exact: true })).toHaveValue("Glute bridge");
  await expect(stage1.getByLabel("Exercise 2", { exact: true })).toHaveValue(firstName);
  await stage1.getByLabel("Note for this stage").fill("Soft surfaces where you can.");
  await page.getByRole("button", { name: "Save as version 2" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Saved as version 2." })).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath("editor.png"), fullPage: true });

  // Publish asks once, naming the version; Cancel publishes nothing.
  const publish = page.getByRole("button", { name: "Publish version 2", exact: true });
  await publish.click();
  const dialog = page.getByRole("alertdialog", { name: "Publish version 2?" });
  await expect(dialog).toContainText("The patient will see version 2");
  await page.screenshot({ path: testInfo.outputPath("publish-confirm.png") });
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(dialog).toBeHidden();
  await expect(publish).toBeFocused();
  await expect(page.getByText("Not published yet: the patient sees nothing until you publish.")).toBeVisible();
  // Confirmed: published, and the link is shown once.
  await publishVersion(page, 2);
  const link = await page.getByLabel("Patient link").inputValue();
  expect(link).toMatch(/\/p\/[A-Za-z0-9_-]{22}$/);
  await expect(page.getByRole("button", { name: "Version 2 is published" })).toBeVisible();

  // The patient, on a phone, with no session.
  const { defaultBrowserType: _ignored, ...iphone } = devices["iPhone 13"];
  const phone = await browser.newContext({ ...iphone, viewport: { width: 390, height: 844 }, acceptDownloads: true });
  const mobile = await phone.newPage();
  await mobile.goto(link);
  await expect(mobile.getByRole("heading", { name: "Your return-to-training plan" })).toBeVisible();
  await expect(mobile.getByRole("heading", { name: "Back off for now, then rebuild" })).toBeVisible();
  await expect(mobile.getByText("Glute bridge").first()).toBeVisible();
  await expect(mobile.getByText("Soft surfaces where you can.")).toBeVisible();
  await expect(mobile.getByText("GREEN: carry on")).toBeVisible();
  // Nothing of the clinic's app is reachable from here.
  expect(await mobile.locator("a[href^='/patients'], a[href='/'], a[href^='/admin']").count()).toBe(0);
  const width = await mobile.evaluate(() => document.documentElement.scrollWidth);
  expect(width).toBeLessThanOrEqual(390);
  await mobile.screenshot({ path: testInfo.outputPath("patient-phone.png"), fullPage: true });

  const [download] = await Promise.all([mobile.waitForEvent("download"), mobile.getByTestId("download-pdf").click()]);
  const file = await download.path();
  const pdf = readFileSync(file);
  expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
  expect(pdf.length).toBeGreaterThan(10_000);

  // Revoke: the page and the PDF answer the same plain 404.
  await page.getByRole("button", { name: "Revoke link" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Link revoked." })).toBeVisible();
  const res = await mobile.goto(link);
  expect(res?.status()).toBe(404);
  await expect(mobile.getByRole("heading", { name: "Page not found" })).toBeVisible();
  expect((await phone.request.get(`${link}/pdf`)).status()).toBe(404);
  await phone.close();
});

test("[PLAN]: a PT opens a plan paused for a fever: only walking guidance and notes to edit; the patient reads no training for now", async ({
  clinicianPage: page,
  browser,
}, testInfo) => {
  test.setTimeout(120_000);
  await startAssessment(page);
  await fillVignetteStep1(page);
  await saveAndContinue(page, 2);
  await fillVignetteStep2(page);
  await saveAndContinue(page, 3);
  await answerAllRedFlags(page, "No");
  await yesNo(page, "Fever or feeling generally unwell", "Yes");
  for (const n of [4, 5, 6, 7]) await saveAndContinue(page, n);
  await expect(page.getByRole("heading", { name: "Refer", exact: true, level: 2 })).toBeVisible();
  const gate = page.getByRole("form", { name: "Record referral or override" });
  await gate.getByLabel("Referred for medical review").check();
  await gate.getByLabel("Referred to (for a referral)").fill("GP, same week");
  await gate.getByLabel("Date of referral (for a referral)").fill("2026-12-01");
  await gate.getByRole("button", { name: "Record" }).click();
  await expect(page.getByText(/GP, same week/).first()).toBeVisible();
  await finalizeFromReview(page);
  await page.getByRole("button", { name: "Create plan" }).click();
  await expect(page).toHaveURL(/\/plans\/[0-9a-f-]+$/);

  // The editor: the stage says what it is, and offers nothing to load or progress.
  const stage = page.getByRole("group", { name: "Stage 1: Paused until a doctor has seen the patient" });
  await expect(stage).toBeVisible();
  for (const label of ["Stage lasts at least (weeks)", "Volume % of usual, up to", "Effort cap (RPE 1-10)", "Add from the exercise library"]) await expect(stage.getByLabel(label)).toHaveCount(0);
  await expect(stage.getByRole("checkbox")).toHaveCount(0);
  await stage.getByLabel("Walking and daily activity meanwhile (one per line)").fill("Short walks on the flat, 10 minutes");
  await stage.getByLabel("Note for this stage").fill("See your GP this week.");
  await page.getByRole("button", { name: "Save as version 2" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Saved as version 2." })).toBeVisible();
  await expect(stage.getByLabel("Walking and daily activity meanwhile (one per line)")).toHaveValue("Short walks on the flat, 10 minutes");
  await page.screenshot({ path: testInfo.outputPath("paused-editor.png"), fullPage: true });

  await publishVersion(page, 2);
  const link = await page.getByLabel("Patient link").inputValue();
  const phone = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const mobile = await phone.newPage();
  await mobile.goto(link);
  await expect(mobile.getByRole("heading", { name: "Pause training, and see a doctor" })).toBeVisible();
  await expect(mobile.getByTestId("paused-stage")).toHaveText("No training for now: see your doctor first. Meanwhile: short walks on the flat, 10 minutes.");
  await expect(mobile.getByText("See your GP this week.")).toBeVisible();
  for (const row of ["How much", "How hard", "Strength work, twice a week"]) await expect(mobile.getByText(row, { exact: true })).toHaveCount(0);
  await mobile.screenshot({ path: testInfo.outputPath("paused-patient-phone.png"), fullPage: true });
  await phone.close();
});

test("[PLAN]: a wrong patient link gets the plain 404", async ({ browser }) => {
  const ctx = await browser.newContext();
  const page = await ctx.newPage();
  const res = await page.goto("/p/AAAAAAAAAAAAAAAAAAAAAA");
  expect(res?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
  expect(await page.locator("a").count()).toBe(0);
  await ctx.close();
});
