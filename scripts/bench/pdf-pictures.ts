// PDF home program with and without the exercise pictures (issue 18, ADR 0027): the first render
// of each in this process (the very first render also parses the fonts, so it runs without
// pictures, then the first with pictures, then the first without again, now warm), then the
// median of 20 warm renders of each, with pages and size. Run with `npm run bench pdf-pictures`.
import { buildReportModel } from "../../lib/pdf/report-model";
import { renderPlanPdf } from "../../lib/pdf/render-plan-pdf";
import { sampleReportInput } from "../../lib/pdf/sample";

type Row = { name: string } & Record<string, unknown>;

const round = (n: number) => Math.round(n * 10) / 10;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const pageCount = (buf: Buffer) => (buf.toString("latin1").match(/\/Type\s*\/Page[^s]/g) ?? []).length;

async function timed(pictures: boolean): Promise<{ ms: number; buf: Buffer }> {
  const model = buildReportModel(sampleReportInput());
  const t0 = performance.now();
  const buf = await renderPlanPdf(model, { pictures });
  return { ms: performance.now() - t0, buf };
}

export async function benchPdfPictures(): Promise<Row[]> {
  const coldPlain = await timed(false);
  const firstWith = await timed(true);
  const firstPlainWarm = await timed(false);
  const warm = { with: [] as number[], without: [] as number[] };
  for (let i = 0; i < 20; i++) {
    warm.with.push((await timed(true)).ms);
    warm.without.push((await timed(false)).ms);
  }
  const row = (name: string, first: number, w: number[], buf: Buffer, extra: Record<string, unknown> = {}): Row => ({
    name,
    first_ms: round(first),
    warm_p50_ms: round(median(w)),
    pages: pageCount(buf),
    kb: round(buf.length / 1024),
    ...extra,
  });
  return [
    row("pdf-without-pictures", firstPlainWarm.ms, warm.without, firstPlainWarm.buf, { process_first_ms: round(coldPlain.ms) }),
    row("pdf-with-pictures", firstWith.ms, warm.with, firstWith.buf),
  ];
}
