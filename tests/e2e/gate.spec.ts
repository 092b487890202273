import AxeBuilder from "@axe-core/playwright";
import { expectAccessible, fillVignetteStep1, fillVignetteStep2, finalizeVignetteAssessment, saveAndContinue, startAssessment, yesNo } from "./assessment-helpers";
import { expect, publishVersion, test } from "./fixtures";

// Issue 11: the red-flag gate, before the decision (point 0) and after an amendment (point 2).
// Each test makes its own patient.

test("[GATE]: the tablet user's path — jump to review after step 2 — shows no decision and cannot finalize", async ({ clinicianPage: page }) => {
  const { base } = await startAssessment(page);
  await fillVignetteStep1(page);
  await saveAndContinue(page, 2);
  await fillVignetteStep2(page);
  await saveAndContinue(page, 3);
  await page.getByRole("link", { name: /7\. Review/ }).click();
  await expect(page).toHaveURL(/\/step\/7$/);

  await expect(page.getByRole("heading", { name: "No decision yet: the red-flag screen is incomplete" })).toBeVisible();
  for (const v of ["Push on", "Modify", "Back off"]) await expect(page.getByRole("heading", { name: v, exact: true })).toHaveCount(0);
  await expect(page.getByRole("region", { name: "Plan preview" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: /finalize/i })).toHaveCount(0);
  await expect(page.getByRole("link", { name: "Complete the red-flag screen (step 3)" })).toBeVisible();
  await expectAccessible(page, "review with an incomplete red-flag screen");
  await page.screenshot({ path: test.info().outputPath("review-incomplete.png"), fullPage: true });

  // The confirmation URL typed by hand changes nothing.
  await page.goto(`${base}/step/7?confirm=1`);
  await expect(page.getByRole("button", { name: /finalize/i })).toHaveCount(0);

  // Marking questions "not asked" needs the one reason, shown beside its field.
  await page.goto(`${base}/step/3`);
  for (const radio of await page.getByRole("radio", { name: "Not asked", exact: true }).all()) await radio.check();
  await yesNo(page, "Numbness in the saddle area (between the legs, genitals, inner thighs)", "No");
  await page.getByRole("button", { name: "Save and continue" }).click();
  await expect(page.getByText("Give the reason these questions were not asked (at least 3 characters)")).toBeVisible();
  await expect(page).toHaveURL(/\/step\/3$/);
  await expectAccessible(page, "red-flag step with a reason error");
  await page.screenshot({ path: test.info().outputPath("step3-not-asked.png"), fullPage: true });
  await page.getByLabel("Why these questions were not asked").fill("Phone triage, patient at work");
  await saveAndContinue(page, 4);

  // Now complete: the review shows a decision and finalize asks once more, listing what is unanswered.
  await page.goto(`${base}/step/7`);
  await expect(page.getByText(/12 red-flag questions were not asked: “Phone triage, patient at work”/)).toBeVisible();
  await page.getByRole("button", { name: "Finalize assessment", exact: true }).click();
  await expect(page).toHaveURL(/\/step\/7\?confirm=1$/);
  await expect(page.getByRole("heading", { name: /Still unanswered \(\d+\): finalize anyway\?/ })).toBeVisible();
  await expectAccessible(page, "finalize confirmation");
  await page.screenshot({ path: test.info().outputPath("finalize-confirm.png"), fullPage: true });
  await page.getByRole("button", { name: "Yes, finalize assessment" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Assessment finalized." })).toBeVisible();
});

test("[GATE]: after an amendment to urgent referral the patient's link says to contact the clinic, and nothing of the plan", async ({ clinicianPage: page, browser }) => {
  test.setTimeout(120_000);
  await finalizeVignetteAssessment(page);
  const assessmentUrl = page.url().split("?")[0]!;
  await page.getByRole("button", { name: "Create plan" }).click();
  await expect(page).toHaveURL(/\/plans\/[0-9a-f-]+$/);
  const planUrl = page.url();
  await publishVersion(page, 1);
  const link = await page.getByLabel("Patient link").inputValue();

  const phone = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const mobile = await phone.newPage();
  await mobile.goto(link);
  await expect(mobile.getByRole("heading", { name: "Your return-to-training plan" })).toBeVisible();

  // The PT corrects the red-flag screen: saddle numbness after all.
  await page.goto(`${assessmentUrl}/amend/3`);
  await yesNo(page, "Numbness in the saddle area (between the legs, genitals, inner thighs)", "Yes");
  await page.getByLabel("Reason for the correction").fill("Patient rang back: new saddle numbness since yesterday");
  await page.getByRole("button", { name: "Save amendment" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Amendment saved" })).toBeVisible();
  await expect(page.getByRole("alert").filter({ hasText: "Plan withdrawn from the patient" })).toBeVisible();
  await expectAccessible(page, "assessment page after the urgent amendment");
  await page.screenshot({ path: test.info().outputPath("assessment-withdrawn.png"), fullPage: true });

  await mobile.reload();
  await expect(mobile.getByRole("heading", { name: "Please contact your clinic now" })).toBeVisible();
  await expect(mobile.getByText(/Do not follow your training plan/)).toBeVisible();
  await expect(mobile.getByRole("heading", { name: "Your return-to-training plan" })).toHaveCount(0);
  await expect(mobile.getByText(/calf raise/i)).toHaveCount(0);
  await expect(mobile.getByText("GREEN: carry on")).toHaveCount(0);
  await expectAccessible(mobile, "patient page, plan withdrawn");
  await mobile.screenshot({ path: test.info().outputPath("patient-withdrawn.png"), fullPage: true });
  const pdf = await phone.request.get(`${link}/pdf`);
  expect(pdf.status()).toBe(200);
  expect(pdf.headers()["content-type"]).toBe("application/pdf");

  await page.goto(planUrl);
  await expect(page.getByRole("alert").filter({ hasText: "Withdrawn: urgent referral after an amendment" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Publishing blocked" })).toBeDisabled();
  await expectAccessible(page, "plan page, withdrawn");
  await page.screenshot({ path: test.info().outputPath("plan-withdrawn.png"), fullPage: true });

  await page.getByRole("link", { name: /^← / }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Plan withdrawn: urgent referral after an amendment" })).toBeVisible();
  // Scoped to the new alert: the record's progress charts have a pre-existing aria-hidden-focus
  // finding (not part of this change; reported separately).
  const scoped = await new AxeBuilder({ page }).include('[aria-label="Plan withdrawn"]').analyze();
  expect(scoped.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => v.id)).toEqual([]);
  await page.screenshot({ path: test.info().outputPath("patient-record-withdrawn.png"), fullPage: true });
  await phone.close();
});
