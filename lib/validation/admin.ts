import { z } from "zod";
import { dirParam, pageParam, reviewParam, searchText, STATUS_FILTERS, WORKLIST_SORTS } from "./worklist";
import { defaultEngineSettings, type EngineSettings } from "@/lib/clinical/settings";
import { canonicalTimeZone } from "@/lib/time/time-zones";

export const ROLES = ["clinician", "admin"] as const;
export const roleLabels: Record<(typeof ROLES)[number], string> = { clinician: "Clinician", admin: "Admin" };

export const inviteUserSchema = z.object({
  name: z.string({ error: "Enter a name" }).trim().min(1, "Enter a name").max(120, "Name must be at most 120 characters"),
  email: z
    .string({ error: "Enter an email" })
    .trim()
    .toLowerCase()
    .min(1, "Enter an email")
    .max(254)
    .pipe(z.email("Enter a valid email address")),
  role: z.enum(ROLES, { message: "Choose a role" }),
});

export const userActionSchema = z.object({
  userId: z.uuid("Unknown user"),
  version: z.coerce.number().int().min(1),
});

export const changeRoleSchema = userActionSchema.extend({ role: z.enum(ROLES, { message: "Choose a role" }) });

export const setPasswordSchema = z
  .object({
    token: z.string().min(20).max(100),
    password: z
      .string({ error: "Choose a password" })
      .min(12, "Use at least 12 characters")
      .max(200, "Use at most 200 characters"),
    confirm: z.string({ error: "Repeat the password" }),
  })
  .refine((v) => v.password === v.confirm, { message: "The two passwords differ", path: ["confirm"] });

const wholeNumber = (unit: string, min: number, max: number) =>
  z.coerce
    .number({ message: "Enter a number" })
    .int(`Whole ${unit}`)
    .min(min, `At least ${min}`)
    .max(max, `At most ${max}`);
const decimal = (unit: string, min: number, max: number) =>
  z.coerce.number({ message: `Enter ${unit}` }).min(min, `At least ${min}`).max(max, `At most ${max}`);

// Engine thresholds a clinic may change, each as one form field. `key` (and `part`, for a range
// such as the deload cadence) names the EngineSettings entry it sets; the default shown beside it
// is read from defaultEngineSettings, and `source` says where that default comes from
// (lib/clinical/settings.ts). Ranges mirror engineSettingsSchema.
type EngineKey = keyof EngineSettings;
export type EngineField = {
  name: string;
  key: EngineKey;
  part?: "min" | "max";
  label: string;
  unit: string;
  min: number;
  max: number;
  source: string;
  group: "capacity" | "load" | "pain" | "checkins";
};

export const engineFields = [
  { name: "calfRaiseTargetRunning", key: "calfRaiseTargetRunning", label: "Calf raises for running sports", unit: "reps per side", min: 5, max: 60, source: "clinician rule of thumb", group: "capacity" },
  { name: "calfRaiseTargetOther", key: "calfRaiseTargetOther", label: "Calf raises for other sports", unit: "reps per side", min: 5, max: 60, source: "Goom et al. 2019", group: "capacity" },
  { name: "lsiMinPct", key: "lsiMinPct", label: "Limb symmetry bar", unit: "%", min: 70, max: 100, source: "return-to-sport convention", group: "capacity" },
  { name: "capacitySevereDeficitPct", key: "capacitySevereDeficitPct", label: "Capacity shortfall that backs off", unit: "% below target", min: 25, max: 90, source: "half the target; seed C1, practice convention", group: "capacity" },
  { name: "irritabilityPainNow", key: "irritabilityPainNow", label: "High irritability: pain at rest", unit: "/10 or more", min: 5, max: 10, source: "severe band, clinical convention", group: "pain" },
  { name: "irritabilityPainWorst24h", key: "irritabilityPainWorst24h", label: "High irritability: worst pain in 24 h", unit: "/10 or more", min: 5, max: 10, source: "clinical convention", group: "pain" },
  { name: "startingDoseHoursPerWeek", key: "startingDoseHoursPerWeek", label: "Starting dose from no training", unit: "hours a week", min: 1, max: 20, source: "seed L1", group: "load" },
  { name: "startingDoseRunKmPerWeek", key: "startingDoseRunKmPerWeek", label: "Starting running dose from none", unit: "km a week", min: 3, max: 60, source: "practice convention", group: "load" },
  { name: "overreachingSignsWithObjectiveForBackOff", key: "overreachingSignsWithObjectiveForBackOff", label: "Overreaching signs that back off, one objective", unit: "signs", min: 1, max: 3, source: "seed F2, S3; Meeusen et al. 2013", group: "load" },
  { name: "deloadMinWeeks", key: "deloadEveryWeeks", part: "min", label: "Lighter week every, at least", unit: "weeks", min: 4, max: 6, source: "seed F4", group: "load" },
  { name: "deloadMaxWeeks", key: "deloadEveryWeeks", part: "max", label: "Lighter week every, at most", unit: "weeks", min: 4, max: 6, source: "seed F4", group: "load" },
  { name: "sleepHoursTarget", key: "sleepHoursTarget", label: "Sleep target", unit: "hours", min: 6, max: 10, source: "seed R1", group: "load" },
  { name: "painGreenMax", key: "painGreenMax", label: "Green pain limit", unit: "/10 or less", min: 1, max: 5, source: "Silbernagel et al. 2007; seed P8", group: "checkins" },
  { name: "painAcceptableMax", key: "painAcceptableMax", label: "Acceptable pain limit", unit: "/10 or less", min: 3, max: 7, source: "Silbernagel et al. 2007", group: "checkins" },
  { name: "progressGreenSessions", key: "progressGreenSessions", label: "Green sessions in 7 days to progress", unit: "sessions", min: 2, max: 7, source: "seed P8, product rule", group: "checkins" },
  { name: "flareCutMinPct", key: "flareCutPct", part: "min", label: "Dose cut after a flare, from", unit: "%", min: 5, max: 30, source: "seed P3", group: "checkins" },
  { name: "flareCutMaxPct", key: "flareCutPct", part: "max", label: "Dose cut after a flare, up to", unit: "%", min: 5, max: 30, source: "seed P3", group: "checkins" },
  { name: "noTolerableDoseFlares", key: "noTolerableDoseFlares", label: "Flares after a cut that mean no tolerable dose", unit: "flares", min: 2, max: 5, source: "seed P9", group: "checkins" },
] as const satisfies readonly EngineField[];

