import { RUNNING_SPORTS } from "./capacity/catalogue";
import { scoreCapacity, toCapacityResult } from "./capacity/score";
import {
  assessmentInputSchema,
  RED_FLAG_KEYS,
  verdictRank,
  type AssessmentInput,
  type Evaluation,
  type Reason,
  type Verdict,
} from "./contract";
import { buildPlan } from "./plan/build-plan";
import { ruleset as defaultRuleset } from "./rules";
import { notAskedKeys } from "./rules/red-flags";
import { isHit, type Rule, type RuleContext } from "./rules/types";
import { resolveSettings, type EngineSettings } from "./settings";
import { CONTRACT_VERSION, RULESET_VERSION } from "./version";

// The engine: typed input in, typed evaluation out. Pure and deterministic: no clock, no I/O.
// The verdict is the most cautious verdict among the rules that fired. Rules that could not be
// decided because answers were missing report those paths; the ones that could still raise the
// verdict become `missing`, so the clinician sees which unknowns limited the decision.

const ratio = (now: number | undefined, usual: number | undefined) =>
  now === undefined || usual === undefined || usual <= 0 ? undefined : now / usual;

export function buildContext(input: AssessmentInput, settings: Readonly<EngineSettings>): RuleContext {
  return {
    input,
    settings,
    capacity: scoreCapacity(input.capacityTests, input.sport.primary, settings),
    runningSport: RUNNING_SPORTS.has(input.sport.primary),
    hoursRatio: ratio(input.load?.hoursPerWeekNow, input.load?.hoursPerWeekUsual),
    runKmRatio: ratio(input.load?.runKmPerWeekNow, input.load?.runKmPerWeekUsual),
  };
}

/** Evaluate an already-validated input. Use `parseAndEvaluate` for untrusted data. */
export function evaluate(
  input: AssessmentInput,
  settings?: Partial<EngineSettings>,
  rules: readonly Rule[] = defaultRuleset,
): Evaluation {
  const ctx = buildContext(input, resolveSettings(settings));

  const reasons: Reason[] = [];
  const unknowns: { rank: number; paths: readonly string[] }[] = [];
  let verdict: Verdict = "push";

  for (const rule of rules) {
    const outcome = rule.fires(ctx);
    if (outcome === null) continue;
    if (isHit(outcome)) {
      // A rule may grade its answer, never above its declared verdict.
      const v = outcome.verdict !== undefined && verdictRank(outcome.verdict) < verdictRank(rule.verdict) ? outcome.verdict : rule.verdict;
      reasons.push({ ruleId: rule.id, category: rule.category, verdict: v, summary: outcome.summary, evidence: outcome.evidence });
      if (verdictRank(v) > verdictRank(verdict)) verdict = v;
      if (outcome.unknown && outcome.unknown.length > 0 && verdictRank(rule.verdict) > verdictRank(v)) {
        unknowns.push({ rank: verdictRank(rule.verdict), paths: outcome.unknown });
      }
    } else if (outcome.unknown.length > 0) {
      unknowns.push({ rank: verdictRank(rule.verdict), paths: outcome.unknown });
    }
  }

  // Only unknowns that could make the verdict more cautious are worth asking about. The red-flag
  // screen is listed in full: an unasked item is a gap in the screen even when, today, it could
  // only matter in combination with another answer (e.g. steroids with new spinal pain).
  // Items the clinician deliberately did not ask (redFlagsNotAsked) are accounted for: the
  // red_flag.screen_not_asked reason carries them, so they are not repeated as gaps.
  const finalRank = verdictRank(verdict);
  const missing: string[] = [];
  const seen = new Set<string>(notAskedKeys(ctx).map((k) => `redFlags.${k}`));
  if (finalRank < verdictRank("urgent_referral")) {
    const rf = input.redFlags;
    for (const k of RED_FLAG_KEYS) {
      if (rf?.[k] === undefined && !seen.has(`redFlags.${k}`)) {
        seen.add(`redFlags.${k}`);
        missing.push(`redFlags.${k}`);
      }
    }
  }
  for (const u of unknowns) {
    if (u.rank <= finalRank) continue;
    for (const p of u.paths) {
      if (!seen.has(p)) {
        seen.add(p);
        missing.push(p);
      }
    }
  }

  // Most cautious first; ruleset order (most serious category first) within a verdict.
  const ordered = reasons
    .map((r, i) => ({ r, i }))
    .sort((a, b) => verdictRank(b.r.verdict) - verdictRank(a.r.verdict) || a.i - b.i)
    .map((x) => x.r);

  return {
    contractVersion: CONTRACT_VERSION,
    rulesetVersion: RULESET_VERSION,
    verdict,
    reasons: ordered,
    capacity: ctx.capacity.map(toCapacityResult),
    missing,
    plan: buildPlan(ctx, verdict, ordered),
  };
}

export type FieldError = { path: string; message: string };
export type ParseAndEvaluateResult = { ok: true; evaluation: Evaluation } | { ok: false; errors: FieldError[] };

/** Validate untrusted data against contract v1, then evaluate. Errors carry dotted paths (e.g. `capacityTests.0.value`). */
export function parseAndEvaluate(raw: unknown, settings?: Partial<EngineSettings>): ParseAndEvaluateResult {
  const parsed = assessmentInputSchema.safeParse(raw);
  if (!parsed.success) {
    return {
      ok: false,
      errors: parsed.error.issues.map((i) => ({ path: i.path.map(String).join("."), message: i.message })),
    };
  }
  return { ok: true, evaluation: evaluate(parsed.data, settings) };
}
