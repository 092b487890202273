import { and, decide, fact, or } from "./tri";
import type { Rule } from "./types";

// Neural signs. Symptoms travelling below the knee with tingling or numbness ask for assessment
// (seed 004, P9; listed in the refer tier of reference.md). Either sign alone is worth adapting
// the plan for and watching, not yet a referral.

const RAD = "symptoms.radiatingBelowKnee";
const TING = "symptoms.tinglingOrNumbness";

export const neuroRules: Rule[] = [
  {
    // The arm's counterpart of the leg rule below: for a neck complaint, tingling or numbness
    // means symptoms have travelled into the arm (contract: "or arm, for neck"), the same
    // picture as leg symptoms below the knee with tingling (P9). Limbs are treated alike.
    id: "neuro.arm_symptoms_with_tingling",
    category: "neuro",
    verdict: "refer",
    reads: ["complaint.region", TING],
    source: "seed 004 (P9, applied to the arm); Finucane 2020 (IFOMPT)",
    rulesRef: "P9",
    description: "A neck complaint with tingling or numbness into the arm or hand (the arm version of the leg rule).",
    fires: (ctx) => {
      if (ctx.input.complaint?.region !== "neck") return null;
      return decide(fact(TING, ctx.input.symptoms?.tinglingOrNumbness), () => ({
        summary: "Neck pain with tingling or numbness into the arm suggests nerve root involvement: refer for assessment.",
        evidence: { region: "neck", tinglingOrNumbness: true },
      }));
    },
  },
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
    sourceOutsideBack: "Finucane 2020 (IFOMPT): a single sign, watch with safety-netting",
    rulesRef: "P9",
    description: "Either symptoms below the knee or tingling/numbness, but not known to be both (for a neck complaint, arm tingling refers by the rule above).",
    fires: (ctx) => {
      const s = ctx.input.symptoms;
      return decide(or(fact(RAD, s?.radiatingBelowKnee), fact(TING, s?.tinglingOrNumbness)), () => ({
        summary: "One neural sign is present: adapt the plan and watch for it spreading or adding tingling.",
        evidence: { radiatingBelowKnee: s?.radiatingBelowKnee, tinglingOrNumbness: s?.tinglingOrNumbness },
      }));
    },
  },
];
