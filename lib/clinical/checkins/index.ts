// Public surface of the check-in review (shared/clinical/checkins.md). Pure TypeScript.
export * from "./contract";
export { reviewCheckIns, parseAndReview, type CheckInFieldError, type ParseAndReviewResult } from "./review";
export { reviewBatch, type CheckInBatchItem, type CheckInBatchResult, type CheckInBatchOptions } from "./batch";
export { checkInRules, regressNext, readyConditionsMet, RETEST_CRITERION, type CheckInRule, type CheckInRuleHit, type CheckInRuleOutcome } from "./rules";
export { buildReviewContext, type ReviewContext, type Session } from "./context";
export { checkCheckInVignette, checkCheckInInvariants, type CheckInExpect } from "./vignette-check";
export { CHECKIN_RULESET_VERSION, CHECKIN_CONTRACT_VERSION } from "./version";
export { addDays, daysBetween, dayNumber } from "./dates";
