import { z } from "zod";
import { LEFS_FIELDS } from "@/lib/assessments/lefs";
import { capacityCatalogue, REGIONS, SPORTS, type RedFlagKey } from "@/lib/clinical";

// One zod schema per assessment step, used by react-hook-form in the browser and by the step's
// server action. Every field arrives as a form string: "" means "not answered" (unknown, never
// "no"), numbers are parsed here, yes/no radios become booleans. Field names are flat on purpose
// (no dots): react-hook-form would nest dotted names while a plain POST keeps them flat.

// ---------- steps ----------

export const STEPS = [
  { n: 1, key: "load", title: "Sport and training load" },
  { n: 2, key: "complaint", title: "Complaint and symptoms" },
  { n: 3, key: "redFlags", title: "Red-flag screen" },
  { n: 4, key: "capacity", title: "Capacity tests" },
  { n: 5, key: "recovery", title: "Recovery and readiness" },
  { n: 6, key: "outcomes", title: "Outcome measures" },
  { n: 7, key: "review", title: "Review" },
] as const;
export type StepKey = (typeof STEPS)[number]["key"];
export type FormStepKey = Exclude<StepKey, "review">;
export const FORM_STEP_KEYS: readonly FormStepKey[] = ["load", "complaint", "redFlags", "capacity", "recovery", "outcomes"];
export const REVIEW_STEP = 7;
export const stepByKey = (key: StepKey) => STEPS.find((s) => s.key === key)!;
export const stepByNumber = (n: number) => STEPS.find((s) => s.n === n);

// ---------- field helpers ----------

const blank = (v: unknown) => v === undefined || v === null || (typeof v === "string" && v.trim() === "");

/** An optional number typed into a text/number box. */
function num(label: string, min: number, max: number, opts: { int?: boolean; required?: boolean } = {}) {
  const unit = opts.int ? "a whole number" : "a number";
  let n = z.number({ error: opts.required ? `Enter ${label.toLowerCase()}` : `Enter ${unit} for ${label.toLowerCase()}` });
  if (opts.int) n = n.int(`${label} must be a whole number`);
  n = n.min(min, `${label} must be ${min} or more`).max(max, `${label} must be ${max} or less`);
  return z.preprocess((v) => {
    if (blank(v)) return undefined;
    if (typeof v === "string") {
      const parsed = Number(v.trim().replace(",", "."));
      return Number.isNaN(parsed) ? v : parsed;
    }
    return v;
  }, opts.required ? n : n.optional());
}

function text(label: string, max: number) {
  return z.preprocess(
    (v) => (blank(v) ? undefined : typeof v === "string" ? v.trim() : v),
    z.string().max(max, `${label} must be at most ${max} characters`).optional(),
  );
}

/** An optional choice from a native select ("" = not recorded). */
function choice<const T extends readonly [string, ...string[]]>(values: T, message: string) {
  return z.preprocess((v) => (blank(v) ? undefined : v), z.enum(values, { message }).optional());
}

function requiredChoice<const T extends readonly [string, ...string[]]>(values: T, message: string) {
  return z.preprocess((v) => (blank(v) ? undefined : v), z.enum(values, { message }));
}

/** A yes/no radio pair. Unanswered stays undefined: a missing answer is unknown, never "no". */
function yesNo() {
  return z.preprocess(
    (v) => (v === "yes" ? true : v === "no" ? false : blank(v) ? undefined : v),
    z.boolean({ error: "Answer yes or no" }).optional(),
  );
}

// ---------- labels (shared by forms, review and `missing`) ----------

export const sportLabels: Record<(typeof SPORTS)[number], string> = {
  running: "Running",
  lifting: "Lifting",
  crossfit: "CrossFit",
  hyrox: "HYROX",
  hybrid: "Hybrid",
  team_sport: "Team sport",
  other: "Other",
};
export const LEVELS = ["recreational", "competitive", "elite"] as const;
export const levelLabels: Record<(typeof LEVELS)[number], string> = { recreational: "Recreational", competitive: "Competitive", elite: "Elite" };

