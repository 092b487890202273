import { describe, expect, it } from "vitest";
import { evaluationSchema, mostCautious, VERDICTS, verdictRank } from "./contract";
import { evaluate, parseAndEvaluate } from "./engine";
import { cleanRunner } from "./test-fixtures";
import { defaultEngineSettings, engineSettingsSchema, resolveSettings } from "./settings";

describe("contract: verdict order", () => {
  it("is least to most cautious", () => {
    expect(VERDICTS).toEqual(["push", "modify", "back_off", "refer", "urgent_referral"]);
    expect(verdictRank("push")).toBeLessThan(verdictRank("urgent_referral"));
    expect(mostCautious(["modify", "refer", "push"])).toBe("refer");
    expect(mostCautious([])).toBe("push");
  });
});

describe("parseAndEvaluate", () => {
  it("accepts a minimal valid input and drops unknown extra fields", () => {
    const r = parseAndEvaluate({ contractVersion: 1, patient: { ageYears: 40 }, sport: { primary: "other" }, formDraftId: "x" });
    expect(r.ok).toBe(true);
  });
  it("returns every error with a dotted path", () => {
    const r = parseAndEvaluate({
      contractVersion: 2,
      patient: { ageYears: 9 },
      sport: { primary: "golf" },
      symptoms: { painNowNrs: 11, painDuringActivityNrs: 3.5 },
      complaint: { region: "knee", onset: "acute", daysSinceOnset: -1 },
      recovery: { restingHrNow: 300 },
      load: { hoursPerWeekNow: -2 },
      capacityTests: [{ test: "single_leg_calf_raise", value: -1 }],
    });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const paths = r.errors.map((e) => e.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        "contractVersion", "patient.ageYears", "sport.primary", "symptoms.painNowNrs", "symptoms.painDuringActivityNrs",
        "complaint.daysSinceOnset", "recovery.restingHrNow", "load.hoursPerWeekNow", "capacityTests.0.value",
      ]),
    );
    for (const e of r.errors) expect(e.message.length).toBeGreaterThan(0);
  });
  it("reports missing required fields", () => {
    const r = parseAndEvaluate({ contractVersion: 1, patient: {}, complaint: { region: "knee" } });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.map((e) => e.path)).toEqual(expect.arrayContaining(["patient.ageYears", "sport", "complaint.onset", "complaint.daysSinceOnset"]));
  });
  it("rejects non-objects at the root", () => {
    const r = parseAndEvaluate("hello");
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0]!.path).toBe("");
  });
  it("accepts any capacity test name", () => {
    expect(parseAndEvaluate({ ...cleanRunner(), capacityTests: [{ test: "copenhagen_plank", value: 20 }] }).ok).toBe(true);
  });
});

describe("evaluation output", () => {
  it("matches the output schema and carries the ruleset version", () => {
    const e = evaluate(cleanRunner());
    expect(evaluationSchema.safeParse(e).success).toBe(true);
    expect(e.rulesetVersion).toMatch(/^\d{4}\.\d+\.\d+$/);
    expect(e.contractVersion).toBe(1);
  });
  it("is deterministic", () => {
    expect(JSON.stringify(evaluate(cleanRunner()))).toBe(JSON.stringify(evaluate(cleanRunner())));
  });
  it("does not mutate its input", () => {
    const i = cleanRunner();
    const before = JSON.stringify(i);
    evaluate(i);
    expect(JSON.stringify(i)).toBe(before);
  });
});

describe("settings", () => {
  it("defaults hold the cited figures", () => {
    expect(defaultEngineSettings).toMatchObject({
      calfRaiseTargetRunning: 30, lsiMinPct: 90, acwrHigh: 1.5, acwrUsualUpper: 1.3, restingHrElevationBpm: 5,
      sleepHoursTarget: 8, painGreenMax: 3, painAcceptableMax: 5, deloadEveryWeeks: { min: 4, max: 6 },
    });
  });
  it("the schema accepts a partial and rejects out-of-range or inconsistent values", () => {
    expect(engineSettingsSchema.safeParse({}).success).toBe(true);
    expect(engineSettingsSchema.safeParse({ calfRaiseTargetRunning: 25 }).success).toBe(true);
    expect(engineSettingsSchema.safeParse({ deloadEveryWeeks: { min: 3, max: 6 } }).success).toBe(false);
    expect(engineSettingsSchema.safeParse({ acwrHigh: 1.3, acwrUsualUpper: 1.4 }).success).toBe(false);
    expect(engineSettingsSchema.safeParse({ painGreenMax: 5, painAcceptableMax: 4 }).success).toBe(false);
  });
  it("resolveSettings merges over defaults and ignores undefined", () => {
    expect(resolveSettings()).toBe(defaultEngineSettings);
    expect(resolveSettings({ sleepHoursTarget: undefined })).toBe(defaultEngineSettings);
    expect(resolveSettings({ sleepHoursTarget: 7 }).sleepHoursTarget).toBe(7);
    expect(resolveSettings({ sleepHoursTarget: 7 }).acwrHigh).toBe(1.5);
  });
});
