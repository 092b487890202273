import type { Bundle } from "@medplum/fhirtypes";
import { authedRoute } from "@/lib/auth/authed-route";
import { derivedId, urn } from "@/lib/fhir/codes";
import { fhirResponse } from "@/lib/fhir/response";
import { assessmentQuestionnaire } from "@/lib/fhir/questionnaires";

/** The Questionnaire the exported QuestionnaireResponses answer. No patient data: any signed-in role. */
export const GET = authedRoute({ roles: ["clinician", "admin"] }, async () => {
  const q = assessmentQuestionnaire();
  const bundle: Bundle = { resourceType: "Bundle", type: "collection", entry: [{ fullUrl: urn(derivedId("questionnaire", q.url!)), resource: q }] };
  return fhirResponse(bundle);
});
