import type { Verdict } from "@/lib/clinical";
import type { PlanContentStage } from "@/lib/validation/plan";

// The engine's safety limits for a verdict are the stage settings it chose: an edit that asks
// more of the patient than the engine allowed (intensity where it said none, more volume, a
// higher effort cap, a longer long run, a stage cut shorter than its minimum) needs a reason.
// Easing off never does. Pure: the editor shows the same crossings live.

type StageLimits = Pick<PlanContentStage, "key" | "weeks" | "runVolumePct" | "trainingHoursPct" | "longRunKmMax" | "maxEffortRpe" | "intensityAllowed" | "pauseUntilCleared"> & {
  /** Exercises in the stage: only read for a paused engine stage, which allows none. */
  strength?: readonly unknown[];
};

const verdictWords: Record<Verdict, string> = {
  push: "push",
  modify: "modify",
  back_off: "back-off",
  refer: "refer",
  urgent_referral: "urgent-referral",
};

export function stageCrossings(engine: StageLimits | undefined, edited: StageLimits, verdict: Verdict, stageNumber: number): string[] {
  if (!engine) return [];
  const where = `stage ${stageNumber} of a ${verdictWords[verdict]} plan`;
  const out: string[] = [];
  if (edited.intensityAllowed && !engine.intensityAllowed) out.push(`Intervals and hard efforts allowed, which the engine rules out in ${where}.`);
  const volMax = (r?: { max: number }) => r?.max;
  const engineVol = volMax(engine.trainingHoursPct) ?? volMax(engine.runVolumePct);
  const editedVol = Math.max(volMax(edited.trainingHoursPct) ?? 0, volMax(edited.runVolumePct) ?? 0);
  if (engine.pauseUntilCleared === true) {
    // The engine paused all loading until a doctor has seen the patient (fever, trauma, possible fracture).
    const paused = `a stage the engine paused until a doctor has seen the patient (${where})`;
    if (editedVol > 0) out.push(`Training volume up to ${editedVol} % of usual in ${paused}.`);
    if ((edited.strength?.length ?? 0) > 0) out.push(`Strength exercises in ${paused}.`);
  }
  if (engineVol !== undefined && editedVol > engineVol) out.push(`Volume up to ${editedVol} % of usual, above the engine's ${engineVol} % for ${where}.`);
  if (edited.maxEffortRpe > engine.maxEffortRpe) out.push(`Effort cap RPE ${edited.maxEffortRpe}, above the engine's RPE ${engine.maxEffortRpe} for ${where}.`);
  if (engine.longRunKmMax !== undefined && edited.longRunKmMax !== undefined && edited.longRunKmMax > engine.longRunKmMax + 0.05) {
    out.push(`Long run longer than the engine's limit for ${where}.`);
  }
  if (edited.weeks.min < engine.weeks.min) out.push(`Stage shortened to ${edited.weeks.min} week(s), below the engine's minimum of ${engine.weeks.min} for ${where}.`);
  return out;
}

export const MIN_REASON_LENGTH = 5;
