import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";
import { beforeAll, describe, expect, it } from "vitest";
import { evaluate, type AssessmentInput } from "@/lib/clinical";
import vignettes from "@/lib/clinical/fixtures/vignettes.json";
import { fromEnginePlan } from "@/lib/plans/content";
import { usualWeekOf } from "@/lib/plans/usual-week";
import { clinicianWordsIn } from "@/tests/support/patient-words";
import { buildReportModel, type ReportInput, type ReportModel } from "./report-model";
import { renderPlanPdf } from "./render-plan-pdf";
import { samplePausedReportInput, sampleReportInput } from "./sample";

// How the PDF's pages fall, read back from the file by pdf.js: where each line of text sits on
// its page. A heading must have its content under it on the same page, and no page before the
// plan's last is left half empty by a block that would not break.

type Line = { str: string; top: number };
type Page = { height: number; body: Line[] };

// The running head sits in the top 30 points and the footer in the bottom 45; the rest is body.
async function pdfPages(buf: Buffer): Promise<Page[]> {
  const doc = await getDocument({ data: new Uint8Array(buf), useSystemFonts: false, isEvalSupported: false }).promise;
  const pages: Page[] = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const page = await doc.getPage(i);
    const height = page.view[3]!;
    const items = (await page.getTextContent()).items.flatMap((it) => ("str" in it && it.str.trim() ? [{ str: it.str.trim(), top: height - it.transform[5]! }] : []));
    pages.push({ height, body: items.filter((l) => l.top > 30 && l.top < height - 45) });
  }
  await doc.destroy();
  return pages;
}

/** Every heading the document prints, as it prints them. */
const headingsOf = (m: ReportModel) => [
  "What to do this week",
  "Pain traffic light",
  "Your stages",
  ...m.stages.map((s) => s.heading),
  ...(m.stages.some((s) => s.swaps.length) ? ["Swap in instead of some sessions"] : []),
  ...(m.stages.some((s) => s.strength.length) ? ["Strength work, twice a week"] : []),
  ...(m.stages.some((s) => !s.paused) ? ["Move on when", "Step back when"] : []),
  "Lighter weeks",
  ...(m.advice.length ? ["Good to know"] : []),
  ...(m.notes ? ["Notes from your clinician"] : []),
  "When to stop and seek care",
];

const vignetteInput = (id: string, over: Partial<ReportInput> = {}): ReportInput => {
  const input = vignettes.find((v) => v.id === id)!.input as unknown as AssessmentInput;
  const e = evaluate(input);
  return sampleReportInput({ verdict: e.verdict, usualWeek: usualWeekOf(input.load), content: fromEnginePlan(e.plan!), ...over });
};

const longNote = Array.from({ length: 14 }, (_, i) => `Point ${i + 1} of 14: keep your runs on soft, flat ground where you can, and tell us how the knee feels on the stairs.`).join(" ");

const CASES: [string, () => ReportInput, number][] = [
  // [what, input, pages it took when this test was written: more is a regression]
  ["the sample plan, A4", () => sampleReportInput(), 6],
  ["the sample plan, Letter and miles", () => sampleReportInput({ paperSize: "LETTER", units: "mi" }), 7],
  ["a paused plan", () => samplePausedReportInput(), 3],
  ["a back plan with advice", () => vignetteInput("runner-back-moderate-stable"), 6],
  ["a long clinician's note and advice", () => sampleReportInput({ content: { ...sampleReportInput().content, notes: longNote, advice: vignetteInput("runner-back-moderate-stable").content.advice } }), 7],
];

describe.each(CASES)("PDF layout: %s", (_name, input, pagesAtMost) => {
  let model: ReportModel;
  let pages: Page[];

  beforeAll(async () => {
    model = buildReportModel(input());
    pages = await pdfPages(await renderPlanPdf(model));
  });

  it(`takes no more than ${pagesAtMost} pages, the session log last`, () => {
    expect(pages.length).toBeLessThanOrEqual(pagesAtMost);
    expect(pages.at(-1)!.body.some((l) => l.str === model.sessionLog!.title)).toBe(true);
  });

  it("puts content under every heading on the heading's own page", () => {
    const wanted = headingsOf(model);
    const found = new Set<string>();
    const alone: string[] = [];
    pages.forEach((p, i) => {
      for (const h of p.body.filter((l) => wanted.includes(l.str))) {
        found.add(h.str);
        // Something printed at least a line below the heading, on the same page.
        if (!p.body.some((l) => l.top > h.top + 8)) alone.push(`"${h.str}" ends page ${i + 1}`);
      }
    });
    expect([...found].sort()).toEqual([...new Set(wanted)].sort());
    expect(alone).toEqual([]);
  });

  it("leaves no page of the plan half empty before its last page", () => {
    // The plan's last page ends where the plan ends; the log has a page of its own.
    const half = pages.slice(0, -2).flatMap((p, i) => {
      const lowest = Math.max(...p.body.map((l) => l.top));
      // 70 %: a block kept whole (the "seek care" box is about a quarter page) may move to the
      // next page and leave that much; the old forced break left a third of page 1 empty.
      return lowest < p.height * 0.7 ? [`page ${i + 1} ends at ${Math.round((lowest / p.height) * 100)} % of its height`] : [];
    });
    expect(half).toEqual([]);
  });

  it("prints no clinician's word, the document's own labels included", () => {
    // Line by line, so a failure names the line; the phrases in the list are short enough not to break.
    const hits = pages.flatMap((p, i) => p.body.flatMap((l) => clinicianWordsIn(`page ${i + 1}`, l.str)));
    expect(hits).toEqual([]);
  });
});
