import QRCode from "qrcode";

/**
 * A QR code as one vector path (a unit square per dark module, quiet zone included in `size`):
 * crisp at any print resolution and cheaper to render than decoding a PNG each time.
 */
export function qrPath(text: string, quiet = 2): { size: number; d: string } {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: "M" });
  const n = modules.size;
  const parts: string[] = [];
  for (let y = 0; y < n; y++) {
    let x = 0;
    while (x < n) {
      if (!modules.get(y, x)) {
        x++;
        continue;
      }
      // Merge a horizontal run of dark modules into one rectangle.
      let run = 1;
      while (x + run < n && modules.get(y, x + run)) run++;
      parts.push(`M${x + quiet} ${y + quiet}h${run}v1h${-run}z`);
      x += run;
    }
  }
  return { size: n + quiet * 2, d: parts.join("") };
}
