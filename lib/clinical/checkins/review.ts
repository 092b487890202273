import { resolveSettings, type EngineSettings } from "../settings";
import {
  checkInReviewInputSchema, suggestionRank, URGENT_SYMPTOM_KEYS,
  type CheckInReason, type CheckInReview, type CheckInReviewInput, type Suggestion,
} from "./contract";
import { buildReviewContext } from "./context";
import { checkInRules as defaultRules, isCheckInHit, type CheckInRule } from "./rules";
import { CHECKIN_CONTRACT_VERSION, CHECKIN_RULESET_VERSION } from "./version";

// The check-in review: the published plan, the current stage and the check-ins in; a suggestion
// (progress, hold, regress, seek care, urgent care) with cited reasons out. Pure and
// deterministic: `today` is an input, nothing is read from a clock, nothing is written. The
// suggestion never changes the plan: a clinician approves, edits or dismisses it.

type Next = NonNullable<CheckInReview["next"]>;

/** Review an already-validated input. Use `parseAndReview` for untrusted data. */
export function reviewCheckIns(
  input: CheckInReviewInput,
  settings?: Partial<EngineSettings>,
  rules: readonly CheckInRule[] = defaultRules,
): CheckInReview {
  const ctx = buildReviewContext(input, resolveSettings(settings));

  const hits: { reason: CheckInReason; next?: Next; order: number }[] = [];
  const unknowns: { rank: number; paths: readonly string[] }[] = [];
  const always: string[] = []; // the 24-hour check being awaited is always listed (contract)
  let suggestion: Suggestion | undefined;

  rules.forEach((rule, order) => {
    if (rule.onlyWhenNoneAbove && hits.length > 0) return;
    const outcome = rule.fires(ctx);
    if (outcome === null) return;
    const rank = suggestionRank(rule.suggestion);
    if (isCheckInHit(outcome)) {
      hits.push({
        reason: { ruleId: rule.id, suggestion: rule.suggestion, summary: outcome.summary, evidence: outcome.evidence, source: rule.source },
        next: outcome.next,
        order,
      });
      if (suggestion === undefined || rank > suggestionRank(suggestion)) suggestion = rule.suggestion;
      if (rule.id === "checkins.awaiting_24h" && outcome.unknown) always.push(...outcome.unknown);
      // A hit's own unknowns can change its answer at its own level (e.g. a bigger cut): list them
      // when that level is the final one or above (the `> finalRank` test below, on rank + 1).
      else if (outcome.unknown && outcome.unknown.length > 0) unknowns.push({ rank: rank + 1, paths: outcome.unknown });
    } else if (outcome.unknown.length > 0) {
      unknowns.push({ rank, paths: outcome.unknown });
    }
  });
  // Every rule fires or defers to another that does; should none, there is no evidence to move on.
  const final: Suggestion = suggestion ?? "hold";
  const finalRank = suggestionRank(final);

  // Missing: answers that could make the suggestion more cautious. An unanswered item of the new
  // symptoms on the latest check-in is a gap in the screen, listed while care is not already urgent.
  const missing: string[] = [];
  const seen = new Set<string>();
  const add = (p: string) => {
    if (!seen.has(p)) {
      seen.add(p);
      missing.push(p);
    }
  };
  always.forEach(add);
  if (finalRank < suggestionRank("urgent_care") && ctx.all.length > 0) {
    const latest = ctx.all.reduce((a, b) => (b.daysAgo <= a.daysAgo ? b : a));
    for (const k of URGENT_SYMPTOM_KEYS) if (latest.checkIn.newSymptoms?.[k] === undefined) add(`checkIns.${latest.index}.newSymptoms.${k}`);
  }
  for (const u of unknowns) if (u.rank > finalRank) u.paths.forEach(add);

  const ordered = hits
    .slice()
    .sort((a, b) => suggestionRank(b.reason.suggestion) - suggestionRank(a.reason.suggestion) || a.order - b.order);

  return {
    contractVersion: CHECKIN_CONTRACT_VERSION,
    rulesetVersion: CHECKIN_RULESET_VERSION,
    suggestion: final,
    reasons: ordered.map((h) => h.reason),
    ...(nextFor(final, ordered, ctx.stage.key) ?? {}),
    stats: {
      daysInStage: ctx.daysInStage,
      sessionsLast7Days: ctx.sessionsLast7Days,
      dataDaysLast30: ctx.dataDaysLast30,
      greenSessionsInStage: ctx.greenSessionsInStage,
      flaresInStage: ctx.flaresInStage,
      ...(ctx.adherencePct === undefined ? {} : { adherencePct: ctx.adherencePct }),
    },
    missing,
  };
}

/** What approving the suggestion would publish. Urgent care: nothing (emergency care, not a plan
 *  change). Seek care and hold: the same stage and dose. Regress and progress: what the deciding
 *  rule computed (a regress takes the most cautious of them: a step back beats a bigger cut). */
function nextFor(final: Suggestion, ordered: readonly { reason: CheckInReason; next?: Next }[], stageKey: string): { next: Next } | undefined {
  if (final === "urgent_care") return undefined;
  if (final === "seek_care" || final === "hold") return { next: { stageKey } };
  const decided = ordered.filter((h) => h.reason.suggestion === final && h.next).map((h) => h.next!);
  if (decided.length === 0) return { next: { stageKey } };
  if (final === "regress") {
    const back = decided.find((n) => n.doseCutPct === undefined && n.stageKey !== stageKey);
    if (back) return { next: back };
    const deepest = decided.reduce((a, b) => ((b.doseCutPct ?? 0) > (a.doseCutPct ?? 0) ? b : a));
    return { next: deepest };
  }
  return { next: decided[0]! };
}

export type CheckInFieldError = { path: string; message: string };
export type ParseAndReviewResult = { ok: true; review: CheckInReview } | { ok: false; errors: CheckInFieldError[] };

/** Validate untrusted data against check-in contract v1, then review. Errors carry dotted paths (e.g. `checkIns.2.date`). */
export function parseAndReview(raw: unknown, settings?: Partial<EngineSettings>): ParseAndReviewResult {
  const parsed = checkInReviewInputSchema.safeParse(raw);
  if (!parsed.success) {
    return { ok: false, errors: parsed.error.issues.map((i) => ({ path: i.path.map(String).join("."), message: i.message })) };
  }
  return { ok: true, review: reviewCheckIns(parsed.data, settings) };
}
