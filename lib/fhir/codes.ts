import { createHash } from "node:crypto";

// Code systems used by the export (docs/fhir.md). Standard systems only where the code is known
// to exist and mean exactly that; everything Loadwise-specific lives under our own URLs.
export const LOINC = "http://loinc.org";
export const UCUM = "http://unitsofmeasure.org";
export const OBS_CATEGORY = "http://terminology.hl7.org/CodeSystem/observation-category";
export const PROVENANCE_PARTICIPANT = "http://terminology.hl7.org/CodeSystem/provenance-participant-type";

const BASE = "https://loadwise.app/fhir";
export const CS = {
  observation: `${BASE}/CodeSystem/observation`,
  painContext: `${BASE}/CodeSystem/pain-context`,
  capacityTest: `${BASE}/CodeSystem/capacity-test`,
  verdict: `${BASE}/CodeSystem/verdict`,
  rule: `${BASE}/CodeSystem/rule`,
  answer: `${BASE}/CodeSystem/answer`,
  reviewDecision: `${BASE}/CodeSystem/review-decision`,
  reviewSuggestion: `${BASE}/CodeSystem/review-suggestion`,
  serviceRequest: `${BASE}/CodeSystem/service-request`,
  planStage: `${BASE}/CodeSystem/plan-stage`,
} as const;
export const PATIENT_ID_SYSTEM = `${BASE}/NamingSystem/patient-id`;
export const RULESET_POLICY = `${BASE}/ruleset`;
export const QUESTIONNAIRE_URL = `${BASE}/Questionnaire/assessment`;
export const QUESTIONNAIRE_VERSION = "1";

/** LOINC 72514-3: "Pain severity - 0-10 verbal numeric rating [Score] - Reported". */
export const LOINC_PAIN_NRS = { system: LOINC, code: "72514-3", display: "Pain severity - 0-10 verbal numeric rating [Score] - Reported" };

/** The catalogue's units in UCUM. */
export const UCUM_UNITS: Record<string, { code: string; unit: string }> = {
  reps: { code: "{count}", unit: "repetitions" },
  seconds: { code: "s", unit: "seconds" },
  minutes: { code: "min", unit: "minutes" },
  cm: { code: "cm", unit: "cm" },
  "%": { code: "%", unit: "%" },
};

/**
 * A stable id for a resource derived from stored rows (the same export twice gives the same ids):
 * a UUID-shaped digest of its parts, so `urn:uuid:` full URLs are valid.
 */
export function derivedId(...parts: (string | number)[]): string {
  const h = createHash("sha256").update(parts.join("|")).digest("hex");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${((parseInt(h[16]!, 16) & 3) | 8).toString(16)}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

export const urn = (id: string) => `urn:uuid:${id}`;

/** FHIR instants want a timezone; dates stay dates. */
export const instant = (d: Date | string) => (typeof d === "string" ? new Date(d) : d).toISOString();

/** A reference the bundle resolves by full URL; typed loosely so one helper serves every target. */
export type Ref = import("@medplum/fhirtypes").Reference<never>;
