import type { Sport } from "../contract";
import type { EngineSettings } from "../settings";

// The capacity tests the engine knows. Targets are per side for per-side tests. Where no absolute
// figure is published (hop distance, side plank, wall sit) the test is judged on limb symmetry
// only; a clinic can still set an absolute target through settings.capacityTargetOverrides.

export type CapacityUnit = "reps" | "seconds" | "cm" | "minutes";

export type AgeBandNorm = { ageFrom: number; ageTo: number; male: number; female: number };

export type CatalogueEntry = {
  test: string;
  label: string;
  unit: CapacityUnit;
  perSide: boolean;
  /** One sentence the app shows the clinician; the product's own wording. */
  howTo: string;
  /** Absolute target for this sport, or null when the test is judged on symmetry only. */
  target: (sport: Sport, settings: Readonly<EngineSettings>) => number | null;
  /** Plain description of the target for docs and UI. */
  targetNote: string;
  /** Between-day measurement error in the test's unit; a smaller change is not a real change. */
  measurementError?: number;
  /** Population reference values by age band (not targets). */
  norms?: { note: string; source: string; bands: readonly AgeBandNorm[] };
  source: string;
};

/** Sports whose demands include a lot of running: the running calf-raise target applies. */
export const RUNNING_SPORTS: ReadonlySet<Sport> = new Set<Sport>(["running", "hyrox", "hybrid", "team_sport"]);

/**
 * Sports whose training includes running or jumping, so calf capacity carries impact load: the
 * running sports plus CrossFit (seed 000 names CrossFit and HYROX athletes among those who run).
 * The calf-raise target stays per RUNNING_SPORTS; this set decides how a shortfall is graded.
 */
export const RUNNING_OR_JUMPING_SPORTS: ReadonlySet<Sport> = new Set<Sport>([...RUNNING_SPORTS, "crossfit"]);

const GOOM = "Goom, Donnelly & Brockwell 2019 (return-to-running guideline)";

