// Forms of the RTM records (issue 19), shared by react-hook-form and the services. No db imports.
import { z } from "zod";
import { isIsoDate } from "@/lib/rtm/dates";

/** The version the page was rendered with; past a Postgres integer it cannot be one we sent. */
const version = z.coerce.number().int().min(1).max(2_147_483_647, "Reload the page and try again.");

const day = (what: string) => z.string({ error: `Enter ${what}.` }).refine(isIsoDate, { message: `Enter ${what} as a real date.` });

export const startRtmEpisodeSchema = z.object({
  patientId: z.string(),
  consentMethod: z.enum(["verbal", "written", "electronic"], { error: "Choose how the patient gave consent." }),
  startedOn: day("the day monitoring starts"),
});
export type StartRtmEpisodeForm = z.infer<typeof startRtmEpisodeSchema>;

export const endRtmEpisodeSchema = z.object({
  episodeId: z.string(),
  endedOn: day("the last monitored day"),
  version,
});
export type EndRtmEpisodeForm = z.infer<typeof endRtmEpisodeSchema>;

export const recordRtmSetupSchema = z.object({
  episodeId: z.string(),
  setupEducationOn: day("the day of set-up and education"),
  version,
});
export type RecordRtmSetupForm = z.infer<typeof recordRtmSetupSchema>;

export const logRtmTimeSchema = z.object({
  patientId: z.string(),
  entryDate: day("the day of the work"),
  minutes: z.coerce.number({ error: "Enter the minutes." }).int("Enter whole minutes.").min(1, "Enter 1 to 240 minutes.").max(240, "Enter 1 to 240 minutes."),
  activity: z.string().trim().min(1, "Say what was done.").max(500, "Keep it under 500 characters."),
  interactive: z.boolean(),
  performedBy: z.enum(["pt", "pta"], { error: "Choose therapist or assistant." }).default("pt"),
  /** The entry this one corrects; its minutes replace the old ones. */
  correctsId: z.string().optional(),
  /** With correctsId: withdraw the entry (it counts no minutes). */
  voided: z.boolean().default(false),
  reviewId: z.string().optional(),
});
export type LogRtmTimeForm = z.input<typeof logRtmTimeSchema>;

// ---- The forms on the RTM page and the review cards (FormData: strings only) ----------------

const yesNo = (error: string) => z.enum(["yes", "no"], { error });

/** Minutes as typed on the RTM page or a review card; the action maps it onto logRtmTimeSchema. */
export const logRtmTimeFormSchema = z.object({
  patientId: z.string(),
  entryDate: day("the day of the work"),
  minutes: z
    .string({ error: "Enter the minutes." })
    .trim()
    .min(1, "Enter the minutes.")
    .transform(Number)
    .pipe(z.number({ error: "Enter the minutes as a number." }).int("Enter whole minutes.").min(1, "Enter 1 to 240 minutes.").max(240, "Enter 1 to 240 minutes.")),
  activity: z.string().trim().min(1, "Say what was done.").max(500, "Keep it under 500 characters."),
  interactive: yesNo("Say whether there was a live call or video with the patient."),
  performedBy: z.enum(["pt", "pta"], { error: "Choose therapist or assistant." }),
  /** Where to go after saving: the RTM page, or back to the review queue. */
  returnTo: z.enum(["rtm", "queue"]).default("rtm"),
  reviewId: z.string().optional(),
});
export type LogRtmTimeFormValues = z.output<typeof logRtmTimeFormSchema>;

/** A correction: the same fields, naming the entry it replaces. */
export const correctRtmTimeFormSchema = logRtmTimeFormSchema.omit({ returnTo: true, reviewId: true }).extend({ correctsId: z.string() });

/** Withdraws an entry: it then counts no minutes (a new row says so; the old one stays). */
export const voidRtmTimeFormSchema = z.object({ patientId: z.string(), correctsId: z.string() });
