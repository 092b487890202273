import { describe, expect, it } from "vitest";
import { buildReportModel } from "./report-model";
import { sampleReportInput } from "./sample";

// Where the patient is (issue 12) opens the page and the PDF: "this week" then reads that stage.
describe("report model with the patient's position", () => {
  it("starts 'this week' with the position line and reads the current stage", () => {
    const input = sampleReportInput();
    const second = input.content.stages[1]!;
    const line = `Stage 2 of ${input.content.stages.length}, week 1: ${second.title}`;
    const model = buildReportModel({ ...input, position: { stageKey: second.key, line, detail: "You started this stage on 3 December 2026." } });
    expect(model.position).toEqual({ line, detail: "You started this stage on 3 December 2026." });
    expect(model.thisWeek[0]).toBe(`${line}.`);
    expect(model.thisWeek.join(" ")).toContain(`up to ${second.maxEffortRpe}`.replace("up to", "at or below"));
  });

  it("is absent without a position, or with a stage the version does not have", () => {
    const input = sampleReportInput();
    expect(buildReportModel(input).position).toBeNull();
    expect(buildReportModel({ ...input, position: { stageKey: "nope", line: "x", detail: "y" } }).position).toBeNull();
    expect(buildReportModel({ ...input, position: { stageKey: "nope", line: "x", detail: "y" } }).thisWeek[0]).toMatch(/^Start Stage 1: /);
  });
});
