import { describe, expect, it } from "vitest";
import { editorProblems, flattenErrors, inPageOrder, nestServerErrors, problemSummary } from "./editor-errors";

describe("the plan editor's error list", () => {
  it("turns react-hook-form's nested errors into the form's dotted names", () => {
    const errors = {
      notes: { type: "too_big", message: "Keep this under 2000 characters." },
      stages: [
        undefined,
        { rpe: { type: "too_big", message: "The effort cap must be at most 10.", ref: { name: "x" } }, strength: [undefined, { reps: { type: "too_small", message: "Enter reps, time or distance." } }] },
      ],
    };
    expect(flattenErrors(errors)).toEqual([
      { name: "notes", message: "Keep this under 2000 characters." },
      { name: "stages.1.rpe", message: "The effort cap must be at most 10." },
      { name: "stages.1.strength.1.reps", message: "Enter reps, time or distance." },
    ]);
    // An array's own error (too many exercises) sits under `root`.
    expect(flattenErrors({ stages: [{ strength: { root: { type: "too_big", message: "At most 20 exercises in a stage." } } }] })).toEqual([
      { name: "stages.0.strength", message: "At most 20 exercises in a stage." },
    ]);
  });

  it("nests the server's field errors so react-hook-form shows them, and the round trip keeps every name", () => {
    const server = { "stages.0.reason": ["Give a reason: Effort cap RPE 7, above the engine's RPE 5."], "stages.2.strength.1.sets": ["Sets must be at most 10."], notes: [], "__proto__.x": ["no"] };
    const nested = nestServerErrors(server);
    expect(nested).toMatchObject({ stages: [{ reason: { type: "server" } }, undefined, { strength: [undefined, { sets: { message: "Sets must be at most 10." } }] }] });
    expect(flattenErrors(nested).map((e) => e.name)).toEqual(["stages.0.reason", "stages.2.strength.1.sets"]);
    expect(nestServerErrors({ notes: [] })).toBeUndefined();
    expect(nestServerErrors(undefined)).toBeUndefined();
  });

  it("orders errors as the fields sit on the page, whatever order they were found in", () => {
    const names = ["notes", "stages.1.weeksMin", "stages.0.strength.0.reps", "stages.0.notes", "stages.0.reason", "stages.0.rpe", "stages.0.strength.0.exercise", "stages.0.crossTraining"];
    expect(inPageOrder(names.map((name) => ({ name }))).map((e) => e.name)).toEqual([
      "stages.0.rpe",
      "stages.0.reason",
      "stages.0.crossTraining",
      "stages.0.strength.0.exercise",
      "stages.0.strength.0.reps",
      "stages.0.notes",
      "stages.1.weeksMin",
      "notes",
    ]);
  });

  it("says where each problem is and what to do, once per field", () => {
    expect(problemSummary("stages.0.reason", "Give a reason: Effort cap RPE 7, above the engine's RPE 5 for stage 1 of a back-off plan.")).toBe(
      "Stage 1: add a reason for going beyond the safety limits.",
    );
    expect(problemSummary("stages.2.rpe", "The effort cap must be at most 10.")).toBe("Stage 3: The effort cap must be at most 10.");
    expect(problemSummary("stages.0.strength.1.reps", "enter reps, time or distance")).toBe("Stage 1, exercise 2: Enter reps, time or distance.");
    expect(problemSummary("notes", "Keep this under 2000 characters.")).toBe("Notes for the patient: Keep this under 2000 characters.");
    expect(editorProblems([{ name: "stages.0.rpe", message: "a" }, { name: "stages.0.rpe", message: "b" }])).toEqual([{ name: "stages.0.rpe", summary: "Stage 1: A." }]);
  });
});
