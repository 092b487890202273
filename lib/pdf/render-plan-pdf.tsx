import path from "node:path";
import { Font, renderToBuffer } from "@react-pdf/renderer";
import { FONT_FAMILY, PlanDocument } from "./plan-document";
import { qrPath } from "./qr";
import type { ReportModel } from "./report-model";

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

export async function renderPlanPdf(model: ReportModel): Promise<Buffer> {
  registerPdfFonts();
  const qr = model.link ? qrPath(model.link) : null;
  return renderToBuffer(<PlanDocument model={model} qr={qr} />);
}
