import { z } from "zod";
import { CHECKIN_ACTIVITIES, CHECKIN_DONE, MORNING_COMPARISONS } from "@/lib/clinical/checkins/contract";
import { blankToUndef, idempotencyKeySchema, optionalNumber, score } from "./checkin";

// A paper session log typed in by the clinician (issue 13): the columns the printed log has
// (date, session, pain during, next morning) plus the comparison the review needs to read a
// morning answer. One schema for the browser and the server action; the dates allowed need the
// clinic's clock, so the service checks them and answers on `sessionDate`.

const blank = (x: unknown) => x === undefined || x === null || (typeof x === "string" && x.trim() === "");
const always = { when: () => true };

export const paperCheckInSchema = z
  .object({
    patientId: z.string().uuid(),
    idempotencyKey: idempotencyKeySchema,
    sessionDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "Enter the date of the session."),
    activity: z.enum(CHECKIN_ACTIVITIES, { error: "Choose the kind of session." }),
    done: z.enum(CHECKIN_DONE, { error: "Choose as planned, shortened or skipped." }),
    minutes: optionalNumber("the minutes", 0, 600, true),
    distance: optionalNumber("the distance", 0, 300, false),
    painDuringNrs: score("pain during"),
    morningPainNrs: score("next-morning pain"),
    comparedWithBefore: z.preprocess(blankToUndef, z.enum(MORNING_COMPARISONS, { error: "Choose better, same or worse." }).optional()),
    note: z.preprocess((v) => (v === undefined || v === null ? "" : v), z.string().max(500, "Keep the note under 500 characters.")),
  })
  .refine((v) => v.done === "skipped" || !blank(v.painDuringNrs), { ...always, path: ["painDuringNrs"], message: "Enter the pain during the session (0 if none)." })
  .refine((v) => blank(v.morningPainNrs) || !blank(v.comparedWithBefore), {
    ...always,
    path: ["comparedWithBefore"],
    message: "With a next-morning score, say whether it was better, the same or worse than before the session.",
  })
  .refine((v) => v.done !== "skipped" || (blank(v.morningPainNrs) && blank(v.comparedWithBefore)), {
    ...always,
    path: ["comparedWithBefore"],
    message: "A skipped session has no next morning to record.",
  });

export type PaperCheckInForm = z.infer<typeof paperCheckInSchema>;
