import { RUNNING_OR_JUMPING_SPORTS, testLabel } from "../capacity/catalogue";
import type { Region } from "../contract";
import type { ScoredCapacity } from "../capacity/score";
import type { Rule, RuleContext } from "./types";

// Capacity below what the sport demands (seed 000, C1): load shifts to the next joint up (weak
// calves → knee pain in runners), so running and jumping volume comes down while capacity is
// rebuilt. The calf raise is graded by the size of the shortfall and by symptoms in the area it
// loads, in every sport whose training includes running or jumping:
// - under capacityMajorDeficitPct (20 %, about the test's ±6-rep error at 30): may be noise → modify;
// - capacitySevereDeficitPct (50 %) or more, i.e. less than half the target → back_off;
// - in between → back_off when the loaded area is symptomatic (a complaint at the knee, shin,
//   calf/Achilles or foot/ankle, or pain above painGreenMax during the test), otherwise modify:
//   a pain-free shortfall away from the complaint is built up while training continues.
// Sports that neither run nor jump modify whatever the size.

/** The calf and the next joint up (C1: weak calves → knee pain). */
const CALF_LOADED_REGIONS: ReadonlySet<Region> = new Set<Region>(["knee", "shin", "achilles_calf", "foot_ankle"]);

const runsOrJumps = (ctx: RuleContext): boolean =>
  RUNNING_OR_JUMPING_SPORTS.has(ctx.input.sport.primary) ||
  (ctx.input.load?.runKmPerWeekNow ?? 0) > 0 ||
  (ctx.input.load?.runKmPerWeekUsual ?? 0) > 0;

type Size = "slight" | "moderate" | "severe";

function shortfallSize(deficitPct: number, ctx: RuleContext): Size {
  if (deficitPct >= ctx.settings.capacitySevereDeficitPct) return "severe";
  if (deficitPct >= ctx.settings.capacityMajorDeficitPct) return "moderate";
  return "slight";
}

function loadedAreaSymptomatic(ctx: RuleContext, r: ScoredCapacity): boolean {
  const region = ctx.input.complaint?.region;
  return (region !== undefined && CALF_LOADED_REGIONS.has(region)) || (r.maxPainNrs ?? 0) > ctx.settings.painGreenMax;
}

const SIZE_WORDS: Record<Size, string> = { slight: "slightly short of", moderate: "clearly short of", severe: "far short of" };

