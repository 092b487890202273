import type { AssessmentInput } from "./contract";

// A fully answered, unremarkable runner: every red flag asked and absent, nothing of concern.
// Tests copy it and change one answer at a time, so each rule can be probed in isolation.
// Returns a fresh object on every call (no shared mutable fixtures between parallel tests).
export function cleanRunner(): AssessmentInput {
  return {
    contractVersion: 1,
    patient: { ageYears: 32, sex: "female" },
    sport: { primary: "running", level: "recreational", trainingAgeYears: 3 },
    symptoms: {
      painNowNrs: 0,
      painWorst24hNrs: 0,
      painDuringActivityNrs: 0,
      nextDayResponse: "same",
      trend: "stable",
      sharpPain: false,
      nightPain: false,
      sorenessOver48h: false,
      stiffnessNotEasing: false,
      alteredMovement: false,
      cannotBendForward: false,
      radiatingBelowKnee: false,
      tinglingOrNumbness: false,
      noTolerableDoseFound: false,
    },
    redFlags: {
      saddleAnaesthesia: false,
      bladderOrBowelChange: false,
      bilateralLegNeuroSymptoms: false,
      progressiveWeakness: false,
      feverOrUnwell: false,
      unexplainedWeightLoss: false,
      historyOfCancer: false,
      constantNonMechanicalPain: false,
      significantTrauma: false,
      osteoporosisOrLongTermSteroids: false,
      immunosuppressionOrIvDrugUse: false,
      calfSwellingRednessHeat: false,
      chestPainOrBreathlessness: false,
    },
    load: {
      hoursPerWeekNow: 5,
      hoursPerWeekUsual: 5,
      runKmPerWeekNow: 30,
      runKmPerWeekUsual: 30,
      hardSessionsPerWeek: 2,
      longestRunKm30d: 12,
      weeksSinceDeload: 2,
    },
    recovery: {
      sleepHoursAvg: 8,
      sleepQualityDeclined: false,
      fuelingAdequate: true,
      hydrationAdequate: true,
      lifeStress: "low",
      restingHrBaseline: 50,
      restingHrNow: 50,
      restingHrElevatedDays: 0,
      motivationLow: "no",
      persistentJointSoreness: false,
      performanceDeclining: false,
    },
    fatigue: { pattern: "none" },
    capacityTests: [
      { test: "single_leg_calf_raise", side: "left", value: 32 },
      { test: "single_leg_calf_raise", side: "right", value: 32 },
    ],
  };
}

/** Deep copy with a mutation applied. */
export function withChange(mutate: (i: AssessmentInput) => void, base: AssessmentInput = cleanRunner()): AssessmentInput {
  const copy = structuredClone(base);
  mutate(copy);
  return copy;
}
