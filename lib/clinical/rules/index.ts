import { acuteRules } from "./acute";
import { capacityRules } from "./capacity";
import { fatigueRules } from "./fatigue";
import { loadRules } from "./load";
import { neuroRules } from "./neuro";
import { recoveryRules } from "./recovery";
import { redFlagRules } from "./red-flags";
import { symptomRules } from "./symptoms";
import type { Rule } from "./types";

export type { Rule, RuleContext, RuleHit, RuleOutcome } from "./types";

/** The ruleset, most serious categories first (the order reasons are reported in, within a verdict). */
export const ruleset: readonly Rule[] = Object.freeze([
  ...redFlagRules,
  ...neuroRules,
  ...acuteRules,
  ...symptomRules,
  ...capacityRules,
  ...loadRules,
  ...recoveryRules,
  ...fatigueRules,
]);
