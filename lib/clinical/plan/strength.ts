import type { Region, StrengthItem } from "../contract";
import type { ScoredCapacity } from "../capacity/score";
import { RUNNING_SPORTS } from "../capacity/catalogue";
import type { RuleContext } from "../rules/types";

// Strength work chosen for the region and the measured deficits. Calf work whenever calves test
// short or a runner has a lower-leg or knee complaint (seed 000, C1). For the back, stable
// lower-body and trunk work while heavy hinging pauses (seed 004, P7). Two short sessions a week.

type Exercise = { exercise: string; sets: number; early: string; later: string; note?: string; earlyOk?: boolean };

const X = {
  calfRaise: { exercise: "Single-leg calf raise", sets: 3, early: "8-12 slow reps per side", later: "15-25 reps per side, building toward the target" },
  bentKneeCalf: { exercise: "Bent-knee calf raise", sets: 3, early: "10-12 per side", later: "15-20 per side" },
  splitSquat: { exercise: "Split squat", sets: 3, early: "6-8 per side, bodyweight", later: "8-10 per side, add weight" },
  stepUp: { exercise: "Step-up", sets: 3, early: "8 per side, low step", later: "10 per side, knee-height step" },
  sledPush: { exercise: "Sled push", sets: 4, early: "15 m, light", later: "20 m, moderate" },
  gobletSquat: { exercise: "Goblet squat (light)", sets: 3, early: "8-10", later: "10-12" },
  sidePlank: { exercise: "Side plank", sets: 3, early: "15-20 seconds per side", later: "30-45 seconds per side" },
  suitcaseCarry: { exercise: "Suitcase carry", sets: 3, early: "20 m per side, light", later: "30 m per side" },
  slBridge: { exercise: "Single-leg bridge", sets: 3, early: "8-10 per side", later: "12-20 per side" },
  stepDown: { exercise: "Step-down", sets: 3, early: "6-8 per side, low step", later: "10 per side" },
  wallSit: { exercise: "Wall sit (hold)", sets: 4, early: "30 seconds", later: "45 seconds" },
  hipAbduction: { exercise: "Side-lying hip abduction", sets: 3, early: "10-12 per side", later: "15-20 per side" },
  nordic: { exercise: "Nordic hamstring curl (assisted)", sets: 3, early: "", later: "4-6", earlyOk: false },
  tibRaise: { exercise: "Tibialis raise", sets: 3, early: "12-15", later: "15-20" },
  slBalance: { exercise: "Single-leg balance", sets: 3, early: "20-30 seconds per side", later: "30 seconds per side, eyes closed" },
  slSitToStand: { exercise: "Single-leg sit to stand", sets: 3, early: "6-8 per side", later: "10-20 per side" },
  pogo: { exercise: "Pogo hops", sets: 3, early: "", later: "15-20", earlyOk: false },
  externalRotation: { exercise: "Band external rotation", sets: 3, early: "12-15", later: "15-20" },
  row: { exercise: "Row (cable, band or dumbbell)", sets: 3, early: "10-12", later: "8-12, heavier" },
  landminePress: { exercise: "Landmine press", sets: 3, early: "8-10 per side, light", later: "8-10 per side" },
  wristExtension: { exercise: "Wrist extension, slow lowering", sets: 3, early: "12-15", later: "15, add weight" },
  gripHold: { exercise: "Grip hold", sets: 4, early: "30 seconds", later: "45 seconds" },
  chinTuck: { exercise: "Chin-tuck hold", sets: 3, early: "8 × 5-second holds", later: "10 × 10-second holds" },
  bandPullApart: { exercise: "Band pull-apart", sets: 3, early: "12-15", later: "15-20" },
} satisfies Record<string, Exercise>;

const BY_REGION: Record<Region, readonly Exercise[]> = {
  lumbar: [X.splitSquat, X.stepUp, X.sledPush, X.gobletSquat, X.sidePlank, X.suitcaseCarry],
  thoracic: [X.row, X.splitSquat, X.sidePlank, X.suitcaseCarry, X.bandPullApart],
  neck: [X.chinTuck, X.row, X.bandPullApart],
  shoulder: [X.externalRotation, X.row, X.landminePress],
  elbow: [X.wristExtension, X.gripHold, X.row],
  hip: [X.hipAbduction, X.slBridge, X.sidePlank, X.splitSquat],
  hamstring: [X.slBridge, X.nordic, X.splitSquat],
  knee: [X.splitSquat, X.stepDown, X.wallSit, X.slBridge],
  shin: [X.calfRaise, X.tibRaise, X.slBalance],
  achilles_calf: [X.calfRaise, X.bentKneeCalf, X.slBalance],
  foot_ankle: [X.calfRaise, X.slBalance, X.tibRaise],
  other: [X.splitSquat, X.row, X.sidePlank],
};

const BY_FAILING_TEST: Record<string, readonly Exercise[]> = {
  single_leg_calf_raise: [X.calfRaise, X.bentKneeCalf],
  single_leg_bridge: [X.slBridge],
  side_plank: [X.sidePlank],
  single_leg_squat: [X.splitSquat, X.stepDown],
  single_leg_hop_distance: [X.pogo, X.splitSquat],
  single_leg_balance: [X.slBalance],
  wall_sit: [X.wallSit],
  single_leg_sit_to_stand: [X.slSitToStand],
  side_lying_hip_abduction: [X.hipAbduction],
};

const LOWER_LEG_OR_KNEE: ReadonlySet<Region> = new Set<Region>(["knee", "shin", "achilles_calf", "foot_ankle"]);

/** Maintenance work when there is no complaint to steer by. */
function maintenance(ctx: RuleContext): readonly Exercise[] {
  return RUNNING_SPORTS.has(ctx.input.sport.primary)
    ? [X.calfRaise, X.slBridge, X.splitSquat, X.sidePlank]
    : [X.splitSquat, X.row, X.sidePlank, X.suitcaseCarry];
}

export function chooseStrength(ctx: RuleContext, stage: "early" | "later", maxItems = 7): StrengthItem[] {
  const region = ctx.input.complaint?.region;
  const failing = ctx.capacity.filter((c) => !c.meetsTarget);
  const picked: Exercise[] = [];
  const add = (list: readonly Exercise[]) => {
    for (const e of list) if (!picked.includes(e)) picked.push(e);
  };

  // Own keys only: a test named "toString" is unknown, not Object's function (found by the fuzz).
  for (const f of failing) add(Object.hasOwn(BY_FAILING_TEST, f.test) ? BY_FAILING_TEST[f.test]! : []);
  if (region && ctx.runningSport && LOWER_LEG_OR_KNEE.has(region)) add([X.calfRaise]);
  if (region) add(BY_REGION[region]);
  else add(maintenance(ctx));

  const calf = failing.find((f) => f.test === "single_leg_calf_raise");
  return picked
    .filter((e) => stage === "later" || e.earlyOk !== false)
    .slice(0, maxItems)
    .map((e) => toItem(e, stage, calf));
}

function toItem(e: Exercise, stage: "early" | "later", calf: ScoredCapacity | undefined): StrengthItem {
  const item: StrengthItem = { exercise: e.exercise, sets: e.sets, reps: stage === "early" ? e.early : e.later };
  if (e === X.calfRaise && calf) {
    item.note = `Goal: ${calf.target} reps on each leg. Your clinician counts again every 2-3 weeks; fewer than 6 reps up or down is ordinary day-to-day change.`;
  } else if (stage === "early") {
    item.note = "Only if it keeps pain at 3/10 or below.";
  }
  return item;
}
