import type { Region } from "./contract";
import { BACK_REGIONS, type Rule } from "./rules/types";

// The five practitioner articles the ruleset draws on are cited in rules as "seed 000" … "seed 004"
// (the numbering of ../shared/seeds). A clinician reading a reason needs the article, not our
// file number: this names each by its title.
export const SEED_ARTICLES: Readonly<Record<string, string>> = {
  "000": "“When ‘Backing Off’ Is Actually the Strongest Move You Can Make” (performance PT article)",
  "001": "“How to Know When to Push Hard and When to Back Off” (strength coaching article)",
  "002": "“Why Recovery Matters More Than Training When You Have Back Pain” (PT article)",
  "003": "“When to Rest vs. When to Train: How PT Helps Runners Find the Balance” (PT article)",
  "004": "“Running With Back Pain: What to Change in Training This Week” (PT article)",
};

/** A rule's source string with every "seed NNN" replaced by the article it stands for. */
export function describeSource(source: string): string {
  return source.replace(/\bseed (\d{3})\b/g, (m, n: string) => SEED_ARTICLES[n] ?? m);
}

/**
 * The citation that fits this reason's complaint: a rule's `sourceOutsideBack` when the complaint
 * is not a back (lumbar or thoracic) complaint, including no complaint at all; else its `source`.
 */
export function sourceFor(rule: Pick<Rule, "source" | "sourceOutsideBack">, region: Region | "none" | undefined): string {
  const back = region !== undefined && region !== "none" && BACK_REGIONS.has(region);
  return back || !rule.sourceOutsideBack ? rule.source : rule.sourceOutsideBack;
}
