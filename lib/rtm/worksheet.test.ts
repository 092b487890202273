import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CODE_TABLE_CY2026, type RtmCodeTable } from "./code-table-cy2026";
import { addDays, daysBetween, distinctLocalDays, isIsoDate, localDay } from "./dates";
import { parseRtmInput, type RtmWorksheetInput } from "./validate";
import { managementCodesFor, rtmWorksheet, rtmWorksheetBatch, supplyCodeFor } from "./worksheet";

type Entry = RtmWorksheetInput["timeLog"][number];
const base = (over: Partial<RtmWorksheetInput> = {}): RtmWorksheetInput => ({
  contractVersion: 1,
  today: "2026-03-31",
  episode: { startedOn: "2026-03-01" },
  dataDays: [],
  timeLog: [],
  ...over,
});
const range = (from: string, n: number) => Array.from({ length: n }, (_, i) => addDays(from, i));
const live = (date: string, minutes: number, by: Entry["by"] = "pt"): Entry => ({ date, minutes, interactive: true, by });
const quiet = (date: string, minutes: number, by: Entry["by"] = "pt"): Entry => ({ date, minutes, interactive: false, by });

describe("dates", () => {
  it("accepts only real calendar dates", () => {
    expect(isIsoDate("2026-02-28")).toBe(true);
    expect(isIsoDate("2028-02-29")).toBe(true);
    expect(isIsoDate("2026-02-29")).toBe(false);
    expect(isIsoDate("2026-04-31")).toBe(false);
    expect(isIsoDate("2026-3-01")).toBe(false);
    expect(isIsoDate("2026-03-01T00:00")).toBe(false);
  });
  it("adds days across a 31-day month, a year end and a DST change", () => {
    expect(addDays("2026-01-31", 1)).toBe("2026-02-01");
    expect(addDays("2026-12-31", 1)).toBe("2027-01-01");
    expect(addDays("2026-03-01", 29)).toBe("2026-03-30"); // US DST starts 8 Mar, EU 29 Mar
    expect(addDays("2026-10-20", 30)).toBe("2026-11-19"); // EU DST ends 25 Oct, US 1 Nov
  });
  it("date maths stay whole when the process itself runs in a zone with DST", () => {
    const saved = process.env.TZ;
    try {
      for (const tz of ["America/New_York", "Europe/London", "Australia/Sydney"]) {
        process.env.TZ = tz;
        expect(addDays("2026-03-07", 1)).toBe("2026-03-08");
        expect(addDays("2026-03-08", 1)).toBe("2026-03-09");
        expect(addDays("2026-03-28", 2)).toBe("2026-03-30");
        expect(addDays("2026-04-04", 1)).toBe("2026-04-05");
        expect(addDays("2026-10-31", 1)).toBe("2026-11-01");
        expect(daysBetween("2026-03-01", "2026-03-31")).toBe(30);
        expect(rtmWorksheet(base({ today: "2026-04-15", dataDays: ["2026-03-08", "2026-03-29", "2026-03-30", "2026-03-31"] })).windows.map((w) => [w.end, w.dataDays])).toEqual([
          ["2026-03-30", 3],
          ["2026-04-29", 1],
        ]);
      }
    } finally {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    }
  });
  it("a check-in is counted on the clinic's local date, however many that day holds", () => {
    // 23:30 in New York on 9 Mar is 03:30 UTC on 10 Mar.
    expect(localDay(new Date("2026-03-10T03:30:00Z"), "America/New_York")).toBe("2026-03-09");
    expect(localDay(new Date("2026-03-10T04:30:00Z"), "America/New_York")).toBe("2026-03-10");
    expect(
      distinctLocalDays([new Date("2026-03-10T03:30:00Z"), new Date("2026-03-09T14:00:00Z"), new Date("2026-03-10T13:00:00Z")], "America/New_York"),
    ).toEqual(["2026-03-09", "2026-03-10"]);
  });
  it("DST change: the spring-forward night keeps local dates whole (US, 8 Mar 2026)", () => {
    // 00:30 and 23:30 local on the 23-hour day are the same local date.
    expect(localDay(new Date("2026-03-08T05:30:00Z"), "America/New_York")).toBe("2026-03-08");
    expect(localDay(new Date("2026-03-09T03:30:00Z"), "America/New_York")).toBe("2026-03-08");
    // fall back (1 Nov 2026): 01:30 happens twice, both on 1 Nov.
    expect(localDay(new Date("2026-11-01T05:30:00Z"), "America/New_York")).toBe("2026-11-01");
    expect(localDay(new Date("2026-11-01T06:30:00Z"), "America/New_York")).toBe("2026-11-01");
  });
});

