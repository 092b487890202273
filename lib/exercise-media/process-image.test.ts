import sharp from "sharp";
import { describe, expect, it, vi } from "vitest";
import { elfBytes, jpegWithGps, peBytes, png, pngBomb, webp } from "@/tests/support/test-images";

vi.mock("server-only", () => ({}));
const { processUploadedImage } = await import("./process-image");
const { MAX_UPLOAD_BYTES } = await import("./limits");

/** The refusal's field message, or "stored" if it was accepted. */
async function refusal(bytes: Uint8Array): Promise<string> {
  try {
    await processUploadedImage(bytes);
    return "stored";
  } catch (e) {
    const fe = (e as { fieldErrors?: Record<string, string[]> }).fieldErrors;
    return fe?.photo?.[0] ?? `unexpected: ${String(e)}`;
  }
}

describe("processUploadedImage", () => {
  it("drops every piece of metadata, GPS included, and keeps the picture", async () => {
    const input = await jpegWithGps();
    const before = await sharp(input).metadata();
    expect(before.exif?.includes(Buffer.from("TestPhone"))).toBe(true); // the input really carries it
    const out = await processUploadedImage(input);
    const after = await sharp(out.bytes).metadata();
    expect(after.exif).toBeUndefined();
    expect(after.xmp).toBeUndefined();
    expect(after.iptc).toBeUndefined();
    expect(after.icc).toBeUndefined();
    expect(out.bytes.includes(Buffer.from("TestPhone"))).toBe(false);
    expect(out.bytes.includes(Buffer.from("GPS"))).toBe(false);
    expect(after.format).toBe("jpeg");
    expect([out.width, out.height]).toEqual([1200, 900]);
    expect(out.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it("re-encodes PNG (transparency on white) and WebP as JPEG, never enlarging", async () => {
    const a = await processUploadedImage(await png(400, 300, true));
    expect([a.width, a.height, a.contentType]).toEqual([400, 300, "image/jpeg"]);
    expect((await sharp(a.bytes).metadata()).format).toBe("jpeg");
    const b = await processUploadedImage(await webp(300, 2400));
    expect([b.width, b.height]).toEqual([150, 1200]);
  });

  it("is deterministic: the same file gives the same bytes and hash", async () => {
    const input = await png(500, 500);
    expect((await processUploadedImage(input)).sha256).toBe((await processUploadedImage(input)).sha256);
  });

  it("refuses programs, text, bombs, tiny, oversized and damaged files with plain words", async () => {
    expect(await refusal(elfBytes())).toMatch(/is a program, not a photo/);
    expect(await refusal(peBytes())).toMatch(/is a program, not a photo/);
    expect(await refusal(Buffer.from("name,reps\nsquat,10\n"))).toMatch(/not a JPEG, PNG or WebP/);
    expect(await refusal(pngBomb())).toMatch(/too large in pixels \(30000 × 30000\)/);
    expect(await refusal(await png(50, 50))).toMatch(/too small \(50 × 50 pixels\)/);
    const big = Buffer.alloc(MAX_UPLOAD_BYTES + 1);
    big.set([0xff, 0xd8, 0xff, 0xe0]);
    expect(await refusal(big)).toMatch(/larger than 8 MB/);
    const truncated = (await jpegWithGps(800, 600)).subarray(0, 3000);
    expect(await refusal(truncated)).toMatch(/could not be read/);
    // A PNG's header renamed as JPEG content: the bytes say PNG, and sharp agrees, so it's a PNG.
    expect(await refusal(Buffer.concat([Buffer.from([0xff, 0xd8, 0xff]), await png(300, 300)]))).toMatch(/could not be read|not a JPEG/);
    expect(await refusal(new Uint8Array())).toMatch(/Choose a photo/);
  });
});
