import { and, decide, fact, or } from "./tri";
import type { Rule } from "./types";

// Neural signs. Symptoms travelling below the knee with tingling or numbness ask for assessment
// (seed 004, P9; listed in the refer tier of reference.md). Either sign alone is worth adapting
// the plan for and watching, not yet a referral.

const RAD = "symptoms.radiatingBelowKnee";
const TING = "symptoms.tinglingOrNumbness";

export const neuroRules: Rule[] = [
  {
    id: "neuro.radiating_with_tingling",
    category: "neuro",
    verdict: "refer",
    reads: [RAD, TING],
    source: "seed 004 (P9); Finucane 2020 (IFOMPT)",
    rulesRef: "P9",
    description: "Symptoms travel below the knee and come with tingling or numbness.",
    fires: (ctx) =>
      decide(and(fact(RAD, ctx.input.symptoms?.radiatingBelowKnee), fact(TING, ctx.input.symptoms?.tinglingOrNumbness)), () => ({
        summary: "Pain travelling below the knee with tingling or numbness suggests nerve root involvement: refer for assessment.",
        evidence: { radiatingBelowKnee: true, tinglingOrNumbness: true },
      })),
  },
  {
    id: "neuro.single_neural_sign",
    category: "neuro",
    verdict: "modify",
    reads: [RAD, TING],
    source: "seed 004 (P9, partial)",
    rulesRef: "P9",
    description: "Either symptoms below the knee or tingling/numbness, but not known to be both.",
    fires: (ctx) => {
      const s = ctx.input.symptoms;
      return decide(or(fact(RAD, s?.radiatingBelowKnee), fact(TING, s?.tinglingOrNumbness)), () => ({
        summary: "One neural sign is present: adapt the plan and watch for it spreading or adding tingling.",
        evidence: { radiatingBelowKnee: s?.radiatingBelowKnee, tinglingOrNumbness: s?.tinglingOrNumbness },
      }));
    },
  },
];
