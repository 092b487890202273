import { z } from "zod";

const clockTime = (label: string) =>
  z
    .string({ error: `Enter the ${label} as HH:MM` })
    .trim()
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/, `Enter the ${label} as HH:MM on a 24-hour clock, for example 21:00`);

/** The reminder settings form on /admin/settings (issue 19). */
export const reminderSettingsSchema = z.object({
  enabled: z.enum(["on", "off"], { message: "Choose on or off" }),
  silenceDays: z.coerce
    .number({ message: "Enter a number of days" })
    .int("Whole days")
    .min(1, "At least 1 day")
    .max(30, "At most 30 days"),
  quietStart: clockTime("start of quiet hours"),
  quietEnd: clockTime("end of quiet hours"),
  senderName: z.string().trim().max(80, "At most 80 characters").regex(/^[^\r\n<>"]*$/, "Letters, digits and spaces only, no quotes or angle brackets").optional().default(""),
  senderEmail: z
    .string()
    .trim()
    .toLowerCase()
    .max(254)
    .refine((v) => v === "" || z.email().safeParse(v).success, "Enter a valid email address, or leave it empty to use the server's")
    .optional()
    .default(""),
  version: z.coerce.number().int().min(0).optional(),
});
export type ReminderSettingsValues = z.output<typeof reminderSettingsSchema>;

/** The clinician's record of the patient's answer to "may we email you reminders?". */
export const reminderConsentSchema = z.object({
  patientId: z.uuid("Unknown patient"),
  consent: z.enum(["yes", "no"], { message: "Choose whether the patient agreed" }),
  version: z.coerce.number().int().min(1),
});
export type ReminderConsentValues = z.output<typeof reminderConsentSchema>;

/** The stop link's one-click confirmation. */
export const stopRemindersSchema = z.object({ token: z.string().regex(/^[A-Za-z0-9_-]{32}$/, "This link no longer works") });
