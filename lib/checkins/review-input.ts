import type { CheckIn, CheckInReviewInput, Plan } from "@/lib/clinical";
import type { PlanContent } from "@/lib/validation/plan";

// Pure: a plan's published content, the patient's position and their stored check-ins, as the
// check-in review's input (contract v1). No clock here: `today` comes from the caller's Clock.

export type StoredCheckIn = {
  sessionDate: string;
  activity: string;
  done: string;
  minutes: number | null;
  distanceKm: number | null;
  effortRpe: number | null;
  painDuringNrs: number | null;
  sharpPain: boolean | null;
  alteredMovement: boolean | null;
  tinglingOrNumbnessDownLeg: boolean | null;
  saddleNumbness: boolean | null;
  bladderOrBowelChange: boolean | null;
  bothLegs: boolean | null;
  calfSwellingRednessHeat: boolean | null;
  chestPainOrBreathlessness: boolean | null;
  feverOrUnwell: boolean | null;
  note: string | null;
  morningPainNrs: number | null;
  morningComparedWithBefore: string | null;
  morningStiffnessOver30Min: boolean | null;
};

export type PositionLike = {
  stageKey: string;
  startedOn: string;
  doseCutPct: number;
  lastLighterWeekOn: string | null;
  baselinePainNrs: number | null;
};

const opt = <T>(v: T | null): T | undefined => (v === null ? undefined : v);

/** The published content as the contract's Plan; `pauseUntilCleared` is the engine's, per stage. */
export function planForReview(content: PlanContent, enginePlan?: Plan | null): Plan {
  return {
    stages: content.stages.map((s) => {
      const paused = enginePlan?.stages.find((e) => e.key === s.key)?.pauseUntilCleared;
      return {
        key: s.key,
        title: s.title,
        weeks: s.weeks,
        ...(s.runVolumePct ? { runVolumePct: s.runVolumePct } : {}),
        ...(s.trainingHoursPct ? { trainingHoursPct: s.trainingHoursPct } : {}),
        ...(s.longRunKmMax !== undefined ? { longRunKmMax: s.longRunKmMax } : {}),
        maxEffortRpe: s.maxEffortRpe,
        intensityAllowed: s.intensityAllowed,
        crossTraining: s.crossTraining,
        strength: s.strength.map((x) => ({ exercise: x.exercise, sets: x.sets, reps: x.reps, ...(x.note ? { note: x.note } : {}) })),
        progressWhen: s.progressWhen,
        regressWhen: s.regressWhen,
        ...(paused ? { pauseUntilCleared: true } : {}),
      };
    }),
    painRules: content.painRules,
    deloadEveryWeeks: content.deloadEveryWeeks,
    seekCareIf: content.seekCareIf,
    ...(content.advice ? { advice: content.advice } : {}),
  };
}

export function checkInForReview(r: StoredCheckIn): CheckIn {
  const symptoms = {
    tinglingOrNumbnessDownLeg: opt(r.tinglingOrNumbnessDownLeg),
    saddleNumbness: opt(r.saddleNumbness),
    bladderOrBowelChange: opt(r.bladderOrBowelChange),
    bothLegs: opt(r.bothLegs),
    calfSwellingRednessHeat: opt(r.calfSwellingRednessHeat),
    chestPainOrBreathlessness: opt(r.chestPainOrBreathlessness),
    feverOrUnwell: opt(r.feverOrUnwell),
  };
  const out: CheckIn = {
    date: r.sessionDate,
    activity: r.activity as CheckIn["activity"],
    done: r.done as CheckIn["done"],
  };
  if (r.minutes !== null) out.minutes = r.minutes;
  if (r.distanceKm !== null) out.distanceKm = r.distanceKm;
  if (r.effortRpe !== null) out.effortRpe = r.effortRpe;
  if (r.painDuringNrs !== null) out.painDuringNrs = r.painDuringNrs;
  if (r.sharpPain !== null) out.sharpPain = r.sharpPain;
  if (r.alteredMovement !== null) out.alteredMovement = r.alteredMovement;
  if (Object.values(symptoms).some((v) => v !== undefined)) {
    out.newSymptoms = Object.fromEntries(Object.entries(symptoms).filter(([, v]) => v !== undefined));
  }
  if (r.morningComparedWithBefore !== null) {
    out.nextMorning = {
      comparedWithBefore: r.morningComparedWithBefore as "better" | "same" | "worse",
      ...(r.morningPainNrs !== null ? { painNrs: r.morningPainNrs } : {}),
      ...(r.morningStiffnessOver30Min !== null ? { stiffnessOver30Min: r.morningStiffnessOver30Min } : {}),
    };
  }
  if (r.note) out.note = r.note;
  return out;
}

export function buildCheckInReviewInput(v: {
  today: string;
  content: PlanContent;
  enginePlan?: Plan | null;
  position: PositionLike;
  checkIns: readonly StoredCheckIn[];
}): CheckInReviewInput {
  return {
    contractVersion: 1,
    today: v.today,
    plan: planForReview(v.content, v.enginePlan),
    stage: { key: v.position.stageKey, startedOn: v.position.startedOn, doseCutPct: v.position.doseCutPct },
    ...(v.position.baselinePainNrs !== null ? { baseline: { painNrs: v.position.baselinePainNrs } } : {}),
    ...(v.position.lastLighterWeekOn ? { lastLighterWeekOn: v.position.lastLighterWeekOn } : {}),
    // Nothing dated after today reaches the review (the service refuses it; this is the last guard).
    checkIns: v.checkIns.filter((c) => c.sessionDate <= v.today).map(checkInForReview),
  };
}
