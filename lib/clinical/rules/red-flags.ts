import { RED_FLAG_KEYS, type RedFlagKey, type Verdict } from "../contract";
import { and, decide, fact, or, type Tri } from "./tri";
import { SPINAL_REGIONS, type Rule, type RuleContext } from "./types";

// Red-flag screen (reference.md, tiers after Finucane et al. 2020, IFOMPT framework).
// Single flags predict serious pathology poorly, so the refer tier combines some of them; the
// urgent tier lists signs that need same-day emergency care on their own. Cauda equina items use
// the earlier-warning wording of the UK guidance.

const FINUCANE = "Finucane 2020 (IFOMPT, JOSPT 50:350)";
const CES = `${FINUCANE}; UK cauda equina guidance`;

const NICE_MSCC = "NICE NG234 (2023), spinal metastases and metastatic spinal cord compression";

const path = (key: RedFlagKey) => `redFlags.${key}`;

/** Plain names of the screen's items, for sentences a clinician reads. */
export const RED_FLAG_LABELS: Readonly<Record<RedFlagKey, string>> = {
  saddleAnaesthesia: "saddle numbness",
  bladderOrBowelChange: "bladder or bowel change",
  bilateralLegNeuroSymptoms: "nerve symptoms in both legs",
  progressiveWeakness: "progressive weakness",
  feverOrUnwell: "fever or feeling unwell",
  unexplainedWeightLoss: "unexplained weight loss",
  historyOfCancer: "history of cancer",
  constantNonMechanicalPain: "constant pain unchanged by rest or position",
  significantTrauma: "significant trauma",
  osteoporosisOrLongTermSteroids: "osteoporosis or long-term steroids",
  immunosuppressionOrIvDrugUse: "immunosuppression or IV drug use",
  calfSwellingRednessHeat: "calf swelling, redness or warmth",
  chestPainOrBreathlessness: "chest pain or breathlessness on exertion",
};

/** Red-flag items the clinician deliberately did not ask (contract extension), minus any answered true. */
export function notAskedKeys(ctx: RuleContext): RedFlagKey[] {
  const listed = ctx.input.redFlagsNotAsked?.keys ?? [];
  return RED_FLAG_KEYS.filter((k) => listed.includes(k) && ctx.input.redFlags?.[k] !== true);
}

/** Any neurological sign in a limb: pain travelling down the leg, tingling or numbness (leg, or arm for the neck), weakness. */
const neuroSign = (ctx: RuleContext): Tri => {
  const s = ctx.input.symptoms;
  const rf = ctx.input.redFlags;
  return or(
    fact("symptoms.tinglingOrNumbness", s?.tinglingOrNumbness),
    fact("symptoms.radiatingBelowKnee", s?.radiatingBelowKnee),
    fact(path("progressiveWeakness"), rf?.progressiveWeakness),
    fact(path("bilateralLegNeuroSymptoms"), rf?.bilateralLegNeuroSymptoms),
  );
};

/** A red flag that decides on its own. */
function single(
  key: RedFlagKey,
  id: string,
  verdict: Verdict,
  source: string,
  description: string,
  summary: string,
): Rule {
  const p = path(key);
  return {
    id,
    category: "red_flag",
    verdict,
    reads: [p],
    source,
    description,
    fires: (ctx) => decide(fact(p, ctx.input.redFlags?.[key]), () => ({ summary, evidence: { [key]: true } })),
  };
}

const isSpinalAndNew = (ctx: RuleContext): Tri => {
  const c = ctx.input.complaint;
  // No complaint is an answer: this is a readiness check without spinal pain.
  if (!c) return false;
  return SPINAL_REGIONS.has(c.region) && c.daysSinceOnset <= ctx.settings.newSpinalPainMaxDays;
};

