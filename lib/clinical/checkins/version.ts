// The check-in review is its own contract (shared/clinical/checkins.md, v1) with its own ruleset
// version, stored with every saved review suggestion (ADR 0012). Bump it whenever a check-in rule,
// window, threshold or default setting changes what `reviewCheckIns` returns. It moves
// independently of the assessment RULESET_VERSION.
export const CHECKIN_RULESET_VERSION = "2026.12.2";

// Check-in review contract v1. Field names and enums are fixed.
export const CHECKIN_CONTRACT_VERSION = 1 as const;
