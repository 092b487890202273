import { describe, expect, it, vi } from "vitest";

vi.mock("server-only", () => ({}));
const { imageResponse, matchesEtag } = await import("./serve-image");

const image = { bytes: Buffer.from([0xff, 0xd8, 0xff, 1, 2, 3]), contentType: "image/jpeg", sha256: "a".repeat(64) };
const req = (h: Record<string, string> = {}) => new Request("http://x/api/exercise-media/aaa", { headers: h });

describe("imageResponse", () => {
  it("serves the bytes with a strong ETag, a year's private immutable cache and nosniff", async () => {
    const res = imageResponse(req(), image);
    expect(res.status).toBe(200);
    expect(res.headers.get("etag")).toBe(`"${"a".repeat(64)}"`);
    expect(res.headers.get("cache-control")).toBe("private, max-age=31536000, immutable");
    expect(res.headers.get("content-type")).toBe("image/jpeg");
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(Buffer.from(await res.arrayBuffer()).equals(image.bytes)).toBe(true);
  });
  it("answers 304 with no body when the browser has it", async () => {
    const res = imageResponse(req({ "if-none-match": `"x", "${"a".repeat(64)}"` }), image);
    expect(res.status).toBe(304);
    expect(await res.text()).toBe("");
    expect(res.headers.get("etag")).toBe(`"${"a".repeat(64)}"`);
  });
  it("serves again for another tag, and 404 for no image", () => {
    expect(imageResponse(req({ "if-none-match": `"${"b".repeat(64)}"` }), image).status).toBe(200);
    const missing = imageResponse(req(), null);
    expect(missing.status).toBe(404);
    expect(missing.headers.get("cache-control")).toBe("no-store");
  });
  it("matches tags by weak comparison and *", () => {
    expect(matchesEtag('W/"abc"', '"abc"')).toBe(true);
    expect(matchesEtag("*", '"abc"')).toBe(true);
    expect(matchesEtag('"abd"', '"abc"')).toBe(false);
    expect(matchesEtag(null, '"abc"')).toBe(false);
  });
});
