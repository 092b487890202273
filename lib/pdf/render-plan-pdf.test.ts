import { createCanvas } from "@napi-rs/canvas";
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";
import { beforeAll, describe, expect, it } from "vitest";
import { buildReportModel, type ReportModel } from "./report-model";
import { renderPlanPdf, renderWithheldPdf } from "./render-plan-pdf";
import { withheldNotice } from "@/lib/plans/withheld-notice";
import { clinicContactOf } from "@/lib/clinics/clinic-contact";
import { samplePausedReportInput, sampleReportInput } from "./sample";

// The PDF as a reader gets it: text pulled out of the file by pdf.js, and page 1 rasterised by
// pdf.js in Node to prove the page is not blank.

async function pdfText(buf: Buffer): Promise<{ pages: string[]; info: Record<string, unknown>; sizes: number[][] }> {
  const doc = await getDocument({ data: new Uint8Array(buf), useSystemFonts: false, isEvalSupported: false }).promise;
  const pages: string[] = [];
  const sizes: number[][] = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const page = await doc.getPage(i);
    const content = await page.getTextContent();
    pages.push(content.items.map((it) => ("str" in it ? it.str + (it.hasEOL ? "\n" : "") : "")).join(""));
    sizes.push(page.view.slice(2).map(Math.round));
  }
  const meta = await doc.getMetadata();
  await doc.destroy();
  return { pages, info: meta.info as Record<string, unknown>, sizes };
}

/** Collapses whitespace so a phrase split across lines still matches. */
const flat = (s: string) => s.replace(/\s+/g, " ");

describe("plan PDF", () => {
  let model: ReportModel;
  let buf: Buffer;
  let text: Awaited<ReturnType<typeof pdfText>>;
  let all: string;

  beforeAll(async () => {
    model = buildReportModel(sampleReportInput());
    buf = await renderPlanPdf(model);
    text = await pdfText(buf);
    all = flat(text.pages.join(" "));
  });

  it("is a real PDF of 4 to 6 A4 pages (the plan, then the session log)", () => {
    expect(buf.subarray(0, 5).toString()).toBe("%PDF-");
    expect(text.pages.length).toBeGreaterThanOrEqual(4);
    expect(text.pages.length).toBeLessThanOrEqual(6);
    expect(text.sizes[0]).toEqual([595, 842]);
  });

  it("has the header: clinic, patient, clinician, date and the verdict in plain words", () => {
    const p1 = flat(text.pages[0]!);
    for (const s of [model.clinicName.toUpperCase(), model.patientName, model.clinicianName, model.dateText, model.verdict.label, "What to do this week"]) {
      expect(p1).toContain(s);
    }
  });

  it("lists every stage title", () => {
    for (const s of model.stages) expect(all).toContain(flat(s.heading));
  });

  it("prints every exercise with its sets and reps", () => {
    for (const s of model.stages) {
      for (const x of s.strength) {
        expect(all).toContain(flat(x.exercise));
        expect(all).toContain(flat(x.reps));
      }
    }
    // A row reads exercise, sets, reps in that order.
    const x = model.stages[0]!.strength[0]!;
    expect(all).toMatch(new RegExp(`${x.exercise} ${x.sets} ${x.reps.split(" ")[0]}`));
  });

  it("has the pain traffic light, the 24-hour rule, lighter weeks and when to seek care", () => {
    for (const p of model.painRules) {
      expect(all).toContain(p.label);
      expect(all).toContain(flat(p.then));
    }
    expect(all).toContain("The 24-hour rule");
    expect(all).toContain("Lighter weeks");
    expect(all).toContain("When to stop and seek care");
    expect(all).toContain(flat(model.seekCare[0]!));
  });

  it("prints the patient link, the ruleset version and page numbers on every page", () => {
    expect(all).toContain(model.link!);
    text.pages.forEach((p, i) => {
      expect(flat(p)).toContain(`Page ${i + 1} of ${text.pages.length}`);
      expect(flat(p)).toContain(`ruleset ${sampleReportInput().rulesetVersion}`);
    });
  });

  it("uses the bundled font, embedded", () => {
    expect(buf.toString("latin1")).toMatch(/FontFile2/);
    expect(buf.toString("latin1")).toMatch(/DejaVuSansCondensed/);
  });

  it("prints Letter paper and miles when the clinic says so", async () => {
    const letter = buildReportModel(sampleReportInput({ paperSize: "LETTER", units: "mi" }));
    const t = await pdfText(await renderPlanPdf(letter));
    expect(t.sizes[0]).toEqual([612, 792]);
    expect(flat(t.pages.join(" "))).toMatch(/Up to [\d.]+ mi/);
    expect(flat(t.pages.join(" "))).not.toMatch(/[\d.]+ km/);
  });

  it("without a link, says where the link comes from and prints no QR code", async () => {
    const t = await pdfText(await renderPlanPdf(buildReportModel(sampleReportInput({ link: null }))));
    expect(flat(t.pages.join(" "))).toContain("Your clinician gives you a private link");
    expect(flat(t.pages.join(" "))).not.toContain("/p/");
  });

  it("page 1 rasterised (in Node, by pdf.js) has ink on it: not a blank page", async () => {
    const { width, height, gray } = await rasterisePage(buf, 1, 0.7);
    expect(width * height).toBeGreaterThan(100_000);
    const dark = gray.reduce((n, v) => n + (v < 128 ? 1 : 0), 0);
    // Text, rules and the verdict box: a real first page has a few percent of dark pixels.
    expect(dark / gray.length).toBeGreaterThan(0.01);
    expect(dark / gray.length).toBeLessThan(0.5);
  });
});

