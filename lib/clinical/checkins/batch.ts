import type { EngineSettings } from "../settings";
import type { CheckInReview } from "./contract";
import { parseAndReview, type CheckInFieldError } from "./review";

// Reviews one input or an array of inputs, as the command line and the JSON API receive them.
// An invalid element of an array keeps its place as an error entry, so results match inputs by
// index; `invalid` counts them.

export type CheckInBatchItem = CheckInReview | { error: { issues: CheckInFieldError[] } };

export type CheckInBatchResult =
  | { kind: "single"; ok: true; review: CheckInReview }
  | { kind: "single"; ok: false; errors: CheckInFieldError[] }
  | { kind: "array"; items: CheckInBatchItem[]; invalid: number };

export type CheckInBatchOptions = {
  settings?: Partial<EngineSettings>;
  /** Accept case-file entries ({ id, input, expect }, as in fixtures/checkin-vignettes.json) by reviewing their
   *  `input`; a whole case file ({ cases: [...] }) reviews every case. For the command line only. */
  unwrapCases?: boolean;
};

function unwrapCheckInCase(raw: unknown): unknown {
  if (raw !== null && typeof raw === "object" && !Array.isArray(raw) && "input" in raw && !("contractVersion" in raw)) {
    return (raw as { input: unknown }).input;
  }
  return raw;
}

export function reviewBatch(raw: unknown, options: CheckInBatchOptions = {}): CheckInBatchResult {
  const { settings } = options;
  const prep = options.unwrapCases ? unwrapCheckInCase : (x: unknown) => x;
  let data = raw;
  if (options.unwrapCases && data !== null && typeof data === "object" && !Array.isArray(data) && Array.isArray((data as { cases?: unknown }).cases)) {
    data = (data as { cases: unknown[] }).cases;
  }
  if (!Array.isArray(data)) {
    const r = parseAndReview(prep(data), settings);
    return r.ok ? { kind: "single", ok: true, review: r.review } : { kind: "single", ok: false, errors: r.errors };
  }
  let invalid = 0;
  const items = data.map((element): CheckInBatchItem => {
    const r = parseAndReview(prep(element), settings);
    if (r.ok) return r.review;
    invalid++;
    return { error: { issues: r.errors } };
  });
  return { kind: "array", items, invalid };
}
