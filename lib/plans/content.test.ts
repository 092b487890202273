import { describe, expect, it } from "vitest";
import { evaluate } from "@/lib/clinical";
import { samplePausedPlanInput } from "@/lib/pdf/sample";
import { planContentSchema, planEditFormSchema } from "@/lib/validation/plan";
import { applyEdits, fromEnginePlan, planOverrides, toFormValues } from "./content";
import { stageCrossings } from "./limits";

// A stage the engine paused until a doctor has seen the patient (refer for fever, trauma or a
// possible fracture): the editor offers nothing to load, a save keeps the pause, and loading it
// anyway goes through the reason-for-crossing-the-limits flow.

const ids = { planId: "00000000-0000-4000-8000-000000000001", patientId: "00000000-0000-4000-8000-000000000002", version: 1 };
const evaluation = evaluate(samplePausedPlanInput());
const engine = evaluation.plan!;
const v1 = fromEnginePlan(engine);
const parse = (values: ReturnType<typeof toFormValues>) => planEditFormSchema.parse(values);

describe("paused stage in the plan editor", () => {
  it("the engine's refer-for-fever plan is one paused stage with no load", () => {
    expect(evaluation.verdict).toBe("refer");
    expect(v1.stages).toHaveLength(1);
    expect(v1.stages[0]).toMatchObject({ key: "pause", pauseUntilCleared: true, strength: [], intensityAllowed: false });
    expect(v1.stages[0]!.trainingHoursPct).toBeUndefined();
    expect(planContentSchema.parse(v1).stages[0]!.pauseUntilCleared).toBe(true);
  });

  it("opens with 0 % volume (never the 100 % of a full stage) and no exercises", () => {
    const f = toFormValues(v1, "km", ids).stages[0]!;
    expect(f).toMatchObject({ volMin: "0", volMax: "0", strength: [], intensity: false });
  });

  it("saving keeps the pause and no load; walking guidance and the note are edited; no crossing, no reason needed", () => {
    const values = toFormValues(v1, "km", ids);
    values.stages[0]!.crossTraining = "Walk 10 minutes on the flat\nDaily activities as comfortable";
    values.stages[0]!.notes = "See the GP this week.";
    const next = planContentSchema.parse(applyEdits(v1, parse(values), "km"));
    expect(next.stages[0]).toMatchObject({ pauseUntilCleared: true, strength: [], intensityAllowed: false, notes: "See the GP this week." });
    expect(next.stages[0]!.crossTraining).toEqual(["Walk 10 minutes on the flat", "Daily activities as comfortable"]);
    expect(next.stages[0]!.trainingHoursPct).toBeUndefined();
    expect(next.stages[0]!.runVolumePct).toBeUndefined();
    expect(planOverrides(engine, next, "refer", [""])).toEqual([]);
  });

  it("a posted form that loads the paused stage anyway lifts the pause and needs a reason for every load it adds", () => {
    const values = toFormValues(v1, "km", ids);
    Object.assign(values.stages[0]!, { volMin: "40", volMax: "60", rpe: "5", intensity: true });
    values.stages[0]!.strength = [{ exercise: "Calf raise", sets: "3", reps: "12", howTo: "", note: "" }];
    const next = planContentSchema.parse(applyEdits(v1, parse(values), "km"));
    expect(next.stages[0]!.pauseUntilCleared).toBeUndefined();
    const [o] = planOverrides(engine, next, "refer", [""]);
    expect(o?.reason).toBe("");
    expect(o?.crossings.join(" ")).toMatch(/Training volume up to 60 % of usual in a stage the engine paused until a doctor has seen the patient/);
    expect(o?.crossings.join(" ")).toMatch(/Strength exercises in a stage the engine paused/);
    expect(o?.crossings.join(" ")).toMatch(/Intervals and hard efforts allowed/);
    expect(o?.crossings.join(" ")).toMatch(/Effort cap RPE 5, above the engine's RPE 2/);
  });

  it("the limits flag load on a paused engine stage, and the stored plan refuses a paused stage that carries load", () => {
    const stage = v1.stages[0]!;
    expect(stageCrossings(stage, { ...stage, trainingHoursPct: { min: 0, max: 20 } }, "refer", 1)).toHaveLength(1);
    expect(stageCrossings(stage, stage, "refer", 1)).toEqual([]);
    const loaded = { ...v1, stages: [{ ...stage, trainingHoursPct: { min: 50, max: 70 } }] };
    expect(planContentSchema.safeParse(loaded).success).toBe(false);
    expect(planContentSchema.safeParse({ ...v1, stages: [{ ...stage, strength: [{ exercise: "Squat", sets: 3, reps: "8" }] }] }).success).toBe(false);
  });
});
