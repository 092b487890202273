import type { Evaluation } from "@/lib/clinical";
import { RED_FLAG_ITEMS } from "@/lib/validation/assessment";
import type { AssessmentSnapshotInput } from "./build-input";

// Pure: what the red-flag screen allows. An urgent-tier answer removes the plan entirely; a
// refer-tier verdict needs a recorded referral or an override with a reason before a plan; every
// assessment needs every red-flag item answered (yes/no) or marked "not asked" with a reason
// before it can be finalized (issue 11: a decision was once made with no screen at all).

export type GateRecord = { referralTo: string | null; referralDate: string | null; overrideReason: string | null };

export type Gate = {
  urgent: boolean;
  referRequired: boolean;
  referRecorded: boolean;
  /** Red-flag items neither answered nor marked "not asked" (blocks finalizing and any verdict display). */
  redFlagScreenMissing: { key: string; label: string }[];
  planAllowed: boolean;
  canFinalize: boolean;
  blockers: string[];
};

/** The red-flag items still unanswered: neither yes/no nor in `redFlagsNotAsked`. */
export function unansweredRedFlags(input: Pick<AssessmentSnapshotInput, "redFlags" | "redFlagsNotAsked">) {
  const notAsked = new Set<string>(input.redFlagsNotAsked?.keys ?? []);
  return RED_FLAG_ITEMS.filter(([k]) => input.redFlags?.[k] === undefined && !notAsked.has(k)).map(([key, label]) => ({ key, label }));
}

export const redFlagBlocker = (n: number) =>
  `The full red-flag screen is needed before finalizing: ${n} item(s) unanswered. Answer each yes or no, or mark it “not asked” with a reason (step 3).`;

export function evaluateGate(input: AssessmentSnapshotInput, evaluation: Evaluation, record: GateRecord): Gate {
  const urgent = evaluation.verdict === "urgent_referral";
  const referRequired = evaluation.verdict === "refer";
  const referRecorded = Boolean((record.referralTo && record.referralDate) || record.overrideReason);
  const redFlagScreenMissing = unansweredRedFlags(input);
  const blockers: string[] = [];
  if (redFlagScreenMissing.length) blockers.push(redFlagBlocker(redFlagScreenMissing.length));
  if (referRequired && !referRecorded) blockers.push("Record the referral (to whom and when) or an override with a reason.");
  return {
    urgent,
    referRequired,
    referRecorded,
    redFlagScreenMissing,
    planAllowed: !urgent && (!referRequired || referRecorded) && evaluation.plan !== null,
    canFinalize: blockers.length === 0,
    blockers,
  };
}

export type PlanGateReason = "urgent_referral" | "referral_required";

/**
 * Pure: whether the effective decision of an assessment (its latest amendment, or the original)
 * still allows its plan to reach the patient. The one rule behind publish, the patient's page and
 * PDF, and the clinician's PDF (ADR 0013).
 */
export function planGateOf(evaluation: Evaluation, referralRecorded: boolean): { open: true; reason: null } | { open: false; reason: PlanGateReason } {
  if (evaluation.verdict === "urgent_referral") return { open: false, reason: "urgent_referral" };
  if (evaluation.verdict === "refer" && !referralRecorded) return { open: false, reason: "referral_required" };
  return { open: true, reason: null };
}
