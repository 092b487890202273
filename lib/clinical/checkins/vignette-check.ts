import { checkInReviewSchema, SUGGESTIONS, suggestionRank, type CheckInReview, type Suggestion } from "./contract";

// Checks a review against a check-in vignette's expectations (the keys listed at the top of
// checkin-vignettes.json). Unknown keys are errors: a new key in the case file must never be
// silently ignored.

export type CheckInExpect = Record<string, unknown>;

const STAT_KEYS = new Set(["daysInStage", "sessionsLast7Days", "dataDaysLast30", "greenSessionsInStage", "flaresInStage", "adherencePct"]);

const asSuggestion = (v: unknown): Suggestion => {
  if (typeof v !== "string" || !(SUGGESTIONS as readonly string[]).includes(v)) throw new Error(`not a suggestion: ${String(v)}`);
  return v as Suggestion;
};
const asSuggestions = (v: unknown): Suggestion[] => {
  if (!Array.isArray(v)) throw new Error(`expected an array of suggestions: ${JSON.stringify(v)}`);
  return v.map(asSuggestion);
};

/** Problems found (empty when the review meets every expectation). Throws on an unknown key. */
export function checkCheckInVignette(r: CheckInReview, expect: CheckInExpect): string[] {
  const problems: string[] = [];
  const fail = (m: string) => problems.push(m);
  for (const [key, value] of Object.entries(expect)) {
    if (key.startsWith("stats.")) {
      const name = key.slice("stats.".length);
      if (!STAT_KEYS.has(name)) throw new Error(`unknown check-in vignette stats key: ${name}`);
      const got = (r.stats as Record<string, unknown>)[name];
      if (got !== value) fail(`stats.${name} ${String(got)}, expected ${JSON.stringify(value)}`);
      continue;
    }
    switch (key) {
      case "suggestion":
        if (r.suggestion !== asSuggestion(value)) fail(`suggestion ${r.suggestion}, expected ${String(value)}`);
        break;
      case "suggestionIn":
        if (!asSuggestions(value).includes(r.suggestion)) fail(`suggestion ${r.suggestion} not in ${JSON.stringify(value)}`);
        break;
      case "suggestionNot":
        if (r.suggestion === asSuggestion(value)) fail(`suggestion must not be ${String(value)}`);
        break;
      case "suggestionAtLeast":
        if (suggestionRank(r.suggestion) < suggestionRank(asSuggestion(value))) fail(`suggestion ${r.suggestion} is less cautious than ${String(value)}`);
        break;
      case "nextStageKey":
        if (typeof value !== "string") throw new Error("nextStageKey must be a string");
        if (r.next?.stageKey !== value) fail(`next.stageKey ${String(r.next?.stageKey)}, expected ${value}`);
        break;
      case "doseCutPctBetween": {
        if (!Array.isArray(value) || value.length !== 2 || !value.every((x) => typeof x === "number")) throw new Error("doseCutPctBetween must be [min, max]");
        const [lo, hi] = value as [number, number];
        const cut = r.next?.doseCutPct;
        if (cut === undefined || cut < lo || cut > hi) fail(`next.doseCutPct ${String(cut)} not within ${lo}-${hi}`);
        break;
      }
      case "missingPrefix":
        if (typeof value !== "string") throw new Error("missingPrefix must be a string");
        if (!r.missing.some((m) => m.startsWith(value))) fail(`no missing entry starts with ${value}`);
        break;
      default:
        throw new Error(`unknown check-in vignette expectation key: ${key}`);
    }
  }
  return problems;
}

/** Checks that hold for every review, whatever the input. */
export function checkCheckInInvariants(r: CheckInReview): string[] {
  const problems: string[] = [];
  const parsed = checkInReviewSchema.safeParse(r);
  if (!parsed.success) problems.push(`output does not match the contract: ${parsed.error.issues.map((i) => i.path.join(".")).join(", ")}`);
  if (!r.rulesetVersion) problems.push("rulesetVersion not set");
  if (r.reasons.length === 0) problems.push("no reasons");
  for (const x of r.reasons) {
    if (suggestionRank(x.suggestion) > suggestionRank(r.suggestion)) problems.push(`suggestion ${r.suggestion} below reason ${x.ruleId} (${x.suggestion})`);
  }
  if (r.reasons[0] && r.reasons[0].suggestion !== r.suggestion) problems.push("the first reason is not the deciding one");
  for (let i = 1; i < r.reasons.length; i++) {
    if (suggestionRank(r.reasons[i]!.suggestion) > suggestionRank(r.reasons[i - 1]!.suggestion)) problems.push("reasons not ordered most cautious first");
  }
  if (r.suggestion === "urgent_care" && r.next) problems.push("urgent_care must not propose a plan change");
  if (r.suggestion !== "urgent_care" && !r.next) problems.push(`${r.suggestion} must say what approving would publish`);
  return problems;
}
