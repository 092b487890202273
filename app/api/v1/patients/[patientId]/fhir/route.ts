import { authedRoute } from "@/lib/auth/authed-route";
import { exportPatientFhir } from "@/lib/fhir/export-patient";
import { fhirResponse, safeName } from "@/lib/fhir/response";

/** The patient's record as a FHIR R4 collection Bundle (docs/fhir.md), audited as an export. */
export const GET = authedRoute<{ patientId: string }>({ roles: ["clinician", "admin"] }, async (_req, { actor, db, params }) => {
  const now = new Date();
  const bundle = await exportPatientFhir(db, actor, params.patientId, { now });
  const p = bundle.entry?.[0]?.resource;
  const name = p?.resourceType === "Patient" ? `${p.name?.[0]?.given?.[0] ?? ""} ${p.name?.[0]?.family ?? ""}` : "patient";
  return fhirResponse(bundle, `${safeName(name)}-fhir-${now.toISOString().slice(0, 10)}.json`);
});
