import fc from "fast-check";
import { KNOWN_CAPACITY_TESTS, RED_FLAG_KEYS, REGIONS, SPORTS, type AssessmentInput } from "@/lib/clinical/contract";

// Arbitraries that generate VALID contract v1 inputs, with any optional field possibly absent.

const pain = fc.integer({ min: 0, max: 10 });
const bool = fc.boolean();
export const nonNeg = (max: number) => fc.double({ min: 0, max, noNaN: true, noDefaultInfinity: true });

const symptomsArb = fc.record(
  {
    painNowNrs: pain, painWorst24hNrs: pain, painDuringActivityNrs: pain,
    nextDayResponse: fc.constantFrom("better", "same", "worse"),
    trend: fc.constantFrom("improving", "stable", "worsening"),
    sharpPain: bool, nightPain: bool, sorenessOver48h: bool, stiffnessNotEasing: bool, alteredMovement: bool,
    cannotBendForward: bool, radiatingBelowKnee: bool, tinglingOrNumbness: bool, noTolerableDoseFound: bool,
  },
  { requiredKeys: [] },
);

const redFlagsArb = fc.record(
  Object.fromEntries(RED_FLAG_KEYS.map((k) => [k, bool])) as Record<(typeof RED_FLAG_KEYS)[number], fc.Arbitrary<boolean>>,
  { requiredKeys: [] },
);

const loadArb = fc.record(
  {
    hoursPerWeekNow: nonNeg(40), hoursPerWeekUsual: nonNeg(40), runKmPerWeekNow: nonNeg(200), runKmPerWeekUsual: nonNeg(200),
    hardSessionsPerWeek: fc.integer({ min: 0, max: 10 }), longestRunKm30d: nonNeg(60), weeksSinceDeload: fc.integer({ min: 0, max: 30 }),
  },
  { requiredKeys: [] },
);

const recoveryArb = fc.record(
  {
    sleepHoursAvg: nonNeg(12), sleepQualityDeclined: bool, fuelingAdequate: bool, hydrationAdequate: bool,
    lifeStress: fc.constantFrom("low", "moderate", "high"),
    restingHrBaseline: fc.integer({ min: 35, max: 90 }), restingHrNow: fc.integer({ min: 35, max: 110 }),
    restingHrElevatedDays: fc.integer({ min: 0, max: 14 }),
    motivationLow: fc.constantFrom("no", "single_session", "multi_day"),
    persistentJointSoreness: bool, performanceDeclining: bool,
  },
  { requiredKeys: [] },
);

const fatigueArb = fc.record(
  { pattern: fc.constantFrom("none", "session_specific", "multi_day"), weightsMovingNormally: bool, reluctanceMainlyMotivational: bool },
  { requiredKeys: [] },
);

const capacityArb = fc.array(
  fc.record(
    {
      test: fc.oneof(fc.constantFrom(...KNOWN_CAPACITY_TESTS, "single_leg_sit_to_stand"), fc.constant("custom_test")),
      side: fc.constantFrom("left", "right"),
      value: fc.integer({ min: 0, max: 200 }),
      painNrs: pain,
    },
    { requiredKeys: ["test", "value"] },
  ),
  { maxLength: 6 },
);

const complaintArb = fc.record(
  {
    region: fc.constantFrom(...REGIONS),
    side: fc.constantFrom("left", "right", "bilateral", "central"),
    onset: fc.constantFrom("acute", "gradual"),
    daysSinceOnset: fc.integer({ min: 0, max: 400 }),
  },
  { requiredKeys: ["region", "onset", "daysSinceOnset"] },
);

export const inputArb: fc.Arbitrary<AssessmentInput> = fc.record(
  {
    contractVersion: fc.constant(1 as const),
    patient: fc.record(
      { ageYears: fc.integer({ min: 10, max: 100 }), sex: fc.constantFrom("female", "male", "other", "unspecified") },
      { requiredKeys: ["ageYears"] },
    ),
    sport: fc.record(
      {
        primary: fc.constantFrom(...SPORTS),
        level: fc.constantFrom("recreational", "competitive", "elite"),
        trainingAgeYears: fc.integer({ min: 0, max: 30 }),
      },
      { requiredKeys: ["primary"] },
    ),
    complaint: complaintArb,
    symptoms: symptomsArb,
    redFlags: redFlagsArb,
    load: loadArb,
    recovery: recoveryArb,
    fatigue: fatigueArb,
    capacityTests: capacityArb,
  },
  { requiredKeys: ["contractVersion", "patient", "sport"] },
) as fc.Arbitrary<AssessmentInput>;
