import type { AssessmentInput } from "@/lib/clinical";
import { evaluate } from "@/lib/clinical";
import vignettes from "@/lib/clinical/fixtures/vignettes.json";
import { fromEnginePlan } from "@/lib/plans/content";
import { usualWeekOf } from "@/lib/plans/usual-week";
import type { ReportInput } from "./report-model";

// A realistic plan for tests and the bench: the "runner with knee pain and weak calves" vignette
// (back off, four stages), with a long run so distances print, evaluated by the real engine.

export function samplePlanInput(id = "runner-knee-weak-calves"): AssessmentInput {
  const v = vignettes.find((x) => x.id === id);
  if (!v) throw new Error(`no vignette ${id}`);
  const input = structuredClone(v.input) as unknown as AssessmentInput;
  input.load = { ...(input.load ?? {}), longestRunKm30d: 16 } as AssessmentInput["load"];
  return input;
}

export function sampleReportInput(overrides: Partial<ReportInput> = {}): ReportInput {
  const input = samplePlanInput();
  const evaluation = evaluate(input);
  if (!evaluation.plan) throw new Error("sample vignette has no plan");
  return {
    clinicName: "Harbour Sports Physio",
    paperSize: "A4",
    units: "km",
    usualWeek: usualWeekOf(input.load),
    patientName: "Alex Example",
    clinicianName: "Sam Clinician",
    date: new Date("2026-05-14T09:00:00Z"),
    verdict: evaluation.verdict,
    rulesetVersion: evaluation.rulesetVersion,
    planVersion: 2,
    published: true,
    content: { ...fromEnginePlan(evaluation.plan), notes: "Call the clinic if anything is unclear." },
    link: "https://app.loadwise.test/p/AbCdEfGhIjKlMnOpQrStUv",
    ...overrides,
  };
}

/** The same runner, now with a fever: a refer plan with one stage paused until a doctor has seen them. */
export function samplePausedPlanInput(): AssessmentInput {
  const input = samplePlanInput();
  input.redFlags = { ...(input.redFlags ?? {}), feverOrUnwell: true };
  return input;
}

export function samplePausedReportInput(overrides: Partial<ReportInput> = {}): ReportInput {
  const evaluation = evaluate(samplePausedPlanInput());
  if (!evaluation.plan) throw new Error("paused sample has no plan");
  return sampleReportInput({ verdict: evaluation.verdict, content: { ...fromEnginePlan(evaluation.plan), notes: "" }, ...overrides });
}
