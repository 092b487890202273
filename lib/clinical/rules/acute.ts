import { decide, fact, or, test } from "./tri";
import type { Rule, RuleContext } from "./types";

// Acute injury (seed 000, A1): a sudden onset in a highly sensitive, protective state (e.g. a back
// tweaked on deadlifts that cannot bend forward) asks to back off: steer away from provoking
// movements, find tolerated positions, then reload in a controlled way. It is the state that
// matters, not the day count: a back that still cannot bend forward on day 20 is as protective as
// on day 2. "Recent" (for acute.recent_onset) and "highly sensitive" thresholds are clinical
// conventions held in settings.

const acuteOnset = (ctx: RuleContext): boolean => ctx.input.complaint?.onset === "acute";

const recentAcute = (ctx: RuleContext): boolean => {
  const c = ctx.input.complaint;
  return c !== undefined && c.onset === "acute" && c.daysSinceOnset <= ctx.settings.acuteRecentDays;
};

export const acuteRules: Rule[] = [
  {
    id: "acute.protective_state",
    category: "acute",
    verdict: "back_off",
    reads: [
      "complaint.onset", "complaint.daysSinceOnset", "symptoms.cannotBendForward", "symptoms.alteredMovement",
      "symptoms.painNowNrs", "symptoms.painWorst24hNrs",
    ],
    source: "seed 000 (A1)",
    rulesRef: "A1",
    description:
      "Acute onset (on any day since) with a protective state: cannot bend forward, guarding or limping, pain now ≥ acuteHighPainNow (6/10) or worst pain in 24 h ≥ acuteHighPainWorst24h (7/10).",
    fires: (ctx) => {
      if (!acuteOnset(ctx)) return null;
      const s = ctx.input.symptoms;
      const st = ctx.settings;
      return decide(
        or(
          fact("symptoms.cannotBendForward", s?.cannotBendForward),
          fact("symptoms.alteredMovement", s?.alteredMovement),
          test("symptoms.painNowNrs", s?.painNowNrs, (v) => v >= st.acuteHighPainNow),
          test("symptoms.painWorst24hNrs", s?.painWorst24hNrs, (v) => v >= st.acuteHighPainWorst24h),
        ),
        () => ({
          summary: `Acute injury (day ${ctx.input.complaint!.daysSinceOnset}) still in a protective, highly sensitive state: back off provoking movements and reload gradually.`,
          evidence: {
            daysSinceOnset: ctx.input.complaint!.daysSinceOnset,
            cannotBendForward: s?.cannotBendForward,
            alteredMovement: s?.alteredMovement,
            painNowNrs: s?.painNowNrs,
            painWorst24hNrs: s?.painWorst24hNrs,
          },
        }),
      );
    },
  },
  {
    id: "acute.recent_onset",
    category: "acute",
    verdict: "modify",
    reads: ["complaint.onset", "complaint.daysSinceOnset"],
    source: "seed 000 (A1)",
    rulesRef: "A1",
    description: "Acute onset within acuteRecentDays (14), whatever its severity: reload in a controlled way.",
    fires: (ctx) =>
      recentAcute(ctx)
        ? {
            summary: `Acute injury ${ctx.input.complaint!.daysSinceOnset} days ago: reload in controlled steps rather than resuming full training.`,
            evidence: { onset: "acute", daysSinceOnset: ctx.input.complaint!.daysSinceOnset, acuteRecentDays: ctx.settings.acuteRecentDays },
          }
        : null,
  },
];
