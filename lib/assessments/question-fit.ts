// Pure: which assessment questions fit this patient's complaint region and sport (issue 14).
// The step forms hide the ones that cannot apply, the draft's answers to them are never passed to
// the engine (a hidden question stays unknown, never "no"), and the review does not list them as
// unanswered. The engine's contract and its `missing` are unchanged: this filters what is asked
// and shown, in the app layer only.
//
// The red-flag screen is never filtered: every patient is asked every item.

/** What a question's fit depends on: the complaint region ("none" for a readiness check) and the main sport. */
export type FitContext = { region?: string; sport?: string };

/** The regions where the Lower Extremity Functional Scale applies (a lower-limb problem). */
export const LOWER_LIMB_REGIONS: readonly string[] = ["hip", "hamstring", "knee", "shin", "achilles_calf", "foot_ankle"];
/** Back regions: guarding on bending forward and leg symptoms below the knee are spinal signs. */
const BACK_REGIONS: readonly string[] = ["lumbar", "thoracic"];
/** Sports whose training includes lifting weights (the lifting-fatigue questions). */
export const LIFTING_SPORTS: readonly string[] = ["lifting", "crossfit", "hyrox", "hybrid"];
/** Upper-body regions, where tingling or numbness is asked about the arm and hand. */
const ARM_REGIONS: readonly string[] = ["neck", "shoulder", "elbow"];

const known = (v: string | undefined) => (v && v.trim() !== "" ? v : undefined);

/**
 * Whether a question fits. Unknown (not chosen yet) and "other" regions or sports fit everything:
 * when the app cannot tell, it asks.
 */
export function questionApplies(field: string, ctx: FitContext): boolean {
  const region = known(ctx.region);
  const sport = known(ctx.sport);
  switch (field) {
    case "cannotBendForward":
    case "radiatingBelowKnee":
      return region === undefined || region === "other" || BACK_REGIONS.includes(region);
    case "weightsMovingNormally":
      return sport === undefined || sport === "other" || LIFTING_SPORTS.includes(sport);
    default:
      return true;
  }
}

/** A contract path from the engine's `missing` (e.g. "symptoms.cannotBendForward"): does its question fit? */
export function pathApplies(path: string, ctx: FitContext): boolean {
  const field = path.split(".").at(-1) ?? path;
  return questionApplies(field, ctx);
}

/** The fit context of an evaluated input: no complaint is a readiness check ("none"). */
export function fitOfInput(input: { complaint?: { region: string }; sport: { primary: string } }): FitContext {
  return { region: input.complaint?.region ?? "none", sport: input.sport.primary };
}

/** The Lower Extremity Functional Scale is offered for lower-limb complaints. */
export function lefsApplies(ctx: FitContext): boolean {
  const region = known(ctx.region);
  return region !== undefined && LOWER_LIMB_REGIONS.includes(region);
}

/** The tingling question names where the symptoms would be: the arm for upper-body regions, else the leg. */
export function tinglingLabel(ctx: FitContext): string {
  const region = known(ctx.region);
  return region !== undefined && ARM_REGIONS.includes(region)
    ? "Tingling or numbness into the arm or hand"
    : region === undefined || region === "other" || region === "none"
      ? "Tingling or numbness (in the leg or foot, or in the arm for a neck problem)"
      : "Tingling or numbness in the leg or foot";
}

/** The fit context of a draft (per-step form strings): the saved region and sport. */
export function fitOfDraft(draft: Partial<Record<string, Record<string, string> | undefined>>): FitContext {
  return { region: draft.complaint?.region, sport: draft.load?.sport };
}

/**
 * A step's saved strings without the answers to questions that do not fit the (new) draft: what a
 * plain form post may still carry for a question the page no longer shows. LEFS items are kept
 * only for a lower-limb complaint.
 */
export function keepFitting(values: Record<string, string>, ctx: FitContext, lefsFields: readonly string[]): Record<string, string> {
  const lefs = lefsApplies(ctx);
  return Object.fromEntries(
    Object.entries(values).filter(([k]) => questionApplies(k, ctx) && (lefs || !lefsFields.includes(k))),
  );
}
