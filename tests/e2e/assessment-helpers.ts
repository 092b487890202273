import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { addPatient, expect, unique } from "./fixtures";

// Driving the assessment steps in a browser, shared by the assessment and plan specs.

export async function startAssessment(page: Page) {
  const url = await addPatient(page, { firstName: "Asha", lastName: unique("Runner") });
  await page.getByRole("button", { name: "New assessment" }).click();
  await expect(page).toHaveURL(/\/assessments\/[0-9a-f-]+\/step\/1$/);
  return { patientUrl: url, base: page.url().replace(/\/step\/1$/, "") };
}

/** axe: no serious or critical violation on the page as it is now. */
export async function expectAccessible(page: Page, where: string) {
  const result = await new AxeBuilder({ page }).analyze();
  const bad = result.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(bad.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`), `axe on ${where}`).toEqual([]);
}

export const yesNo = (page: Page, question: string, answer: "Yes" | "No") =>
  page.getByRole("group", { name: question, exact: true }).getByLabel(answer, { exact: true }).check();

export async function saveAndContinue(page: Page, next: number) {
  await page.getByRole("button", { name: next === 7 ? "Save and review" : "Save and continue" }).click();
  await expect(page).toHaveURL(new RegExp(`/step/${next}$`));
}

export async function fillVignetteStep1(page: Page) {
  await page.getByLabel("Main sport").selectOption("running");
  await page.getByLabel("Level", { exact: true }).selectOption("recreational");
  await page.getByLabel("Years training in this sport (years)").fill("2");
  await page.getByLabel("Training hours this week (h)").fill("4");
  await page.getByLabel("Training hours in a usual week (h)").fill("4");
  await page.getByLabel("Running distance this week (km)").fill("30");
  await page.getByLabel("Running distance in a usual week (km)").fill("30");
  await page.getByLabel("Weeks since the last lighter week (weeks)").fill("3");
}

export async function fillVignetteStep2(page: Page) {
  await page.getByLabel("Region", { exact: true }).selectOption("knee");
  await page.getByLabel("Side", { exact: true }).selectOption("left");
  await page.getByLabel("Onset", { exact: true }).selectOption("gradual");
  await page.getByLabel("Days since onset (days)").fill("42");
  await page.getByLabel("Aggravating activities (optional)").fill("running");
  await page.getByLabel("Pain now (0-10)").fill("2");
  await page.getByLabel("Pain during activity (0-10)").fill("5");
  await page.getByLabel("Next morning after training").selectOption("same");
  await page.getByLabel("Trend over the last weeks").selectOption("stable");
  await yesNo(page, "Sharp pain during activity", "No");
}

export async function answerAllRedFlags(page: Page, answer: "Yes" | "No" = "No") {
  for (const radio of await page.getByRole("radio", { name: answer, exact: true }).all()) await radio.check();
}

/** The runner-knee-weak-calves vignette through every step, finalized: a back-off decision. */
export async function finalizeVignetteAssessment(page: Page) {
  await startAssessment(page);
  await fillVignetteStep1(page);
  await saveAndContinue(page, 2);
  await fillVignetteStep2(page);
  await saveAndContinue(page, 3);
  await finishFromRedFlags(page);
}

/** From step 3 on: no red flags, the vignette's calf raises (5 and 7), review shows back off, finalize. */
export async function finishFromRedFlags(page: Page) {
  await answerAllRedFlags(page, "No");
  await saveAndContinue(page, 4);
  // Each test's <details> opens on click, with or without script.
  await page.getByText("Single-leg calf raise", { exact: true }).click();
  await page.getByLabel("Single-leg calf raise: left (reps)").fill("5");
  await page.getByLabel("Single-leg calf raise: right (reps)").fill("7");
  await saveAndContinue(page, 5);
  await saveAndContinue(page, 6);
  await saveAndContinue(page, 7);
  await expect(page.getByRole("heading", { name: "Back off", level: 2 })).toBeVisible();
  await finalizeFromReview(page);
}

/** On the review: "Finalize assessment", then the confirmation that lists what is still unanswered. */
export async function finalizeFromReview(page: Page) {
  await page.getByRole("button", { name: "Finalize assessment", exact: true }).click();
  await expect(page).toHaveURL(/\/step\/7\?confirm=1$/);
  await page.getByRole("button", { name: "Yes, finalize assessment" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Assessment finalized." })).toBeVisible();
}
