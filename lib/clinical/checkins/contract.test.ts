import { describe, expect, it } from "vitest";
import { checkInReviewInputSchema } from "./contract";
import { parseAndReview } from "./review";
import { green, input } from "./test-helpers";

const errorsOf = (raw: unknown) => {
  const r = parseAndReview(raw);
  if (r.ok) throw new Error("expected invalid input");
  return r.errors;
};
const pathsOf = (raw: unknown) => errorsOf(raw).map((e) => e.path);

describe("check-in review input (contract v1)", () => {
  it("accepts a minimal input with no check-ins", () => {
    expect(checkInReviewInputSchema.safeParse(input([])).success).toBe(true);
  });

  it("a check-in dated after today is invalid, with its path", () => {
    expect(pathsOf(input([green(1), green(-1)]))).toEqual(["checkIns.1.date"]);
    expect(parseAndReview(input([green(0)])).ok).toBe(true); // today itself is fine
  });

  it("a stage key that is not in the plan is invalid", () => {
    expect(pathsOf(input([], { stageKey: "sprint" }))).toEqual(["stage.key"]);
  });

  it("every score out of range is reported by its dotted path, all at once", () => {
    const raw = input([
      green(1, { painDuringNrs: 11, effortRpe: 10.5, minutes: 601, distanceKm: -1 }),
      green(2, { nextMorning: { comparedWithBefore: "same", painNrs: -1 } }),
      green(3, { painDuringNrs: 2.5 }),
    ], { doseCutPct: 60 });
    (raw as { baseline: unknown }).baseline = { painNrs: 12 };
    expect(pathsOf(raw).sort()).toEqual([
      "baseline.painNrs", "checkIns.0.distanceKm", "checkIns.0.effortRpe", "checkIns.0.minutes", "checkIns.0.painDuringNrs",
      "checkIns.1.nextMorning.painNrs", "checkIns.2.painDuringNrs", "stage.doseCutPct",
    ]);
  });

  it("rejects dates that are not real calendar days, and bad enums, with paths", () => {
    const raw = input([{ ...green(1), date: "2026-02-30" }, { ...green(2), done: "maybe" as never, activity: "swim" as never }]);
    (raw as { today: string }).today = "10/12/2026";
    expect(pathsOf(raw).sort()).toEqual(["checkIns.0.date", "checkIns.1.activity", "checkIns.1.done", "today"]);
  });

  it("requires comparedWithBefore inside nextMorning and the contract version", () => {
    const raw = { ...input([green(1, { nextMorning: { painNrs: 2 } as never })]), contractVersion: 2 };
    expect(pathsOf(raw).sort()).toEqual(["checkIns.0.nextMorning.comparedWithBefore", "contractVersion"]);
  });

  it("a note over 500 characters is invalid; the engine never reads notes", () => {
    expect(pathsOf(input([green(1, { note: "x".repeat(501) })]))).toEqual(["checkIns.0.note"]);
    const a = parseAndReview(input([green(1, { note: "felt great" })]));
    const b = parseAndReview(input([green(1, { note: "terrible, sharp pain" })]));
    expect(a).toEqual(b);
  });

  it("non-objects and empty objects give errors, never a throw", () => {
    expect(pathsOf(null)).toEqual([""]);
    expect(pathsOf([])).toEqual([""]);
    expect(pathsOf({ contractVersion: 1 })).toEqual(["today", "plan", "stage", "checkIns"]);
    expect(errorsOf({ contractVersion: 1, today: "x", plan: { stages: "x" }, stage: {}, checkIns: [{ date: 5 }] }).length).toBeGreaterThan(3);
  });
});
