import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";

/** The text of each page of a PDF as a reader's tool pulls it out (pdf.js in Node), whitespace collapsed. */
export async function pdfPageTexts(buf: Buffer | Uint8Array): Promise<string[]> {
  const doc = await getDocument({ data: new Uint8Array(buf), useSystemFonts: false, isEvalSupported: false }).promise;
  try {
    const pages: string[] = [];
    for (let i = 1; i <= doc.numPages; i++) {
      const content = await (await doc.getPage(i)).getTextContent();
      pages.push(content.items.map((it) => ("str" in it ? it.str + (it.hasEOL ? "\n" : "") : "")).join("").replace(/\s+/g, " "));
    }
    return pages;
  } finally {
    await doc.destroy();
  }
}

/**
 * Share of dark pixels in a rectangle of a page (points from the top-left), rasterised by pdf.js
 * on @napi-rs/canvas: enough to tell a drawn QR code from text or blank paper.
 */
export async function darkShare(buf: Buffer | Uint8Array, pageNumber: number, box: { x: number; y: number; w: number; h: number }, scale = 1): Promise<number> {
  const { createCanvas } = await import("@napi-rs/canvas");
  const doc = await getDocument({ data: new Uint8Array(buf), useSystemFonts: false, isEvalSupported: false }).promise;
  try {
    const page = await doc.getPage(pageNumber);
    const viewport = page.getViewport({ scale });
    const canvas = createCanvas(Math.ceil(viewport.width), Math.ceil(viewport.height));
    const context = canvas.getContext("2d");
    await page.render({ canvas: canvas as unknown as HTMLCanvasElement, canvasContext: context as unknown as CanvasRenderingContext2D, viewport }).promise;
    const { data } = context.getImageData(Math.round(box.x * scale), Math.round(box.y * scale), Math.round(box.w * scale), Math.round(box.h * scale));
    let dark = 0;
    for (let i = 0; i < data.length; i += 4) {
      // Unpainted pixels are transparent: paper.
      const lum = (0.299 * data[i]! + 0.587 * data[i + 1]! + 0.114 * data[i + 2]!) * (data[i + 3]! / 255) + 255 * (1 - data[i + 3]! / 255);
      if (lum < 128) dark++;
    }
    return dark / (data.length / 4);
  } finally {
    await doc.destroy();
  }
}

/** Where a piece of text starts on a page, in points from the top-left (its baseline's top, roughly), or null. */
export async function textAt(buf: Buffer | Uint8Array, pageNumber: number, text: string): Promise<{ x: number; y: number } | null> {
  const doc = await getDocument({ data: new Uint8Array(buf), useSystemFonts: false, isEvalSupported: false }).promise;
  try {
    const page = await doc.getPage(pageNumber);
    const height = page.view[3]!;
    for (const it of (await page.getTextContent()).items) {
      if ("str" in it && it.str.includes(text)) return { x: it.transform[4] as number, y: height - (it.transform[5] as number) - it.height };
    }
    return null;
  } finally {
    await doc.destroy();
  }
}
