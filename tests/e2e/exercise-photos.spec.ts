import sharp from "sharp";
import { expectAccessible } from "./assessment-helpers";
import { DEMO, expect, signInViaApi, test } from "./fixtures";
import { jpegWithGps, png } from "../support/test-images";

// Issue 18: a clinic's own photo for a library exercise, uploaded from the exercise photos page.

test("[MEDIA]: a clinician uploads a phone photo; it shows, is cached under its hash, and has no GPS", async ({ browser }) => {
  const ctx = await browser.newContext();
  await signInViaApi(ctx, DEMO.pt);
  const page = await ctx.newPage();
  await page.goto("/patients");
  await page.getByRole("link", { name: "Exercise photos" }).click();
  await expect(page.getByRole("heading", { name: "Exercise photos", level: 1 })).toBeVisible();
  await expectAccessible(page, "exercise photos");

  const row = page.getByRole("region", { name: "Tibialis raise" });
  await expect(row.getByText("Built-in drawing", { exact: true })).toBeVisible();
  await row.getByLabel("Photo", { exact: true }).setInputFiles({ name: "IMG_0001.jpg", mimeType: "image/jpeg", buffer: await jpegWithGps() });
  await row.getByLabel("Video link (patient page only)").fill("https://videos.example.com/tibialis");
  await row.getByRole("button", { name: "Upload photo" }).click();
  await expect(row.getByRole("status")).toHaveText("Photo saved.");
  const img = row.getByRole("img", { name: "Photo: Tibialis raise" });
  await expect(img).toBeVisible();
  await expect.poll(() => img.evaluate((el: HTMLImageElement) => el.naturalWidth)).toBe(1200);
  await expectAccessible(page, "exercise photos with a photo");

  const src = (await img.getAttribute("src"))!;
  expect(src).toMatch(/^\/api\/exercise-media\/[0-9a-f]{64}$/);
  const res = await ctx.request.get(src);
  expect(res.status()).toBe(200);
  expect(res.headers()["content-type"]).toBe("image/jpeg");
  expect(res.headers()["cache-control"]).toBe("private, max-age=31536000, immutable");
  expect(res.headers()["x-content-type-options"]).toBe("nosniff");
  const etag = res.headers()["etag"]!;
  expect(etag).toBe(`"${src.split("/").pop()}"`);
  expect((await sharp(await res.body()).metadata()).exif).toBeUndefined();
  expect((await ctx.request.get(src, { headers: { "if-none-match": etag } })).status()).toBe(304);

  // Another clinic's clinician gets nothing.
  const other = await browser.newContext();
  await signInViaApi(other, DEMO.northside);
  expect((await other.request.get(src)).status()).toBe(404);
  await other.close();
  await ctx.close();
});

test("[MEDIA]: without JavaScript, a text file is refused beside the field and a PNG is saved", async ({ browser }) => {
  const ctx = await browser.newContext({ javaScriptEnabled: false });
  await signInViaApi(ctx, DEMO.pt2);
  const page = await ctx.newPage();
  await page.goto("/exercise-photos");
  const row = page.getByRole("region", { name: "Grip hold" });
  await row.getByLabel("Photo", { exact: true }).setInputFiles({ name: "grip.jpg", mimeType: "image/jpeg", buffer: Buffer.from("not a picture at all\n") });
  await row.getByRole("button", { name: "Upload photo" }).click();
  const again = page.getByRole("region", { name: "Grip hold" });
  await expect(again.locator("[data-field-error]")).toHaveText("This file is not a JPEG, PNG or WebP photo. Choose a photo in one of those formats.");
  await expect(again.getByText("Built-in drawing", { exact: true })).toBeVisible();
  await again.getByLabel("Photo", { exact: true }).setInputFiles({ name: "grip.png", mimeType: "image/png", buffer: await png(640, 480) });
  await again.getByRole("button", { name: "Upload photo" }).click();
  await expect(page.getByRole("region", { name: "Grip hold" }).getByRole("img", { name: "Photo: Grip hold" })).toBeVisible();
  await ctx.close();
});
