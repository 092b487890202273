import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import type { Resource } from "@medplum/fhirtypes";
import type { Assessment, CheckInReviewRow, CheckInRow, Patient, PlanRow, PlanVersion } from "@/db/schema";
import { evaluate } from "@/lib/clinical";
import { inputArb } from "../../tests/support/clinical-arbitraries";
import { loadFhirValidator } from "@/tests/support/fhir-validate";
import { buildPatientBundle } from "./bundle";
import { assessmentQuestionnaire } from "./questionnaires";
import { answerableInput, fromQuestionnaireResponse, toQuestionnaireResponse } from "./questionnaire-response";
import type { ExportData } from "./types";

let validate: (r: Resource) => string[];
beforeAll(async () => {
  validate = await loadFhirValidator();
}, 60_000);

const CLINIC = "11111111-1111-4111-8111-111111111111";
const USER = "22222222-2222-4222-8222-222222222222";
const PATIENT = "33333333-3333-4333-8333-333333333333";
const A1 = "44444444-4444-4444-8444-444444444444";
const PLAN = "55555555-5555-4555-8555-555555555555";
const at = new Date("2026-11-02T09:30:00Z");

const patient = { clinicId: CLINIC, id: PATIENT, clinicianId: USER, firstName: "Ada", lastName: "Runner", dateOfBirth: "1990-04-01", sex: "female", sport: "running", level: null, email: "ada@example.test", phone: null, notes: "never exported", status: "active" } as unknown as Patient;

function dataFor(input: Record<string, unknown> & { contractVersion: 1 }, withPlan: boolean): ExportData {
  const evaluation = evaluate(input as never);
  const row = { clinicId: CLINIC, id: A1, patientId: PATIENT, kind: "initial", status: "final", finalizedAt: at, finalizedBy: USER, referralTo: "GP", referralDate: "2026-11-03", input, evaluation, rulesetVersion: evaluation.rulesetVersion } as unknown as Assessment;
  const plan = withPlan && evaluation.plan
    ? {
        row: { clinicId: CLINIC, id: PLAN, assessmentId: A1, publishedAt: at, publishedBy: USER, createdAt: at, withdrawnAt: null, publishedVersion: 1 } as unknown as PlanRow,
        published: { planId: PLAN, version: 1, content: evaluation.plan } as unknown as PlanVersion,
        currentStageKey: evaluation.plan.stages[0]!.key,
      }
    : null;
  const checkIns = plan
    ? [{ id: "66666666-6666-4666-8666-666666666666", planId: PLAN, sessionDate: "2026-11-04", painDuringNrs: 3, morningPainNrs: 2, morningComparedWithBefore: "same", morningStiffnessOver30Min: false, morningAt: new Date("2026-11-05T07:00:00Z") } as unknown as CheckInRow]
    : [];
  const reviews = plan
    ? [{ id: "77777777-7777-4777-8777-777777777777", planId: PLAN, status: "dismissed", suggestion: "progress", decisionReason: "Wants one more week", decidedBy: USER, decidedAt: at, reviewedOn: "2026-11-05", rulesetVersion: "c1", review: { reasons: [{ ruleId: "r.one", suggestion: "progress", summary: "Three green sessions." }] } } as unknown as CheckInReviewRow]
    : [];
  return {
    patient,
    clinic: { id: CLINIC, name: "Test clinic" },
    users: { [USER]: { id: USER, name: "Pat Clinician" } },
    assessments: [{ row, input, evaluation, rulesetVersion: evaluation.rulesetVersion, amendedAt: null, referral: { to: "GP", date: "2026-11-03" }, plan }],
    checkIns,
    reviews,
  };
}

const resources = (data: ExportData) => (buildPatientBundle(data, { now: at }).entry ?? []).map((e) => e.resource!);

