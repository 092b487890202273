import { qrPath } from "@/lib/pdf/qr";

/** The link's QR code on screen, drawn by the same path as on the PDF, for the patient to scan from the clinic's screen. */
export function LinkQr({ url, size = 160 }: { url: string; size?: number }) {
  const qr = qrPath(url, 4);
  return (
    <svg
      role="img"
      aria-label="QR code: scan it with a phone camera to open the plan"
      viewBox={`0 0 ${qr.size} ${qr.size}`}
      width={size}
      height={size}
      shapeRendering="crispEdges"
      className="rounded border border-slate-300 bg-white"
      data-testid="link-qr"
    >
      <rect width={qr.size} height={qr.size} fill="#ffffff" />
      <path d={qr.d} fill="#000000" />
    </svg>
  );
}