describe("the session log page", () => {
  const headings = (m: ReportModel) => {
    const c = m.sessionLog!.columns;
    return [m.sessionLog!.title, c.date, c.session, c.painDuring, c.nextMorning, c.light, "Green", "Amber", "Red", m.sessionLog!.bring];
  };

  for (const [name, input] of [
    ["A4", sampleReportInput()],
    ["Letter", sampleReportInput({ paperSize: "LETTER" })],
    ["a paused plan", samplePausedReportInput()],
  ] as const) {
    it(`is one more page, the last, with the log headings and the plan's own limits (${name})`, async () => {
      const model = buildReportModel(input);
      const withLog = await renderPlanPdf(model);
      const t = await pdfText(withLog);
      const without = await pdfText(await renderPlanPdf({ ...model, sessionLog: null }));
      expect(t.pages.length).toBe(without.pages.length + 1);
      const last = flat(t.pages.at(-1)!);
      for (const h of headings(model)) expect(last).toContain(flat(h));
      // The key is the plan's traffic light, word for word; nothing of the log is on the plan's pages.
      for (const p of model.painRules) expect(last).toContain(flat(p.when));
      for (const page of t.pages.slice(0, -1)) expect(flat(page)).not.toContain(model.sessionLog!.title);
      expect(last).toContain(`Page ${t.pages.length} of ${t.pages.length}`);
      // It is one page: ticks for every row, each as many as the lights.
      expect(last.match(/\/10/g)?.length).toBeGreaterThanOrEqual(2 * model.sessionLog!.rows);
      if (process.env.PDF_PNG_OUT) {
        const { writeFile } = await import("node:fs/promises");
        await writeFile(`${process.env.PDF_PNG_OUT}-log-${name.replace(/\W+/g, "-")}.png`, await pagePng(withLog, t.pages.length, 1.4));
      }
    });
  }

  it("carries the clinic's limits when they are not the defaults", async () => {
    const base = sampleReportInput();
    const painRules = base.content.painRules.map((r) => ({ ...r, when: r.when.replace("3/10", "2/10").replace("4-5/10", "3-6/10").replace("5/10", "6/10") }));
    const model = buildReportModel({ ...base, content: { ...base.content, painRules } });
    const last = flat((await pdfText(await renderPlanPdf(model))).pages.at(-1)!);
    expect(last).toContain("2/10 or less");
    expect(last).toContain("3-6/10");
    expect(last).toContain("above 6/10");
  });

  it("is not added to the notice printed instead of a withheld plan", async () => {
    for (const reason of ["urgent_referral", "referral_required"] as const) {
      const t = await pdfText(await renderWithheldPdf(withheldNotice(reason, clinicContactOf({ clinicName: "Harbour Sports Physio" })), "A4"));
      expect(t.pages).toHaveLength(1);
      expect(flat(t.pages[0]!)).not.toMatch(/session log|Traffic light|Bring this to your next visit/i);
    }
  });

  it("prints in black and white: every pixel of the log page is a grey", async () => {
    const model = buildReportModel(sampleReportInput());
    const buf = await renderPlanPdf(model);
    const pages = (await pdfText(buf)).pages.length;
    const { rgb } = await rasterisePage(buf, pages, 0.7);
    let coloured = 0;
    for (let i = 0; i < rgb.length; i += 3) if (Math.max(rgb[i]!, rgb[i + 1]!, rgb[i + 2]!) - Math.min(rgb[i]!, rgb[i + 1]!, rgb[i + 2]!) > 8) coloured++;
    expect(coloured).toBe(0);
    const { gray } = await rasterisePage(buf, pages, 0.7);
    const dark = gray.reduce((n, v) => n + (v < 128 ? 1 : 0), 0);
    // Ruled rows, boxes and the key: ink, but mostly paper left to write on.
    expect(dark / gray.length).toBeGreaterThan(0.01);
    expect(dark / gray.length).toBeLessThan(0.3);
  });
});