describe("validation (every error with its path)", () => {
  it("reports every error at once", () => {
    const r = parseRtmInput({ contractVersion: 1, today: "2026-02-30", episode: { startedOn: "2026-13-01" }, dataDays: ["x"], timeLog: [{ date: "2026-03-01", minutes: 0, interactive: true, by: "pt" }, { date: "2026-03-01", minutes: 241, interactive: "yes", by: "ot" }] });
    expect(r.ok).toBe(false);
    const paths = r.ok ? [] : r.errors.map((e) => e.path);
    expect(paths).toEqual(expect.arrayContaining(["today", "episode.startedOn", "dataDays.0", "timeLog.0.minutes", "timeLog.1.minutes", "timeLog.1.interactive", "timeLog.1.by"]));
  });
  it("missing required fields", () => {
    const r = parseRtmInput({ contractVersion: 1 });
    expect(r.ok ? [] : r.errors.map((e) => e.path)).toEqual(expect.arrayContaining(["today", "episode", "dataDays", "timeLog"]));
    const s = parseRtmInput({ ...base(), episode: {} });
    expect(s.ok ? [] : s.errors.map((e) => e.path)).toEqual(["episode.startedOn"]);
  });
  it("endedOn before startedOn and today before startedOn, together with field errors", () => {
    const r = parseRtmInput({ ...base({ today: "2026-02-01" }), episode: { startedOn: "2026-03-01", endedOn: "2026-02-27" }, timeLog: [{ date: "2026-03-01", minutes: 1.5, interactive: true, by: "pt" }] });
    expect(r.ok ? [] : r.errors.map((e) => e.path).sort()).toEqual(["episode.endedOn", "timeLog.0.minutes", "today"]);
  });
  it("accepts 1 and 240 minutes, endedOn = startedOn, today = startedOn", () => {
    expect(parseRtmInput(base({ today: "2026-03-01", episode: { startedOn: "2026-03-01", endedOn: "2026-03-01" }, timeLog: [live("2026-03-01", 1), live("2026-03-01", 240)] })).ok).toBe(true);
  });
  it("the batch keeps invalid elements in place", () => {
    const r = rtmWorksheetBatch([base(), { contractVersion: 2 }]);
    expect(r.kind).toBe("array");
    if (r.kind !== "array") return;
    expect(r.invalid).toBe(1);
    expect("windows" in r.items[0]!).toBe(true);
    expect("error" in r.items[1]!).toBe(true);
  });
});

describe("windows and device supply (98977 / 98985)", () => {
  it("consecutive 30-day windows from startedOn; the last one partial", () => {
    const w = rtmWorksheet(base({ today: "2026-04-15", episode: { startedOn: "2026-03-01" } })).windows;
    expect(w.map((x) => [x.start, x.end, x.complete])).toEqual([
      ["2026-03-01", "2026-03-30", true],
      ["2026-03-31", "2026-04-29", false],
    ]);
  });
  it("a window ending exactly today is complete", () => {
    const w = rtmWorksheet(base({ today: "2026-03-30" })).windows;
    expect(w).toHaveLength(1);
    expect(w[0]!.complete).toBe(true);
    expect(w[0]!.canStillReach16).toBeUndefined();
  });
  it.each([
    [0, null],
    [1, null],
    [2, "98985"],
    [15, "98985"],
    [16, "98977"],
    [30, "98977"],
  ])("%i data days → %s", (n, code) => {
    const w = rtmWorksheet(base({ today: "2026-03-30", dataDays: range("2026-03-01", n) })).windows[0]!;
    expect(w.dataDays).toBe(n);
    expect(w.supplyCode).toBe(code);
  });
  it("duplicates count once; days outside the episode or after today are ignored", () => {
    const w = rtmWorksheet(base({ today: "2026-03-10", dataDays: ["2026-03-02", "2026-03-02", "2026-02-28", "2026-03-10", "2026-03-11", "2026-04-01"] })).windows;
    expect(w).toHaveLength(1);
    expect(w[0]!.dataDays).toBe(2);
  });
  it("endedOn ends the last window and days after it are ignored", () => {
    const ws = rtmWorksheet(base({ today: "2026-05-01", episode: { startedOn: "2026-03-01", endedOn: "2026-04-05" }, dataDays: ["2026-04-04", "2026-04-05", "2026-04-06", "2026-04-20"] }));
    expect(ws.windows).toHaveLength(2);
    expect(ws.windows[1]).toEqual({ start: "2026-03-31", end: "2026-04-29", dataDays: 2, complete: true, supplyCode: "98985" });
    expect(ws.months.map((m) => m.month)).toEqual(["2026-03", "2026-04"]);
  });
  it("an episode starting mid-month across a 31-day month", () => {
    const ws = rtmWorksheet(base({ today: "2026-02-20", episode: { startedOn: "2026-01-17" }, dataDays: range("2026-01-17", 16) }));
    expect(ws.windows[0]).toMatchObject({ start: "2026-01-17", end: "2026-02-15", dataDays: 16, supplyCode: "98977", complete: true });
    expect(ws.windows[1]).toMatchObject({ start: "2026-02-16", end: "2026-03-17", dataDays: 0, complete: false });
    expect(ws.months.map((m) => m.month)).toEqual(["2026-01", "2026-02"]);
  });
  it("months run from the month of startedOn to the month of today, across a year end", () => {
    const ws = rtmWorksheet(base({ today: "2027-01-03", episode: { startedOn: "2026-11-30" } }));
    expect(ws.months.map((m) => m.month)).toEqual(["2026-11", "2026-12", "2027-01"]);
  });
});

