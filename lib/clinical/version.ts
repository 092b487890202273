// The ruleset version is stored with every saved decision and printed on every PDF, so a
// decision can always be traced to the rules that produced it. Bump it whenever a rule,
// threshold, default setting or plan template changes what the engine returns.
export const RULESET_VERSION = "2026.12.3";

// Assessment contract v1 (shared/clinical/contract.md). Field names and enums are fixed.
export const CONTRACT_VERSION = 1 as const;
