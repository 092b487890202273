import { describe, expect, it } from "vitest";
import { reviewCheckIns, type CheckIn } from "@/lib/clinical";
import { patientLightOf } from "./patient-light";
import { positionText } from "./position-text";
import { buildCheckInReviewInput, type StoredCheckIn } from "./review-input";
import { dayWords } from "./day-words";
import type { PlanContent } from "@/lib/validation/plan";

const stage = (key: string, title: string) => ({
  key, title, weeks: { min: 1, max: 2 }, maxEffortRpe: 4, intensityAllowed: false, crossTraining: [], strength: [], progressWhen: ["Pain green all week"], regressWhen: [],
});
const content: PlanContent = {
  stages: [stage("settle", "Settle it down"), stage("build", "Build back up"), stage("full", "Full training")],
  painRules: [
    { level: "green", when: "0-3", then: "Carry on as planned." },
    { level: "amber", when: "4-5", then: "Shorten the session and keep it easy." },
    { level: "red", when: ">5", then: "Stop that activity for the day. Next time, cut the dose by another 10-20 %." },
  ],
  deloadEveryWeeks: { min: 4, max: 6 },
  seekCareIf: [],
};
const row = (o: Partial<StoredCheckIn> = {}): StoredCheckIn => ({
  sessionDate: "2026-12-01", activity: "run", done: "as_planned", minutes: 30, distanceKm: 5, effortRpe: 4, painDuringNrs: 2, sharpPain: false, alteredMovement: false,
  tinglingOrNumbnessDownLeg: false, saddleNumbness: false, bladderOrBowelChange: false, bothLegs: false, calfSwellingRednessHeat: false, chestPainOrBreathlessness: false, feverOrUnwell: false,
  note: null, morningPainNrs: 1, morningComparedWithBefore: "same", morningStiffnessOver30Min: false, ...o,
});
const position = { stageKey: "build", startedOn: "2026-11-20", doseCutPct: 0, lastLighterWeekOn: null, baselinePainNrs: 1 };
const lightFor = (rows: StoredCheckIn[], today = "2026-12-02") => {
  const input = buildCheckInReviewInput({ today, content, position, checkIns: rows });
  return patientLightOf(reviewCheckIns(input), content);
};

describe("the patient's light", () => {
  it("is green on green sessions, amber on amber pain, red with the plan's own words on a flare, urgent on an urgent symptom", () => {
    const green = ["2026-11-26", "2026-11-28", "2026-12-01"].map((d) => row({ sessionDate: d }));
    expect(lightFor(green).level).toBe("green");
    expect(lightFor([...green, row({ sessionDate: "2026-11-30", painDuringNrs: 4 })]).level).toBe("amber");
    const red = lightFor([...green, row({ sessionDate: "2026-11-30", morningComparedWithBefore: "worse" })]);
    expect(red).toMatchObject({ level: "red", suggestion: "regress" });
    expect(red.say[0]).toContain("10-20 %");
    const urgent = lightFor([...green, row({ bothLegs: true })]);
    expect(urgent.level).toBe("urgent");
    expect(urgent.say.join(" ")).toMatch(/emergency/);
    expect(lightFor([...green, row({ tinglingOrNumbnessDownLeg: true })]).level).toBe("red");
  });

  it("maps stored rows to the contract: unknown stays missing, never false", () => {
    const input = buildCheckInReviewInput({ today: "2026-12-02", content, position, checkIns: [row({ sharpPain: null, morningComparedWithBefore: null, morningPainNrs: null, saddleNumbness: null })] });
    const c = input.checkIns[0] as CheckIn;
    expect(c.sharpPain).toBeUndefined();
    expect(c.nextMorning).toBeUndefined();
    expect(c.newSymptoms).not.toHaveProperty("saddleNumbness");
    // Never a session after today.
    expect(buildCheckInReviewInput({ today: "2026-12-02", content, position, checkIns: [row({ sessionDate: "2026-12-03" })] }).checkIns).toHaveLength(0);
  });
});

describe("position and day words", () => {
  it("says where the patient is in plain words", () => {
    expect(positionText(content, position, "2026-11-20")!.line).toBe("Stage 2 of 3, week 1: Build back up");
    expect(positionText(content, { ...position, doseCutPct: 10 }, "2026-11-27")).toEqual({
      line: "Stage 2 of 3, week 2: Build back up",
      detail: "You started this stage on 20 November 2026. Your clinician has cut the amount in this stage by 10 %.",
    });
    expect(positionText(content, { ...position, stageKey: "gone" }, "2026-11-27")).toBeNull();
  });
  it("names days relative to today", () => {
    expect(dayWords("2026-12-01", "2026-12-01")).toBe("Today (Tuesday 1 December)");
    expect(dayWords("2026-11-30", "2026-12-01")).toBe("Yesterday (Monday 30 November)");
    expect(dayWords("2026-11-25", "2026-12-01")).toBe("Wednesday 25 November");
  });
});
