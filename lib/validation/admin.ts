import { z } from "zod";

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

export const clinicSettingsSchema = z.object({
  units: z.enum(["km", "mi"], { message: "Choose km or miles" }),
  paperSize: z.enum(["A4", "LETTER"], { message: "Choose A4 or Letter" }),
  idleTimeoutMinutes: z.coerce
    .number({ message: "Enter minutes" })
    .int("Whole minutes")
    .min(5, "At least 5 minutes")
    .max(120, "At most 120 minutes"),
  // Engine thresholds (lib/clinical/settings.ts names each one's source); ranges mirror the engine's.
  calfRaiseTargetRunning: wholeNumber("reps", 5, 60),
  calfRaiseTargetOther: wholeNumber("reps", 5, 60),
  lsiMinPct: wholeNumber("%", 70, 100),
  deloadMinWeeks: wholeNumber("weeks", 4, 6),
  deloadMaxWeeks: wholeNumber("weeks", 4, 6),
  sleepHoursTarget: z.coerce.number({ message: "Enter hours" }).min(6, "At least 6 hours").max(10, "At most 10 hours"),
  version: z.coerce.number().int().min(0).optional(),
}).refine((v) => v.deloadMinWeeks <= v.deloadMaxWeeks, { message: "The shortest interval cannot exceed the longest", path: ["deloadMaxWeeks"] });
export type ClinicSettingsValues = z.output<typeof clinicSettingsSchema>;

export const auditQuerySchema = z.object({
  user: z.uuid().optional().catch(undefined),
  // A patient's id (from their page) or any part of their name.
  patient: z.string().trim().max(100).optional().catch(undefined).transform((v) => v || undefined),
  action: z.string().trim().max(60).optional().catch(undefined),
  // Reads only (views, lists, PDFs, exports): "who looked at this record?".
  views: z.enum(["1"]).optional().catch(undefined),
  from: z.iso.date().optional().catch(undefined),
  to: z.iso.date().optional().catch(undefined),
  sort: z.enum(["at", "action", "user", "patient", "ip"]).catch("at").default("at"),
  dir: z.enum(["asc", "desc"]).catch("desc").default("desc"),
  page: z.coerce.number().int().min(1).max(1_000_000).catch(1).default(1),
});
export type AuditQuery = z.output<typeof auditQuerySchema>;

export const CASELOAD_SORTS = ["name", "clinician", "lastAssessed", "verdict", "due", "status"] as const;
export const clinicCaseloadQuerySchema = z.object({
  q: z.string().trim().max(100).optional().catch(undefined),
  clinician: z.uuid().optional().catch(undefined),
  status: z.enum(["active", "discharged", "all"]).catch("active").default("active"),
  flag: z.enum(["red_flag", "overdue"]).optional().catch(undefined),
  verdict: z.enum(["push", "modify", "back_off", "refer", "urgent_referral"]).optional().catch(undefined),
  sort: z.enum(CASELOAD_SORTS).catch("name").default("name"),
  dir: z.enum(["asc", "desc"]).catch("asc").default("asc"),
  page: z.coerce.number().int().min(1).max(100_000).catch(1).default(1),
});
export type ClinicCaseloadQuery = z.output<typeof clinicCaseloadQuerySchema>;

const patientIds = z.preprocess((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]), z.array(z.uuid()).min(1, "Select at least one patient").max(500));

export const bulkPatientSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("reassign"), patientIds, clinicianId: z.uuid("Choose the clinician to hand over to") }),
  z.object({ intent: z.literal("discharge"), patientIds }),
  z.object({ intent: z.literal("reactivate"), patientIds }),
]);