export const capacityCatalogue: readonly CatalogueEntry[] = [
  {
    test: "single_leg_calf_raise",
    label: "Single-leg calf raise",
    unit: "reps",
    perSide: true,
    howTo:
      "Standing on one leg on a step edge with fingertip support, rise fully onto the toes and lower in time with a 60 bpm metronome; count clean reps until height or rhythm is lost.",
    target: (sport, s) => (RUNNING_SPORTS.has(sport) ? s.calfRaiseTargetRunning : s.calfRaiseTargetOther),
    targetNote:
      "Running sports: 30 reps per side, a clinicians' rule of thumb (seed 000) that your clinic can change in Settings. Other sports: 20 reps (Goom 2019 battery).",
    measurementError: 6,
    norms: {
      note: "Median reps by age band, men / women. Secondary quotation of Hébert-Losier 2017; population reference, not a target.",
      source: "Hébert-Losier et al. 2017, Physiotherapy 103:446 (as commonly quoted)",
      bands: [
        { ageFrom: 20, ageTo: 29, male: 37, female: 30 },
        { ageFrom: 30, ageTo: 39, male: 32, female: 27 },
        { ageFrom: 40, ageTo: 49, male: 28, female: 24 },
        { ageFrom: 50, ageTo: 59, male: 23, female: 21 },
        { ageFrom: 60, ageTo: 69, male: 19, female: 19 },
        { ageFrom: 70, ageTo: 79, male: 14, female: 16 },
      ],
    },
    source: "Hébert-Losier et al. 2017 (norms, ±6 reps error); seed 000 (C1, running target)",
  },
  {
    test: "single_leg_bridge",
    label: "Single-leg bridge",
    unit: "reps",
    perSide: true,
    howTo:
      "Lying on the back with one heel on a box or bench, lift the hips until the body is straight and lower under control; count reps until form breaks.",
    target: () => 20,
    targetNote: "20 reps per side (Goom 2019). On a 60 cm box, under 20 is poor, about 25 average, over 30 good (Freckleton 2014; bands from practice sources).",
    source: `${GOOM}; Freckleton et al. 2014, BJSM 48:713`,
  },
  {
    test: "side_plank",
    label: "Side plank (side bridge)",
    unit: "seconds",
    perSide: true,
    howTo:
      "Hold a side plank on the forearm and feet with hips in line with the trunk; stop the clock when the hips drop or the line is lost.",
    target: () => null,
    targetNote: "No absolute time: judged on left/right symmetry (McGill 1999: left/right ratio close to 1.0).",
    source: "McGill et al. 1999, Arch Phys Med Rehabil 80:941",
  },
  {
    test: "single_leg_squat",
    label: "Single-leg squat",
    unit: "reps",
    perSide: true,
    howTo:
      "Squat on one leg to a comfortable depth and back up; count reps where trunk, pelvis, hip and knee stay controlled.",
    target: () => 10,
    targetNote: "10 controlled reps per side (Goom 2019); quality rated as in Crossley 2011.",
    source: `${GOOM}; Crossley et al. 2011, AJSM 39:866`,
  },
  {
    test: "single_leg_hop_distance",
    label: "Single-leg hop for distance",
    unit: "cm",
    perSide: true,
    howTo: "Hop forward as far as possible from one leg and land on the same leg, holding the landing; record the best of three in centimetres.",
    target: () => null,
    targetNote: "No absolute distance: the weaker side must reach 90 % of the stronger (LSI, Grindem 2020).",
    source: "Grindem et al. 2020, BJSM 54:1099 (LSI ≥ 90 %)",
  },
  {
    test: "single_leg_balance",
    label: "Single-leg balance, eyes closed",
    unit: "seconds",
    perSide: true,
    howTo: "Stand on one leg with the eyes closed and arms relaxed; stop the clock when the other foot touches down or the stance foot shifts.",
    target: () => 10,
    targetNote: "10 seconds per side (Goom 2019).",
    source: GOOM,
  },
  {
    test: "wall_sit",
    label: "Wall sit",
    unit: "seconds",
    perSide: false,
    howTo: "Slide down a wall until the knees are bent to about a right angle and hold; stop the clock when the position cannot be kept.",
    target: () => null,
    targetNote: "No published target in the reference set: reported, not judged, unless the clinic sets one in settings.",
    source: "clinic setting (no reference figure)",
  },
  {
    test: "pain_free_walk",
    label: "Pain-free walk",
    unit: "minutes",
    perSide: false,
    howTo: "Walk at a brisk, comfortable pace; record the minutes walked before any pain starts.",
    target: () => 30,
    targetNote: "30 minutes without pain (Goom 2019).",
    source: GOOM,
  },
  {
    test: "single_leg_sit_to_stand",
    label: "Single-leg sit to stand",
    unit: "reps",
    perSide: true,
    howTo: "From a knee-height chair, stand up on one leg without pushing off the hands and sit back down under control; count reps.",
    target: () => 20,
    targetNote: "20 reps per side (Goom 2019).",
    source: GOOM,
  },
  {
    test: "side_lying_hip_abduction",
    label: "Side-lying hip abduction",
    unit: "reps",
    perSide: true,
    howTo: "Lying on the side with the top leg straight and slightly behind the body, lift the leg and lower it slowly; count reps until the hip rolls or hitches.",
    target: () => 20,
    targetNote: "20 reps per side (Goom 2019).",
    source: GOOM,
  },
];

const byTest = new Map(capacityCatalogue.map((e) => [e.test, e]));

export function catalogueEntry(test: string): CatalogueEntry | undefined {
  return byTest.get(test);
}

/** Display name for a test: the catalogue label, or the raw name made readable for unknown tests. */
export function testLabel(test: string): string {
  return byTest.get(test)?.label ?? test.replaceAll("_", " ");
}

/** Population reference (secondary quotation) for the calf raise, if one exists for this age and sex. */
export function populationNorm(test: string, ageYears: number, sex?: string): number | undefined {
  const entry = byTest.get(test);
  if (!entry?.norms) return undefined;
  const band = entry.norms.bands.find((b) => ageYears >= b.ageFrom && ageYears <= b.ageTo + 0.999);
  if (!band) return undefined;
  if (sex === "male") return band.male;
  if (sex === "female") return band.female;
  return undefined;
}
