import type { Provenance } from "@medplum/fhirtypes";
import type { Ref } from "./codes";
import { PROVENANCE_PARTICIPANT, RULESET_POLICY } from "./codes";

/** Who finalized (or amended) the record, and which ruleset decided it. */
export function toProvenance(args: { id: string; targets: Ref[]; recorded: string; clinician: Ref; organization: Ref; rulesetVersion: string; amended: boolean }): Provenance {
  return {
    resourceType: "Provenance",
    id: args.id,
    target: args.targets,
    recorded: args.recorded,
    policy: [`${RULESET_POLICY}/${args.rulesetVersion}`],
    activity: { text: args.amended ? "Assessment amended" : "Assessment finalized" },
    reason: [{ text: `Decided by the Loadwise ruleset ${args.rulesetVersion}` }],
    agent: [
      { type: { coding: [{ system: PROVENANCE_PARTICIPANT, code: "author" }] }, who: args.clinician, onBehalfOf: args.organization },
      { type: { coding: [{ system: PROVENANCE_PARTICIPANT, code: "assembler" }] }, who: { display: `Loadwise ruleset ${args.rulesetVersion}` } },
    ],
  };
}