export const REGION_CHOICES = [...REGIONS, "none"] as const;
export const regionLabels: Record<(typeof REGION_CHOICES)[number], string> = {
  lumbar: "Low back (lumbar)",
  thoracic: "Mid back (thoracic)",
  neck: "Neck",
  shoulder: "Shoulder",
  elbow: "Elbow",
  hip: "Hip",
  hamstring: "Hamstring",
  knee: "Knee",
  shin: "Shin",
  achilles_calf: "Achilles and calf",
  foot_ankle: "Foot and ankle",
  other: "Other",
  none: "No complaint (readiness check)",
};
export const SPINAL_REGIONS: readonly string[] = ["lumbar", "thoracic", "neck"];
export const SIDES = ["left", "right", "bilateral", "central"] as const;
export const sideLabels: Record<(typeof SIDES)[number], string> = { left: "Left", right: "Right", bilateral: "Both sides", central: "Central" };
export const ONSETS = ["gradual", "acute"] as const;
export const onsetLabels: Record<(typeof ONSETS)[number], string> = { gradual: "Gradual", acute: "Sudden (acute)" };
export const NEXT_DAY = ["better", "same", "worse"] as const;
export const nextDayLabels: Record<(typeof NEXT_DAY)[number], string> = { better: "Better", same: "The same", worse: "Worse" };
export const TRENDS = ["improving", "stable", "worsening"] as const;
export const trendLabels: Record<(typeof TRENDS)[number], string> = { improving: "Improving", stable: "Stable", worsening: "Worsening" };

export const SYMPTOM_ITEMS = [
  ["sharpPain", "Sharp pain during activity"],
  ["nightPain", "Pain at night"],
  ["sorenessOver48h", "Soreness lasting more than 48 hours after training"],
  ["stiffnessNotEasing", "Stiffness that does not ease as they warm up"],
  ["alteredMovement", "Limping or moving differently to protect the area"],
  ["cannotBendForward", "Cannot bend forward"],
  ["radiatingBelowKnee", "Pain travelling below the knee"],
  ["tinglingOrNumbness", "Tingling or numbness"],
  ["noTolerableDoseFound", "No tolerable training dose found so far"],
] as const;

/** The red-flag screen, grouped by what each item screens for (Finucane 2020; UK cauda equina guidance). */
export const RED_FLAG_GROUPS: readonly { title: string; items: readonly (readonly [RedFlagKey, string])[] }[] = [
  {
    title: "Cauda equina and spinal cord",
    items: [
      ["saddleAnaesthesia", "Numbness in the saddle area (between the legs, genitals, inner thighs)"],
      ["bladderOrBowelChange", "A new change in bladder or bowel control or sensation"],
      ["bilateralLegNeuroSymptoms", "Nerve symptoms in both legs (pain, numbness or weakness)"],
      ["progressiveWeakness", "Weakness that is getting worse (for example foot drop)"],
    ],
  },
  {
    title: "Infection",
    items: [
      ["feverOrUnwell", "Fever or feeling generally unwell"],
      ["immunosuppressionOrIvDrugUse", "Immunosuppression or intravenous drug use"],
    ],
  },
  {
    title: "Cancer",
    items: [
      ["historyOfCancer", "A history of cancer"],
      ["unexplainedWeightLoss", "Weight loss without an explanation"],
      ["constantNonMechanicalPain", "Constant pain that rest and position do not change"],
    ],
  },
  {
    title: "Fracture",
    items: [
      ["significantTrauma", "Significant trauma (fall from height, collision, vehicle)"],
      ["osteoporosisOrLongTermSteroids", "Osteoporosis or long-term steroid use"],
    ],
  },
  {
    title: "Blood clot, heart and lungs",
    items: [
      ["calfSwellingRednessHeat", "Calf swelling, redness or warmth (any one)"],
      ["chestPainOrBreathlessness", "Chest pain or breathlessness on exertion"],
    ],
  },
];
export const RED_FLAG_ITEMS: readonly (readonly [RedFlagKey, string])[] = RED_FLAG_GROUPS.flatMap((g) => g.items);

export const STRESS = ["low", "moderate", "high"] as const;
export const stressLabels: Record<(typeof STRESS)[number], string> = { low: "Low", moderate: "Moderate", high: "High" };
export const MOTIVATION = ["no", "single_session", "multi_day"] as const;
export const motivationLabels: Record<(typeof MOTIVATION)[number], string> = {
  no: "No",
  single_session: "For a single session",
  multi_day: "For several days",
};
export const FATIGUE = ["none", "session_specific", "multi_day"] as const;
export const fatigueLabels: Record<(typeof FATIGUE)[number], string> = {
  none: "None",
  session_specific: "Only in certain sessions",
  multi_day: "Lasting several days",
};
export const RECOVERY_YES_NO = [
  ["sleepQualityDeclined", "Sleep quality has got worse"],
  ["fuelingAdequate", "Eating enough for the training"],
  ["hydrationAdequate", "Drinking enough"],
  ["persistentJointSoreness", "Joint soreness that persists"],
  ["performanceDeclining", "Performance is declining"],
  ["weightsMovingNormally", "Weights are moving normally"],
  ["reluctanceMainlyMotivational", "Reluctance to train is mainly about motivation"],
] as const;

