import { describe, expect, it } from "vitest";
import { clinicToday, dayIn, DEFAULT_TIME_ZONE, fixedClock, isTimeZone, timeZoneOf } from "./clock";

describe("clinic clock", () => {
  it("reads today in the clinic's time zone, not the server's", () => {
    const lateEvening = fixedClock("2026-12-01T23:30:00Z");
    expect(clinicToday(lateEvening, "Europe/London")).toBe("2026-12-01");
    expect(clinicToday(lateEvening, "Europe/Berlin")).toBe("2026-12-02");
    expect(clinicToday(lateEvening, "America/New_York")).toBe("2026-12-01");
    // British Summer Time: 23:30 UTC in July is already tomorrow in London.
    expect(dayIn(new Date("2026-07-01T23:30:00Z"), "Europe/London")).toBe("2026-07-02");
  });

  it("falls back to the default zone for a missing or unknown one", () => {
    expect(isTimeZone("Europe/London")).toBe(true);
    expect(isTimeZone("Mars/Olympus")).toBe(false);
    expect(timeZoneOf(undefined)).toBe(DEFAULT_TIME_ZONE);
    expect(timeZoneOf("Not/AZone")).toBe(DEFAULT_TIME_ZONE);
    expect(timeZoneOf("Australia/Sydney")).toBe("Australia/Sydney");
  });

  it("a fixed clock never moves", () => {
    const c = fixedClock("2026-12-01T10:00:00Z");
    expect(c.now().toISOString()).toBe("2026-12-01T10:00:00.000Z");
    c.now().setFullYear(2000);
    expect(c.now().toISOString()).toBe("2026-12-01T10:00:00.000Z");
  });
});

describe("formatClinicTime", () => {
  it("shows the clinic's wall clock and zone, across a DST change", async () => {
    const { formatClinicTime } = await import("./clock");
    expect(formatClinicTime(new Date("2026-01-15T14:05:00Z"), "Europe/London")).toBe("15 Jan 2026, 14:05 GMT");
    expect(formatClinicTime(new Date("2026-07-15T14:05:00Z"), "Europe/London")).toBe("15 Jul 2026, 15:05 BST");
    expect(formatClinicTime(new Date("2026-07-15T14:05:00Z"), "America/New_York")).toBe("15 Jul 2026, 10:05 GMT-4");
  });
});

describe("formatDay", () => {
  it("shows a calendar day as it is, whatever the server's zone", async () => {
    const { formatDay } = await import("./clock");
    expect(formatDay("2026-12-03")).toBe("3 Dec 2026");
    expect(formatDay("2026-01-01")).toBe("1 Jan 2026");
    expect(formatDay("2026-12-03", { withYear: false })).toBe("3 Dec");
  });
});
