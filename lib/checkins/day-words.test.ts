import { describe, expect, it } from "vitest";
import { dayWords } from "./day-words";
import { positionText } from "./position-text";

describe("days in words", () => {
  it("today, yesterday, then the weekday and date", () => {
    expect(dayWords("2026-05-14", "2026-05-14")).toBe("Today (Thursday 14 May)");
    expect(dayWords("2026-05-13", "2026-05-14")).toBe("Yesterday (Wednesday 13 May)");
    expect(dayWords("2026-05-08", "2026-05-14")).toBe("Friday 8 May");
  });

  it("counts calendar days across a clock change and a year end", () => {
    expect(dayWords("2026-03-28", "2026-03-29")).toBe("Yesterday (Saturday 28 March)");
    expect(dayWords("2025-12-31", "2026-01-01")).toBe("Yesterday (Wednesday 31 December)");
  });

  it("the position line dates the stage start, the cut and the lighter week in words", () => {
    const content = { stages: [{ key: "a", title: "Easy running" }, { key: "b", title: "More" }] } as never;
    expect(positionText(content, { stageKey: "b", startedOn: "2026-05-01", doseCutPct: 15, lastLighterWeekOn: "2026-05-08", baselinePainNrs: null }, "2026-05-14")).toEqual({
      line: "Stage 2 of 2, week 2: More",
      detail: "You started this stage on 1 May 2026. Your clinician has cut the amount in this stage by 15 %. Your last lighter week began on 8 May 2026.",
    });
  });
});
