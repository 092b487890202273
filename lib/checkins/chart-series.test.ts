import { describe, expect, it } from "vitest";
import { dayNumber } from "@/lib/clinical";
import { chartWindowStart, dayText, painChartSeries, type ChartCheckIn, type ChartPosition } from "./chart-series";

const stages = [
  { key: "settle", title: "Settle it down" },
  { key: "build", title: "Build back up" },
  { key: "full", title: "Full training" },
];
let n = 0;
const ci = (o: Partial<ChartCheckIn> = {}): ChartCheckIn => ({
  id: `c${++n}`,
  sessionDate: "2026-12-01",
  activity: "run",
  done: "as_planned",
  painDuringNrs: 2,
  morningPainNrs: 1,
  morningComparedWithBefore: "same",
  createdAt: new Date("2026-12-01T10:00:00Z"),
  ...o,
});
const pos = (seq: number, stageKey: string, startedOn: string): ChartPosition => ({ seq, stageKey, startedOn });
const series = (checkIns: ChartCheckIn[], positions: ChartPosition[], today = "2026-12-10") =>
  painChartSeries({ today, checkIns, positions, stages, greenMax: 3, acceptableMax: 5 });

describe("chartWindowStart", () => {
  it("starts at the plan's first position, at most twelve weeks back and at least a week before today", () => {
    expect(chartWindowStart("2026-12-10", "2026-11-20")).toBe("2026-11-20");
    // Published long ago: twelve weeks, today included (84 days).
    expect(chartWindowStart("2026-12-10", "2026-01-01")).toBe("2026-09-18");
    expect(chartWindowStart("2026-12-10", null)).toBe("2026-09-18");
    // Published two days ago: the axis still spans a week.
    expect(chartWindowStart("2026-12-10", "2026-12-08")).toBe("2026-12-04");
  });
});

describe("painChartSeries", () => {
  it("plots pain during and next-morning pain per session in date order, with the stage each one belonged to", () => {
    const s = series(
      [
        ci({ sessionDate: "2026-12-06", painDuringNrs: 4, morningPainNrs: 3, morningComparedWithBefore: "worse" }),
        ci({ sessionDate: "2026-12-02", painDuringNrs: 2, morningPainNrs: 1 }),
        ci({ sessionDate: "2026-12-04", painDuringNrs: 3, morningPainNrs: null, morningComparedWithBefore: null, activity: "strength", done: "shortened" }),
      ],
      [pos(1, "settle", "2026-12-01"), pos(2, "build", "2026-12-05")],
    );
    expect(s.points.map((p) => [p.date, p.painDuring, p.nextMorning, p.compared])).toEqual([
      ["2026-12-02", 2, 1, "Same"],
      ["2026-12-04", 3, null, null],
      ["2026-12-06", 4, 3, "Worse"],
    ]);
    expect(s.points.map((p) => p.stage)).toEqual(["Stage 1: Settle it down", "Stage 1: Settle it down", "Stage 2: Build back up"]);
    expect(s.points[1]).toMatchObject({ activity: "Strength exercises", done: "Shortened", dateText: "4 Dec 2026", day: dayNumber("2026-12-04") });
    expect(s).toMatchObject({ greenMax: 3, acceptableMax: 5, from: "2026-12-01", to: "2026-12-10", fromText: "1 Dec 2026" });
    expect(s.domain).toEqual([dayNumber("2026-12-01"), dayNumber("2026-12-10")]);
  });

  it("marks each day a stage began with a line, even with no session that day; two moves on one day show the later", () => {
    const s = series([ci({ sessionDate: "2026-12-02" })], [pos(1, "settle", "2026-12-01"), pos(2, "build", "2026-12-05"), pos(3, "settle", "2026-12-05"), pos(4, "full", "2026-12-09")]);
    expect(s.stageMarks).toEqual([
      { day: dayNumber("2026-12-01"), date: "2026-12-01", dateText: "1 Dec 2026", label: "Stage 1: Settle it down" },
      { day: dayNumber("2026-12-05"), date: "2026-12-05", dateText: "5 Dec 2026", label: "Stage 1: Settle it down" },
      { day: dayNumber("2026-12-09"), date: "2026-12-09", dateText: "9 Dec 2026", label: "Stage 3: Full training" },
    ]);
  });

  it("orders two sessions on one day by when they were logged, and reads positions by seq whatever order they come in", () => {
    const s = series(
      [
        ci({ id: "late", sessionDate: "2026-12-05", createdAt: new Date("2026-12-05T18:00:00Z"), painDuringNrs: 5 }),
        ci({ id: "early", sessionDate: "2026-12-05", createdAt: new Date("2026-12-05T07:00:00Z"), painDuringNrs: 1 }),
      ],
      [pos(2, "build", "2026-12-05"), pos(1, "settle", "2026-12-01")],
    );
    expect(s.points.map((p) => p.id)).toEqual(["early", "late"]);
    expect(s.points.every((p) => p.stage === "Stage 2: Build back up")).toBe(true);
    expect(s.points[0]!.day).toBe(s.points[1]!.day);
  });

  it("plots no pain for a skipped session but keeps it in the table rows", () => {
    const s = series([ci({ done: "skipped", painDuringNrs: 0, morningPainNrs: 0, sessionDate: "2026-12-03" })], [pos(1, "settle", "2026-12-01")]);
    expect(s.points).toHaveLength(1);
    expect(s.points[0]).toMatchObject({ done: "Skipped", painDuring: null, nextMorning: null });
  });

  it("leaves out sessions and stage starts outside the window, and names a stage missing from the published version by its key", () => {
    const s = series(
      [ci({ sessionDate: "2026-08-01" }), ci({ sessionDate: "2026-12-11" }), ci({ sessionDate: "2026-12-09" })],
      [pos(1, "settle", "2026-06-01"), pos(2, "retired", "2026-12-08")],
    );
    expect(s.from).toBe("2026-09-18");
    expect(s.points.map((p) => p.date)).toEqual(["2026-12-09"]);
    expect(s.points[0]!.stage).toBe('Stage "retired"');
    expect(s.stageMarks.map((m) => m.date)).toEqual(["2026-12-08"]);
  });

  it("starts at a session logged before the plan's first position, and gives that session no stage", () => {
    const s = series([ci({ sessionDate: "2026-11-28" })], [pos(1, "settle", "2026-12-02")]);
    expect(s.from).toBe("2026-11-28");
    expect(s.points[0]!.stage).toBeNull();
    expect(s.stageMarks.map((m) => m.date)).toEqual(["2026-12-02"]);
  });

  it("puts a tick on today and spreads at most seven ticks across the window", () => {
    const short = series([], [pos(1, "settle", "2026-12-04")]);
    expect(short.ticks.map((t) => t.label)).toEqual(["4 Dec", "5 Dec", "6 Dec", "7 Dec", "8 Dec", "9 Dec", "10 Dec"]);
    const long = series([], [pos(1, "settle", "2026-01-01")]);
    expect(long.ticks.length).toBeLessThanOrEqual(7);
    expect(long.ticks.at(-1)).toEqual({ day: dayNumber("2026-12-10"), label: "10 Dec" });
    expect(long.ticks[0]!.day).toBeGreaterThanOrEqual(long.domain[0]);
  });
});

describe("dayText", () => {
  it("writes a calendar day as the clinic reads it", () => {
    expect(dayText("2026-01-09")).toBe("9 Jan 2026");
    expect(dayText("2026-12-31")).toBe("31 Dec 2026");
  });
});
