import { testLabel } from "../capacity/catalogue";
import type { Rule } from "./types";

// Capacity below what the sport demands (seed 000, C1): load shifts to the next joint up (weak
// calves → knee pain in runners), so running volume comes down while capacity is rebuilt.
// A shortfall smaller than capacityMajorDeficitPct (20 %, about the calf raise's ±6-rep error at
// 30) may be measurement noise and asks only to modify.

export const capacityRules: Rule[] = [
  {
    id: "capacity.calf_raise_below_target",
    category: "capacity",
    verdict: "back_off",
    reads: ["capacityTests", "sport.primary"],
    source: "seed 000 (C1); Hébert-Losier 2017 (±6 reps)",
    rulesRef: "C1",
    description:
      "Single-leg calf raise below the sport's target (running sports 30, others 20 reps per side). Back off when the sport is running-based and the shortfall is ≥ capacityMajorDeficitPct (20 %); otherwise modify. Unknown for a running sport with no calf raise recorded.",
    fires: (ctx) => {
      const r = ctx.capacity.find((c) => c.test === "single_leg_calf_raise");
      if (!r) return ctx.runningSport ? { unknown: ["capacityTests"] } : null;
      if (!r.deficitPct || r.deficitPct <= 0) return null;
      const major = ctx.runningSport && r.deficitPct >= ctx.settings.capacityMajorDeficitPct;
      const weakest = Math.min(...[r.left, r.right, r.value].filter((v): v is number => v !== undefined));
      return {
        verdict: major ? "back_off" : "modify",
        summary: major
          ? `Calf capacity is well short of what running demands (${weakest} of ${r.target} reps): reduce running volume and build calf strength.`
          : `Calf capacity is a little short of the target (${weakest} of ${r.target} reps): keep training and add calf strength work.`,
        evidence: { left: r.left, right: r.right, value: r.value, target: r.target, deficitPct: r.deficitPct },
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
    id: "capacity.test_painful",
    category: "capacity",
    verdict: "modify",
    reads: ["capacityTests"],
    source: "Silbernagel 2007 (pain > 5/10 too much)",
    description: "A capacity test provoked pain above painAcceptableMax (5/10).",
    fires: (ctx) => {
      const painful = ctx.capacity.filter((c) => c.maxPainNrs !== undefined && c.maxPainNrs > ctx.settings.painAcceptableMax);
      if (painful.length === 0) return null;
      return {
        summary: `Testing provoked pain above 5/10 (${painful.map((p) => testLabel(p.test).toLowerCase()).join(", ")}): load that movement more gently.`,
        evidence: { tests: painful.map((p) => ({ test: p.test, painNrs: p.maxPainNrs })) },
      };
    },
  },
];
