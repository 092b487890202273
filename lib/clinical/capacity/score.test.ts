import { describe, expect, it } from "vitest";
import { defaultEngineSettings } from "../settings";
import { capacityCatalogue, catalogueEntry, populationNorm } from "./catalogue";
import { isRealChange, scoreCapacity } from "./score";

const s = defaultEngineSettings;

describe("scoreCapacity", () => {
  it("pairs sides, sets the running target, deficit of the weaker side, LSI to 1 dp", () => {
    const [r] = scoreCapacity(
      [
        { test: "single_leg_calf_raise", side: "left", value: 5 },
        { test: "single_leg_calf_raise", side: "right", value: 7 },
      ],
      "running",
      s,
    );
    expect(r).toMatchObject({ test: "single_leg_calf_raise", left: 5, right: 7, target: 30, unit: "reps", meetsTarget: false, targetKind: "absolute" });
    expect(r!.deficitPct).toBe(83.3);
    expect(r!.lsiPct).toBe(71.4);
  });
  it("meets target only when both sides reach it and LSI ≥ 90", () => {
    const score = (l: number, r: number) =>
      scoreCapacity([{ test: "single_leg_calf_raise", side: "left", value: l }, { test: "single_leg_calf_raise", side: "right", value: r }], "running", s)[0]!;
    expect(score(30, 30).meetsTarget).toBe(true);
    expect(score(30, 30).deficitPct).toBe(0);
    expect(score(29, 30).meetsTarget).toBe(false);
    expect(score(30, 34).lsiPct).toBe(88.2);
    expect(score(30, 34).meetsTarget).toBe(false); // both above 30, but LSI under 90
    expect(score(31, 34).meetsTarget).toBe(true); // LSI 91.2
  });
  it("the LSI bar fails a test even when both sides pass the absolute target", () => {
    const [r] = scoreCapacity([{ test: "single_leg_bridge", side: "left", value: 20 }, { test: "single_leg_bridge", side: "right", value: 30 }], "running", s);
    expect(r!.lsiPct).toBe(66.7);
    expect(r!.meetsTarget).toBe(false);
  });
  it("hop distance has no absolute target: 90 % of the stronger side", () => {
    const [r] = scoreCapacity([{ test: "single_leg_hop_distance", side: "left", value: 150 }, { test: "single_leg_hop_distance", side: "right", value: 180 }], "team_sport", s);
    expect(r).toMatchObject({ target: 162, targetKind: "symmetry", meetsTarget: false, unit: "cm" });
  });
  it("a lifter's calf target is 20; hyrox uses the running target", () => {
    const t = (sport: "lifting" | "hyrox") => scoreCapacity([{ test: "single_leg_calf_raise", side: "left", value: 22 }], sport, s)[0]!;
    expect(t("lifting")).toMatchObject({ target: 20, meetsTarget: true });
    expect(t("hyrox")).toMatchObject({ target: 30, meetsTarget: false });
  });
  it("a bilateral test uses `value`", () => {
    const [r] = scoreCapacity([{ test: "pain_free_walk", value: 25 }], "running", s);
    expect(r).toMatchObject({ value: 25, target: 30, meetsTarget: false, unit: "minutes" });
    expect(r!.lsiPct).toBeUndefined();
  });
  it("unknown tests: a pair is judged on symmetry, a single value is reported but not judged", () => {
    const pair = scoreCapacity([{ test: "copenhagen_plank", side: "left", value: 20 }, { test: "copenhagen_plank", side: "right", value: 30 }], "running", s)[0]!;
    expect(pair).toMatchObject({ targetKind: "symmetry", meetsTarget: false, unit: "units" });
    const single = scoreCapacity([{ test: "copenhagen_plank", value: 30 }], "running", s)[0]!;
    expect(single).toMatchObject({ targetKind: "none", target: 0, meetsTarget: true });
  });
  it("clinic overrides set an absolute target for any test", () => {
    const [r] = scoreCapacity([{ test: "wall_sit", value: 50 }], "running", { ...s, capacityTargetOverrides: { wall_sit: 60 } });
    expect(r).toMatchObject({ target: 60, targetKind: "absolute", meetsTarget: false });
  });
  it("repeated attempts: the best counts; highest test pain is kept", () => {
    const [r] = scoreCapacity(
      [
        { test: "single_leg_calf_raise", side: "left", value: 20, painNrs: 2 },
        { test: "single_leg_calf_raise", side: "left", value: 26, painNrs: 4 },
      ],
      "running",
      s,
    );
    expect(r!.left).toBe(26);
    expect(r!.maxPainNrs).toBe(4);
  });
  it("no tests → empty", () => {
    expect(scoreCapacity(undefined, "running", s)).toEqual([]);
  });
});

describe("isRealChange", () => {
  it("calf raise: under 6 reps is not a real change, 6 is", () => {
    expect(isRealChange("single_leg_calf_raise", 10, 15)).toBe(false);
    expect(isRealChange("single_leg_calf_raise", 10, 16)).toBe(true);
    expect(isRealChange("single_leg_calf_raise", 16, 10)).toBe(true);
  });
  it("tests without a published error count any change", () => {
    expect(isRealChange("side_plank", 30, 31)).toBe(true);
    expect(isRealChange("side_plank", 30, 30)).toBe(false);
  });
});

describe("catalogue", () => {
  it("covers every contract test plus the Goom battery additions, each with how-to and source", () => {
    for (const t of ["single_leg_calf_raise", "single_leg_bridge", "side_plank", "single_leg_squat", "single_leg_hop_distance", "single_leg_balance", "wall_sit", "pain_free_walk", "single_leg_sit_to_stand", "side_lying_hip_abduction"]) {
      const e = catalogueEntry(t);
      expect(e, t).toBeDefined();
      expect(e!.howTo.length).toBeGreaterThan(20);
      expect(e!.source.length).toBeGreaterThan(3);
    }
    expect(new Set(capacityCatalogue.map((e) => e.test)).size).toBe(capacityCatalogue.length);
  });
  it("heel-raise population norms by age band and sex (secondary quotation)", () => {
    expect(populationNorm("single_leg_calf_raise", 25, "male")).toBe(37);
    expect(populationNorm("single_leg_calf_raise", 45, "female")).toBe(24);
    expect(populationNorm("single_leg_calf_raise", 85, "female")).toBeUndefined();
    expect(populationNorm("single_leg_calf_raise", 45)).toBeUndefined();
    expect(catalogueEntry("single_leg_calf_raise")!.norms!.note).toMatch(/secondary quotation/i);
  });
});