export const redFlagRules: Rule[] = [
  // ---- urgent tier: same-day emergency care ----
  single(
    "saddleAnaesthesia", "red_flag.saddle_anaesthesia", "urgent_referral", CES,
    "Numbness in the saddle area (perineum, genitals, inner thighs): possible cauda equina.",
    "Saddle numbness can mean cauda equina compression: send to emergency care today.",
  ),
  single(
    "bladderOrBowelChange", "red_flag.bladder_or_bowel_change", "urgent_referral", CES,
    "A new change in bladder or bowel control or sensation: possible cauda equina.",
    "A new bladder or bowel change can mean cauda equina compression: send to emergency care today.",
  ),
  single(
    "bilateralLegNeuroSymptoms", "red_flag.bilateral_leg_neuro", "urgent_referral", CES,
    "Neurological symptoms in both legs (bilateral sciatica, numbness or weakness): possible cauda equina.",
    "Nerve symptoms in both legs can be an early cauda equina sign: send to emergency care today.",
  ),
  single(
    "progressiveWeakness", "red_flag.progressive_weakness", "urgent_referral", FINUCANE,
    "Weakness that is getting worse (e.g. foot drop): progressive motor deficit.",
    "Weakness that keeps getting worse needs same-day medical assessment.",
  ),
  single(
    "calfSwellingRednessHeat", "red_flag.possible_dvt", "urgent_referral", FINUCANE,
    "Calf swelling, redness or warmth (any one): possible deep vein thrombosis.",
    "A calf that is swollen, red or warm (any one) may hold a blood clot: send for same-day medical care.",
  ),
  single(
    "chestPainOrBreathlessness", "red_flag.chest_pain_or_breathlessness", "urgent_referral", FINUCANE,
    "Chest pain or breathlessness on exertion: possible cardiopulmonary cause.",
    "Chest pain or breathlessness with exercise needs same-day medical care before any training.",
  ),
  {
    id: "red_flag.fever_with_immunosuppression",
    category: "red_flag",
    verdict: "urgent_referral",
    reads: [path("feverOrUnwell"), path("immunosuppressionOrIvDrugUse")],
    source: FINUCANE,
    description: "Fever or feeling unwell together with immunosuppression or IV drug use: possible spinal or joint infection.",
    fires: (ctx) =>
      decide(
        and(
          fact(path("feverOrUnwell"), ctx.input.redFlags?.feverOrUnwell),
          fact(path("immunosuppressionOrIvDrugUse"), ctx.input.redFlags?.immunosuppressionOrIvDrugUse),
        ),
        () => ({
          summary: "Fever with immunosuppression or IV drug use raises concern for infection: send for same-day medical care.",
          evidence: { feverOrUnwell: true, immunosuppressionOrIvDrugUse: true },
        }),
      ),
  },

  {
    // NICE NG234: in someone with a cancer history, new spinal pain with any neurological sign
    // may be metastatic spinal cord compression, which is assessed the same day.
    id: "red_flag.possible_cord_compression",
    category: "red_flag",
    verdict: "urgent_referral",
    reads: [
      path("historyOfCancer"), "complaint.region", "complaint.daysSinceOnset", "symptoms.tinglingOrNumbness",
      "symptoms.radiatingBelowKnee", path("progressiveWeakness"), path("bilateralLegNeuroSymptoms"),
    ],
    source: `${NICE_MSCC}; reference.md urgent tier`,
    description:
      "A history of cancer with new spinal pain (spinal complaint within newSpinalPainMaxDays) and any neurological sign (pain down the leg, tingling or numbness, weakness): possible metastatic spinal cord compression.",
    fires: (ctx) =>
      decide(and(fact(path("historyOfCancer"), ctx.input.redFlags?.historyOfCancer), isSpinalAndNew(ctx), neuroSign(ctx)), () => ({
        summary:
          "New spinal pain with nerve signs in someone with a history of cancer can mean spinal cord compression: arrange same-day medical assessment.",
        evidence: {
          historyOfCancer: true,
          region: ctx.input.complaint?.region,
          daysSinceOnset: ctx.input.complaint?.daysSinceOnset,
          tinglingOrNumbness: ctx.input.symptoms?.tinglingOrNumbness,
          radiatingBelowKnee: ctx.input.symptoms?.radiatingBelowKnee,
          progressiveWeakness: ctx.input.redFlags?.progressiveWeakness,
        },
      })),
  },

  // ---- refer tier: medical review before the plan progresses ----
  single(
    "feverOrUnwell", "red_flag.fever_or_unwell", "refer", FINUCANE,
    "Fever or feeling generally unwell (without immunosuppression this asks for review, not emergency care).",
    "Fever or feeling unwell needs medical review before training load goes up.",
  ),
  single(
    "historyOfCancer", "red_flag.history_of_cancer", "refer", FINUCANE,
    "A history of cancer.",
    "A history of cancer with a new pain complaint warrants medical review before progressing.",
  ),
  single(
    "unexplainedWeightLoss", "red_flag.unexplained_weight_loss", "refer", FINUCANE,
    "Weight loss without an explanation.",
    "Unexplained weight loss warrants medical review before progressing.",
  ),
  {
    id: "red_flag.constant_pain_with_malignancy_flag",
    category: "red_flag",
    verdict: "refer",
    reads: [path("constantNonMechanicalPain"), "symptoms.nightPain", path("historyOfCancer"), path("unexplainedWeightLoss")],
    source: FINUCANE,
    description:
      "Constant pain that position and rest do not change, or night pain, together with a malignancy flag (history of cancer or unexplained weight loss).",
    fires: (ctx) => {
      const rf = ctx.input.redFlags;
      return decide(
        and(
          or(fact(path("constantNonMechanicalPain"), rf?.constantNonMechanicalPain), fact("symptoms.nightPain", ctx.input.symptoms?.nightPain)),
          or(fact(path("historyOfCancer"), rf?.historyOfCancer), fact(path("unexplainedWeightLoss"), rf?.unexplainedWeightLoss)),
        ),
        () => ({
          summary: "Constant or night pain alongside a malignancy flag: refer for medical review.",
          evidence: {
            constantNonMechanicalPain: rf?.constantNonMechanicalPain,
            nightPain: ctx.input.symptoms?.nightPain,
            historyOfCancer: rf?.historyOfCancer,
            unexplainedWeightLoss: rf?.unexplainedWeightLoss,
          },
        }),
      );
    },
  },
  single(
    "significantTrauma", "red_flag.significant_trauma", "refer", FINUCANE,
    "Significant trauma (fall from height, collision, vehicle): fracture must be ruled out.",
    "Pain after significant trauma needs medical review to rule out a fracture.",
  ),
  {
    id: "red_flag.fracture_risk_with_new_spinal_pain",
    category: "red_flag",
    verdict: "refer",
    reads: [path("osteoporosisOrLongTermSteroids"), "complaint.region", "complaint.daysSinceOnset"],
    source: FINUCANE,
    description: "Osteoporosis or long-term steroid use together with new spinal pain (spinal complaint within newSpinalPainMaxDays): possible fragility fracture.",
    fires: (ctx) =>
      decide(
        and(fact(path("osteoporosisOrLongTermSteroids"), ctx.input.redFlags?.osteoporosisOrLongTermSteroids), isSpinalAndNew(ctx)),
        () => ({
          summary: "New spinal pain in someone with osteoporosis or on long-term steroids: refer to rule out a fragility fracture.",
          evidence: {
            osteoporosisOrLongTermSteroids: true,
            region: ctx.input.complaint?.region,
            daysSinceOnset: ctx.input.complaint?.daysSinceOnset,
            newSpinalPainMaxDays: ctx.settings.newSpinalPainMaxDays,
          },
        }),
      ),
  },
  {
    // Finucane 2020: several flags together raise the level of concern to referral.
    id: "red_flag.constant_pain_with_other_flag",
    category: "red_flag",
    verdict: "refer",
    reads: RED_FLAG_KEYS.map(path),
    source: `${FINUCANE}; reference.md refer tier`,
    description:
      "Constant pain that rest and position do not change, together with any other red flag on the screen (including ones that alone do not refer, e.g. immunosuppression).",
    fires: (ctx) => {
      const rf = ctx.input.redFlags;
      const others = RED_FLAG_KEYS.filter((k) => k !== "constantNonMechanicalPain");
      return decide(
        and(fact(path("constantNonMechanicalPain"), rf?.constantNonMechanicalPain), or(...others.map((k) => fact(path(k), rf?.[k])))),
        () => {
          const present = others.filter((k) => rf?.[k] === true);
          return {
            summary: `Constant, non-mechanical pain together with ${present.map((k) => RED_FLAG_LABELS[k]).join(", ")}: refer for medical review.`,
            evidence: { constantNonMechanicalPain: true, otherFlags: present },
          };
        },
      );
    },
  },
  {
    // Finucane 2020: a single flag is low concern: watch with safety-netting, train modified.
    id: "red_flag.constant_non_mechanical_pain",
    category: "red_flag",
    verdict: "modify",
    reads: [path("constantNonMechanicalPain")],
    source: `${FINUCANE}: a single flag, watch with safety-netting`,
    description: "Constant pain that rest and position do not change, on its own (with another red flag the referral rule applies).",
    fires: (ctx) =>
      decide(fact(path("constantNonMechanicalPain"), ctx.input.redFlags?.constantNonMechanicalPain), () => ({
        summary:
          "Pain stays constant whatever the position or rest: train modified, give clear safety-netting advice, and recheck within two weeks; refer if it persists or another flag appears.",
        evidence: { constantNonMechanicalPain: true },
      })),
  },
  {
    // An unasked item is not a "no": with part of the screen deliberately skipped, the engine
    // never clears full training. Finucane 2020 asks for the screen to be completed.
    id: "red_flag.screen_not_asked",
    category: "red_flag",
    verdict: "modify",
    reads: ["redFlagsNotAsked"],
    source: `${FINUCANE}: an incomplete screen cannot clear training`,
    description:
      "The clinician recorded red-flag items as deliberately not asked (redFlagsNotAsked), with a reason: train modified, never push, until they are asked. Listed items are accounted for and left out of `missing`.",
    fires: (ctx) => {
      const keys = notAskedKeys(ctx);
      if (keys.length === 0) return null;
      const why = ctx.input.redFlagsNotAsked!.reason;
      return {
        summary: `Red-flag screen incomplete: ${keys.map((k) => RED_FLAG_LABELS[k]).join(", ")} not asked (${why}). Train modified only, and ask these at the next contact.`,
        evidence: { keys, reason: why },
      };
    },
  },
];
