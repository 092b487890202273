// RFC 4180 CSV that is safe to open in a spreadsheet:
//  - every cell is quoted, so no character inside a value can start a new cell whatever the
//    reader's separator (Excel in many European locales splits on ";", not ",");
//  - a value that starts with = + - @ (or a tab/CR) gets a leading apostrophe, so it is shown as
//    text instead of run as a formula.
export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return '""';
  let s = value instanceof Date ? value.toISOString() : typeof value === "object" ? JSON.stringify(value) : String(value);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return `"${s.replace(/"/g, '""')}"`;
}

export function toCsv(header: string[], rows: unknown[][]): string {
  return [header, ...rows].map((r) => r.map(csvCell).join(",")).join("\r\n") + "\r\n";
}

export function csvResponse(filename: string, body: string): Response {
  return new Response(body, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${filename}"`,
      "cache-control": "no-store",
    },
  });
}