export const PSFS_SLOTS = [1, 2, 3, 4, 5] as const;
/** PSFS minimal important change, points on the 0-10 scale (Abbott & Schmitt 2014, JOSPT 44:560). */
export const PSFS_MIC = 2;

// ---------- meta (every step form carries it) ----------

export const stepMetaShape = {
  assessmentId: z.uuid("Unknown assessment"),
  patientId: z.uuid("Unknown patient"),
  version: z.coerce.number().int().min(1),
  /** Which button was pressed: continue to the next step (default), or save and leave. */
  intent: z.preprocess((v) => (blank(v) ? undefined : v), z.enum(["next", "exit"]).optional()),
};

// ---------- step schemas (without meta) ----------

const loadShape = {
  sport: requiredChoice(SPORTS, "Choose the main sport"),
  level: choice(LEVELS, "Choose a level"),
  trainingAgeYears: num("Years training", 0, 90),
  goal: text("Goal", 500),
  hoursPerWeekNow: num("Training hours this week", 0, 168),
  hoursPerWeekUsual: num("Usual training hours", 0, 168),
  runKmPerWeekNow: num("Running km this week", 0, 2000),
  runKmPerWeekUsual: num("Usual running km", 0, 2000),
  hardSessionsPerWeek: num("Hard sessions per week", 0, 50, { int: true }),
  longestRunKm30d: num("Longest run in 30 days", 0, 500),
  weeksSinceDeload: num("Weeks since a lighter week", 0, 520),
};

const complaintShape = {
  region: requiredChoice(REGION_CHOICES, "Choose the region, or “No complaint”"),
  side: choice(SIDES, "Choose a side"),
  onset: choice(ONSETS, "Choose how it started"),
  daysSinceOnset: num("Days since onset", 0, 36500, { int: true }),
  mechanism: text("Mechanism", 500),
  aggravators: text("Aggravating activities", 2000),
  painNowNrs: num("Pain now", 0, 10, { int: true }),
  painWorst24hNrs: num("Worst pain in 24 hours", 0, 10, { int: true }),
  painDuringActivityNrs: num("Pain during activity", 0, 10, { int: true }),
  nextDayResponse: choice(NEXT_DAY, "Choose the next-morning response"),
  trend: choice(TRENDS, "Choose the trend"),
  ...Object.fromEntries(SYMPTOM_ITEMS.map(([k]) => [k, yesNo()])),
} as Record<string, z.ZodType>;

/** The value a red-flag radio posts when the question was deliberately not asked. */
export const NOT_ASKED = "not_asked";

/**
 * A red-flag question: yes, no, or deliberately not asked (with the step's one reason).
 * Unanswered stays undefined: a gap in the screen, which blocks finalizing.
 */
function yesNoOrNotAsked() {
  return z.preprocess(
    (v) => (v === "yes" ? true : v === "no" ? false : blank(v) ? undefined : v),
    z.union([z.boolean(), z.literal(NOT_ASKED)], { error: "Answer yes or no, or mark it not asked" }).optional(),
  );
}

const redFlagShape = {
  ...Object.fromEntries(RED_FLAG_ITEMS.map(([k]) => [k, yesNoOrNotAsked()])),
  /** One reason for every question marked "not asked" (contract: redFlagsNotAsked.reason, 3-500). */
  notAskedReason: text("Reason", 500),
} as Record<string, z.ZodType>;

/** Capacity field names: `<test>__left`, `<test>__right` (per-side tests), `<test>__value`, `<test>__pain`. */
export const capField = (test: string, part: "left" | "right" | "value" | "pain") => `${test}__${part}`;
export const capacityParts = (perSide: boolean) => (perSide ? (["left", "right"] as const) : (["value"] as const));

const capacityShape = Object.fromEntries(
  capacityCatalogue.flatMap((e) => [
    ...capacityParts(e.perSide).map((p) => [capField(e.test, p), num(`${e.label} ${p === "value" ? "result" : p}`, 0, 10000)]),
    [capField(e.test, "pain"), num(`${e.label} pain`, 0, 10, { int: true })],
  ]),
) as Record<string, z.ZodType>;

