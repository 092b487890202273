import path from "node:path";
import { Font, pdf } from "@react-pdf/renderer";
import { FONT_FAMILY, PlanDocument } from "./plan-document";
import type { PdfPhoto } from "./exercise-figure-pdf";
import { qrPath } from "./qr";
import type { PaperSize, ReportModel } from "./report-model";
import type { WithheldNotice } from "@/lib/plans/withheld-notice";
import { WithheldDocument } from "./withheld-document";

// Fonts are bundled TTFs (lib/pdf/fonts, DejaVu Sans Condensed, licence beside them), registered
// once per process; react-pdf keeps each parsed font in its store after the first render.
const g = globalThis as unknown as { __loadwisePdfFonts?: boolean };

export function registerPdfFonts() {
  if (g.__loadwisePdfFonts) return;
  const dir = path.join(/*turbopackIgnore: true*/ process.cwd(), "lib", "pdf", "fonts");
  Font.register({
    family: FONT_FAMILY,
    fonts: [
      { src: path.join(dir, "DejaVuSansCondensed.ttf") },
      { src: path.join(dir, "DejaVuSansCondensed-Bold.ttf"), fontWeight: "bold" },
      { src: path.join(dir, "DejaVuSansCondensed-Oblique.ttf"), fontStyle: "italic" },
    ],
  });
  // Whole words only: hyphenating exercise names and instructions makes them harder to read.
  Font.registerHyphenationCallback((word) => [word]);
  g.__loadwisePdfFonts = true;
}

/** `pictures: false` leaves the exercise drawings out (only the bench compares the two). */
export async function renderPlanPdf(model: ReportModel, options: { pictures?: boolean; photos?: ReadonlyMap<string, PdfPhoto> } = {}): Promise<Buffer> {
  const qr = model.link ? qrPath(model.link) : null;
  return renderDocument(<PlanDocument model={model} qr={qr} pictures={options.pictures ?? true} photos={options.photos} />);
}

/** The notice printed instead of a plan whose red-flag gate is closed (ADR 0013). */
export async function renderWithheldPdf(notice: WithheldNotice, paperSize: PaperSize): Promise<Buffer> {
  return renderDocument(<WithheldDocument notice={notice} paperSize={paperSize} />);
}

async function renderDocument(doc: React.ReactElement): Promise<Buffer> {
  registerPdfFonts();
  const instance = pdf(doc as never);
  try {
    const stream = (await instance.toBuffer()) as unknown as NodeJS.ReadableStream;
    const chunks: Buffer[] = [];
    for await (const chunk of stream) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks);
  } finally {
    // renderToBuffer never unmounts its React root, and React drops a root from its schedule
    // list only when its scheduler task runs: back-to-back renders that never yield to the event
    // loop kept every element tree reachable (about 1 MB a render, the bench's RSS check).
    // Unmount, then yield one macrotask so the root is released.
    instance.updateContainer(null as never);
    instance.container.document = null;
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
}
