import { describe, expect, it } from "vitest";
import type { Evaluation } from "@/lib/clinical";
import { reassessmentDueDate } from "./refresh-summary";

const ev = (verdict: Evaluation["verdict"], weeksMax?: number) =>
  ({ verdict, plan: weeksMax === undefined ? null : { stages: [{ weeks: { min: 1, max: weeksMax } }] } }) as unknown as Evaluation;

describe("reassessmentDueDate", () => {
  const at = new Date("2026-03-02T10:00:00Z");
  it("is today for an urgent referral and a week for a referral", () => {
    expect(reassessmentDueDate(at, ev("urgent_referral"))).toBe("2026-03-02");
    expect(reassessmentDueDate(at, ev("refer", 4))).toBe("2026-03-09");
  });
  it("follows the first stage's longest duration, within 1 to 6 weeks", () => {
    expect(reassessmentDueDate(at, ev("back_off", 3))).toBe("2026-03-23");
    expect(reassessmentDueDate(at, ev("modify", 10))).toBe("2026-04-13");
    expect(reassessmentDueDate(at, ev("push", 0))).toBe("2026-03-09");
  });
});
