import { answerAllRedFlags, expectAccessible, finalizeFromReview, finishFromRedFlags, fillVignetteStep1, fillVignetteStep2, saveAndContinue, startAssessment, yesNo } from "./assessment-helpers";
import { DEMO, expect, signInViaApi, test } from "./fixtures";

// The assessment flow in a real browser. Each test makes its own patient (one open draft per
// patient), so tests never share mutable data.

test("[ASSESSMENT]: a PT completes the runner-knee-weak-calves vignette and sees back off with calf work (axe on every step)", async ({ clinicianPage: page }) => {
  await startAssessment(page);
  await expectAccessible(page, "step 1");
  await fillVignetteStep1(page);
  await saveAndContinue(page, 2);

  await expectAccessible(page, "step 2");
  await fillVignetteStep2(page);
  await saveAndContinue(page, 3);

  await expectAccessible(page, "step 3");
  await answerAllRedFlags(page, "No");
  await saveAndContinue(page, 4);

  await expectAccessible(page, "step 4");
  await page.getByText("Single-leg calf raise", { exact: true }).click();
  await page.getByLabel("Single-leg calf raise: left (reps)").fill("5");
  await page.getByLabel("Single-leg calf raise: right (reps)").fill("7");
  // Target, deficit and limb symmetry appear as the numbers go in.
  const live = page.getByRole("definition").filter({ hasText: "71.4 %" });
  await expect(live).toBeVisible();
  await expect(page.getByText("30 reps", { exact: true })).toBeVisible();
  await expectAccessible(page, "step 4 with results");
  await saveAndContinue(page, 5);

  await expectAccessible(page, "step 5");
  await page.getByLabel("Average sleep per night (h)").fill("8");
  await yesNo(page, "Sleep quality has got worse", "No");
  await yesNo(page, "Eating enough for the training", "Yes");
  await yesNo(page, "Drinking enough", "Yes");
  await page.getByLabel("Life stress").selectOption("low");
  await page.getByLabel("Usual resting HR (bpm)").fill("52");
  await page.getByLabel("Resting HR now (bpm)").fill("52");
  await page.getByLabel("Days it has been raised (days)").fill("0");
  await page.getByLabel("Low motivation to train").selectOption("no");
  await yesNo(page, "Joint soreness that persists", "No");
  await yesNo(page, "Performance is declining", "No");
  await saveAndContinue(page, 6);

  await expectAccessible(page, "step 6");
  await page.getByLabel("Activity 1", { exact: true }).fill("Running 5 km");
  await page.getByLabel("Activity 1 score (0-10)").fill("4");
  await page.getByLabel("Activity 2", { exact: true }).fill("Stairs");
  await page.getByLabel("Activity 2 score (0-10)").fill("7");
  await expect(page.getByText("5.5 / 10")).toBeVisible();
  await saveAndContinue(page, 7);

  await expectAccessible(page, "step 7 (review)");
  await expect(page.getByRole("heading", { name: "Back off", level: 2 })).toBeVisible();
  const reasons = page.getByRole("region", { name: "Reasons" });
  await expect(reasons.getByText("Capacity", { exact: true }).first()).toBeVisible();
  await expect(reasons.getByText(/calf capacity/i)).toBeVisible();
  await expect(reasons.getByText(/Source: .*Hébert-Losier/).first()).toBeVisible();
  // Reasons cite by title; rule ids and the numbers behind them wait behind "Details".
  await expect(reasons.getByText(/capacity\.calf_raise_below_target/)).toBeHidden();
  await reasons.getByText("Details", { exact: true }).first().click();
  await expect(reasons.getByText(/Rule capacity\./).first()).toBeVisible();
  await expect(page.getByRole("columnheader", { name: "Shortfall" })).toBeVisible();
  await expect(page.getByRole("cell", { name: /% short of target/ }).first()).toBeVisible();
  const plan = page.getByRole("region", { name: "Plan preview" });
  await expect(plan.getByText(/calf raise/i).first()).toBeVisible();

  await finalizeFromReview(page);
  await expect(page.getByText(/ruleset \d{4}\.\d+\.\d+/).first()).toBeVisible();
  await expectAccessible(page, "final assessment");
});

