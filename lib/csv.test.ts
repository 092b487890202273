import { describe, expect, it } from "vitest";
import { csvCell, toCsv } from "./csv";

describe("csv", () => {
  it("quotes commas, quotes and newlines", () => {
    expect(csvCell('a,"b"\nc')).toBe('"a,""b""\nc"');
  });
  it("neutralises spreadsheet formulas", () => {
    expect(csvCell("=HYPERLINK(1)")).toBe("'=HYPERLINK(1)");
    expect(csvCell("-1")).toBe("'-1");
  });
  it("writes dates as ISO UTC and rows with CRLF", () => {
    expect(toCsv(["a", "b"], [[new Date("2026-01-02T03:04:05Z"), null]])).toBe("a,b\r\n2026-01-02T03:04:05.000Z,\r\n");
  });
});
