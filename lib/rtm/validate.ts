// Contract v1 input of the RTM worksheet (lib/rtm/CONTRACT.md), checked with zod. Every error
// carries its dotted path (e.g. `episode.startedOn`, `timeLog.2.minutes`).
import { z } from "zod";
import { CODE_TABLE_CY2026 } from "./code-table-cy2026";
import { isIsoDate } from "./dates";

export const RTM_CONTRACT_VERSION = 1 as const;

const isoDate = z.string({ error: "Required: a date written YYYY-MM-DD." }).refine(isIsoDate, { message: "Not a real calendar date (expected YYYY-MM-DD)." });

export const rtmTimeLogEntrySchema = z.object({
  date: isoDate,
  minutes: z
    .number({ error: "Required: a whole number of minutes." })
    .int("Minutes must be a whole number.")
    .min(1, "Minutes must be between 1 and 240.")
    .max(CODE_TABLE_CY2026.maxMinutesPerEntry, "Minutes must be between 1 and 240."),
  interactive: z.boolean({ error: "Required: true when this was a live two-way call or video with the patient." }),
  by: z.enum(["pt", "pta"], { error: 'Required: "pt" (physical therapist) or "pta" (assistant).' }),
});

export const rtmWorksheetInputSchema = z
  .object({
    contractVersion: z.literal(RTM_CONTRACT_VERSION, { error: "contractVersion must be 1." }),
    today: isoDate,
    episode: z.object(
      {
        startedOn: isoDate,
        endedOn: isoDate.optional(),
        setupEducationOn: isoDate.optional(),
      },
      { error: "Required: the monitoring episode." },
    ),
    dataDays: z.array(isoDate, { error: "Required: a list of dates (may be empty)." }),
    timeLog: z.array(rtmTimeLogEntrySchema, { error: "Required: a list of time-log entries (may be empty)." }),
  });

export type RtmWorksheetInput = z.infer<typeof rtmWorksheetInputSchema>;
export type RtmTimeLogEntry = z.infer<typeof rtmTimeLogEntrySchema>;
export type RtmFieldError = { path: string; message: string };

// Cross-field rules, checked on the raw value so they are reported together with every field
// error (a zod refinement would run only once the whole object parsed).
function crossFieldErrors(raw: unknown): RtmFieldError[] {
  if (raw === null || typeof raw !== "object") return [];
  const r = raw as { today?: unknown; episode?: unknown };
  const ep = (r.episode !== null && typeof r.episode === "object" ? r.episode : {}) as { startedOn?: unknown; endedOn?: unknown };
  const errors: RtmFieldError[] = [];
  if (isIsoDate(ep.startedOn) && isIsoDate(ep.endedOn) && ep.endedOn < ep.startedOn) {
    errors.push({ path: "episode.endedOn", message: "The episode cannot end before it started." });
  }
  if (isIsoDate(ep.startedOn) && isIsoDate(r.today) && r.today < ep.startedOn) {
    errors.push({ path: "today", message: "today is before the episode started." });
  }
  return errors;
}

export function parseRtmInput(raw: unknown): { ok: true; input: RtmWorksheetInput } | { ok: false; errors: RtmFieldError[] } {
  const parsed = rtmWorksheetInputSchema.safeParse(raw);
  const cross = crossFieldErrors(raw);
  if (parsed.success && cross.length === 0) return { ok: true, input: parsed.data };
  const fieldErrors = parsed.success ? [] : parsed.error.issues.map((i) => ({ path: i.path.map(String).join("."), message: i.message }));
  return { ok: false, errors: [...fieldErrors, ...cross] };
}
