// PDF home program: react-pdf render time over 50 renders of the sample plan (p50/p95), resident
// memory after 500 renders against after 50 (growth should stay under 10 %), and the same plan
// printed by Chromium from its HTML view in the same run, as a ratio. Run with `npm run bench pdf`.
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { PlanReport } from "../../components/plan/plan-report";
import { buildReportModel } from "../../lib/pdf/report-model";
import { renderPlanPdf } from "../../lib/pdf/render-plan-pdf";
import { sampleReportInput } from "../../lib/pdf/sample";

type Row = { name: string } & Record<string, unknown>;

const round = (n: number) => Math.round(n * 10) / 10;
const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]!;
};
const pageCount = (buf: Buffer) => (buf.toString("latin1").match(/\/Type\s*\/Page[^s]/g) ?? []).length;

function gc(): void {
  setFlagsFromString("--expose-gc");
  const collect = runInNewContext("gc") as () => void;
  collect();
  collect();
}
const rssMb = () => {
  gc();
  return round(process.memoryUsage().rss / 1024 / 1024);
};

/** The app's compiled CSS when a build exists (so the HTML prints as the patient sees it). */
function builtCss(): string {
  const dir = path.join(process.cwd(), ".next", "static");
  const found: string[] = [];
  const walk = (d: string) => {
    for (const f of readdirSync(d)) {
      const p = path.join(d, f);
      if (statSync(p).isDirectory()) walk(p);
      else if (p.endsWith(".css")) found.push(p);
    }
  };
  try {
    walk(dir);
  } catch {
    return "";
  }
  return found.map((f) => readFileSync(f, "utf8")).join("\n");
}

export async function benchPdf(opts: { timed?: number; total?: number; chromiumPrints?: number } = {}): Promise<Row[]> {
  const timed = opts.timed ?? 50;
  const total = opts.total ?? 500;
  const model = buildReportModel(sampleReportInput());

  // Warm up: fonts parsed, JIT compiled.
  let pages = 0;
  for (let i = 0; i < 5; i++) pages = pageCount(await renderPlanPdf(model));

  const times: number[] = [];
  for (let i = 0; i < timed; i++) {
    const t = performance.now();
    await renderPlanPdf(model);
    times.push(performance.now() - t);
  }
  const rss50 = rssMb();
  for (let i = timed; i < total; i++) await renderPlanPdf(model);
  const rss500 = rssMb();
  const p50 = pct(times, 50);

  const rows: Row[] = [
    {
      name: "pdf.render (react-pdf)",
      pages,
      renders: timed,
      p50Ms: round(p50),
      p95Ms: round(pct(times, 95)),
      meanMs: round(times.reduce((a, b) => a + b, 0) / times.length),
      targetP50Ms: 150,
    },
    {
      name: "pdf.memory (rss)",
      [`rssAfter${timed}Mb`]: rss50,
      [`rssAfter${total}Mb`]: rss500,
      growthPct: round(((rss500 - rss50) / rss50) * 100),
      targetGrowthPct: 10,
    },
  ];

  // Chromium printing the HTML view of the same plan.
  try {
    // @ts-expect-error: a plain .mjs helper without type declarations
    const { findOrInstallChromium } = (await import("../find-browser.mjs")) as { findOrInstallChromium: () => Promise<string> };
    const { chromium } = await import("playwright-core");
    const executablePath = await findOrInstallChromium();
    const browser = await chromium.launch({
      executablePath,
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
    });
    try {
      const css = builtCss();
      const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><style>${css}</style></head><body>${renderToStaticMarkup(
        createElement(PlanReport, { model }),
      )}</body></html>`;
      const page = await browser.newPage();
      await page.setContent(html);
      const print = () => page.pdf({ format: "A4", printBackground: true, margin: { top: "15mm", bottom: "15mm", left: "12mm", right: "12mm" } });
      let chromePages = 0;
      for (let i = 0; i < 3; i++) chromePages = pageCount(await print());
      const ctimes: number[] = [];
      for (let i = 0; i < (opts.chromiumPrints ?? 20); i++) {
        const t = performance.now();
        await print();
        ctimes.push(performance.now() - t);
      }
      const c50 = pct(ctimes, 50);
      rows.push({
        name: "pdf.chromium print (HTML view)",
        pages: chromePages,
        renders: ctimes.length,
        p50Ms: round(c50),
        p95Ms: round(pct(ctimes, 95)),
        withAppCss: css.length > 0,
        chromiumOverReactPdf: round(c50 / p50),
      });
    } finally {
      await browser.close();
    }
  } catch (err) {
    rows.push({ name: "pdf.chromium print (HTML view)", skipped: (err as Error).message.split("\n")[0] });
  }
  return rows;
}
