import { drawExercise, type DrawOptions, type Drawing } from "./draw";
import type { EquipmentKind, Pose } from "./model";
import * as L from "./poses/lower-limb";
import * as T from "./poses/trunk";
import * as U from "./poses/upper-limb";

// Which drawing belongs to which exercise (by its library name) and to which capacity test (by
// its test id). Pure data: used in the browser, on the server and in the PDF.

export type { Drawing, DrawOptions } from "./draw";
export type { Pose } from "./model";

/** Library exercise name → pose. Names are the ones in lib/plans/exercise-library.ts. */
export const EXERCISE_POSES: Readonly<Record<string, Pose>> = {
  "Single-leg calf raise": L.singleLegCalfRaise,
  "Bent-knee calf raise": L.bentKneeCalfRaise,
  "Split squat": L.splitSquat,
  "Step-up": L.stepUp,
  "Sled push": T.sledPush,
  "Goblet squat (light)": T.gobletSquat,
  "Side plank": T.sidePlank,
  "Suitcase carry": T.suitcaseCarry,
  "Single-leg bridge": T.singleLegBridge,
  "Step-down": L.stepDown,
  "Wall sit (hold)": L.wallSit,
  "Side-lying hip abduction": L.sidelyingHipAbduction,
  "Nordic hamstring curl (assisted)": T.nordicCurl,
  "Tibialis raise": L.tibialisRaise,
  "Single-leg balance": L.singleLegBalance,
  "Single-leg sit to stand": L.singleLegSitToStand,
  "Pogo hops": L.pogoHops,
  "Band external rotation": U.bandExternalRotation,
  "Row (cable, band or dumbbell)": U.row,
  "Landmine press": U.landminePress,
  "Wrist extension, slow lowering": U.wristExtension,
  "Grip hold": U.gripHold,
  "Chin-tuck hold": U.chinTuck,
  "Band pull-apart": U.bandPullApart,
  "Glute bridge": T.gluteBridge,
  "Dead bug": T.deadBug,
  "Bird dog": T.birdDog,
  "Copenhagen plank (knee on a bench)": T.copenhagenPlank,
  "Hip hinge with dowel": T.hipHinge,
  "Romanian deadlift (light)": T.romanianDeadlift,
  "Reverse lunge": L.reverseLunge,
  "Lateral band walk": L.lateralBandWalk,
  "Heel drop (slow lowering)": L.heelDrop,
  "Short foot (arch lift)": L.shortFoot,
  "Hamstring bridge walk-out": T.hamstringWalkOut,
  "Push-up (incline)": T.pushUpIncline,
  "Farmer carry": T.farmerCarry,
  "Cat-camel mobility": T.catCamel,
};

/** Capacity test id (lib/clinical/capacity/catalogue.ts) → pose. */
export const CAPACITY_TEST_POSES: Readonly<Record<string, Pose>> = {
  single_leg_calf_raise: L.singleLegCalfRaise,
  single_leg_bridge: {
    ...T.singleLegBridge,
    start: { trunk: -90, near: { hip: 62, knee: 45, ankle: 20, shoulder: 15, elbow: 5 }, far: { hip: 88, knee: 5, ankle: 10, shoulder: 15, elbow: 5 } },
    end: { trunk: -122, near: { hip: 0, knee: 62, ankle: 20, shoulder: 40, elbow: 5 }, far: { hip: 60, knee: 5, ankle: 10, shoulder: 40, elbow: 5 }, pin: "nHeel" },
    equipment: [{ kind: "mat" }, { kind: "bench", under: "nHeel", width: 44 }],
    startText: "lying on your back, one heel on a box or bench, the other leg up",
    endText: "hips lifted on that one heel until the body is straight",
  },
  side_plank: T.sidePlank,
  single_leg_squat: L.singleLegSquat,
  single_leg_hop_distance: L.singleLegHop,
  single_leg_balance: { ...L.singleLegBalance, endText: "standing on one leg with the eyes closed, arms relaxed" },
  wall_sit: L.wallSit,
  pain_free_walk: L.walk,
  single_leg_sit_to_stand: L.singleLegSitToStand,
  side_lying_hip_abduction: L.sidelyingHipAbduction,
};

const norm = (s: string) => s.toLowerCase().normalize("NFKD").replace(/[^\p{L}\p{N} ]/gu, " ").replace(/\s+/g, " ").trim();
const byNorm = new Map(Object.entries(EXERCISE_POSES).map(([k, v]) => [norm(k), { name: k, pose: v }]));

/** The pose for an exercise as a plan names it (case, accents and punctuation ignored), if there is one. */
export function poseForExercise(name: string): Pose | undefined {
  return byNorm.get(norm(name))?.pose;
}

const EQUIPMENT_WORDS: Record<EquipmentKind, string> = {
  step: "a step",
  bench: "a bench",
  chair: "a chair",
  wall: "a wall",
  mat: "a mat",
  band: "a band",
  dumbbell: "a weight",
  kettlebell: "a weight",
  sled: "a sled",
  dowel: "a dowel",
  bar: "a bar",
};

/** "Start and end position of the split squat: start standing …; end …." Plain words, our own. */
export function altTextFor(name: string, pose: Pose): string {
  const things = [...new Set((pose.equipment ?? []).map((e) => EQUIPMENT_WORDS[e.kind]))].filter((w) => w !== "a mat");
  const uses = things.length ? ` Uses ${things.length > 1 ? `${things.slice(0, -1).join(", ")} and ${things.at(-1)}` : things[0]}.` : "";
  const what = pose.closeUp === "foot" ? "Close-up of the foot, start and end position" : "Start and end position";
  return `${what} of the ${name.charAt(0).toLowerCase()}${name.slice(1)}: start ${pose.startText}; end ${pose.endText}.${uses}`;
}

export type ExerciseArt = { drawing: Drawing; alt: string };

/** The drawing and its alt text for an exercise name, or null when the library has no drawing for it. */
export function artForExercise(name: string, options?: DrawOptions): ExerciseArt | null {
  const pose = poseForExercise(name);
  return pose ? { drawing: drawExercise(pose, options), alt: altTextFor(name, pose) } : null;
}

/** The drawing and its alt text for a capacity test. */
export function artForCapacityTest(test: string, label: string, options?: DrawOptions): ExerciseArt | null {
  const pose = Object.hasOwn(CAPACITY_TEST_POSES, test) ? CAPACITY_TEST_POSES[test] : undefined;
  return pose ? { drawing: drawExercise(pose, options), alt: altTextFor(label, pose) } : null;
}

export { drawExercise };
