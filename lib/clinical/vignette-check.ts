import { verdictRank, VERDICTS, type Evaluation, type PlanStage, type Verdict } from "./contract";

// Checks an evaluation against a vignette's expectations (shared/clinical/README.md). Pure, so the
// test suite and any future clinic-authored case library can use it. Unknown expectation keys are
// errors: a new key in the case file must never be silently ignored.

export type VignetteExpect = Record<string, unknown>;

const FIRST_STAGE_KEYS = new Set([
  "intensityAllowed", "maxEffortRpeAtMost", "runVolumePctMaxAtMost", "runVolumePctMinAtLeast",
  "trainingHoursPctMaxAtMost", "longRunKmMaxAtMost",
]);

const asVerdict = (v: unknown): Verdict => {
  if (typeof v !== "string" || !(VERDICTS as readonly string[]).includes(v)) throw new Error(`not a verdict: ${String(v)}`);
  return v as Verdict;
};
const asStrings = (v: unknown): string[] => {
  if (!Array.isArray(v) || !v.every((x) => typeof x === "string")) throw new Error(`expected string[]: ${JSON.stringify(v)}`);
  return v;
};
const asNumber = (v: unknown): number => {
  if (typeof v !== "number") throw new Error(`expected number: ${JSON.stringify(v)}`);
  return v;
};

/** What in a stage loads the patient (empty when nothing does). Walking counts only outside a paused stage. */
function loadingIn(stage: PlanStage | undefined): string[] {
  if (!stage) return ["no first stage"];
  const out: string[] = [];
  if (stage.runVolumePct !== undefined) out.push("runVolumePct");
  if (stage.longRunKmMax !== undefined) out.push("longRunKmMax");
  if (stage.trainingHoursPct !== undefined) out.push("trainingHoursPct");
  if (stage.strength.length > 0) out.push("strength");
  if (stage.intensityAllowed) out.push("intensityAllowed");
  const other = stage.crossTraining.filter((c) => !(stage.pauseUntilCleared === true && /\bwalk/i.test(c)));
  if (other.length > 0) out.push(`crossTraining (${other.join("; ")})`);
  return out;
}

