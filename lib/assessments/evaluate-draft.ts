import { evaluate, type EngineSettingsInput, type Evaluation } from "@/lib/clinical";
import type { Assessment } from "@/db/schema/assessments";
import { buildAssessmentInput, type AssessmentSnapshotInput, type InputProblem, type PatientFacts } from "./build-input";
import { evaluateGate, type Gate } from "./gate";

export type DraftEvaluation =
  | { ok: true; input: AssessmentSnapshotInput; evaluation: Evaluation; gate: Gate }
  | { ok: false; problems: InputProblem[] };

/** Pure: the live evaluation of a draft (what the review step shows and finalize freezes). */
export function evaluateDraft(
  a: Pick<Assessment, "draft" | "createdAt" | "referralTo" | "referralDate" | "overrideReason">,
  patient: PatientFacts,
  settings: EngineSettingsInput = {},
): DraftEvaluation {
  const built = buildAssessmentInput(a.draft, patient, a.createdAt);
  if (!built.ok) return { ok: false, problems: built.problems };
  // The engine reads contract v1 only; the outcome measures (PSFS, LEFS) ride alongside in the snapshot.
  const { psfs: _psfs, lefs: _lefs, ...contractInput } = built.input;
  void _psfs;
  void _lefs;
  const evaluation = evaluate(contractInput, settings);
  // The clinic's changed thresholds are frozen with the input, so the decision can be reproduced.
  const input = Object.keys(settings).length ? { ...built.input, engineSettings: settings } : built.input;
  return { ok: true, input, evaluation, gate: evaluateGate(built.input, evaluation, a) };
}
