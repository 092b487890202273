import type { AssessmentInput } from "@/lib/clinical";

const yn = (b: unknown) => (b === true ? "yes" : b === false ? "no" : "");
const str = (v: unknown) => (v === undefined || v === null ? "" : String(v));

/**
 * A contract input as the six step forms would post it (strings per step), so a known case —
 * a vignette in tests, the demo clinic's history in the seed — goes through the same forms,
 * validation and services a clinician's answers do.
 */
export function inputToStepForms(input: AssessmentInput, psfs: Array<[string, number]> = []): Record<string, Record<string, string>> {
  const i = input as unknown as Record<string, Record<string, unknown> | undefined> & { capacityTests?: { test: string; side?: string; value: number }[] };
  const c = i.complaint ?? {};
  const s = i.symptoms ?? {};
  const l = i.load ?? {};
  const r = i.recovery ?? {};
  const f = i.fatigue ?? {};
  const cap: Record<string, string> = {};
  for (const t of i.capacityTests ?? []) cap[`${t.test}__${t.side ?? "value"}`] = String(t.value);
  const outcomes: Record<string, string> = {};
  psfs.forEach(([activity, score], n) => {
    outcomes[`psfs${n + 1}Activity`] = activity;
    outcomes[`psfs${n + 1}Score`] = String(score);
  });
  return {
    load: {
      sport: str(i.sport?.primary),
      level: str(i.sport?.level),
      trainingAgeYears: str(i.sport?.trainingAgeYears),
      ...Object.fromEntries(Object.entries(l).map(([k, v]) => [k, str(v)])),
    },
    complaint: {
      region: str(c.region ?? "none"),
      side: str(c.side),
      onset: str(c.onset),
      daysSinceOnset: str(c.daysSinceOnset),
      aggravators: Array.isArray(c.aggravators) ? c.aggravators.join("\n") : "",
      ...Object.fromEntries(Object.entries(s).map(([k, v]) => [k, typeof v === "boolean" ? yn(v) : str(v)])),
    },
    redFlags: {
      ...Object.fromEntries(Object.entries(i.redFlags ?? {}).map(([k, v]) => [k, yn(v)])),
      ...Object.fromEntries((input.redFlagsNotAsked?.keys ?? []).map((k) => [k, "not_asked"])),
      ...(input.redFlagsNotAsked ? { notAskedReason: input.redFlagsNotAsked.reason } : {}),
    },
    capacity: cap,
    recovery: {
      ...Object.fromEntries(Object.entries(r).map(([k, v]) => [k, typeof v === "boolean" ? yn(v) : str(v)])),
      fatiguePattern: str(f.pattern),
      weightsMovingNormally: yn(f.weightsMovingNormally),
      reluctanceMainlyMotivational: yn(f.reluctanceMainlyMotivational),
    },
    outcomes,
  };
}