describe("canStillReach16", () => {
  // Window 2026-03-01..2026-03-30.
  it("14 days in (today 14 Mar) with 9 data days: today not yet a data day still counts as to come", () => {
    const w = rtmWorksheet(base({ today: "2026-03-14", dataDays: range("2026-03-01", 9) })).windows[0]!;
    expect(w.complete).toBe(false);
    expect(w.canStillReach16).toBe(true);
  });
  it("edge: data days + days to come = 16 exactly, with today not a data day", () => {
    // today 2026-03-27: days after today up to 30 Mar = 3, plus today = 4; 12 data days → 16.
    expect(rtmWorksheet(base({ today: "2026-03-27", dataDays: range("2026-03-01", 12) })).windows[0]!.canStillReach16).toBe(true);
    expect(rtmWorksheet(base({ today: "2026-03-27", dataDays: range("2026-03-01", 11) })).windows[0]!.canStillReach16).toBe(false);
  });
  it("edge: today already a data day is not counted twice", () => {
    // 12 data days including today 27 Mar; 3 days to come → 15.
    const days = [...range("2026-03-01", 11), "2026-03-27"];
    expect(rtmWorksheet(base({ today: "2026-03-27", dataDays: days })).windows[0]!.canStillReach16).toBe(false);
    // 13 data days including today; 3 to come → 16.
    expect(rtmWorksheet(base({ today: "2026-03-27", dataDays: [...days, "2026-03-20"] })).windows[0]!.canStillReach16).toBe(true);
  });
});

describe("set-up and education (98975)", () => {
  it("supported on the later of the set-up date and the second data day", () => {
    expect(rtmWorksheet(base({ episode: { startedOn: "2026-03-01", setupEducationOn: "2026-03-01" }, dataDays: ["2026-03-03", "2026-03-05"] })).setup).toEqual({ code: "98975", supportedOn: "2026-03-05" });
    expect(rtmWorksheet(base({ episode: { startedOn: "2026-03-01", setupEducationOn: "2026-03-09" }, dataDays: ["2026-03-03", "2026-03-05"] })).setup).toEqual({ code: "98975", supportedOn: "2026-03-09" });
  });
  it("only data days in the first window count; none without a recorded set-up", () => {
    const ws = rtmWorksheet(base({ today: "2026-04-20", episode: { startedOn: "2026-03-01", setupEducationOn: "2026-03-01" }, dataDays: ["2026-03-10", "2026-04-02", "2026-04-03"] }));
    expect(ws.setup).toBeNull();
    expect(ws.warnings.join(" ")).toMatch(/fewer than 2 days in the first 30-day window/);
    expect(rtmWorksheet(base({ dataDays: ["2026-03-02", "2026-03-03"] })).setup).toBeNull();
  });
  it("one data day only: no set-up code", () => {
    expect(rtmWorksheet(base({ episode: { startedOn: "2026-03-01", setupEducationOn: "2026-03-01" }, dataDays: ["2026-03-02", "2026-03-02"] })).setup).toBeNull();
  });
});

