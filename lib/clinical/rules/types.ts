import type { AssessmentInput, ReasonCategory, Region, Verdict } from "../contract";
import type { ScoredCapacity } from "../capacity/score";
import type { EngineSettings } from "../settings";

// A rule is data (id, category, verdict, reads, source) plus one small pure function.
// `fires` answers in three ways, because an unanswered field is unknown, never "no":
//   - a hit: the rule fires (it may still list unknowns that could make it stricter);
//   - { unknown: [...] }: the rule could not decide because those contract paths are missing;
//   - null: the rule was evaluated on answered fields and does not apply.

export type RuleContext = {
  readonly input: AssessmentInput;
  readonly settings: Readonly<EngineSettings>;
  readonly capacity: readonly ScoredCapacity[];
  /** The sport's demands include a lot of running (running, hyrox, hybrid, team sport). */
  readonly runningSport: boolean;
  /** Training hours this week ÷ usual; undefined when either is missing or usual is 0. */
  readonly hoursRatio: number | undefined;
  /** Running km this week ÷ usual; undefined when either is missing or usual is 0. */
  readonly runKmRatio: number | undefined;
};

export type RuleHit = {
  summary: string;
  evidence: Record<string, unknown>;
  /** Overrides the rule's verdict when a rule grades its answer (never above the rule's verdict). */
  verdict?: Verdict;
  /** Missing paths that could make this rule ask for more. */
  unknown?: readonly string[];
};

export type RuleUnknown = { unknown: readonly string[] };

export type RuleOutcome = RuleHit | RuleUnknown | null;

export type Rule = {
  /** Stable id: stored with decisions and pinned by tests. Never rename; retire and add instead. */
  id: string;
  category: ReasonCategory;
  /** The most cautious verdict this rule can ask for. */
  verdict: Verdict;
  /** Contract paths the rule reads. */
  reads: readonly string[];
  /** Short citation of what the rule rests on. */
  source: string;
  /**
   * The citation shown when the complaint is not a back (lumbar or thoracic) complaint, for a rule
   * that applies to any region but whose `source` includes an article written about back pain
   * (seed 002, seed 004): an Achilles runner's reason should not cite "Running With Back Pain"
   * when another source fits. Unset: `source` fits every region. See `sourceFor`.
   */
  sourceOutsideBack?: string;
  /** Rule number in shared/clinical/rules.md, when the rule comes from the seed articles. */
  rulesRef?: string;
  /** Plain "what fires it", for the generated rules document. */
  description: string;
  fires: (ctx: RuleContext) => RuleOutcome;
};

export function isHit(o: RuleOutcome): o is RuleHit {
  return o !== null && "summary" in o;
}

export const SPINAL_REGIONS: ReadonlySet<Region> = new Set<Region>(["lumbar", "thoracic", "neck"]);
export const BACK_REGIONS: ReadonlySet<Region> = new Set<Region>(["lumbar", "thoracic"]);
