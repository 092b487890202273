import { writeFileSync } from "node:fs";
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";
import { finalizeVignetteAssessment } from "./assessment-helpers";
import { DEMO, expect, publishVersion, signInViaApi, test } from "./fixtures";

// Issue 14, "giving the patient their link": after a reload the PT shows the SAME live link again
// (copy with a visible and announced confirmation, QR code, the patient's PDF with it on page 1),
// and it keeps working; issuing a new one is a separate act that ends the old. Each test seeds
// its own patient.

async function pdfPages(buf: Buffer): Promise<string[]> {
  const doc = await getDocument({ data: new Uint8Array(buf), useSystemFonts: false, isEvalSupported: false }).promise;
  const pages: string[] = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const content = await (await doc.getPage(i)).getTextContent();
    pages.push(content.items.map((it) => ("str" in it ? it.str : "")).join(" ").replace(/\s+/g, " "));
  }
  await doc.destroy();
  return pages;
}

test("[LINK]: after a reload a PT shows the same patient link again, copies it (Copied), prints it on page 1 of the PDF; it still opens", async ({ browser }, testInfo) => {
  test.setTimeout(180_000);
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await signInViaApi(context, DEMO.pt);
  const page = await context.newPage();
  await finalizeVignetteAssessment(page);
  await page.getByRole("button", { name: "Create plan" }).click();
  await expect(page).toHaveURL(/\/plans\/[0-9a-f-]+$/);
  await publishVersion(page, 1);
  const issued = await page.getByLabel("Patient link").inputValue();
  expect(issued).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/p\/[A-Za-z0-9_-]{22}$/);

  // A reload: the link is no longer on screen, but the same one can be shown again.
  await page.reload();
  const panel = page.getByTestId("link-panel");
  await expect(panel.getByLabel("Patient link")).toHaveCount(0);
  await expect(panel.getByText(/^Live: issued .+, works until /)).toBeVisible();
  await panel.screenshot({ path: testInfo.outputPath("link-panel-after-reload.png") });
  await panel.getByRole("button", { name: "Show link" }).click();
  await expect(panel.getByLabel("Patient link")).toHaveValue(issued);
  await expect(panel.getByText(/The patient's link · works until /)).toBeVisible();
  await expect(panel.getByRole("img", { name: /^QR code: scan it/ })).toBeVisible();

  // Copy: the button says so, the status region announces it, and the clipboard holds the link.
  const copy = panel.getByRole("button", { name: "Copy link" });
  await copy.click();
  await expect(panel.getByRole("button", { name: "Copied ✓" })).toBeVisible();
  const status = panel.locator("#copy-link-status");
  await expect(status).toHaveAttribute("aria-live", "polite");
  await expect(status).toHaveText("Link copied. Paste it into a message to the patient.");
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(issued);
  await panel.scrollIntoViewIfNeeded();
  await panel.screenshot({ path: testInfo.outputPath("link-panel-shown.png") });

  // The patient's PDF from this panel: the same link, on page 1.
  const pdfRes = await page.request.post(`${page.url()}/pdf`, { headers: { origin: new URL(page.url()).origin, "sec-fetch-site": "same-origin" } });
  expect(pdfRes.status()).toBe(200);
  const pdf = await pdfRes.body();
  writeFileSync(testInfo.outputPath("patient-copy.pdf"), pdf);
  const pages = await pdfPages(pdf);
  expect(pages[0]).toContain(issued);
  expect(pages.slice(1).join(" ")).not.toContain(issued);

  // Showing it twice and printing it ended nothing: the patient's link still opens.
  const phone = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const mobile = await phone.newPage();
  const res = await mobile.goto(issued);
  expect(res?.status()).toBe(200);
  await expect(mobile.getByRole("heading", { name: "Your return-to-training plan" })).toBeVisible();

  // Issuing a new link is its own act, worded as ending the old one: then the old link is dead.
  await page.getByRole("button", { name: "Issue a new link (ends the old one)" }).click();
  await expect(panel.getByText(/New patient link · works until /)).toBeVisible();
  await expect(panel.getByLabel("Patient link")).not.toHaveValue(issued);
  const renewed = await panel.getByLabel("Patient link").inputValue();
  expect((await mobile.goto(issued))?.status()).toBe(404);
  expect((await mobile.goto(renewed))?.status()).toBe(200);
  await phone.close();
  await context.close();
});

test("[LINK]: when the browser refuses the clipboard, Copy link leaves the link selected and says how to copy it", async ({ clinicianPage: page }) => {
  test.setTimeout(180_000);
  await finalizeVignetteAssessment(page);
  await page.getByRole("button", { name: "Create plan" }).click();
  await publishVersion(page, 1);
  const panel = page.getByTestId("link-panel");
  const url = await panel.getByLabel("Patient link").inputValue();
  // As a browser that denies the permission does: writeText rejects.
  await page.evaluate(() => {
    Object.defineProperty(navigator, "clipboard", { configurable: true, value: { writeText: () => Promise.reject(new DOMException("denied", "NotAllowedError")) } });
  });
  await panel.getByRole("button", { name: "Copy link" }).click();
  await expect(panel.locator("#copy-link-status")).toHaveText(/did not let Loadwise copy\. The link is selected: press Ctrl\+C/);
  await expect(panel.getByRole("button", { name: "Copy link" })).toBeVisible();
  const selected = await page.evaluate(() => {
    const el = document.activeElement as HTMLInputElement | null;
    return el ? el.value.slice(el.selectionStart ?? 0, el.selectionEnd ?? 0) : "";
  });
  expect(selected).toBe(url);
});
