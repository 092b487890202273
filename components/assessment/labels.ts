import type { ReasonCategory, Verdict } from "@/lib/clinical";
import { RED_FLAG_ITEMS, SYMPTOM_ITEMS } from "@/lib/validation/assessment";

/** The verdict in plain words, for the clinician (and what the e2e tests read). */
export const verdictWords: Record<Verdict, { title: string; detail: string; tone: string }> = {
  push: { title: "Push on", detail: "Keep training and progress as planned.", tone: "border-emerald-300 bg-emerald-50 text-emerald-900" },
  modify: { title: "Modify", detail: "Keep training, with changes to load or content.", tone: "border-sky-300 bg-sky-50 text-sky-900" },
  back_off: { title: "Back off", detail: "Reduce training load for now and rebuild in stages.", tone: "border-amber-300 bg-amber-50 text-amber-900" },
  refer: { title: "Refer", detail: "Medical review is needed before the plan progresses.", tone: "border-orange-300 bg-orange-50 text-orange-900" },
  urgent_referral: { title: "Urgent referral", detail: "Send for emergency or same-day medical care. No training plan.", tone: "border-red-400 bg-red-50 text-red-900" },
};

export const categoryLabels: Record<ReasonCategory, string> = {
  red_flag: "Red flag",
  neuro: "Nerve symptoms",
  capacity: "Capacity",
  acute: "Acute injury",
  load: "Training load",
  recovery: "Recovery",
  symptoms: "Symptoms",
  fatigue: "Fatigue",
};

const fieldLabels: Record<string, string> = {
  "sport.level": "Level",
  "sport.trainingAgeYears": "Years training",
  "complaint.region": "Region",
  "complaint.onset": "Onset",
  "complaint.daysSinceOnset": "Days since onset",
  "symptoms.painNowNrs": "Pain now",
  "symptoms.painWorst24hNrs": "Worst pain in 24 h",
  "symptoms.painDuringActivityNrs": "Pain during activity",
  "symptoms.nextDayResponse": "Next-morning response",
  "symptoms.trend": "Trend",
  "load.hoursPerWeekNow": "Training hours this week",
  "load.hoursPerWeekUsual": "Usual training hours",
  "load.runKmPerWeekNow": "Running km this week",
  "load.runKmPerWeekUsual": "Usual running km",
  "load.hardSessionsPerWeek": "Hard sessions per week",
  "load.longestRunKm30d": "Longest run in 30 days",
  "load.weeksSinceDeload": "Weeks since a lighter week",
  "recovery.sleepHoursAvg": "Average sleep",
  "recovery.sleepQualityDeclined": "Sleep quality worse",
  "recovery.fuelingAdequate": "Eating enough",
  "recovery.hydrationAdequate": "Drinking enough",
  "recovery.lifeStress": "Life stress",
  "recovery.restingHrBaseline": "Usual resting HR",
  "recovery.restingHrNow": "Resting HR now",
  "recovery.restingHrElevatedDays": "Days resting HR raised",
  "recovery.motivationLow": "Low motivation",
  "recovery.persistentJointSoreness": "Persistent joint soreness",
  "recovery.performanceDeclining": "Performance declining",
  "fatigue.pattern": "Fatigue pattern",
  "fatigue.weightsMovingNormally": "Weights moving normally",
  "fatigue.reluctanceMainlyMotivational": "Reluctance mainly motivational",
  capacityTests: "Capacity tests",
};
for (const [k, l] of RED_FLAG_ITEMS) fieldLabels[`redFlags.${k}`] = l;
for (const [k, l] of SYMPTOM_ITEMS) fieldLabels[`symptoms.${k}`] = l;

const stepOfSection: Record<string, number> = {
  sport: 1,
  load: 1,
  complaint: 2,
  symptoms: 2,
  redFlags: 3,
  capacityTests: 4,
  recovery: 5,
  fatigue: 5,
};

/** A contract path from `missing`, as a question and the step that asks it. */
export function missingLabel(path: string): { label: string; step?: number } {
  const section = path.split(".")[0]!;
  return { label: fieldLabels[path] ?? path, step: stepOfSection[section] };
}

/**
 * The engine's `deficitPct` means how far the weakest side is below the test's target: the
 * catalogue's absolute figure, or for symmetry-only tests the bar the weaker side must reach
 * (a share of the stronger side). Two different things, so two names.
 */
export function shortfallName(targetKind: "absolute" | "symmetry" | "none" | undefined): string {
  return targetKind === "symmetry" ? "Short of the symmetry bar" : targetKind === "none" ? "Shortfall" : "Short of target";
}