export const capacityRules: Rule[] = [
  {
    id: "capacity.calf_raise_below_target",
    category: "capacity",
    verdict: "back_off",
    reads: ["capacityTests", "sport.primary"],
    source: "seed 000 (C1; CrossFit and HYROX athletes named); Hébert-Losier 2017 (±6 reps)",
    rulesRef: "C1",
    description:
      "Single-leg calf raise below the sport's target (running sports 30, others 20 reps per side). In sports that run or jump (running, HYROX, hybrid, team sport, CrossFit, or any recorded running km): back off when the shortfall is ≥ capacitySevereDeficitPct (50 %), or ≥ capacityMajorDeficitPct (20 %) with symptoms in the loaded area (knee, shin, calf/Achilles, foot/ankle complaint, or test pain > 3/10); otherwise modify. Other sports modify. Unknown for a running or jumping sport with no calf raise recorded.",
    fires: (ctx) => {
      const r = ctx.capacity.find((c) => c.test === "single_leg_calf_raise");
      const impact = runsOrJumps(ctx);
      if (!r) return impact ? { unknown: ["capacityTests"] } : null;
      if (!r.deficitPct || r.deficitPct <= 0) return null;
      const size = shortfallSize(r.deficitPct, ctx);
      const symptomatic = loadedAreaSymptomatic(ctx, r);
      const backOff = impact && (size === "severe" || (size === "moderate" && symptomatic));
      const weakest = Math.min(...[r.left, r.right, r.value].filter((v): v is number => v !== undefined));
      const shortBy = `${weakest} of ${r.target} reps, ${Math.round(r.deficitPct)} % short`;
      let summary: string;
      if (backOff) {
        summary = `Calf capacity is ${SIZE_WORDS[size]} what running and jumping demand (${shortBy})${size === "moderate" ? " and the area it loads is symptomatic" : ""}: reduce running and jumping volume and build calf strength.`;
      } else if (size === "slight") {
        summary = `Calf capacity is ${SIZE_WORDS[size]} the target (${shortBy}; within the test's ±6-rep error): keep training and add calf strength work.`;
      } else if (impact) {
        summary = `Calf capacity is ${SIZE_WORDS[size]} the target (${shortBy}), pain-free and away from the complaint: keep training and build calf strength alongside.`;
      } else {
        summary = `Calf capacity is ${SIZE_WORDS[size]} the target (${shortBy}); the sport does not load it through running or jumping: add calf strength work.`;
      }
      return {
        verdict: backOff ? "back_off" : "modify",
        summary,
        evidence: {
          left: r.left, right: r.right, value: r.value, target: r.target, deficitPct: r.deficitPct,
          size, symptomaticLoadedArea: symptomatic, runsOrJumps: impact,
        },
      };
    },
  },
  {
    id: "capacity.test_below_target",
    category: "capacity",
    verdict: "modify",
    reads: ["capacityTests"],
    source: "Goom 2019 battery; catalogue per test (docs: capacity catalogue)",
    rulesRef: "C1",
    description: "Any other capacity test with an absolute target is below it on at least one side.",
    fires: (ctx) => {
      const failing = ctx.capacity.filter(
        (c) => c.test !== "single_leg_calf_raise" && c.targetKind === "absolute" && (c.deficitPct ?? 0) > 0,
      );
      if (failing.length === 0) return null;
      return {
        summary: `Below target on ${failing.map((f) => testLabel(f.test).toLowerCase()).join(", ")}: add targeted strength work before building load.`,
        evidence: { tests: failing.map((f) => ({ test: f.test, left: f.left, right: f.right, value: f.value, target: f.target, deficitPct: f.deficitPct })) },
      };
    },
  },
  {
    id: "capacity.asymmetry_below_lsi_bar",
    category: "capacity",
    verdict: "modify",
    reads: ["capacityTests"],
    source: "Grindem 2020 (BJSM 54:1099, LSI ≥ 90 %)",
    description: "A per-side test whose weaker side is under lsiMinPct (90 %) of the stronger side.",
    fires: (ctx) => {
      const asym = ctx.capacity.filter((c) => c.lsiPct !== undefined && c.lsiPct < ctx.settings.lsiMinPct);
      if (asym.length === 0) return null;
      return {
        summary: `Left-right difference below ${ctx.settings.lsiMinPct} % on ${asym.map((a) => testLabel(a.test).toLowerCase()).join(", ")}: bring the weaker side up.`,
        evidence: { tests: asym.map((a) => ({ test: a.test, left: a.left, right: a.right, lsiPct: a.lsiPct })), lsiMinPct: ctx.settings.lsiMinPct },
      };
    },
  },
  {
    // One threshold, one tier: pain above the acceptable limit backs off whether it comes in a
    // test or in a session (symptoms.activity_pain_too_high, P8).
    id: "capacity.test_painful",
    category: "capacity",
    verdict: "back_off",
    reads: ["capacityTests"],
    source: "Silbernagel 2007 (pain > 5/10 too much); seed 004 (P8)",
    sourceOutsideBack: "Silbernagel 2007 (pain > 5/10 too much)",
    rulesRef: "P8",
    description: "A capacity test provoked pain above painAcceptableMax (5/10): back off, as for the same pain in a session.",
    fires: (ctx) => {
      const painful = ctx.capacity.filter((c) => c.maxPainNrs !== undefined && c.maxPainNrs > ctx.settings.painAcceptableMax);
      if (painful.length === 0) return null;
      return {
        summary: `Testing provoked pain above ${ctx.settings.painAcceptableMax}/10 (${painful.map((p) => `${testLabel(p.test).toLowerCase()} ${p.maxPainNrs}/10`).join(", ")}): back off the training that loads it, as for the same pain in a session.`,
        evidence: { tests: painful.map((p) => ({ test: p.test, painNrs: p.maxPainNrs })) },
      };
    },
  },
];
