// Dev aid: screenshot a page (optionally signed in as a demo user) to look at it as a user would.
// node scripts/screenshot.mjs URL OUT.png [email]
import { chromium } from "playwright-core";
const [,, url, out, email] = process.argv;
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox","--disable-gpu","--disable-background-networking","--disable-component-update","--disable-sync","--no-first-run","--disable-quic"] });
const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
const base = new URL(url).origin;
if (email) {
  await page.goto(base + "/login");
  await page.fill("#email", email); await page.fill("#password", "loadwise-demo");
  await page.click("button[type=submit]"); await page.waitForURL(/patients/);
}
await page.goto(url);
await page.screenshot({ path: out, fullPage: true });
console.log(page.url());
await browser.close();