/** Problems found (empty when the evaluation meets every expectation). Throws on an unknown key. */
export function checkVignette(e: Evaluation, expect: VignetteExpect): string[] {
  const problems: string[] = [];
  const fail = (msg: string) => problems.push(msg);
  const cats = new Set(e.reasons.map((r) => r.category));
  const first = e.plan?.stages[0];

  for (const [key, value] of Object.entries(expect)) {
    switch (key) {
      case "verdict":
        if (e.verdict !== asVerdict(value)) fail(`verdict ${e.verdict}, expected ${String(value)}`);
        break;
      case "verdictAtLeast":
        if (verdictRank(e.verdict) < verdictRank(asVerdict(value))) fail(`verdict ${e.verdict} is less cautious than ${String(value)}`);
        break;
      case "verdictIn":
        if (!asStrings(value).map(asVerdict).includes(e.verdict)) fail(`verdict ${e.verdict} not in ${JSON.stringify(value)}`);
        break;
      case "verdictNot":
        if (e.verdict === asVerdict(value)) fail(`verdict must not be ${String(value)}`);
        break;
      case "categories":
        for (const c of asStrings(value)) if (!cats.has(c as never)) fail(`category ${c} missing from reasons`);
        break;
      case "categoriesAnyOf":
        if (!asStrings(value).some((c) => cats.has(c as never))) fail(`none of ${JSON.stringify(value)} among reasons`);
        break;
      case "planNull":
        if ((e.plan === null) !== value) fail(`plan null is ${e.plan === null}, expected ${String(value)}`);
        break;
      case "capacityFailing":
      case "capacityPassing":
        for (const t of asStrings(value)) {
          const r = e.capacity.find((c) => c.test === t);
          const want = key === "capacityPassing";
          if (!r) fail(`capacity result for ${t} missing`);
          else if (r.meetsTarget !== want) fail(`${t} meetsTarget ${r.meetsTarget}, expected ${want}`);
        }
        break;
      case "firstStage": {
        if (typeof value !== "object" || value === null) throw new Error("firstStage must be an object");
        if (!first) {
          fail("no first stage");
          break;
        }
        for (const [k, v] of Object.entries(value)) {
          if (!FIRST_STAGE_KEYS.has(k)) throw new Error(`unknown firstStage expectation key: ${k}`);
          switch (k) {
            case "intensityAllowed":
              if (first.intensityAllowed !== v) fail(`first stage intensityAllowed ${first.intensityAllowed}, expected ${String(v)}`);
              break;
            case "maxEffortRpeAtMost":
              if (first.maxEffortRpe > asNumber(v)) fail(`first stage maxEffortRpe ${first.maxEffortRpe} > ${String(v)}`);
              break;
            case "runVolumePctMaxAtMost":
              if (!first.runVolumePct || first.runVolumePct.max > asNumber(v)) fail(`first stage runVolumePct.max ${first.runVolumePct?.max} > ${String(v)}`);
              break;
            case "runVolumePctMinAtLeast":
              if (!first.runVolumePct || first.runVolumePct.min < asNumber(v)) fail(`first stage runVolumePct.min ${first.runVolumePct?.min} < ${String(v)}`);
              break;
            case "trainingHoursPctMaxAtMost":
              if (!first.trainingHoursPct || first.trainingHoursPct.max > asNumber(v)) fail(`first stage trainingHoursPct.max ${first.trainingHoursPct?.max} > ${String(v)}`);
              break;
            case "longRunKmMaxAtMost":
              if (first.longRunKmMax === undefined || first.longRunKmMax > asNumber(v)) fail(`first stage longRunKmMax ${first.longRunKmMax} not set or > ${String(v)}`);
              break;
          }
        }
        break;
      }
      case "crossTrainingNonEmpty":
        if (((first?.crossTraining.length ?? 0) > 0) !== value) fail(`first stage crossTraining non-empty is ${(first?.crossTraining.length ?? 0) > 0}`);
        break;
      case "strengthIncludes": {
        const word = String(value).toLowerCase();
        const all = e.plan?.stages.flatMap((s) => s.strength.map((x) => x.exercise.toLowerCase())) ?? [];
        if (!all.some((x) => x.includes(word))) fail(`no strength exercise names "${String(value)}"`);
        break;
      }
      case "noLoading": {
        // README: no plan, or a first stage with no running, no training hours, no strength and no
        // intensity (walking may be listed when the stage has pauseUntilCleared).
        if (typeof value !== "boolean") throw new Error(`noLoading must be a boolean: ${JSON.stringify(value)}`);
        const loads = loadingIn(first);
        if (value && e.plan !== null && loads.length > 0) fail(`first stage loads the patient: ${loads.join(", ")}`);
        if (!value && (e.plan === null || loads.length === 0)) fail("expected a plan whose first stage loads the patient");
        break;
      }
      case "missingPrefix":
        if (!e.missing.some((m) => m.startsWith(String(value)))) fail(`no missing entry starts with ${String(value)}`);
        break;
      default:
        throw new Error(`unknown vignette expectation key: ${key}`);
    }
  }
  return problems;
}

/** Checks that hold for every evaluation (README "Checked on every case as well"). */
export function checkInvariants(e: Evaluation): string[] {
  const problems: string[] = [];
  for (const r of e.reasons) {
    if (verdictRank(e.verdict) < verdictRank(r.verdict)) problems.push(`verdict ${e.verdict} below reason ${r.ruleId} (${r.verdict})`);
  }
  if (e.verdict === "urgent_referral") {
    if (e.plan !== null) problems.push("urgent_referral must have no plan");
  } else {
    if (!e.plan) problems.push(`${e.verdict} must have a plan`);
    else {
      if (e.plan.stages.length === 0) problems.push("plan has no stages");
      const d = e.plan.deloadEveryWeeks;
      if (d.min < 4 || d.max > 6 || d.min > d.max) problems.push(`deloadEveryWeeks ${d.min}-${d.max} outside 4-6`);
    }
  }
  if (!e.rulesetVersion) problems.push("rulesetVersion not set");
  return problems;
}