/** The engine's cited default for a field, as the form shows it. */
export function engineFieldDefault(f: EngineField, settings: Readonly<EngineSettings> = defaultEngineSettings): number {
  const v = settings[f.key] as unknown;
  return f.part ? (v as { min: number; max: number })[f.part] : (v as number);
}

/** The engine settings a saved form sets (every field; the service stores only what differs from the defaults). */
export function engineSettingsFromForm(v: Record<string, unknown>): Partial<EngineSettings> {
  const out: Record<string, unknown> = {};
  for (const f of engineFields as readonly EngineField[]) {
    const value = v[f.name];
    if (typeof value !== "number") continue;
    if ("part" in f && f.part) out[f.key] = { ...((out[f.key] as object | undefined) ?? {}), [f.part]: value };
    else out[f.key] = value;
  }
  return out as Partial<EngineSettings>;
}

const hours = decimal("hours", 6, 10);

/** Digits, spaces and + ( ) -, 6 to 30 characters, with at least 6 digits: what a patient can dial. */
export const CONTACT_PHONE = /^[\d\s+()-]{6,30}$/;
const optionalContact = z
  .string()
  .trim()
  .optional()
  .transform((v) => (v ? v : undefined));

export const clinicSettingsSchema = z.object({
  units: z.enum(["km", "mi"], { message: "Choose km or miles" }),
  paperSize: z.enum(["A4", "LETTER"], { message: "Choose A4 or Letter" }),
  idleTimeoutMinutes: z.coerce
    .number({ message: "Enter minutes" })
    .int("Whole minutes")
    .min(5, "At least 5 minutes")
    .max(120, "At most 120 minutes"),
  // Printed on patients' links and PDFs; both optional.
  contactPhone: optionalContact.refine(
    (v) => v === undefined || (CONTACT_PHONE.test(v) && (v.match(/\d/g)?.length ?? 0) >= 6),
    "Enter a phone number of 6 to 30 characters: digits, spaces and + ( ) - only",
  ).optional(),
  contactEmail: optionalContact.refine((v) => v === undefined || (v.length <= 254 && z.email().safeParse(v).success), "Enter a valid email address, such as clinic@example.com").optional(),
  // The clinic's day for check-ins and its screens' times (ADR 0015). Stored as Intl spells it;
  // absent (a form without the field) keeps the stored zone.
  timeZone: optionalContact
    .refine((v) => v === undefined || canonicalTimeZone(v) !== null, "Unknown time zone: choose one from the list")
    .transform((v) => (v === undefined ? undefined : canonicalTimeZone(v)!))
    .optional(),
  // RTM data days: whether a typed paper log counts (ADR 0029). Absent keeps the stored choice.
  rtmCountPaperLogs: z.enum(["off", "on"], { message: "Choose whether paper logs count" }).optional(),
  // Engine thresholds (engineFields above; lib/clinical/settings.ts names each one's source).
  calfRaiseTargetRunning: wholeNumber("reps", 5, 60),
  calfRaiseTargetOther: wholeNumber("reps", 5, 60),
  lsiMinPct: wholeNumber("%", 70, 100),
  // From 25: above the 20 % shortfall that already modifies (engine: capacityMajorDeficitPct < capacitySevereDeficitPct).
  capacitySevereDeficitPct: decimal("a percentage", 25, 90),
  irritabilityPainNow: wholeNumber("points", 5, 10),
  irritabilityPainWorst24h: wholeNumber("points", 5, 10),
  startingDoseHoursPerWeek: decimal("hours", 1, 20),
  startingDoseRunKmPerWeek: decimal("km", 3, 60),
  overreachingSignsWithObjectiveForBackOff: wholeNumber("signs", 1, 3),
  deloadMinWeeks: wholeNumber("weeks", 4, 6),
  deloadMaxWeeks: wholeNumber("weeks", 4, 6),
  sleepHoursTarget: hours,
  painGreenMax: wholeNumber("points", 1, 5),
  painAcceptableMax: wholeNumber("points", 3, 7),
  progressGreenSessions: wholeNumber("sessions", 2, 7),
  flareCutMinPct: wholeNumber("%", 5, 30),
  flareCutMaxPct: wholeNumber("%", 5, 30),
  noTolerableDoseFlares: wholeNumber("flares", 2, 5),
  version: z.coerce.number().int().min(0).optional(),
})
  .refine((v) => v.deloadMinWeeks <= v.deloadMaxWeeks, { message: "The shortest interval cannot exceed the longest", path: ["deloadMaxWeeks"] })
  .refine((v) => v.painGreenMax < v.painAcceptableMax, { message: "Must be below the acceptable pain limit", path: ["painGreenMax"] })
  .refine((v) => v.flareCutMinPct <= v.flareCutMaxPct, { message: "The larger cut cannot be below the smaller", path: ["flareCutMaxPct"] });
