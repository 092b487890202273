// Public surface of the clinical engine. Pure TypeScript: import from here, not from deep paths.
export * from "./contract";
export { evaluate, parseAndEvaluate, buildContext, type FieldError, type ParseAndEvaluateResult } from "./engine";
export { evaluateBatch, formatFieldErrors, unwrapCase, type BatchItem, type BatchOptions, type BatchResult } from "./batch";
export { defaultEngineSettings, engineSettingsSchema, resolveSettings, type EngineSettings, type EngineSettingsInput } from "./settings";
export { RULESET_VERSION, CONTRACT_VERSION } from "./version";
export { ruleset } from "./rules";
export type { Rule, RuleContext, RuleHit, RuleOutcome } from "./rules";
export { capacityCatalogue, catalogueEntry, populationNorm, testLabel, RUNNING_SPORTS, type CatalogueEntry } from "./capacity/catalogue";
export { scoreCapacity, isRealChange } from "./capacity/score";
export { renderRulesDoc } from "./rules-doc";
export { traceability, planElements } from "./traceability";
export { describeSource, sourceFor, SEED_ARTICLES } from "./sources";
// Check-in review (shared/clinical/checkins.md): its own contract and ruleset version (ADR 0012).
export * from "./checkins";
