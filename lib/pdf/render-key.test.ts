import { describe, expect, it } from "vitest";
import { buildReportModel } from "./report-model";
import { ifNoneMatchHits, pdfRenderKey, strongEtag } from "./render-key";
import { sampleReportInput } from "./sample";

describe("pdf render key", () => {
  const model = buildReportModel(sampleReportInput());

  it("is the same for the same printed model, whatever the key order", () => {
    const reordered = Object.fromEntries(Object.entries(model).reverse());
    expect(pdfRenderKey("plan", reordered)).toBe(pdfRenderKey("plan", model));
    expect(pdfRenderKey("plan", structuredClone(model))).toBe(pdfRenderKey("plan", model));
  });

  it("changes with anything printed, the kind, or the renderer version", () => {
    const k = pdfRenderKey("plan", model);
    const keys = [
      pdfRenderKey("plan", buildReportModel(sampleReportInput({ paperSize: "LETTER" }))),
      pdfRenderKey("plan", buildReportModel(sampleReportInput({ units: "mi" }))),
      pdfRenderKey("plan", buildReportModel(sampleReportInput({ link: null }))),
      pdfRenderKey("plan", buildReportModel(sampleReportInput({ contact: { clinicName: "Harbour Sports Physio", phone: "01234 567890", email: null } }))),
      pdfRenderKey("plan", { ...model, position: { line: "Stage 2 of 4", detail: "week 1" } }),
      pdfRenderKey("withheld", model),
      pdfRenderKey("plan", model, "next-renderer"),
    ];
    for (const other of keys) expect(other).not.toBe(k);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it("matches If-None-Match lists, weak or strong, and nothing else", () => {
    const etag = strongEtag(Buffer.from("pdf bytes"));
    expect(etag).toMatch(/^"[A-Za-z0-9_-]{43}"$/);
    expect(ifNoneMatchHits(etag, etag)).toBe(true);
    expect(ifNoneMatchHits(`"other", W/${etag}`, etag)).toBe(true);
    expect(ifNoneMatchHits("*", etag)).toBe(true);
    expect(ifNoneMatchHits('"other"', etag)).toBe(false);
    expect(ifNoneMatchHits(null, etag)).toBe(false);
  });
});