describe("FHIR export of generated assessments", () => {
  it("every resource passes Medplum's R4 validation", () => {
    fc.assert(
      fc.property(inputArb, fc.boolean(), (input, withPlan) => {
        const bundle = buildPatientBundle(dataFor(input as never, withPlan), { now: at });
        expect(validate(bundle)).toEqual([]);
        for (const e of bundle.entry ?? []) expect(validate(e.resource!)).toEqual([]);
      }),
      { numRuns: 60 },
    );
  });

  it("the Questionnaire validates and defines every linkId a response uses", () => {
    const q = assessmentQuestionnaire();
    expect(validate(q)).toEqual([]);
    const defined = new Set<string>();
    const walk = (items: { linkId: string; item?: unknown[] }[] | undefined) => items?.forEach((i) => (defined.add(i.linkId), walk(i.item as never)));
    walk(q.item as never);
    fc.assert(
      fc.property(inputArb, (input) => {
        const qr = toQuestionnaireResponse({ id: A1, input, subject: { reference: `urn:uuid:${PATIENT}` }, authored: at.toISOString(), amended: false });
        const used: string[] = [];
        const collect = (items: { linkId: string; item?: unknown[] }[] | undefined) => items?.forEach((i) => (used.push(i.linkId), collect(i.item as never)));
        collect(qr.item as never);
        expect(used.filter((l) => !defined.has(l))).toEqual([]);
      }),
      { numRuns: 100 },
    );
  });

  // FHIR has no empty answer, so an empty list or section ([] / {}) comes back as absent (which
  // the engine reads the same way); everything else comes back exactly.
  const dropEmpty = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(dropEmpty);
    if (typeof v !== "object" || v === null) return v;
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) {
      const y = dropEmpty(x);
      if ((Array.isArray(y) && y.length === 0) || (typeof y === "object" && y !== null && !Array.isArray(y) && Object.keys(y).length === 0)) continue;
      out[k] = y;
    }
    return out;
  };

  it("the QuestionnaireResponse reads back as the stored input", () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const qr = toQuestionnaireResponse({ id: A1, input, subject: { reference: `urn:uuid:${PATIENT}` }, authored: at.toISOString(), amended: false });
        expect(fromQuestionnaireResponse(qr)).toEqual(dropEmpty(input));
      }),
      { numRuns: 300 },
    );
  });

  it("outcome measures round-trip too, and only empty answers are dropped", () => {
    const input = {
      contractVersion: 1 as const,
      patient: { ageYears: 30 },
      sport: { primary: "running", goal: "" },
      complaint: { region: "knee", onset: "gradual", daysSinceOnset: 20, aggravators: ["stairs", "downhill"] },
      capacityTests: [{ test: "single_leg_squat", side: "left", value: 8 }],
      psfs: { activities: [{ activity: "Running 5 km", score: 4 }], mean: 4 },
      lefs: { items: [4, 3, 2, 0], total: 9 },
      engineSettings: { calfRaiseTarget: 20 },
    };
    const back = fromQuestionnaireResponse(toQuestionnaireResponse({ id: A1, input, subject: { reference: "urn:uuid:x" }, authored: at.toISOString(), amended: true }));
    expect(back).toEqual(answerableInput(input));
    const { engineSettings: _drop, ...rest } = input;
    expect(back).toEqual({ ...rest, sport: { primary: "running" } });
  });

  it("uses LOINC 72514-3 for 0-10 pain, UCUM for capacity units, and keeps the verdict's ruleset", () => {
    const all = resources(dataFor({ contractVersion: 1, patient: { ageYears: 30 }, sport: { primary: "running" }, symptoms: { painNowNrs: 4 }, capacityTests: [{ test: "single_leg_calf_raise", side: "left", value: 12 }, { test: "single_leg_calf_raise", side: "right", value: 20 }] }, true));
    const pain = all.find((r) => r.resourceType === "Observation" && r.code.coding?.some((c) => c.code === "painNowNrs"));
    expect(pain).toMatchObject({ valueInteger: 4, code: { coding: [{ system: "http://loinc.org", code: "72514-3" }, {}] } });
    const cap = all.find((r) => r.resourceType === "Observation" && r.code.coding?.[0]?.code === "single_leg_calf_raise");
    expect(cap?.resourceType === "Observation" && cap.component?.find((c) => c.code.coding?.[0]?.code === "left-side")?.valueQuantity).toMatchObject({ value: 12, system: "http://unitsofmeasure.org", code: "{count}" });
    expect(cap?.resourceType === "Observation" && cap.component?.find((c) => c.code.coding?.[0]?.code === "limb-symmetry-index")?.valueQuantity?.code).toBe("%");
    expect(all.some((r) => r.resourceType === "Provenance" && r.policy?.[0]?.endsWith(evaluate({ contractVersion: 1, patient: { ageYears: 30 }, sport: { primary: "running" } }).rulesetVersion))).toBe(true);
    expect(JSON.stringify(all)).not.toContain("never exported");
  });
});
