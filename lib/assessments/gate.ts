import type { Evaluation } from "@/lib/clinical";
import { RED_FLAG_ITEMS, SPINAL_REGIONS } from "@/lib/validation/assessment";
import type { AssessmentSnapshotInput } from "./build-input";

// Pure: what the red-flag screen allows. An urgent-tier answer removes the plan entirely; a
// refer-tier verdict needs a recorded referral or an override with a reason before a plan; a
// spinal complaint needs every red-flag item answered before the assessment can be finalized.

export type GateRecord = { referralTo: string | null; referralDate: string | null; overrideReason: string | null };

export type Gate = {
  urgent: boolean;
  referRequired: boolean;
  referRecorded: boolean;
  /** Red-flag items still unanswered on a spinal complaint (blocks finalizing). */
  spinalScreenMissing: string[];
  planAllowed: boolean;
  canFinalize: boolean;
  blockers: string[];
};

export function evaluateGate(input: AssessmentSnapshotInput, evaluation: Evaluation, record: GateRecord): Gate {
  const urgent = evaluation.verdict === "urgent_referral";
  const referRequired = evaluation.verdict === "refer";
  const referRecorded = Boolean((record.referralTo && record.referralDate) || record.overrideReason);
  const spinal = input.complaint !== undefined && SPINAL_REGIONS.includes(input.complaint.region);
  const spinalScreenMissing = spinal
    ? RED_FLAG_ITEMS.filter(([k]) => input.redFlags?.[k] === undefined).map(([, label]) => label)
    : [];
  const blockers: string[] = [];
  if (spinalScreenMissing.length) {
    blockers.push(`A spinal complaint needs the full red-flag screen: ${spinalScreenMissing.length} item(s) unanswered.`);
  }
  if (referRequired && !referRecorded) blockers.push("Record the referral (to whom and when) or an override with a reason.");
  return {
    urgent,
    referRequired,
    referRecorded,
    spinalScreenMissing,
    planAllowed: !urgent && (!referRequired || referRecorded) && evaluation.plan !== null,
    canFinalize: blockers.length === 0,
    blockers,
  };
}
