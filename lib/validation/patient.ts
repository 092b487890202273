import { z } from "zod";
import { dirParam, flagParam, nameParam, pageParam, reviewParam, STATUS_FILTERS, WORKLIST_SORTS } from "./worklist";

// One schema for the browser (react-hook-form's zodResolver) and the server action. Inputs are
// strings, as a form posts them, so the same schema validates a no-JavaScript POST.
export const SEXES = ["female", "male", "other", "unspecified"] as const;
export const SPORTS = ["running", "lifting", "crossfit", "hyrox", "hybrid", "team_sport", "other"] as const;
export const LEVELS = ["recreational", "competitive", "elite"] as const;

export const sexLabels: Record<(typeof SEXES)[number], string> = {
  female: "Female",
  male: "Male",
  other: "Other",
  unspecified: "Prefer not to say",
};
export const sportLabels: Record<(typeof SPORTS)[number], string> = {
  running: "Running",
  lifting: "Lifting",
  crossfit: "CrossFit",
  hyrox: "HYROX",
  hybrid: "Hybrid",
  team_sport: "Team sport",
  other: "Other",
};
export const levelLabels: Record<(typeof LEVELS)[number], string> = {
  recreational: "Recreational",
  competitive: "Competitive",
  elite: "Elite",
};

const optionalText = (max: number, label: string) =>
  z
    .string()
    .trim()
    .max(max, `${label} must be at most ${max} characters`)
    .optional()
    .transform((v) => (v ? v : undefined));

const isoDate = /^\d{4}-\d{2}-\d{2}$/;

/**
 * A date from a date box: the browser shows it in the user's own format (mm/dd/yyyy in the US,
 * dd/mm/yyyy in the UK, …) and posts it as ISO yyyy-mm-dd, or "" while any part is missing. The
 * server cannot know which format the user saw, so no message names one: an incomplete date is
 * asked for in words (day, month and year), whatever the locale (issue 14, "Dates").
 */
export const DATE_OF_BIRTH_MESSAGES = {
  // A partly typed date box posts "" too, so the empty case also says what a whole date is.
  missing: "Enter the date of birth: day, month and year",
  incomplete: "Enter a complete date of birth: day, month and year",
  notReal: "Enter a real date",
} as const;

export const patientFormSchema = z.object({
  firstName: z.string({ error: "Enter a first name" }).trim().min(1, "Enter a first name").max(100, "First name must be at most 100 characters"),
  lastName: z.string({ error: "Enter a last name" }).trim().min(1, "Enter a last name").max(100, "Last name must be at most 100 characters"),
  dateOfBirth: z
    .string({ error: DATE_OF_BIRTH_MESSAGES.missing })
    .trim()
    .min(1, DATE_OF_BIRTH_MESSAGES.missing)
    .regex(isoDate, DATE_OF_BIRTH_MESSAGES.incomplete)
    .refine((v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v), DATE_OF_BIRTH_MESSAGES.notReal)
    .refine((v) => v >= "1900-01-01", "Date of birth must be after 1900")
    .refine((v) => v <= new Date().toISOString().slice(0, 10), "Date of birth cannot be in the future"),
  sex: z.enum(SEXES, { message: "Choose an option" }),
  sport: z.enum(SPORTS, { message: "Choose the main sport" }),
  level: z
    .union([z.enum(LEVELS), z.literal("")], { message: "Choose a level" })
    .optional()
    .transform((v) => (v ? v : undefined)),
  email: z
    .string()
    .trim()
    .max(254, "Email must be at most 254 characters")
    .optional()
    .refine((v) => !v || z.email().safeParse(v).success, "Enter a valid email address")
    .transform((v) => (v ? v.toLowerCase() : undefined)),
  phone: z
    .string()
    .trim()
    .max(40, "Phone must be at most 40 characters")
    .optional()
    .refine((v) => !v || /^[+()\d\s.-]{5,}$/.test(v), "Enter a phone number using digits, spaces, + ( ) - .")
    .transform((v) => (v ? v : undefined)),
  notes: optionalText(4000, "Notes"),
});

export type PatientFormInput = z.input<typeof patientFormSchema>;
export type PatientFormValues = z.output<typeof patientFormSchema>;

export const PATIENT_STATUSES = ["active", "discharged"] as const;
export const statusLabels: Record<(typeof PATIENT_STATUSES)[number], string> = {
  active: "Active: the patient's link takes check-ins",
  discharged: "Discharged: the link keeps the plan, check-ins close",
};

/**
 * Editing also names the version the clinician started from, to detect concurrent edits, and may
 * set the status (ADR 0018). The edit form always posts a status; absent keeps the stored one.
 */
export const patientUpdateSchema = patientFormSchema.extend({
  patientId: z.uuid("Unknown patient"),
  version: z.coerce.number().int().min(1),
  status: z.enum(PATIENT_STATUSES, { message: "Choose active or discharged" }).optional(),
});
export type PatientUpdateValues = z.output<typeof patientUpdateSchema>;

/**
 * "My caseload", the clinician's worklist (issue 13). A parameter that is missing or not one of
 * the allowed values falls back to its default, so a hand-edited URL shows the list, never a 500.
 * The default order is "needs me first"; that order has one direction only.
 */
export const caseloadQuerySchema = z
  .object({
    q: nameParam,
    status: z.enum(STATUS_FILTERS).catch("active").default("active"),
    review: reviewParam,
    redFlag: flagParam,
    overdue: flagParam,
    sort: z.enum(WORKLIST_SORTS).catch("review").default("review"),
    dir: dirParam,
    page: pageParam,
  })
  .transform((v) => (v.sort === "review" ? { ...v, dir: "asc" as const } : v));
export type CaseloadQuery = z.output<typeof caseloadQuerySchema>;
