import type { Organization, Patient as FhirPatient, Practitioner } from "@medplum/fhirtypes";
import type { Patient } from "@/db/schema";
import { PATIENT_ID_SYSTEM } from "./codes";

// Only what identifies the patient: no free-text notes leave through the export.
export function toPatient(p: Patient, organizationId: string, practitionerId: string): FhirPatient {
  const telecom = [
    ...(p.email ? [{ system: "email" as const, value: p.email }] : []),
    ...(p.phone ? [{ system: "phone" as const, value: p.phone }] : []),
  ];
  return {
    resourceType: "Patient",
    id: p.id,
    identifier: [{ system: PATIENT_ID_SYSTEM, value: p.id }],
    active: p.status === "active",
    name: [{ family: p.lastName, given: [p.firstName] }],
    // Loadwise's "unspecified" is FHIR's "unknown".
    gender: p.sex === "unspecified" ? "unknown" : p.sex,
    birthDate: p.dateOfBirth,
    ...(telecom.length ? { telecom } : {}),
    managingOrganization: { reference: `urn:uuid:${organizationId}` },
    generalPractitioner: [{ reference: `urn:uuid:${practitionerId}` }],
  };
}

export const toOrganization = (c: { id: string; name: string }): Organization => ({ resourceType: "Organization", id: c.id, name: c.name });

export const toPractitioner = (u: { id: string; name: string }): Practitioner => ({ resourceType: "Practitioner", id: u.id, name: [{ text: u.name }] });
