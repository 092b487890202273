import { answerAllRedFlags, expectAccessible, finalizeFromReview, saveAndContinue, startAssessment } from "./assessment-helpers";
import { addPatient, expect, test, unique } from "./fixtures";
import type { Page } from "@playwright/test";

// Issue 14: the questions fit the patient's region and sport, and a lower-limb complaint gets the
// LEFS beside the PSFS. Each test makes its own patient.

const group = (page: Page, name: string) => page.getByRole("group", { name, exact: true });
const SPINAL = ["Cannot bend forward", "Pain travelling below the knee"];
const LIFTING = "Weights are moving normally";

test("[ASSESSMENT]: an Achilles runner is not asked spinal or lifting questions, scores the LEFS, and sees it on the review and the patient page", async ({ clinicianPage: page }) => {
  const { patientUrl } = await startAssessment(page);
  await saveAndContinue(page, 2);

  await page.getByLabel("Region", { exact: true }).selectOption("achilles_calf");
  await page.getByLabel("Onset", { exact: true }).selectOption("gradual");
  await page.getByLabel("Days since onset (days)").fill("30");
  await page.getByLabel("Pain during activity (0-10)").fill("3");
  await page.getByLabel("Next morning after training").selectOption("same");
  await page.getByLabel("Trend over the last weeks").selectOption("stable");
  for (const q of SPINAL) await expect(group(page, q)).toHaveCount(0);
  await expect(group(page, "Tingling or numbness in the leg or foot")).toBeVisible();
  await expect(group(page, "Sharp pain during activity")).toBeVisible();
  await expectAccessible(page, "step 2 (Achilles)");
  await saveAndContinue(page, 3);

  // The red-flag screen is complete for everyone.
  await expect(page.getByRole("radio", { name: "Not asked", exact: true })).toHaveCount(13);
  await answerAllRedFlags(page, "No");
  await saveAndContinue(page, 4);
  await saveAndContinue(page, 5);

  await expect(group(page, LIFTING)).toHaveCount(0);
  await expect(group(page, "Reluctance to train is mainly about motivation")).toBeVisible();
  await page.getByLabel("Fatigue pattern").selectOption("multi_day");
  await expectAccessible(page, "step 5 (runner)");
  await saveAndContinue(page, 6);

  const lefs = page.getByRole("group", { name: "Lower Extremity Functional Scale (LEFS)" });
  await expect(lefs).toBeVisible();
  await expect(lefs.getByRole("group")).toHaveCount(20);
  for (const radio of await lefs.getByRole("radio", { name: "3: A little bit of difficulty" }).all()) await radio.check();
  await lefs.getByRole("group", { name: "20. Rolling over in bed." }).getByRole("radio", { name: "4: No difficulty" }).check();
  await expect(lefs.getByText("61 / 80")).toBeVisible();
  await page.getByLabel("Activity 1", { exact: true }).fill("Running 5 km");
  await page.getByLabel("Activity 1 score (0-10)").fill("5");
  await expectAccessible(page, "step 6 with the LEFS");
  await saveAndContinue(page, 7);

  const lefsSummary = page.getByRole("region", { name: "Lower Extremity Functional Scale" });
  await expect(lefsSummary.getByText("61 / 80")).toBeVisible();
  const missing = page.getByRole("region", { name: "Still unanswered" });
  for (const q of ["Cannot bend forward", "Pain travelling below the knee", "Weights moving normally"]) {
    await expect(missing.getByText(q, { exact: true })).toHaveCount(0);
  }
  // No reason of an Achilles complaint cites the back-pain articles as its source.
  const reasons = page.getByRole("region", { name: "Reasons" });
  await expect(reasons.getByText(/^Source:/).first()).toBeVisible();
  await expect(reasons.getByText(/Running With Back Pain|Back Pain” \(PT article\)/)).toHaveCount(0);
  await expectAccessible(page, "review with the LEFS");

  await finalizeFromReview(page);
  await page.goto(patientUrl);
  const chart = page.getByRole("figure").filter({ hasText: "Lower Extremity Functional Scale" });
  await expect(chart).toBeVisible();
  await chart.getByText("Show as table").click();
  await expect(chart.getByRole("cell", { name: "61", exact: true })).toBeVisible();
  await expectAccessible(page, "patient page with the LEFS chart");
});

test("[ASSESSMENT]: a lumbar lifter is asked the spinal and lifting questions, and gets no LEFS", async ({ clinicianPage: page }) => {
  await addPatient(page, { firstName: "Luca", lastName: unique("Lifter"), sport: "lifting" });
  await page.getByRole("button", { name: "New assessment" }).click();
  await expect(page).toHaveURL(/\/step\/1$/);
  await expect(page.getByLabel("Main sport")).toHaveValue("lifting");
  await saveAndContinue(page, 2);

  await page.getByLabel("Region", { exact: true }).selectOption("lumbar");
  for (const q of SPINAL) await expect(group(page, q)).toBeVisible();
  // The checklist follows the region as it changes.
  await page.getByLabel("Region", { exact: true }).selectOption("knee");
  for (const q of SPINAL) await expect(group(page, q)).toHaveCount(0);
  await page.getByLabel("Region", { exact: true }).selectOption("lumbar");
  for (const q of SPINAL) await expect(group(page, q)).toBeVisible();
  await page.getByLabel("Onset", { exact: true }).selectOption("acute");
  await page.getByLabel("Days since onset (days)").fill("3");
  await group(page, "Cannot bend forward").getByLabel("Yes", { exact: true }).check();
  await expectAccessible(page, "step 2 (lumbar)");
  await saveAndContinue(page, 3);
  await expect(page.getByRole("radio", { name: "Not asked", exact: true })).toHaveCount(13);
  await saveAndContinue(page, 4);
  await saveAndContinue(page, 5);

  await expect(group(page, LIFTING)).toBeVisible();
  await expectAccessible(page, "step 5 (lifter)");
  await saveAndContinue(page, 6);
  await expect(page.getByRole("group", { name: "Lower Extremity Functional Scale (LEFS)" })).toHaveCount(0);
  await expect(page.getByRole("group", { name: "Patient-Specific Functional Scale (PSFS)" })).toBeVisible();
});

test("[ASSESSMENT]: the date-of-birth error does not name a format the date box does not show", async ({ clinicianPage: page }) => {
  await page.goto("/patients/new");
  await page.getByLabel("First name").fill("Dana");
  await page.getByLabel("Last name").fill(unique("Dates"));
  await page.getByLabel("Sex").selectOption("female");
  await page.getByLabel("Main sport").selectOption("running");
  await page.getByRole("button", { name: "Add patient" }).click();
  const error = page.getByText("Enter the date of birth: day, month and year");
  await expect(error).toBeVisible();
  await expect(page.getByText(/YYYY|MM\/DD|DD\/MM/i)).toHaveCount(0);
  await expect(page.getByLabel("Date of birth")).toHaveAttribute("aria-invalid", "true");
  await expectAccessible(page, "new patient with a date error");
});
