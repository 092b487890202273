import { describe, expect, it } from "vitest";
import { csvCell, toCsv } from "./csv";

/** How a spreadsheet set to `sep` splits one CSV line into cells (RFC 4180 quoting). */
function cellsAsRead(line: string, sep: string): string[] {
  const cells: string[] = [];
  let cur = "";
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        cur += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cur += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === sep) {
      cells.push(cur);
      cur = "";
    } else cur += ch;
  }
  cells.push(cur);
  return cells;
}

describe("csv", () => {
  it("quotes every cell, doubling quotes inside", () => {
    expect(csvCell('a,"b"\nc')).toBe('"a,""b""\nc"');
    expect(csvCell("plain")).toBe('"plain"');
    expect(csvCell(42)).toBe('"42"');
  });

  it("neutralises spreadsheet formulas", () => {
    expect(csvCell("=HYPERLINK(1)")).toBe(`"'=HYPERLINK(1)"`);
    expect(csvCell("-1")).toBe(`"'-1"`);
  });

  it("keeps an attacker's user agent in one cell in a semicolon locale", () => {
    // No comma or quote in it, so only quoting every cell keeps the semicolon inside.
    const ua = "Mozilla/5.0 x;=HYPERLINK(A1)";
    const line = toCsv(["at", "user_agent", "ip"], [["t", ua, "127.0.0.1"]]).split("\r\n")[1]!;
    for (const sep of [";", ","]) {
      const cells = cellsAsRead(line, sep);
      expect(cells).toHaveLength(sep === "," ? 3 : 1);
      // No cell the reader sees starts with a formula character.
      for (const c of cells) expect(c).not.toMatch(/^[=+\-@]/);
    }
    expect(cellsAsRead(line, ",")[1]).toBe(ua);
  });

  it("writes dates as ISO UTC and rows with CRLF", () => {
    expect(toCsv(["a", "b"], [[new Date("2026-01-02T03:04:05Z"), null]])).toBe('"a","b"\r\n"2026-01-02T03:04:05.000Z",""\r\n');
  });
});
