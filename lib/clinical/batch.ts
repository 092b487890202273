import type { Evaluation } from "./contract";
import { parseAndEvaluate, type FieldError } from "./engine";
import type { EngineSettings } from "./settings";

// Evaluates one input or an array of inputs, as the command line and the JSON API receive them.
// Invalid elements of an array keep their place as an error entry, so callers can match results
// to inputs by index; `invalid` counts them.

export type BatchItem = Evaluation | { error: { issues: FieldError[] } };

export type BatchResult =
  | { kind: "single"; ok: true; evaluation: Evaluation }
  | { kind: "single"; ok: false; errors: FieldError[] }
  | { kind: "array"; items: BatchItem[]; invalid: number };

export type BatchOptions = {
  settings?: Partial<EngineSettings>;
  /**
   * Accept case-file entries ({ id, title, input, expect }, as in fixtures/vignettes.json) by
   * evaluating their `input`. For the command line only; the JSON API takes plain inputs.
   */
  unwrapCases?: boolean;
};

/** A case-file entry's input; anything else unchanged. */
export function unwrapCase(raw: unknown): unknown {
  if (raw !== null && typeof raw === "object" && !Array.isArray(raw) && "input" in raw && !("contractVersion" in raw)) {
    return (raw as { input: unknown }).input;
  }
  return raw;
}

export function evaluateBatch(raw: unknown, options: BatchOptions = {}): BatchResult {
  const { settings } = options;
  const prep = options.unwrapCases ? unwrapCase : (x: unknown) => x;
  if (!Array.isArray(raw)) {
    const r = parseAndEvaluate(prep(raw), settings);
    return r.ok ? { kind: "single", ok: true, evaluation: r.evaluation } : { kind: "single", ok: false, errors: r.errors };
  }
  let invalid = 0;
  const items = raw.map((element): BatchItem => {
    const r = parseAndEvaluate(prep(element), settings);
    if (r.ok) return r.evaluation;
    invalid++;
    return { error: { issues: r.errors } };
  });
  return { kind: "array", items, invalid };
}

/** One line per error, e.g. `[2] patient.ageYears: Too small: expected number to be >=10`. */
export function formatFieldErrors(errors: readonly FieldError[], index?: number): string[] {
  const prefix = index === undefined ? "" : `[${index}] `;
  return errors.map((e) => `${prefix}${e.path === "" ? "(root)" : e.path}: ${e.message}`);
}
