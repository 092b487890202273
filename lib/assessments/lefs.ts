// The Lower Extremity Functional Scale (LEFS): 20 activities, each rated 0-4, total 0-80 (higher
// is better); a change of 9 points is the minimal important change. The items, the question and
// the response options are the published instrument, reproduced as published (Binkley J, Stratford
// P, Lott S, Riddle D; North American Orthopaedic Rehabilitation Research Network. The Lower
// Extremity Functional Scale (LEFS): scale development, measurement properties, and clinical
// application. Phys Ther 1999;79(4):371-383). Free to use in software (shared/clinical/reference.md).
// Pure: no framework, database or clock.

export const LEFS_CITATION = "Binkley et al. 1999, Phys Ther 79:371";
/** Minimal important change, points on the 0-80 total (Binkley 1999). */
export const LEFS_MIC = 9;
export const LEFS_MAX = 80;

export const LEFS_INSTRUCTIONS =
  "We are interested in knowing whether you are having any difficulty at all with the activities listed below because of your lower limb problem for which you are currently seeking attention. Please provide an answer for each activity.";
export const LEFS_QUESTION = "Today, do you or would you have any difficulty at all with:";

/** The response options, by score. */
export const LEFS_OPTIONS: readonly (readonly [score: number, label: string])[] = [
  [0, "Extreme difficulty or unable to perform activity"],
  [1, "Quite a bit of difficulty"],
  [2, "Moderate difficulty"],
  [3, "A little bit of difficulty"],
  [4, "No difficulty"],
];

export const LEFS_ITEMS: readonly string[] = [
  "Any of your usual work, housework, or school activities.",
  "Your usual hobbies, recreational or sporting activities.",
  "Getting into or out of the bath.",
  "Walking between rooms.",
  "Putting on your shoes or socks.",
  "Squatting.",
  "Lifting an object, like a bag of groceries from the floor.",
  "Performing light activities around your home.",
  "Performing heavy activities around your home.",
  "Getting into or out of a car.",
  "Walking 2 blocks.",
  "Walking a mile.",
  "Going up or down 10 stairs (about 1 flight of stairs).",
  "Standing for 1 hour.",
  "Sitting for 1 hour.",
  "Running on even ground.",
  "Running on uneven ground.",
  "Making sharp turns while running fast.",
  "Hopping.",
  "Rolling over in bed.",
];

/** Form field of item n (1-20). */
export const lefsField = (n: number) => `lefs${n}`;
export const LEFS_FIELDS: readonly string[] = LEFS_ITEMS.map((_, i) => lefsField(i + 1));

/** What is stored with the assessment: every item's score, and the total. */
export type Lefs = { items: number[]; total: number };

const isScore = (v: unknown): v is number => typeof v === "number" && Number.isInteger(v) && v >= 0 && v <= 4;

/**
 * The LEFS from parsed outcome values, or undefined when it was not completed. The published
 * scoring is the sum of all 20 items; a partly answered scale is not scored here (the form
 * refuses to save one), so a total always means the same thing.
 */
export function lefsFrom(v: Record<string, unknown> | undefined): Lefs | undefined {
  if (!v) return undefined;
  const items = LEFS_FIELDS.map((f) => v[f]);
  if (!items.every(isScore)) return undefined;
  return { items, total: items.reduce((s, n) => s + n, 0) };
}

/** How many items are answered (a partial scale is an error on the form). */
export function lefsAnswered(v: Record<string, unknown>): number {
  return LEFS_FIELDS.filter((f) => v[f] !== undefined && v[f] !== null && v[f] !== "").length;
}

/** Change against an earlier total; higher is better. Meaningful at the minimal important change or more. */
export function lefsChange(previousTotal: number | undefined, total: number | undefined) {
  if (previousTotal === undefined || total === undefined) return undefined;
  const change = total - previousTotal;
  return { previousTotal, total, change, meaningful: Math.abs(change) >= LEFS_MIC, mic: LEFS_MIC };
}
