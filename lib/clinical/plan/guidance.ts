import type { PainRule, Reason, Region, Verdict } from "../contract";
import { deloadCadence } from "../cadence";
import type { RuleContext } from "../rules/types";
import { BACK_REGIONS, SPINAL_REGIONS } from "../rules/types";

// Plan content that is not a stage setting: the pain traffic light (P8, P2, Silbernagel 2007),
// when to seek care (P9 and the red-flag screen), cross-training swaps (P4, B2), and advice
// (R1, P5, P6, P7, B2, F5). Patient-facing wording, written for this product.

export function painRules(ctx: RuleContext): PainRule[] {
  // The same settings the check-in review reads (issue 12): one source for the plan and the review.
  const { painGreenMax: g, painAcceptableMax: a, flareCutPct: cut, noTolerableDoseFlares: n } = ctx.settings;
  const cutText = cut.min === cut.max ? `${cut.min} %` : `${cut.min}-${cut.max} %`;
  const times = n === 2 ? "twice" : `${n} times`;
  return [
    {
      level: "green",
      when: `Pain stays at ${g}/10 or less during the session and is no worse the next morning.`,
      then: `Carry on as planned. ${ctx.settings.progressGreenSessions} sessions like this in a week, once the stage's other “move on” points are met, move you to the next stage.`,
    },
    {
      level: "amber",
      when: `Pain reaches ${g + 1}-${a}/10, or a moderate ache holds steady through the session.`,
      then: "Shorten the session, keep the effort easy, and do not step up this week.",
    },
    {
      level: "red",
      when: `Pain goes above ${a}/10, turns sharp or catching, or is worse the next morning than before the session (24-hour rule).`,
      then: `Stop that activity for the day. Next session, do ${cutText} less than the stage sets; if it flares again after that cut, follow the stage's “step back” points. Tell your clinician if it happens ${times}.`,
    },
  ];
}

/** While training is paused for a medical review there are no sessions to judge: the light is about walking and daily life. */
export function pausePainRules(): PainRule[] {
  return [
    { level: "green", when: "Short walks and daily activities feel comfortable.", then: "Keep to gentle walking as tolerated; no other training until a doctor has cleared you." },
    { level: "amber", when: "Walking or daily activities make the pain or the unwell feeling a little worse.", then: "Shorten the walks or rest, and mention it at the medical review." },
    { level: "red", when: "Pain becomes severe, you feel much more unwell, or numbness or weakness appears.", then: "Stop and get medical care the same day." },
  ];
}

const LOWER_LIMB: ReadonlySet<Region> = new Set<Region>(["hip", "hamstring", "knee", "shin", "achilles_calf", "foot_ankle"]);
const UPPER_LIMB: ReadonlySet<Region> = new Set<Region>(["shoulder", "elbow", "neck"]);

export function seekCareIf(ctx: RuleContext): string[] {
  const region = ctx.input.complaint?.region;
  const list = [
    "Symptoms get worse from one week to the next.",
    "You cannot find any reduced amount of training that your body tolerates.",
    "Chest pain, unusual breathlessness or feeling faint during exercise: stop and get urgent medical help.",
    "Fever or feeling generally unwell.",
  ];
  if (!region || SPINAL_REGIONS.has(region) || LOWER_LIMB.has(region)) {
    list.push("Pain spreads below the knee with tingling or numbness: contact your clinician to be assessed.");
    // Progressive weakness is in the urgent tier (reference.md): same day, not a routine visit.
    list.push("A leg or foot gets weaker (for example, the foot catches or slaps as you walk): get medical care the same day.");
  }
  if (!region || BACK_REGIONS.has(region)) {
    list.push(
      "Numbness around the saddle area, a change in bladder or bowel control, or symptoms in both legs: go to emergency care the same day.",
    );
  }
  if (region !== undefined && UPPER_LIMB.has(region)) {
    list.push("Pins and needles or numbness spreading into the arm or hand: contact your clinician to be assessed.");
    list.push("An arm or hand gets weaker: get medical care the same day.");
  }
  if (ctx.input.redFlags?.historyOfCancer === true) {
    // NICE NG234: with a cancer history, spinal pain with nerve signs is a same-day matter.
    list.push("New back or neck pain together with tingling, numbness or weakness in an arm or leg: get medical care the same day.");
  }
  // Any one of the three signs is enough (possible DVT), whatever the complaint's region.
  list.push("Calf swelling, redness or warmth (any one is enough): get medical care the same day.");
  list.push("Pain that wakes you at night and does not ease with a change of position.");
  return list;
}

/** While a stage is paused for a medical review: walking as tolerated, nothing else. */
export function pauseCrossTraining(): string[] {
  return ["Gentle walking as tolerated: short and easy, and stop if it makes you feel worse"];
}

