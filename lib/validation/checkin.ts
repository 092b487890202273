import { z } from "zod";
import { CHECKIN_ACTIVITIES, CHECKIN_DONE, MORNING_COMPARISONS, NEW_SYMPTOM_KEYS } from "@/lib/clinical/checkins/contract";

// The patient's two check-in forms (issue 12), one schema each for the browser (zodResolver) and
// the server action. Field names are the posted FormData names; every message is plain words
// for the patient. The window of allowed dates (today and the six days before, clinic time)
// needs the clock, so the service checks it and answers on `sessionDate`.

export const blankToUndef = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);
const checkbox = z.preprocess((v) => v === "on" || v === "true" || v === true, z.boolean());
export const optionalNumber = (what: string, lo: number, hi: number, int: boolean) =>
  z.preprocess(
    blankToUndef,
    z.coerce
      .number({ error: `Enter ${what} as a number, or leave it empty.` })
      .refine((n) => !int || Number.isInteger(n), { message: `Enter ${what} as a whole number.` })
      .refine((n) => n >= lo && n <= hi, { message: `${what[0]!.toUpperCase()}${what.slice(1)} must be between ${lo} and ${hi}.` })
      .optional(),
  );
export const score = (what: string) =>
  z.preprocess(
    blankToUndef,
    z.coerce
      .number({ error: `Choose a number from 0 to 10 for ${what}.` })
      .int(`Choose a number from 0 to 10 for ${what}.`)
      .min(0, `Choose a number from 0 to 10 for ${what}.`)
      .max(10, `Choose a number from 0 to 10 for ${what}.`)
      .optional(),
  );

export const idempotencyKeySchema = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, "This form has expired. Reload the page and try again.");

/** Form field names of the contract's new-symptom keys (short, plain, stable). */
export const SYMPTOM_FIELD = {
  tinglingOrNumbnessDownLeg: "symptom_leg_tingling",
  saddleNumbness: "symptom_saddle",
  bladderOrBowelChange: "symptom_bladder_bowel",
  bothLegs: "symptom_both_legs",
  calfSwellingRednessHeat: "symptom_leg_swelling",
  chestPainOrBreathlessness: "symptom_chest",
  feverOrUnwell: "symptom_fever",
} as const satisfies Record<(typeof NEW_SYMPTOM_KEYS)[number], string>;
type SymptomField = (typeof SYMPTOM_FIELD)[keyof typeof SYMPTOM_FIELD];
const symptomFields = Object.fromEntries(NEW_SYMPTOM_KEYS.map((k) => [SYMPTOM_FIELD[k], checkbox])) as Record<SymptomField, typeof checkbox>;

// Cross-field checks run even when another field failed (`when`), so the patient sees every
// problem at once; they read the values defensively (a failed field may still be a raw string).
const ticked = (x: unknown) => x === true || x === "on" || x === "true";
const blank = (x: unknown) => x === undefined || x === null || (typeof x === "string" && x.trim() === "");
const always = { when: () => true };
const anySymptom = (v: Record<string, unknown>) => NEW_SYMPTOM_KEYS.some((k) => ticked(v[SYMPTOM_FIELD[k]]));
type Check = [(v: Record<string, unknown>) => boolean, { when: () => boolean; path: string[]; message: string }];
const symptomChecks: { answered: Check; consistent: Check } = {
  answered: [
    (v) => anySymptom(v) || ticked(v.symptom_none),
    { ...always, path: ["symptom_none"], message: "Tick any of these you have now, or tick \u201cNone of these\u201d." },
  ],
  consistent: [
    (v) => !(anySymptom(v) && ticked(v.symptom_none)),
    { ...always, path: ["symptom_none"], message: "You ticked a symptom and \u201cNone of these\u201d: untick one of them." },
  ],
};

export const sessionFormSchema = z
  .object({
    idempotencyKey: idempotencyKeySchema,
    sessionDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "Choose the day of the session."),
    activity: z.enum(CHECKIN_ACTIVITIES, { error: "Choose what you did." }),
    done: z.enum(CHECKIN_DONE, { error: "Choose how it went: as planned, shorter, or skipped." }),
    minutes: optionalNumber("the minutes", 0, 600, true),
    distance: optionalNumber("the distance", 0, 300, false),
    effortRpe: score("effort"),
    painDuringNrs: score("pain during the session"),
    sharpPain: checkbox,
    alteredMovement: checkbox,
    ...symptomFields,
    symptom_none: checkbox,
    note: z.preprocess((v) => (v === undefined || v === null ? "" : v), z.string().max(500, "Keep the note under 500 characters.")),
  })
  .refine((v) => v.done === "skipped" || !blank(v.painDuringNrs), { ...always, path: ["painDuringNrs"], message: "Choose your worst pain during the session (0 if none)." })
  .refine(...symptomChecks.answered)
  .refine(...symptomChecks.consistent);

export const morningFormSchema = z
  .object({
    idempotencyKey: idempotencyKeySchema,
    checkInId: z.string().uuid("This form has expired. Reload the page and try again."),
    morningPainNrs: score("pain this morning"),
    comparedWithBefore: z.enum(MORNING_COMPARISONS, { error: "Choose better, the same, or worse." }),
    stiffnessOver30Min: checkbox,
    ...symptomFields,
    symptom_none: checkbox,
  })
  .refine((v) => !blank(v.morningPainNrs), { ...always, path: ["morningPainNrs"], message: "Choose your pain this morning (0 if none)." })
  .refine(...symptomChecks.answered)
  .refine(...symptomChecks.consistent);

export type SessionForm = z.infer<typeof sessionFormSchema>;
export type MorningForm = z.infer<typeof morningFormSchema>;

/** Plain words for the contract's enums (the patient never sees the codes). */
export const ACTIVITY_WORDS: Record<(typeof CHECKIN_ACTIVITIES)[number], string> = {
  run: "Run",
  strength: "Strength exercises",
  cross_training: "Other cardio (bike, swim, cross-trainer)",
  sport: "Sport or match",
  other: "Something else",
};
export const DONE_WORDS: Record<(typeof CHECKIN_DONE)[number], string> = {
  as_planned: "Done as planned",
  shortened: "Cut it short or made it easier",
  skipped: "Skipped it",
};
export const MORNING_WORDS: Record<(typeof MORNING_COMPARISONS)[number], string> = {
  better: "Better than before the session",
  same: "About the same",
  worse: "Worse than before the session",
};
export const SYMPTOM_WORDS: Record<(typeof NEW_SYMPTOM_KEYS)[number], string> = {
  tinglingOrNumbnessDownLeg: "Tingling or numbness that travels down a leg",
  saddleNumbness: "Numbness between the legs or around the bottom",
  bladderOrBowelChange: "New trouble controlling or passing urine or stools",
  bothLegs: "Pain, weakness or numbness in both legs",
  calfSwellingRednessHeat: "The back of one lower leg swollen, red and warm",
  chestPainOrBreathlessness: "Chest pain, or getting out of breath far more easily than usual",
  feverOrUnwell: "A fever, or feeling generally unwell",
};
