import type { CheckInReason } from "@/lib/clinical";
import type { PlanContent, PlanVersionChange } from "@/lib/validation/plan";

// Pure: what a review decision changed, in the patient's words, for their page and PDF
// (issue 13). The engine's own summaries are written for clinicians; these are not copies.

const WHY: Record<string, string> = {
  "checkins.ready_to_progress": "Your recent sessions stayed inside your pain limits and you had settled by the next morning.",
  "checkins.red_light": "A recent session went past your pain limits, or left you worse the next morning.",
  "checkins.next_morning_pain_up": "Your pain the morning after sessions has been higher than when this stage began.",
};

export function changeWords(v: {
  content: PlanContent;
  fromStageKey: string;
  toStageKey: string;
  doseCutPct: number;
  reasons: readonly CheckInReason[];
  clinicianNote?: string;
}): Pick<PlanVersionChange, "summary" | "why"> {
  const stages = v.content.stages;
  const to = stages.findIndex((s) => s.key === v.toStageKey);
  const from = stages.findIndex((s) => s.key === v.fromStageKey);
  const title = `stage ${to + 1} of ${stages.length}: ${stages[to]?.title ?? v.toStageKey}`;
  let summary: string;
  if (to > from) summary = `You move on to ${title}.`;
  else if (to < from) summary = `For now you step back to ${title}.`;
  else if (v.doseCutPct > 0) summary = `You stay on ${title}, doing ${v.doseCutPct} % less than its amounts for now.`;
  else summary = `You stay on ${title}.`;
  if (to === from && v.doseCutPct === 0) summary += " Your clinician has updated your plan.";
  const why = [...new Set(v.reasons.map((r) => WHY[r.ruleId]).filter((w): w is string => Boolean(w)))];
  if (v.clinicianNote?.trim()) why.push(v.clinicianNote.trim());
  if (why.length === 0) why.push("Your clinician reviewed your check-ins and made this change.");
  return { summary, why };
}
