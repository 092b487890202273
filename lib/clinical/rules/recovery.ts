import { decide, fact, or, test } from "./tri";
import { BACK_REGIONS, type Rule, type RuleContext } from "./types";

// Recovery fundamentals come first (seed 000, R1): enough food, enough water, 8+ hours of sleep,
// life stress managed. Sauna, cold plunges and supplements do not replace them. On its own an
// unmet fundamental is advice in the plan, not a reason to train less, so this rule asks for
// `push` (it never raises the verdict); it feeds L2 and B1, which do.

const SLEEP = "recovery.sleepHoursAvg";
const FUEL = "recovery.fuelingAdequate";
const WATER = "recovery.hydrationAdequate";
const STRESS = "recovery.lifeStress";

function unmetFundamentals(ctx: RuleContext): string[] {
  const r = ctx.input.recovery;
  const unmet: string[] = [];
  if (r?.sleepHoursAvg !== undefined && r.sleepHoursAvg < ctx.settings.sleepHoursTarget) unmet.push("sleep");
  if (r?.fuelingAdequate === false) unmet.push("fueling");
  if (r?.hydrationAdequate === false) unmet.push("hydration");
  if (r?.lifeStress === "high") unmet.push("life_stress");
  return unmet;
}

export const recoveryRules: Rule[] = [
  {
    id: "recovery.fundamentals_unmet",
    category: "recovery",
    verdict: "push",
    reads: [SLEEP, FUEL, WATER, STRESS],
    source: "seed 000 (R1)",
    rulesRef: "R1",
    description:
      "Advisory: sleep under sleepHoursTarget (8 h), fueling or hydration not adequate, or high life stress. Adds recovery advice to the plan; does not raise the verdict.",
    fires: (ctx) => {
      const unmet = unmetFundamentals(ctx);
      if (unmet.length === 0) return null;
      const r = ctx.input.recovery;
      return {
        summary: `Recovery basics need attention (${unmet.join(", ").replaceAll("_", " ")}): fix these before adding recovery extras.`,
        evidence: { unmet, sleepHoursAvg: r?.sleepHoursAvg, sleepHoursTarget: ctx.settings.sleepHoursTarget, lifeStress: r?.lifeStress },
      };
    },
  },
  {
    id: "recovery.back_pain_with_poor_recovery",
    category: "recovery",
    verdict: "modify",
    reads: ["complaint.region", SLEEP, FUEL, WATER, STRESS, "recovery.sleepQualityDeclined"],
    source: "seed 002 (B1)",
    rulesRef: "B1",
    description:
      "Back pain while recovery falls short (sleep under target or worse, fueling or hydration not adequate, high stress): doing more will not fix it; trade extra work for recovery.",
    fires: (ctx) => {
      const c = ctx.input.complaint;
      if (!c || !BACK_REGIONS.has(c.region)) return null;
      const r = ctx.input.recovery;
      return decide(
        or(
          test(SLEEP, r?.sleepHoursAvg, (v) => v < ctx.settings.sleepHoursTarget),
          test(FUEL, r?.fuelingAdequate, (v) => v === false),
          test(WATER, r?.hydrationAdequate, (v) => v === false),
          test(STRESS, r?.lifeStress, (v) => v === "high"),
          fact("recovery.sleepQualityDeclined", r?.sleepQualityDeclined),
        ),
        () => ({
          summary: "Back pain with recovery falling short: swap extra mobility or strength volume for sleep, food and active recovery.",
          evidence: { unmet: unmetFundamentals(ctx), sleepQualityDeclined: r?.sleepQualityDeclined },
        }),
      );
    },
  },
];
