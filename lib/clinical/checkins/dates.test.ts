import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addDays, dayNumber, daysBetween } from "./dates";

describe("calendar arithmetic", () => {
  it("knows real dates, leap years and the epoch", () => {
    expect(dayNumber("1970-01-01")).toBe(0);
    expect(dayNumber("2026-12-10")).toBe(Date.UTC(2026, 11, 10) / 86_400_000);
    expect(dayNumber("2024-02-29")).toBeDefined();
    for (const bad of ["2026-02-29", "1900-02-29", "2026-13-01", "2026-04-31", "2026-00-10", "2026-1-1", "26-12-10", ""]) expect(dayNumber(bad)).toBeUndefined();
    expect(daysBetween("2026-12-31", "2027-01-01")).toBe(1);
    expect(addDays("2024-02-28", 1)).toBe("2024-02-29");
    expect(addDays("2026-03-01", -1)).toBe("2026-02-28");
  });
  it("agrees with the platform's UTC calendar and round-trips", () => {
    fc.assert(
      fc.property(fc.integer({ min: -200_000, max: 200_000 }), fc.integer({ min: -400, max: 400 }), (n, k) => {
        const iso = new Date(n * 86_400_000).toISOString().slice(0, 10);
        expect(dayNumber(iso)).toBe(n);
        expect(daysBetween(iso, addDays(iso, k))).toBe(k);
      }),
    );
  });
});