test("[ASSESSMENT]: a saddle-anaesthesia answer blocks the plan", async ({ clinicianPage: page }) => {
  await startAssessment(page);
  await fillVignetteStep1(page);
  await saveAndContinue(page, 2);
  await page.getByLabel("Region", { exact: true }).selectOption("lumbar");
  await page.getByLabel("Onset", { exact: true }).selectOption("gradual");
  await page.getByLabel("Days since onset (days)").fill("10");
  await saveAndContinue(page, 3);
  await answerAllRedFlags(page, "No");
  await yesNo(page, "Numbness in the saddle area (between the legs, genitals, inner thighs)", "Yes");
  await saveAndContinue(page, 4);
  await page.getByRole("link", { name: /7\. Review/ }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Urgent: do not start a training plan" })).toBeVisible();
  await expect(page.getByText(/emergency care today/).first()).toBeVisible();
  await expect(page.getByRole("heading", { name: "Urgent referral" })).toBeVisible();
  await expect(page.getByRole("region", { name: "Plan preview" })).toHaveCount(0);
  await expectAccessible(page, "review with urgent banner");
});

test("[ASSESSMENT]: a draft survives a reload mid-flow and resumes where the PT left it", async ({ clinicianPage: page }) => {
  const { patientUrl } = await startAssessment(page);
  await fillVignetteStep1(page);
  await saveAndContinue(page, 2);
  await fillVignetteStep2(page);
  await page.getByRole("button", { name: "Save and exit" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Assessment draft saved" })).toBeVisible();

  await page.goto(patientUrl);
  await page.getByRole("button", { name: "Resume assessment" }).click();
  await expect(page).toHaveURL(/\/step\/2$/);
  await page.reload();
  await expect(page.getByLabel("Region", { exact: true })).toHaveValue("knee");
  await expect(page.getByLabel("Days since onset (days)")).toHaveValue("42");
  await expect(page.getByRole("group", { name: "Sharp pain during activity" }).getByLabel("No", { exact: true })).toBeChecked();
  await page.getByRole("link", { name: "Back to step 1" }).click();
  await expect(page.getByLabel("Running distance this week (km)")).toHaveValue("30");
});

test("[ASSESSMENT]: answers typed but not yet saved survive a refresh and the back button", async ({ clinicianPage: page }) => {
  await startAssessment(page);
  await fillVignetteStep1(page);
  await saveAndContinue(page, 2);
  await page.getByLabel("Days since onset (days)").fill("17");
  await page.getByLabel("Pain now (0-10)").fill("4");
  await yesNo(page, "Sharp pain during activity", "Yes");
  await page.reload();
  await expect(page.getByLabel("Days since onset (days)")).toHaveValue("17");
  await expect(page.getByLabel("Pain now (0-10)")).toHaveValue("4");
  await expect(page.getByRole("group", { name: "Sharp pain during activity" }).getByLabel("Yes", { exact: true })).toBeChecked();

  await page.getByRole("link", { name: "Back to step 1" }).click();
  await expect(page).toHaveURL(/\/step\/1$/);
  await page.goBack();
  await expect(page.getByLabel("Days since onset (days)")).toHaveValue("17");
});

test("[ASSESSMENT]: two tabs saving the same draft get a conflict, not a silent overwrite", async ({ browser }) => {
  const ctxA = await browser.newContext();
  const ctxB = await browser.newContext();
  await signInViaApi(ctxA, DEMO.pt);
  await signInViaApi(ctxB, DEMO.pt2);
  const a = await ctxA.newPage();
  const b = await ctxB.newPage();
  await startAssessment(a);
  const step1 = a.url();
  await b.goto(step1);
  await expect(b.getByLabel("Main sport")).toBeVisible();

  await a.getByLabel("Running distance this week (km)").fill("30");
  await saveAndContinue(a, 2);
  await b.getByLabel("Running distance this week (km)").fill("55");
  await b.getByRole("button", { name: "Save and continue" }).click();
  await expect(b.getByRole("alert").filter({ hasText: "saved in another tab or by someone else" })).toBeVisible();
  await expect(b).toHaveURL(/\/step\/1$/);
  await expect(b.getByLabel("Running distance this week (km)")).toHaveValue("55");

  await a.goto(step1);
  await expect(a.getByLabel("Running distance this week (km)")).toHaveValue("30");
  await ctxA.close();
  await ctxB.close();
});

test("[ASSESSMENT]: the flow completes with JavaScript disabled", async ({ browser }) => {
  const ctx = await browser.newContext({ javaScriptEnabled: false });
  await signInViaApi(ctx, DEMO.pt);
  const page = await ctx.newPage();
  await startAssessment(page);
  await fillVignetteStep1(page);
  await saveAndContinue(page, 2);
  // A server-side validation failure keeps what was typed and shows each error.
  await page.getByLabel("Region", { exact: true }).selectOption("knee");
  await page.getByLabel("Pain now (0-10)").fill("12");
  await page.getByRole("button", { name: "Save and continue" }).click();
  await expect(page.getByText("Pain now must be 10 or less")).toBeVisible();
  await expect(page.getByText("Choose how it started")).toBeVisible();
  await expect(page.getByLabel("Region", { exact: true })).toHaveValue("knee");
  await expect(page.getByLabel("Pain now (0-10)")).toHaveValue("12");
  await fillVignetteStep2(page);
  await saveAndContinue(page, 3);
  await finishFromRedFlags(page);
  await ctx.close();
});

test("[ASSESSMENT]: each step opens with the cursor in its first question, and one Tab reaches a skip link", async ({ clinicianPage: page }) => {
  await startAssessment(page);
  await expect(page.locator("#sport")).toBeFocused();
  await page.getByRole("button", { name: "Save and continue" }).click();
  await expect(page).toHaveURL(/\/step\/2$/);
  await expect(page.locator("#region")).toBeFocused();
  // Elsewhere the first Tab of a page reaches the skip link, and it lands past the navigation.
  await page.goto("/patients");
  await page.keyboard.press("Tab");
  const skip = page.getByRole("link", { name: "Skip to main content" });
  await expect(skip).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.locator("main#main")).toBeFocused();
});

test("[ASSESSMENT]: \"No to the rest\" answers the unanswered symptom questions after one confirmation", async ({ clinicianPage: page }) => {
  await startAssessment(page);
  await saveAndContinue(page, 2);
  await fillVignetteStep2(page);
  await yesNo(page, "Sharp pain during activity", "Yes");
  await page.getByRole("button", { name: "No to the rest…" }).click();
  await expect(page.getByRole("status").filter({ hasText: /Mark the \d+ unanswered questions above as No\?/ })).toBeVisible();
  await page.getByRole("button", { name: "Yes, mark them No" }).click();
  await expect(page.getByRole("group", { name: "Sharp pain during activity", exact: true }).getByLabel("Yes", { exact: true })).toBeChecked();
  await expect(page.getByRole("group", { name: "Pain at night", exact: true }).getByLabel("No", { exact: true })).toBeChecked();
  await expect(page.getByRole("button", { name: "No to the rest…" })).toHaveCount(0);
  // Never on the red-flag screen.
  await saveAndContinue(page, 3);
  await expect(page.getByRole("button", { name: "No to the rest…" })).toHaveCount(0);
});

test("[ASSESSMENT]: a PT answers steps by keyboard alone", async ({ clinicianPage: page }) => {
  await startAssessment(page);
  const focusById = async (id: string) => {
    for (let i = 0; i < 60; i++) {
      if ((await page.evaluate(() => document.activeElement?.id)) === id) return;
      await page.keyboard.press("Tab");
    }
    throw new Error(`could not reach #${id} with Tab`);
  };
  await focusById("runKmPerWeekNow");
  await page.keyboard.type("30");
  await page.keyboard.press("Enter"); // implicit submission: "Save and continue"
  await expect(page).toHaveURL(/\/step\/2$/);

  await focusById("region");
  await page.keyboard.type("Knee");
  await focusById("onset");
  await page.keyboard.type("Gradual");
  await focusById("daysSinceOnset");
  await page.keyboard.type("42");
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/step\/3$/);

  // Each yes/no pair is one radio group: Tab reaches it, an arrow key answers, Tab moves on.
  await focusById("saddleAnaesthesia-yes");
  for (let i = 0; i < 13; i++) {
    await page.keyboard.press("ArrowRight");
    await page.keyboard.press("Tab");
  }
  await expect(page.getByRole("button", { name: "Save and continue" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/step\/4$/);
  await page.goBack();
  await expect(page).toHaveURL(/\/step\/3$/);
  for (const radio of await page.getByRole("radio", { name: "No", exact: true }).all()) await expect(radio).toBeChecked();
});