const recoveryShape = {
  sleepHoursAvg: num("Average sleep", 0, 24),
  lifeStress: choice(STRESS, "Choose a stress level"),
  restingHrBaseline: num("Usual resting heart rate", 25, 250),
  restingHrNow: num("Resting heart rate now", 25, 250),
  restingHrElevatedDays: num("Days elevated", 0, 365, { int: true }),
  motivationLow: choice(MOTIVATION, "Choose an answer"),
  fatiguePattern: choice(FATIGUE, "Choose a fatigue pattern"),
  ...Object.fromEntries(RECOVERY_YES_NO.map(([k]) => [k, yesNo()])),
} as Record<string, z.ZodType>;

/** One LEFS item: a rating 0-4 from its radio group ("" = not answered). */
function lefsItem(n: number) {
  const message = `Rate activity ${n} from 0 to 4`;
  return z.preprocess(
    (v) => (blank(v) ? undefined : typeof v === "string" && /^\d+$/.test(v.trim()) ? Number(v.trim()) : v),
    z.number({ error: message }).int(message).min(0, message).max(4, message).optional(),
  );
}

const outcomesShape = Object.fromEntries([
  ...PSFS_SLOTS.flatMap((i) => [
    [`psfs${i}Activity`, text(`Activity ${i}`, 120)],
    [`psfs${i}Score`, num(`Activity ${i} score`, 0, 10, { int: true })],
  ]),
  // Lower Extremity Functional Scale (lower-limb complaints only; lib/assessments/lefs.ts).
  ...LEFS_FIELDS.map((f, i) => [f, lefsItem(i + 1)]),
]) as Record<string, z.ZodType>;

type Values = Record<string, unknown>;
type Issue = { path: string; message: string };

function refineComplaint(v: Values): Issue[] {
  const out: Issue[] = [];
  if (!blank(v.region) && v.region !== "none") {
    if (blank(v.onset)) out.push({ path: "onset", message: "Choose how it started" });
    if (blank(v.daysSinceOnset)) out.push({ path: "daysSinceOnset", message: "Enter days since onset" });
  }
  return out;
}

function refineRedFlags(v: Values): Issue[] {
  const notAsked = RED_FLAG_ITEMS.some(([k]) => v[k] === NOT_ASKED);
  const reason = typeof v.notAskedReason === "string" ? v.notAskedReason.trim() : "";
  if (notAsked && reason.length < 3) {
    return [{ path: "notAskedReason", message: "Give the reason these questions were not asked (at least 3 characters)" }];
  }
  if (!notAsked && reason) {
    return [{ path: "notAskedReason", message: "Mark the questions that were not asked, or clear this reason" }];
  }
  return [];
}

function refineCapacity(v: Values): Issue[] {
  const out: Issue[] = [];
  for (const e of capacityCatalogue) {
    const any = capacityParts(e.perSide).some((p) => !blank(v[capField(e.test, p)]));
    if (!any && !blank(v[capField(e.test, "pain")])) {
      out.push({ path: capField(e.test, "pain"), message: `Enter the ${e.label.toLowerCase()} result before its pain score` });
    }
  }
  return out;
}

function refineRecovery(v: Values): Issue[] {
  if (!blank(v.restingHrNow) && blank(v.restingHrBaseline)) {
    return [{ path: "restingHrBaseline", message: "Enter the usual resting heart rate to compare with" }];
  }
  return [];
}

function refineOutcomes(v: Values): Issue[] {
  const out: Issue[] = [];
  for (const i of PSFS_SLOTS) {
    const a = v[`psfs${i}Activity`];
    const s = v[`psfs${i}Score`];
    if (!blank(a) && blank(s)) out.push({ path: `psfs${i}Score`, message: `Score activity ${i} from 0 to 10` });
    if (blank(a) && !blank(s)) out.push({ path: `psfs${i}Activity`, message: `Name activity ${i}` });
  }
  // The LEFS is scored only complete (the sum of all 20 items): a started scale needs every item.
  const unanswered = LEFS_FIELDS.filter((f) => blank(v[f]));
  if (unanswered.length > 0 && unanswered.length < LEFS_FIELDS.length) {
    for (const f of unanswered) {
      out.push({ path: f, message: `Rate this activity too (0-4): the LEFS is scored only when all ${LEFS_FIELDS.length} are answered` });
    }
  }
  return out;
}

const stepDefs: Record<FormStepKey, { shape: Record<string, z.ZodType>; refine?: (v: Values) => Issue[] }> = {
  load: { shape: loadShape },
  complaint: { shape: complaintShape, refine: refineComplaint },
  redFlags: { shape: redFlagShape, refine: refineRedFlags },
  capacity: { shape: capacityShape, refine: refineCapacity },
  recovery: { shape: recoveryShape, refine: refineRecovery },
  outcomes: { shape: outcomesShape, refine: refineOutcomes },
};

