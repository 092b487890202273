// Renders the 5-page sample plan (lib/pdf/sample.ts) N times and prints cold and warm timings;
// writes the first render to the path given, for a before/after page-image comparison
// (docs/performance.md, "Published PDFs"). Profile with:
//   node --cpu-prof --cpu-prof-dir=/tmp/prof --import tsx scripts/pdf-profile.ts out.pdf
import { writeFileSync } from "node:fs";
import { buildReportModel } from "@/lib/pdf/report-model";
import { renderPlanPdf } from "@/lib/pdf/render-plan-pdf";
import { sampleReportInput } from "@/lib/pdf/sample";

const out = process.argv[2];
const runs = Number(process.argv[3] ?? 30);
const model = buildReportModel(sampleReportInput());
const t0 = performance.now();
const first = await renderPlanPdf(model);
const cold = performance.now() - t0;
if (out) writeFileSync(out, first);
const times: number[] = [];
for (let i = 0; i < runs; i++) {
  const t = performance.now();
  await renderPlanPdf(model);
  times.push(performance.now() - t);
}
times.sort((a, b) => a - b);
const at = (p: number) => Math.round(times[Math.min(times.length - 1, Math.floor(p * times.length))]!);
console.log(`cold ${Math.round(cold)} ms; warm p50 ${at(0.5)} ms, min ${at(0)} ms, p90 ${at(0.9)} ms over ${runs}`);
