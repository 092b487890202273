import { describe, expect, it } from "vitest";
import { RED_FLAG_KEYS } from "@/lib/clinical";
import { LEFS_FIELDS } from "./lefs";
import { fitOfDraft, fitOfInput, keepFitting, lefsApplies, pathApplies, questionApplies, tinglingLabel } from "./question-fit";

const SPINAL_ONLY = ["cannotBendForward", "radiatingBelowKnee"];

describe("questionApplies: questions that fit the region and sport", () => {
  it("an Achilles runner is not asked the spinal or lifting questions", () => {
    const ctx = { region: "achilles_calf", sport: "running" };
    for (const q of [...SPINAL_ONLY, "weightsMovingNormally"]) expect(questionApplies(q, ctx), q).toBe(false);
    expect(questionApplies("tinglingOrNumbness", ctx)).toBe(true);
    expect(questionApplies("sharpPain", ctx)).toBe(true);
  });

  it("a lumbar lifter is asked them", () => {
    const ctx = { region: "lumbar", sport: "lifting" };
    for (const q of [...SPINAL_ONLY, "weightsMovingNormally", "tinglingOrNumbness"]) expect(questionApplies(q, ctx), q).toBe(true);
  });

  it.each([
    ["lumbar", true],
    ["thoracic", true],
    ["neck", false],
    ["shoulder", false],
    ["hamstring", false],
    ["knee", false],
    ["foot_ankle", false],
    ["none", false],
    // Cannot tell: ask.
    ["other", true],
    [undefined, true],
    ["", true],
  ])("spinal questions for region %j: %s", (region, expected) => {
    for (const q of SPINAL_ONLY) expect(questionApplies(q, { region, sport: "running" })).toBe(expected);
  });

  it.each([
    ["lifting", true],
    ["crossfit", true],
    ["hyrox", true],
    ["hybrid", true],
    ["running", false],
    ["team_sport", false],
    ["other", true],
    [undefined, true],
  ])("lifting-fatigue question for sport %j: %s", (sport, expected) => {
    expect(questionApplies("weightsMovingNormally", { region: "knee", sport })).toBe(expected);
  });

  it("never filters the red-flag screen, for any region or sport", () => {
    for (const region of ["achilles_calf", "neck", "none", "shoulder", undefined]) {
      for (const sport of ["running", "lifting", "team_sport"]) {
        for (const k of RED_FLAG_KEYS) expect(questionApplies(k, { region, sport }), `${k} ${region} ${sport}`).toBe(true);
      }
    }
  });

  it("names where tingling would be: the arm for the neck, the leg for the back and lower limb", () => {
    expect(tinglingLabel({ region: "neck" })).toMatch(/arm/);
    expect(tinglingLabel({ region: "lumbar" })).toMatch(/leg or foot$/);
    expect(tinglingLabel({ region: "achilles_calf" })).toMatch(/leg or foot$/);
    expect(tinglingLabel({})).toMatch(/leg or foot.*arm/);
  });
});

describe("pathApplies: the review's unanswered list", () => {
  it("drops engine paths whose question was not asked, keeps the rest", () => {
    const ctx = fitOfInput({ complaint: { region: "achilles_calf" }, sport: { primary: "running" } });
    const missing = ["symptoms.cannotBendForward", "symptoms.radiatingBelowKnee", "fatigue.weightsMovingNormally", "symptoms.trend", "redFlags.historyOfCancer"];
    expect(missing.filter((p) => pathApplies(p, ctx))).toEqual(["symptoms.trend", "redFlags.historyOfCancer"]);
  });

  it("an input without a complaint is a readiness check", () => {
    expect(fitOfInput({ sport: { primary: "lifting" } })).toEqual({ region: "none", sport: "lifting" });
  });
});

describe("LEFS and saved drafts", () => {
  it("offers the LEFS for lower-limb complaints only", () => {
    for (const r of ["hip", "hamstring", "knee", "shin", "achilles_calf", "foot_ankle"]) expect(lefsApplies({ region: r }), r).toBe(true);
    for (const r of ["lumbar", "thoracic", "neck", "shoulder", "elbow", "other", "none", undefined]) expect(lefsApplies({ region: r }), String(r)).toBe(false);
  });

  it("keepFitting drops answers to questions that no longer fit, and LEFS items outside the lower limb", () => {
    const ctx = fitOfDraft({ load: { sport: "running" }, complaint: { region: "achilles_calf" } });
    expect(keepFitting({ region: "achilles_calf", cannotBendForward: "yes", sharpPain: "no" }, ctx, LEFS_FIELDS)).toEqual({ region: "achilles_calf", sharpPain: "no" });
    expect(keepFitting({ weightsMovingNormally: "yes", sleepHoursAvg: "7" }, ctx, LEFS_FIELDS)).toEqual({ sleepHoursAvg: "7" });
    expect(keepFitting({ lefs1: "3", psfs1Score: "4" }, ctx, LEFS_FIELDS)).toEqual({ lefs1: "3", psfs1Score: "4" });
    expect(keepFitting({ lefs1: "3", psfs1Score: "4" }, { region: "lumbar", sport: "lifting" }, LEFS_FIELDS)).toEqual({ psfs1Score: "4" });
  });
});