export type ClinicSettingsValues = z.output<typeof clinicSettingsSchema>;

// A day the trail can be filtered by: PostgreSQL has no year 0, and the day after 9999-12-31 (the
// end of a `to` day) is a year JavaScript writes as "+010000", which it cannot read. Outside that
// range the filter is ignored, like any unusable parameter.
const auditDay = z.iso
  .date()
  .refine((v) => v >= "1900-01-01" && v < "9999-12-31")
  .optional()
  .catch(undefined);

export const auditQuerySchema = z.object({
  user: z.uuid().optional().catch(undefined),
  // A patient's id (from their page) or any part of their name.
  patient: searchText(100).transform((v) => v || undefined),
  action: searchText(60),
  // Reads only (views, lists, PDFs, exports): "who looked at this record?".
  views: z.enum(["1"]).optional().catch(undefined),
  from: auditDay,
  to: auditDay,
  sort: z.enum(["at", "action", "user", "patient", "ip"]).catch("at").default("at"),
  dir: z.enum(["asc", "desc"]).catch("desc").default("desc"),
  page: z.coerce.number().int().min(1).max(1_000_000).catch(1).default(1),
});
export type AuditQuery = z.output<typeof auditQuerySchema>;

export const CASELOAD_SORTS = [...WORKLIST_SORTS, "clinician", "lastAssessed", "status"] as const;
export const clinicCaseloadQuerySchema = z
  .object({
    q: searchText(100),
    clinician: z.uuid().optional().catch(undefined),
    status: z.enum(STATUS_FILTERS).catch("active").default("active"),
    flag: z.enum(["red_flag", "overdue"]).optional().catch(undefined),
    verdict: z.enum(["push", "modify", "back_off", "refer", "urgent_referral"]).optional().catch(undefined),
    review: reviewParam,
    sort: z.enum(CASELOAD_SORTS).catch("name").default("name"),
    dir: dirParam,
    page: pageParam,
  })
  // "Needs review first" has one direction only (lib/patients/caseload-sql.ts).
  .transform((v) => (v.sort === "review" ? { ...v, dir: "asc" as const } : v));
export type ClinicCaseloadQuery = z.output<typeof clinicCaseloadQuerySchema>;

const patientIds = z.preprocess((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]), z.array(z.uuid()).min(1, "Select at least one patient").max(500));

const UUID_PAIR = /^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}):([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i;

/**
 * Who each listed patient was with when the page was drawn (`<patientId>:<clinicianId>`, one
 * hidden field per row): a reassignment moves a patient only from that clinician, so two admins
 * handing over the same patient at once get one result and a conflict, not a silent overwrite
 * (ADR 0004).
 */
const assignedTo = z.preprocess(
  (v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]),
  z
    .array(z.string().regex(UUID_PAIR, "Reload the page and select again"))
    .max(1000)
    .transform((pairs) => Object.fromEntries(pairs.map((p) => [p.slice(0, 36).toLowerCase(), p.slice(37).toLowerCase()])) as Record<string, string>),
);

export const bulkPatientSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("reassign"), patientIds, clinicianId: z.uuid("Choose the clinician to hand over to"), assignedTo }),
  z.object({ intent: z.literal("discharge"), patientIds }),
  z.object({ intent: z.literal("reactivate"), patientIds }),
]);