describe("treatment management (98979 / 98980 / 98981)", () => {
  it.each([
    [9, []],
    [10, [{ code: "98979", units: 1 }]],
    [19, [{ code: "98979", units: 1 }]],
    [20, [{ code: "98980", units: 1 }]],
    [39, [{ code: "98980", units: 1 }]],
    [40, [{ code: "98980", units: 1 }, { code: "98981", units: 1 }]],
    [60, [{ code: "98980", units: 1 }, { code: "98981", units: 2 }]],
  ])("%i minutes with a live interaction", (minutes, codes) => {
    const m = rtmWorksheet(base({ timeLog: [live("2026-03-04", minutes)] })).months[0]!;
    expect(m.minutes).toBe(minutes);
    expect(m.codes).toEqual(codes);
    expect(m.modifiers).toEqual(codes.length ? ["GP"] : []);
  });
  it("minutes add up across entries; one live entry is enough for the month", () => {
    const m = rtmWorksheet(base({ timeLog: [quiet("2026-03-04", 8), live("2026-03-10", 5), quiet("2026-03-20", 7)] })).months[0]!;
    expect(m).toMatchObject({ minutes: 20, interactive: true, codes: [{ code: "98980", units: 1 }] });
  });
  it("no live interaction: no code and a plain warning", () => {
    const ws = rtmWorksheet(base({ timeLog: [quiet("2026-03-04", 25)] }));
    expect(ws.months[0]).toMatchObject({ minutes: 25, interactive: false, codes: [], modifiers: [] });
    expect(ws.warnings).toContain("In 2026-03, 25 minutes were logged but there was no live call or video with the patient, so they support no management code.");
  });
  it("minutes are per calendar month and only inside the episode", () => {
    const ws = rtmWorksheet(base({ today: "2026-04-10", episode: { startedOn: "2026-03-15" }, timeLog: [live("2026-03-14", 30), live("2026-03-31", 12), live("2026-04-01", 12), live("2026-04-11", 30)] }));
    expect(ws.months.map((m) => [m.month, m.minutes])).toEqual([["2026-03", 12], ["2026-04", 12]]);
    expect(ws.warnings.join(" ")).toMatch(/2 time-log entries fall outside/);
  });
  it("GP always with codes; CQ only when the assistant's minutes exceed 10 %", () => {
    const at10 = rtmWorksheet(base({ timeLog: [live("2026-03-02", 36), live("2026-03-03", 4, "pta")] })).months[0]!;
    expect(at10.modifiers).toEqual(["GP"]); // 4 of 40 = exactly 10 %
    const over = rtmWorksheet(base({ timeLog: [live("2026-03-02", 35), live("2026-03-03", 5, "pta")] })).months[0]!;
    expect(over.modifiers).toEqual(["GP", "CQ"]); // 5 of 40 = 12.5 %
    const none = rtmWorksheet(base({ timeLog: [live("2026-03-03", 5, "pta")] })).months[0]!;
    expect(none.modifiers).toEqual([]);
  });
  it("names the code table's version, and a replaced table changes the answer", () => {
    const t2027: RtmCodeTable = { ...CODE_TABLE_CY2026, version: "TEST", supply: { ...CODE_TABLE_CY2026.supply, full: { code: "98977", minDays: 12 } } };
    const input = base({ today: "2026-03-30", dataDays: range("2026-03-01", 12) });
    expect(rtmWorksheet(input).codeTableVersion).toBe("CY2026");
    expect(rtmWorksheet(input).windows[0]!.supplyCode).toBe("98985");
    expect(rtmWorksheet(input, t2027).windows[0]!.supplyCode).toBe("98977");
    expect(rtmWorksheet(input, t2027).codeTableVersion).toBe("TEST");
  });
  it("helpers follow the table", () => {
    expect(supplyCodeFor(16)).toBe("98977");
    expect(managementCodesFor(45, false)).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------
const START = "2026-01-10";
const arbInput = fc
  .record({
    todayOffset: fc.integer({ min: 0, max: 120 }),
    endOffset: fc.option(fc.integer({ min: 0, max: 130 }), { nil: undefined }),
    setupOffset: fc.option(fc.integer({ min: -3, max: 40 }), { nil: undefined }),
    days: fc.array(fc.integer({ min: -10, max: 140 }), { maxLength: 80 }),
    log: fc.array(fc.record({ off: fc.integer({ min: -10, max: 140 }), minutes: fc.integer({ min: 1, max: 240 }), interactive: fc.boolean(), by: fc.constantFrom("pt" as const, "pta" as const) }), { maxLength: 12 }),
  })
  .map((r): RtmWorksheetInput => ({
    contractVersion: 1,
    today: addDays(START, r.todayOffset),
    episode: {
      startedOn: START,
      ...(r.endOffset !== undefined ? { endedOn: addDays(START, r.endOffset) } : {}),
      ...(r.setupOffset !== undefined ? { setupEducationOn: addDays(START, r.setupOffset) } : {}),
    },
    dataDays: r.days.map((d) => addDays(START, d)),
    timeLog: r.log.map((e) => ({ date: addDays(START, e.off), minutes: e.minutes, interactive: e.interactive, by: e.by })),
  }));
const rank = (c: string | null) => (c === "98977" ? 2 : c === "98985" ? 1 : 0);
const RUNS = { numRuns: 150 };

describe("properties", () => {
  it("adding a data day never lowers a window's supply code", () => {
    fc.assert(
      fc.property(arbInput, fc.integer({ min: -10, max: 140 }), (input, off) => {
        const before = rtmWorksheet(input).windows;
        const after = rtmWorksheet({ ...input, dataDays: [...input.dataDays, addDays(START, off)] }).windows;
        expect(after.length).toBe(before.length);
        before.forEach((w, i) => expect(rank(after[i]!.supplyCode)).toBeGreaterThanOrEqual(rank(w.supplyCode)));
      }),
      RUNS,
    );
  });
  // "Removes a management code" read as: a month that supported management still does, and the
  // time it supports (98980 once reached, 98981 units) never shrinks. 98979 gives way to 98980 at
  // 20 minutes by the rule "never 98979 and 98980 in the same month".
  it("adding minutes never removes a management code", () => {
    fc.assert(
      fc.property(arbInput, fc.integer({ min: 0, max: 140 }), fc.integer({ min: 1, max: 240 }), fc.boolean(), (input, off, minutes, interactive) => {
        const before = rtmWorksheet(input).months;
        const after = rtmWorksheet({ ...input, timeLog: [...input.timeLog, { date: addDays(START, off), minutes, interactive, by: "pt" }] }).months;
        const units = (m: (typeof before)[number], code: string) => m.codes.find((c) => c.code === code)?.units ?? 0;
        before.forEach((m, i) => {
          const a = after[i]!;
          if (m.codes.length > 0) expect(a.codes.length).toBeGreaterThan(0);
          expect(units(a, "98980")).toBeGreaterThanOrEqual(units(m, "98980"));
          expect(units(a, "98981")).toBeGreaterThanOrEqual(units(m, "98981"));
          expect(a.minutes).toBeGreaterThanOrEqual(m.minutes);
          expect(a.codes.some((c) => c.code === "98979") && a.codes.some((c) => c.code === "98980")).toBe(false);
        });
      }),
      RUNS,
    );
  });
  it("is a pure function of its input (same input, same output; input not mutated)", () => {
    fc.assert(
      fc.property(arbInput, (input) => {
        const copy = structuredClone(input);
        expect(rtmWorksheet(input)).toEqual(rtmWorksheet(copy));
        expect(input).toEqual(copy);
      }),
      RUNS,
    );
  });
  it("every data day inside the episode is counted in exactly one window", () => {
    fc.assert(
      fc.property(arbInput, (input) => {
        const ws = rtmWorksheet(input);
        const last = input.episode.endedOn && input.episode.endedOn < input.today ? input.episode.endedOn : input.today;
        const inside = new Set(input.dataDays.filter((d) => d >= input.episode.startedOn && d <= last));
        for (const d of inside) expect(ws.windows.filter((w) => d >= w.start && d <= w.end)).toHaveLength(1);
        expect(ws.windows.reduce((s, w) => s + w.dataDays, 0)).toBe(inside.size);
        ws.windows.forEach((w, i) => {
          expect(addDays(w.start, 29)).toBe(w.end);
          if (i > 0) expect(w.start).toBe(addDays(ws.windows[i - 1]!.end, 1));
        });
      }),
      RUNS,
    );
  });
});