export function crossTraining(ctx: RuleContext, reduced: boolean): string[] {
  if (!reduced) return [];
  const region = ctx.input.complaint?.region;
  const upper = region !== undefined && UPPER_LIMB.has(region);
  const back = region !== undefined && BACK_REGIONS.has(region);
  const swap = ctx.runningSport ? " (in place of 1-2 runs a week)" : "";
  const list = [`Bike 20-40 min, easy${swap}`, `Incline walk 20-40 min${swap}`];
  if (!upper) list.push(`Elliptical 20-40 min${swap}`);
  if (ctx.runningSport && !upper) list.push("Deep-water running 20-40 min");
  if (back) list.push("Swimming 20-40 min, relaxed");
  if (back) list.push("Mobility and breathing, or gentle yoga, 10-15 min");
  return list;
}

export function advice(ctx: RuleContext, reasons: readonly Reason[], verdict: Verdict, paused = false): string[] {
  const out: string[] = [];
  if (paused) out.push(...pauseAdvice(reasons));
  const r = ctx.input.recovery;
  const region = ctx.input.complaint?.region;
  const back = region !== undefined && BACK_REGIONS.has(region);
  const st = ctx.settings;

  const fundamentals: string[] = [];
  // R1: fundamentals first, only where unmet.
  if (r?.sleepHoursAvg !== undefined && r.sleepHoursAvg < st.sleepHoursTarget) {
    fundamentals.push(`Aim for ${st.sleepHoursTarget} hours of sleep or more, every night; at the moment you sleep about ${r.sleepHoursAvg} hours a night.`);
  }
  if (r?.fuelingAdequate === false) fundamentals.push("Eat enough for the training you do: regular meals with enough carbohydrate and protein.");
  if (r?.hydrationAdequate === false) fundamentals.push("Drink regularly through the day and around sessions.");
  if (r?.lifeStress === "high") fundamentals.push("Stress outside training adds to the load: on heavy weeks, train a little less rather than more.");
  if (fundamentals.length > 0) fundamentals.push("Sauna, cold plunges and supplements can be nice extras, but they do not make up for missing sleep or food.");

  out.push(...fundamentals);
  if (paused) return out;

  // P7: what to pause for an irritated back.
  if (region === "lumbar") out.push("For now, pause heavy deadlifts and lots of bending forward under a weight, and anything else that clearly stirs the back up.");
  // B2: rest only in short phases.
  if (back) out.push("Complete rest helps only for a day or two; after that, gentle movement settles a sore back better than lying still.");
  // P6 and P5: runners with back pain.
  if (back && ctx.runningSport) {
    out.push("Before each run, a 5-6 minute warm-up: a minute of slow breathing, a gentle hip-flexor stretch, a few slow bridges and some marching.");
    out.push("While the back settles, run with a slightly shorter stride and slightly quicker steps, and take downhills gently.");
  }
  // L1 / Nielsen: rebuild gradually after a load spike.
  if (reasons.some((x) => x.category === "load" && x.verdict !== "push")) {
    out.push("When building back up, add training in small steps (about 10 % more a week), and keep any rise over two weeks well under 30 %.");
  }
  // F5: beginners build consistency; advanced athletes manage fatigue actively.
  const age = ctx.input.sport.trainingAgeYears;
  if (age !== undefined && age < st.beginnerTrainingAgeYears) {
    // "Start and see" suits a plan that trains normally; a reduced plan is followed as written.
    out.push(
      verdict === "push" || verdict === "modify"
        ? "Early in training, consistency matters most: most days, start the session and see how it goes."
        : "Early in training, consistency matters most: keep to the reduced plan every week rather than making up for missed sessions.",
    );
  } else if (age !== undefined && age >= st.advancedTrainingAgeYears) {
    out.push("With your training history, fatigue builds fast: keep a short log and take the planned lighter weeks seriously.");
  }
  return out;
}

/** What to do while training is paused for a medical review (fever, significant trauma, possible fracture). */
function pauseAdvice(reasons: readonly Reason[]): string[] {
  const has = (id: string) => reasons.some((r) => r.ruleId === id);
  const out = ["Until a doctor has checked you, do no training: no runs, no gym or class sessions and no strength work."];
  if (has("red_flag.fever_or_unwell")) {
    out.push("While you have a fever or feel unwell, rest: training with a fever puts extra strain on the heart and body and is not advised.");
  }
  if (has("red_flag.significant_trauma") || has("red_flag.fracture_risk_with_new_spinal_pain")) {
    out.push("Keep weight and load off the painful area until a possible fracture has been ruled out, often with an X-ray or scan.");
  }
  out.push("Short, gentle walks are fine if they feel comfortable; otherwise rest.");
  out.push("Book the medical review now. If it cannot happen within a few days, or anything on the seek-care list appears, get seen the same day.");
  return out;
}

/** F4 and F5: a planned lighter week every 4-6 weeks (see cadence.ts; the deload rule uses the same cadence). */
export const deloadEveryWeeks = deloadCadence;