function build(key: FormStepKey, withMeta: boolean) {
  const def = stepDefs[key];
  const shape = withMeta ? { ...def.shape, ...stepMetaShape } : def.shape;
  // `when`: run the cross-field checks even when a field failed, so every error shows at once
  // (the values may then be raw strings; the checks only ask whether a field is blank).
  return z.object(shape).superRefine(
    (v, ctx) => {
      for (const i of def.refine?.(v) ?? []) ctx.addIssue({ code: "custom", path: [i.path], message: i.message });
    },
    { when: () => true },
  );
}

/** The values a step stores (parsed), without the meta fields. */
export const stepValueSchemas = Object.fromEntries(FORM_STEP_KEYS.map((k) => [k, build(k, false)])) as Record<
  FormStepKey,
  ReturnType<typeof build>
>;
/** What a step form posts: its values plus assessmentId, patientId and version. */
export const stepFormSchemas = Object.fromEntries(FORM_STEP_KEYS.map((k) => [k, build(k, true)])) as Record<
  FormStepKey,
  ReturnType<typeof build>
>;

/** The field names a step owns (what is kept in the draft for that step). */
export const stepFieldNames = (key: FormStepKey) => Object.keys(stepDefs[key].shape);

// ---------- review-step forms ----------

const isoDate = /^\d{4}-\d{2}-\d{2}$/;
/** A calendar day that exists, from 1900 on (PostgreSQL has no year 0; nobody was referred before 1900). */
const isRealDay = (v: string) => v >= "1900-01-01" && !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v);
// The date box shows the browser's own format (mm/dd/yyyy, dd/mm/yyyy, …) and posts ISO; the
// server cannot know which the user saw, so no message names a format (issue 14, "Dates").

/** The red-flag gate: a referral (to whom, when) or an override with a reason. */
export const gateFormSchema = z
  .object({
    ...stepMetaShape,
    gate: z.enum(["referral", "override"], { message: "Choose referral or override" }),
    referralTo: text("Referred to", 200),
    referralDate: z.preprocess(
      (v) => (blank(v) ? undefined : v),
      z
        .string()
        .regex(isoDate, "Enter the full date of the referral: day, month and year")
        // Shaped right is not enough: 2026-02-30 (and year 0) would fail at the database.
        .refine(isRealDay, "Enter a real date for the referral")
        .optional(),
    ),
    overrideReason: text("Reason", 2000),
  })
  .superRefine((v, ctx) => {
    if (v.gate === "referral") {
      if (!v.referralTo) ctx.addIssue({ code: "custom", path: ["referralTo"], message: "Enter who the patient was referred to" });
      if (!v.referralDate) ctx.addIssue({ code: "custom", path: ["referralDate"], message: "Enter the date of the referral" });
    } else if (v.gate === "override" && (!v.overrideReason || v.overrideReason.length < 10)) {
      ctx.addIssue({ code: "custom", path: ["overrideReason"], message: "Give the reason for proceeding without referral (at least 10 characters)" });
    }
  }, { when: () => true });
export type GateFormValues = z.output<typeof gateFormSchema>;

/**
 * Finalize is asked twice: the review's button opens a confirmation listing what is still
 * unanswered, and only its button posts `confirmed=yes` (a single tap never freezes a decision).
 */
export const finalizeFormSchema = z.object({
  ...stepMetaShape,
  confirmed: z.literal("yes", { error: "Confirm that you have seen what is still unanswered" }),
});

export const createDraftFormSchema = z.object({ patientId: z.uuid("Unknown patient") });

/** Amending a final assessment: one step's corrected values, with the reason. */
export const amendFormSchemas = Object.fromEntries(
  FORM_STEP_KEYS.map((k) => {
    const def = stepDefs[k];
    return [
      k,
      z
        .object({
          ...def.shape,
          assessmentId: stepMetaShape.assessmentId,
          patientId: stepMetaShape.patientId,
          amendmentSeq: z.coerce.number().int().min(0),
          reason: z.preprocess(
            (v) => (typeof v === "string" ? v.trim() : v),
            z.string({ error: "Give the reason for the correction" }).min(5, "Give the reason for the correction (at least 5 characters)").max(2000),
          ),
        })
        .superRefine(
          (v, ctx) => {
            for (const i of def.refine?.(v) ?? []) ctx.addIssue({ code: "custom", path: [i.path], message: i.message });
          },
          { when: () => true },
        ),
    ];
  }),
) as unknown as Record<FormStepKey, z.ZodType<Record<string, unknown>>>;
