import { describe, expect, it } from "vitest";
import { evaluate } from "../engine";
import { cleanRunner, withChange } from "../test-fixtures";

describe("plan builder", () => {
  it("push: one keep-training stage, intensity allowed, long run capped at 1.1 × longest (floored to 0.1 km)", () => {
    const p = evaluate(withChange((i) => (i.load!.longestRunKm30d = 14))).plan!;
    expect(p.stages).toHaveLength(1);
    expect(p.stages[0]).toMatchObject({ key: "train", intensityAllowed: true, longRunKmMax: 15.4 });
    expect(p.deloadEveryWeeks).toEqual({ min: 4, max: 6 });
  });
  it("modify: first stage 60-80 % running, RPE ≤ 4, no intensity, cross-training listed", () => {
    const p = evaluate(withChange((i) => (i.symptoms!.painDuringActivityNrs = 4))).plan!;
    expect(p.stages[0]).toMatchObject({ runVolumePct: { min: 60, max: 80 }, maxEffortRpe: 4, intensityAllowed: false });
    expect(p.stages[0]!.crossTraining.length).toBeGreaterThan(0);
    expect(p.stages.at(-1)!.key).toBe("return");
    expect(p.stages[0]!.longRunKmMax).toBe(9.6); // 12 km × 80 %
  });
  it("back_off on a flare starts at 60-80 % (P3) at RPE 3; a further 10-20 % cut is the regress step", () => {
    const p = evaluate(withChange((i) => (i.symptoms!.painDuringActivityNrs = 7))).plan!;
    expect(p.stages[0]).toMatchObject({ key: "calm", runVolumePct: { min: 60, max: 80 }, maxEffortRpe: 3, intensityAllowed: false });
    expect(p.stages[0]!.regressWhen.join(" ")).toMatch(/another 10-20 %/);
    expect(p.stages.map((s) => s.key)).toEqual(["calm", "rebuild", "reload", "return"]);
  });
  it("refer: a conservative hold stage awaiting review", () => {
    const p = evaluate(withChange((i) => (i.symptoms!.trend = "worsening"))).plan!;
    expect(p.stages).toHaveLength(1);
    expect(p.stages[0]).toMatchObject({ key: "hold", intensityAllowed: false });
    expect(p.stages[0]!.progressWhen.join(" ")).toMatch(/clear/);
  });
  it("urgent: no plan", () => {
    expect(evaluate(withChange((i) => (i.redFlags!.bladderOrBowelChange = true))).plan).toBeNull();
  });
  it("lumbar: the back strength set, deadlifts paused, swimming offered, warm-up and form cues for runners", () => {
    const p = evaluate(withChange((i) => {
      i.complaint = { region: "lumbar", onset: "gradual", daysSinceOnset: 10 };
      i.symptoms!.painDuringActivityNrs = 5;
    })).plan!;
    const ex = p.stages[0]!.strength.map((s) => s.exercise.toLowerCase()).join(" | ");
    for (const w of ["split squat", "step-up", "sled push", "goblet squat", "side plank", "suitcase carry"]) expect(ex).toContain(w);
    expect(p.advice?.join(" ")).toMatch(/deadlift/);
    expect(p.advice?.join(" ")).toMatch(/warm-up/);
    expect(p.advice?.join(" ")).toMatch(/stride/);
    expect(p.stages[0]!.crossTraining.join(" ")).toMatch(/Swimming/);
    expect(p.seekCareIf.join(" ")).toMatch(/bladder/);
  });
  it("weak calves put calf raises in the plan with the target and the retest note", () => {
    const p = evaluate(withChange((i) => (i.capacityTests = [{ test: "single_leg_calf_raise", side: "left", value: 12 }]))).plan!;
    const calf = p.stages[0]!.strength.find((s) => /calf/i.test(s.exercise));
    expect(calf?.note).toMatch(/30/);
    expect(p.stages[1]!.progressWhen.join(" ")).toMatch(/Single-leg calf raise: 30 reps/);
  });
  it("pain rules are the traffic light: green ≤ 3, amber 4-5, red > 5 with the 24-hour rule", () => {
    const p = evaluate(cleanRunner()).plan!;
    expect(p.painRules.map((r) => r.level)).toEqual(["green", "amber", "red"]);
    expect(p.painRules[0]!.when).toMatch(/3\/10/);
    expect(p.painRules[1]!.when).toMatch(/4-5\/10/);
    expect(p.painRules[2]!.when).toMatch(/24-hour/);
  });
  it("deload cadence by training age (F5): advanced 4-5, beginner 5-6", () => {
    expect(evaluate(withChange((i) => (i.sport.trainingAgeYears = 8))).plan!.deloadEveryWeeks).toEqual({ min: 4, max: 5 });
    expect(evaluate(withChange((i) => (i.sport.trainingAgeYears = 1))).plan!.deloadEveryWeeks).toEqual({ min: 5, max: 6 });
  });
  it("non-runners get no running volume fields", () => {
    const p = evaluate(withChange((i) => {
      i.sport.primary = "lifting";
      delete i.load!.runKmPerWeekNow;
      delete i.load!.runKmPerWeekUsual;
      delete i.load!.longestRunKm30d;
      i.symptoms!.painDuringActivityNrs = 4;
    })).plan!;
    expect(p.stages[0]!.runVolumePct).toBeUndefined();
    expect(p.stages[0]!.trainingHoursPct).toEqual({ min: 60, max: 80 });
  });
});
