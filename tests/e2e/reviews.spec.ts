import { devices, type Browser, type Page } from "@playwright/test";
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";
import { expectAccessible, finalizeVignetteAssessment } from "./assessment-helpers";
import { DEMO, expect, publishVersion, signInViaApi, test } from "./fixtures";

// The closed loop between visits (issue 13): the patient logs sessions on a phone over a week
// (moved by the e2e test clock, ADR 0015), the engine's suggestion waits in the clinician's
// "Needs review", the clinician approves it, and the patient's page and PDF show the next stage.
// Signed in as the Northside clinician: the demo clinic's seeded reviews never sit above ours.

test.describe.configure({ mode: "serial" });

const { defaultBrowserType: _ignored, ...iphone } = devices["iPhone 13"];

function dayAt(days: number, hourUtc = 12) {
  const today = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/London" }).format(new Date());
  const d = new Date(`${today}T${String(hourUtc).padStart(2, "0")}:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString();
}

async function clinician(browser: Browser) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  await signInViaApi(context, DEMO.northside);
  const setClock = (iso: string) => context.setExtraHTTPHeaders({ "x-loadwise-test-now": iso });
  return { context, setClock, page: await context.newPage() };
}

async function phone(browser: Browser, n: number) {
  const xff = `198.51.100.${200 + n}`;
  const context = await browser.newContext({ ...iphone, viewport: { width: 390, height: 844 }, extraHTTPHeaders: { "X-Forwarded-For": xff } });
  const setClock = (iso: string) => context.setExtraHTTPHeaders({ "X-Forwarded-For": xff, "x-loadwise-test-now": iso });
  return { context, setClock, page: await context.newPage() };
}

async function publishedLink(page: Page) {
  await finalizeVignetteAssessment(page);
  const patientUrl = page.url().replace(/\/assessments\/.*$/, "");
  await page.getByRole("button", { name: "Create plan" }).click();
  await expect(page).toHaveURL(/\/plans\/[0-9a-f-]+$/);
  await publishVersion(page, 1);
  const link = await page.getByLabel("Patient link").inputValue();
  return { link, patientUrl };
}

const logForm = (page: Page) => page.getByRole("form", { name: "Log a session" });
const morningForm = (page: Page) => page.getByRole("form", { name: "How is it this morning?" });

async function logSession(page: Page, o: { pain: string; symptom?: string }) {
  const f = logForm(page);
  await f.getByRole("group", { name: "What did you do?" }).getByLabel("Run", { exact: true }).check();
  await f.getByRole("group", { name: "How did it go?" }).getByLabel("Done as planned").check();
  await f.getByLabel("Minutes").fill("30");
  await f.getByRole("group", { name: "Worst pain during the session" }).getByLabel(o.pain, { exact: true }).check();
  await f.getByLabel(o.symptom ?? "None of these").check();
  await f.getByRole("button", { name: "Save this session" }).click();
  await expect(page).toHaveURL(/saved=session/);
}

async function answerMorning(page: Page) {
  const f = morningForm(page);
  await f.getByRole("group", { name: "Pain when you woke up or took your first steps" }).getByLabel("1", { exact: true }).check();
  await f.getByLabel("About the same").check();
  await f.getByLabel("None of these").check();
  await f.getByRole("button", { name: "Save this morning's answer" }).click();
  await expect(page).toHaveURL(/saved=morning/);
}

async function pdfText(page: Page, url: string) {
  const res = await page.request.get(url);
  expect(res.status()).toBe(200);
  const doc = await getDocument({ data: new Uint8Array(await res.body()), useSystemFonts: false, isEvalSupported: false }).promise;
  const texts: string[] = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const content = await (await doc.getPage(i)).getTextContent();
    texts.push(content.items.map((it) => ("str" in it ? it.str : "")).join(" "));
  }
  return texts.join("\n");
}

test("[REVIEWS]: a week of green sessions → 'progress' at the top of Needs review → approved → the patient's page and PDF show the next stage; a flare → 'regress' with the cut; an urgent symptom goes to the top", async ({
  browser,
}, testInfo) => {
  test.setTimeout(480_000);
  const pt = await clinician(browser);
  const a = await publishedLink(pt.page);
  const ph = await phone(browser, 1);

  // Three easy sessions over the first week, each answered the next morning: the last answer, on
  // day 7, is when the stage is a week old and the review suggests progress.
  for (const d of [2, 4, 6]) {
    await ph.setClock(dayAt(d, 17));
    await ph.page.goto(a.link);
    await logSession(ph.page, { pain: "2" });
    await ph.setClock(dayAt(d + 1, 8));
    await ph.page.goto(a.link);
    await answerMorning(ph.page);
  }
  await ph.setClock(dayAt(7, 9));

  await pt.setClock(dayAt(7, 10));
  await pt.page.goto("/reviews");
  await expect(pt.page.getByRole("heading", { name: "Needs review", level: 1 })).toBeVisible();
  const top = pt.page.getByRole("article").first();
  await expect(top).toContainText("Progress");
  await expect(top).toContainText(/Move on to Stage 2: /);
  await expect(top).toContainText("Source:");
  await top.getByText(/The check-ins behind it \(3\)/).click();
  await expect(top.getByRole("table")).toContainText("About the same");
  await expectAccessible(pt.page, "Needs review");
  await pt.page.screenshot({ path: testInfo.outputPath("needs-review.png"), fullPage: true });
  await top.getByRole("button", { name: "Dismiss" }).click();
  await expect(top.getByLabel("Why dismiss this suggestion?")).toBeVisible();
  await expectAccessible(pt.page, "Needs review, dismiss form open");
  await top.getByRole("button", { name: "Approve and publish" }).click();
  await expect(pt.page).toHaveURL(/\/reviews\?decided=/);
  await expect(pt.page.getByRole("status")).toContainText(/Approved for .*: version 2 is on their page and PDF\. You move on to stage 2 of \d/);

  // The patient's page and PDF: the next stage, and what changed in plain words.
  await ph.page.goto(a.link);
  await expect(ph.page.getByTestId("plan-position")).toContainText(/Stage 2 of \d, week 1: /);
  await expect(ph.page.getByText(/What changed: You move on to stage 2/)).toBeVisible();
  const pdf = await pdfText(ph.page, `${a.link}/pdf`);
  expect(pdf).toMatch(/Stage 2 of \d, week 1/);
  expect(pdf).toContain("What changed");

  // A flare on the next run: "regress" with the plan's cut, waiting for the clinician.
  await ph.setClock(dayAt(8, 17));
  await ph.page.goto(a.link);
  await logSession(ph.page, { pain: "7" });
  await pt.setClock(dayAt(8, 18));
  await pt.page.goto("/reviews");
  const regress = pt.page.getByRole("article").first();
  await expect(regress).toContainText("Regress");
  await expect(regress).toContainText(/Stay on Stage 2: .*, (10|20) % less in all/);
  // Edit first: the plan with the suggested stage and cut filled in.
  await regress.getByRole("link", { name: "Edit first" }).click();
  await expect(pt.page.getByRole("heading", { name: /Suggested change/ })).toBeVisible();
  await expect(pt.page.getByLabel("Less than the stage's amounts (%)")).toHaveValue(/^(10|20)$/);
  await expectAccessible(pt.page, "plan with the suggested change");
  await pt.page.screenshot({ path: testInfo.outputPath("edit-first.png"), fullPage: true });

  // A second patient with an older regress, then the first reports an urgent symptom: top of the queue.
  const b = await publishedLink(pt.page);
  const ph2 = await phone(browser, 2);
  await ph2.setClock(dayAt(8, 19));
  await ph2.page.goto(b.link);
  await logSession(ph2.page, { pain: "8" });
  await ph.setClock(dayAt(9, 9));
  await ph.page.goto(a.link);
  await logSession(ph.page, { pain: "3", symptom: "Numbness between the legs or around the bottom" });
  await pt.setClock(dayAt(9, 10));
  await pt.page.goto("/reviews");
  const first = pt.page.getByRole("article").first();
  await expect(first).toContainText("Urgent report");
  await expect(first.getByRole("table")).toContainText("saddle numbness");
  await expect(pt.page.getByRole("article").nth(1)).toContainText("Regress");
  await expect(first.getByRole("button", { name: "Approve and publish" })).toHaveCount(0);
  await expectAccessible(pt.page, "Needs review with an urgent report");
  await pt.page.screenshot({ path: testInfo.outputPath("needs-review-urgent.png"), fullPage: true });

  // The patient's own page shows the waiting suggestion too.
  await pt.page.goto(a.patientUrl);
  await expect(pt.page.getByRole("region", { name: "Needs your review" })).toContainText("Urgent report");
  await expectAccessible(pt.page, "patient page with a review");

  // A paper log typed in by the clinician: the same check-ins, marked as entered by the clinic.
  await pt.page.getByRole("link", { name: "Enter a paper log" }).click();
  await expect(pt.page.getByRole("heading", { level: 1 })).toContainText("Enter a paper log");
  await expect(pt.page.getByLabel("Date")).toBeFocused();
  await pt.page.getByRole("button", { name: "Save and add another" }).click();
  await expect(pt.page.getByText("Enter the date of the session.")).toBeVisible();
  await expectAccessible(pt.page, "paper log with errors");
  const day = dayAt(8).slice(0, 10);
  await pt.page.getByLabel("Date").fill(day);
  await pt.page.getByLabel("Pain during (0-10)").fill("2");
  await pt.page.getByLabel("Next morning (0-10, optional)").fill("1");
  await pt.page.getByLabel("Next morning compared with before").selectOption("same");
  await pt.page.getByRole("button", { name: "Save and add another" }).click();
  await expect(pt.page.getByRole("status")).toContainText("Saved the session of");
  await expect(pt.page.getByRole("table")).toContainText(day);
  await expectAccessible(pt.page, "paper log");
  await Promise.all([pt.context.close(), ph.context.close(), ph2.context.close()]);
});