describe("plan PDF of a paused plan", () => {
  it("says there is no training and what to do meanwhile, with no empty settings rows", async () => {
    const model = buildReportModel(samplePausedReportInput());
    const buf = await renderPlanPdf(model);
    const t = await pdfText(buf);
    const all = flat(t.pages.join(" "));
    expect(all).toContain("No training for now: see your doctor first. Meanwhile: gentle walking as tolerated");
    expect(all).toContain("Pause training, and see a doctor");
    expect(all).toContain("Training starts again when");
    expect(all).toContain(flat(model.stages[0]!.moveOn[0]!));
    for (const row of ["How long", "How much", "How hard", "Hard sessions", "Longest run", "Strength work", "Swap in instead"]) expect(all).not.toContain(row);
    expect(all).toContain("When to stop and seek care");
    if (process.env.PDF_PNG_OUT) {
      // Look at it: PDF_PNG_OUT=/tmp/paused npx vitest run lib/pdf/render-plan-pdf.test.ts
      const { writeFile } = await import("node:fs/promises");
      for (let p = 1; p <= t.pages.length; p++) await writeFile(`${process.env.PDF_PNG_OUT}-${p}.png`, await pagePng(buf, p, 1.4));
    }
  });
});

async function pagePng(pdf: Buffer, pageNumber: number, scale: number): Promise<Buffer> {
  const doc = await getDocument({ data: new Uint8Array(pdf), useSystemFonts: false, isEvalSupported: false }).promise;
  try {
    const page = await doc.getPage(pageNumber);
    const viewport = page.getViewport({ scale });
    const canvas = createCanvas(Math.ceil(viewport.width), Math.ceil(viewport.height));
    const context = canvas.getContext("2d");
    context.fillStyle = "#ffffff";
    context.fillRect(0, 0, canvas.width, canvas.height);
    await page.render({ canvas: canvas as unknown as HTMLCanvasElement, canvasContext: context as unknown as CanvasRenderingContext2D, viewport }).promise;
    return canvas.toBuffer("image/png");
  } finally {
    await doc.destroy();
  }
}

/**
 * One page drawn by pdf.js onto a canvas (@napi-rs/canvas, an npm package with its own
 * prebuilt binary), as grey levels: no system tool, so `npm test` needs nothing but Node.
 */
async function rasterisePage(pdf: Buffer, pageNumber: number, scale: number) {
  const doc = await getDocument({ data: new Uint8Array(pdf), useSystemFonts: false, isEvalSupported: false }).promise;
  try {
    const page = await doc.getPage(pageNumber);
    const viewport = page.getViewport({ scale });
    const width = Math.ceil(viewport.width);
    const height = Math.ceil(viewport.height);
    const canvas = createCanvas(width, height);
    const context = canvas.getContext("2d");
    await page.render({ canvas: canvas as unknown as HTMLCanvasElement, canvasContext: context as unknown as CanvasRenderingContext2D, viewport }).promise;
    const { data } = context.getImageData(0, 0, width, height);
    const gray = new Uint8Array(width * height);
    const rgb = new Uint8Array(width * height * 3);
    for (let i = 0; i < gray.length; i++) {
      // Unpainted pixels are transparent: count them as paper.
      const a = data[i * 4 + 3]! / 255;
      for (let c = 0; c < 3; c++) rgb[i * 3 + c] = Math.round(data[i * 4 + c]! * a + 255 * (1 - a));
      const lum = 0.299 * data[i * 4]! + 0.587 * data[i * 4 + 1]! + 0.114 * data[i * 4 + 2]!;
      gray[i] = Math.round(lum * a + 255 * (1 - a));
    }
    return { width, height, gray, rgb };
  } finally {
    await doc.destroy();
  }
}
