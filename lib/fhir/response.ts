import type { Resource } from "@medplum/fhirtypes";

/** A FHIR JSON response; `filename` makes it a download. */
export function fhirResponse(resource: Resource, filename?: string) {
  return new Response(JSON.stringify(resource, null, 2), {
    status: 200,
    headers: {
      "content-type": "application/fhir+json; charset=utf-8",
      "cache-control": "no-store",
      ...(filename ? { "content-disposition": `attachment; filename="${filename}"` } : {}),
    },
  });
}

/** A filename from the patient's name that any file system takes. */
export const safeName = (s: string) => s.normalize("NFKD").replace(/[^A-Za-z0-9]+/g, "-").replace(/^-|-$/g, "").toLowerCase() || "patient";
