import { describe, expect, it } from "vitest";
import { formatDistance, formatDistanceRange, formatDurationRange } from "./units";
import { usualWeekOf } from "./usual-week";

describe("weekly distances a patient aims for", () => {
  it("whole kilometres, with the unit once and a dash between", () => {
    // 50-80 % of a 60 km week.
    expect(formatDistanceRange(30, 48, "km")).toBe("30–48 km");
    expect(formatDistanceRange(30.4, 47.6, "km")).toBe("30–48 km");
  });

  it("miles when the clinic uses miles, converted before rounding", () => {
    // 60 km is 37.3 miles: 50 % is 18.6, 80 % is 29.8.
    expect(formatDistanceRange(30, 48, "mi")).toBe("19–30 mi");
    expect(formatDistanceRange(30, 48, "mi")).not.toMatch(/km/);
  });

  it("half steps below 5, so a small week does not round to nothing", () => {
    expect(formatDistanceRange(1.2, 2.1, "km")).toBe("1–2 km");
    expect(formatDistanceRange(1.3, 2.3, "km")).toBe("1.5–2.5 km");
  });

  it("one number when both ends round alike, and 'up to' from nothing", () => {
    expect(formatDistanceRange(29.6, 30.2, "km")).toBe("30 km");
    expect(formatDistanceRange(0, 20, "km")).toBe("up to 20 km");
  });

  it("a single distance keeps its decimal (the long-run cap is exact)", () => {
    expect(formatDistance(12.8, "km")).toBe("12.8 km");
  });
});

describe("weekly time a patient aims for", () => {
  it("hours and minutes, minutes to the nearest 5", () => {
    // 50-80 % of 7 hours: 210 and 336 minutes.
    expect(formatDurationRange(210, 336)).toBe("3 h 30 min to 5 h 35 min");
  });

  it("drops a zero part and keeps minutes alone under an hour", () => {
    expect(formatDurationRange(120, 300)).toBe("2 h to 5 h");
    expect(formatDurationRange(20, 44)).toBe("20 min to 45 min");
  });

  it("one value when both ends round alike; never rounds some time down to none", () => {
    expect(formatDurationRange(238, 242)).toBe("4 h");
    expect(formatDurationRange(1, 2)).toBe("5 min");
    expect(formatDurationRange(0, 90)).toBe("up to 1 h 30 min");
  });
});

describe("the usual week from an assessment's load", () => {
  it("takes the usual figures, not this week's", () => {
    expect(usualWeekOf({ runKmPerWeekNow: 70, runKmPerWeekUsual: 60, hoursPerWeekNow: 9, hoursPerWeekUsual: 7 })).toEqual({ runKm: 60, hours: 7 });
  });

  it("treats a blank or zero answer as unknown", () => {
    expect(usualWeekOf({ hoursPerWeekUsual: 6 })).toEqual({ hours: 6 });
    expect(usualWeekOf({ runKmPerWeekUsual: 0, hoursPerWeekUsual: 5 })).toEqual({ hours: 5 });
    expect(usualWeekOf({ runKmPerWeekNow: 30 })).toBeNull();
    expect(usualWeekOf(undefined)).toBeNull();
    expect(usualWeekOf("60")).toBeNull();
  });
});
