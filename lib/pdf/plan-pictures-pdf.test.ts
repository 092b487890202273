import { getDocument, OPS } from "pdfjs-dist/legacy/build/pdf.mjs";
import { beforeAll, describe, expect, it } from "vitest";
import { artForExercise } from "@/lib/exercise-art";
import { darkShare, pdfPageTexts } from "@/tests/support/pdf-text";
import { buildReportModel, type ReportModel } from "./report-model";
import { renderPlanPdf } from "./render-plan-pdf";
import { sampleReportInput } from "./sample";

// The home program with its exercise pictures, rasterised by pdf.js: the sample plan keeps its
// page count (6 with pictures, as without), the pictures are really drawn (the exercise pages
// carry more ink than the same pages without them), and each exercise with a picture prints it
// once, later stages pointing back to it.

const EXPECTED_PAGES = 6;
const A4 = { w: 595.28, h: 841.89 };

describe("PDF home program with pictures", () => {
  let model: ReportModel;
  let withPics: Buffer;
  let without: Buffer;
  let texts: string[];

  beforeAll(async () => {
    model = buildReportModel(sampleReportInput());
    withPics = await renderPlanPdf(model);
    without = await renderPlanPdf(model, { pictures: false });
    texts = await pdfPageTexts(withPics);
  }, 60_000);

  it(`takes ${EXPECTED_PAGES} pages with pictures, no more than without them`, async () => {
    expect(texts.length).toBe(EXPECTED_PAGES);
    expect(texts.length).toBeLessThanOrEqual((await pdfPageTexts(without)).length);
  });

  it("draws the pictures: the exercise column carries visibly more ink over the whole document", async () => {
    // The exercise column: the left third of each page body, summed over the pages (without
    // pictures the rows pack tighter, so one page alone could hide the difference).
    const box = { x: 44, y: 40, w: A4.w * 0.3, h: A4.h - 92 };
    const total = async (buf: Buffer, pages: number) => {
      let sum = 0;
      for (let i = 1; i <= pages; i++) sum += await darkShare(buf, i, box, 1);
      return sum;
    };
    const inked = await total(withPics, texts.length);
    const plain = await total(without, (await pdfPageTexts(without)).length);
    expect(inked).toBeGreaterThan(plain * 1.04);
    // And by what the pages draw: each picture is a few dozen filled and stroked paths.
    const pathOps = async (buf: Buffer) => {
      const doc = await getDocument({ data: new Uint8Array(buf), useSystemFonts: false, isEvalSupported: false }).promise;
      let n = 0;
      for (let i = 1; i <= doc.numPages; i++) n += (await (await doc.getPage(i)).getOperatorList()).fnArray.filter((f) => f === OPS.constructPath).length;
      await doc.destroy();
      return n;
    };
    const pictured = new Set(model.stages.flatMap((st) => st.strength.map((x) => x.exercise)).filter((n) => artForExercise(n))).size;
    expect(await pathOps(withPics)).toBeGreaterThan((await pathOps(without)) + pictured * 15);
  }, 60_000);

  it("prints each picture once and points back to it from later stages", () => {
    const all = texts.join(" ");
    const repeated = model.stages.slice(1).flatMap((s) => s.strength).filter((x) => artForExercise(x.exercise));
    expect(repeated.length).toBeGreaterThan(0);
    expect((all.match(/Picture in Stage 1/g) ?? []).length).toBe(repeated.length);
  });
});
