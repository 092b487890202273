import type { Bundle, BundleEntry, Resource } from "@medplum/fhirtypes";
import type { Ref } from "./codes";
import { checkInObservations, capacityObservations, DECIDED_REVIEW, reviewObservation, assessmentPainObservations, verdictObservation } from "./observations";
import { toCarePlan } from "./care-plan";
import { derivedId, instant, urn } from "./codes";
import { toOrganization, toPatient, toPractitioner } from "./patient";
import { toProvenance } from "./provenance";
import { toQuestionnaireResponse } from "./questionnaire-response";
import { toServiceRequest } from "./service-request";
import type { ExportData } from "./types";

const ref = (r: Resource & { id?: string }, display?: string): Ref => ({ reference: urn(r.id!), ...(display ? { display } : {}) });

/**
 * The patient's record as a FHIR R4 collection Bundle: Patient (with the clinic and clinicians),
 * then per final assessment its answers, pain and capacity Observations, verdict, referral,
 * published plan and Provenance, then check-ins and review decisions. Pure: `now` is the Bundle's
 * timestamp; everything else comes from `data`. `onlyAssessmentId` narrows it to one assessment.
 */
export function buildPatientBundle(data: ExportData, opts: { now: Date; onlyAssessmentId?: string }): Bundle {
  const resources: Resource[] = [];
  const org = toOrganization(data.clinic);
  const practitioners = new Map<string, Resource>();
  const practitioner = (userId: string | null | undefined): Ref | undefined => {
    const u = userId ? data.users[userId] : undefined;
    if (!u) return undefined;
    if (!practitioners.has(u.id)) practitioners.set(u.id, toPractitioner(u));
    return { reference: urn(u.id), display: u.name };
  };
  practitioner(data.patient.clinicianId);
  const patient = toPatient(data.patient, org.id!, data.patient.clinicianId);
  const subject = ref(patient, `${data.patient.firstName} ${data.patient.lastName}`);
  const assessments = opts.onlyAssessmentId ? data.assessments.filter((a) => a.row.id === opts.onlyAssessmentId) : data.assessments;
  const planIds = new Set<string>();

  for (const a of assessments) {
    const effective = instant(a.amendedAt ?? a.row.finalizedAt!);
    const clinician = practitioner(a.row.finalizedBy);
    const qr = toQuestionnaireResponse({ id: a.row.id, input: a.input, subject, author: clinician, authored: effective, amended: a.amendedAt !== null });
    const qrRef = ref(qr);
    const pains = assessmentPainObservations({ id: a.row.id, input: a.input, effective, subject, derivedFrom: qrRef });
    const caps = capacityObservations({ id: a.row.id, evaluation: a.evaluation, input: a.input, effective, subject, derivedFrom: qrRef });
    const verdict = verdictObservation({
      id: a.row.id, evaluation: a.evaluation, rulesetVersion: a.rulesetVersion, effective, subject, performer: clinician,
      derivedFrom: [qrRef, ...pains.map((o) => ref(o)), ...caps.map((o) => ref(o))],
    });
    const made: Resource[] = [qr, ...pains, ...caps, verdict];
    const v = a.evaluation.verdict;
    if ((v === "refer" || v === "urgent_referral") && a.referral) {
      made.push(toServiceRequest({ id: derivedId(a.row.id, "referral"), verdict: v, referral: a.referral, subject, requester: clinician, reason: ref(verdict), authoredOn: effective }));
    }
    if (a.plan) {
      planIds.add(a.plan.row.id);
      made.push(toCarePlan({
        id: a.plan.row.id, plan: a.plan.row, published: a.plan.published, currentStageKey: a.plan.currentStageKey, subject,
        author: practitioner(a.plan.row.publishedBy), addresses: [], supportingInfo: [ref(verdict)],
      }));
    }
    resources.push(...made);
    if (clinician) {
      resources.push(toProvenance({
        id: derivedId(a.row.id, "provenance"), targets: made.map((r) => ref(r)), recorded: effective, clinician,
        organization: ref(org, data.clinic.name), rulesetVersion: a.rulesetVersion, amended: a.amendedAt !== null,
      }));
    }
  }

  for (const c of data.checkIns) {
    if (!planIds.has(c.planId)) continue;
    resources.push(...checkInObservations(c, subject, { reference: urn(c.planId) }));
  }
  for (const r of data.reviews) {
    if (!planIds.has(r.planId) || !(DECIDED_REVIEW as readonly string[]).includes(r.status)) continue;
    resources.push(reviewObservation(r, subject, { reference: urn(r.planId) }, practitioner(r.decidedBy)));
  }

  // Nothing final: the Patient alone, naming the clinic and clinician in words rather than by
  // references to resources the Bundle would otherwise carry only for them.
  const all: Resource[] = assessments.length
    ? [patient, org, ...practitioners.values(), ...resources]
    : [{ ...patient, managingOrganization: { display: data.clinic.name }, generalPractitioner: subjectClinician(data) }];
  const entry: BundleEntry[] = all.map((resource) => ({ fullUrl: urn(resource.id!), resource }));
  return {
    resourceType: "Bundle",
    id: derivedId(data.patient.id, opts.onlyAssessmentId ?? "all", opts.now.toISOString()),
    type: "collection",
    timestamp: opts.now.toISOString(),
    entry,
  };
}

function subjectClinician(data: ExportData) {
  const u = data.users[data.patient.clinicianId];
  return u ? [{ display: u.name }] : undefined;
}
