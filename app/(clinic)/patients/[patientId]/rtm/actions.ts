"use server";
import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { authedAction } from "@/lib/auth/authed-action";
import { endRtmEpisode, recordRtmSetup, startRtmEpisode } from "@/lib/monitoring/episodes";
import { logRtmTime, voidRtmTimeEntry } from "@/lib/monitoring/time-log";
import { clockForRequest } from "@/lib/time/request-clock";
import {
  correctRtmTimeFormSchema,
  endRtmEpisodeSchema,
  logRtmTimeFormSchema,
  recordRtmSetupSchema,
  startRtmEpisodeSchema,
  voidRtmTimeFormSchema,
} from "@/lib/validation/rtm";

// Thin adapters: session → role → zod → service. The services check the clinic (another clinic's
// patient or episode is "not found"), the dates and the version the page was rendered with.
const roles = { roles: ["clinician", "admin"] } as const;
const clock = async () => clockForRequest(await headers());

function backToRtm(patientId: string, saved: string): never {
  revalidatePath(`/patients/${patientId}/rtm`);
  redirect(`/patients/${patientId}/rtm?saved=${saved}`);
}

export const startRtmEpisodeAction = authedAction(startRtmEpisodeSchema, roles, async (input, { actor, db }) => {
  const e = await startRtmEpisode(db, actor, input, await clock());
  backToRtm(e.patientId, "started");
});

export const recordRtmSetupAction = authedAction(recordRtmSetupSchema, roles, async (input, { actor, db }) => {
  const e = await recordRtmSetup(db, actor, input, await clock());
  backToRtm(e.patientId, "setup");
});

export const endRtmEpisodeAction = authedAction(endRtmEpisodeSchema, roles, async (input, { actor, db }) => {
  const e = await endRtmEpisode(db, actor, input, await clock());
  backToRtm(e.patientId, "ended");
});

export const logRtmTimeAction = authedAction(logRtmTimeFormSchema, roles, async (input, { actor, db }) => {
  const row = await logRtmTime(
    db,
    actor,
    { patientId: input.patientId, entryDate: input.entryDate, minutes: input.minutes, activity: input.activity, interactive: input.interactive === "yes", performedBy: input.performedBy, reviewId: input.reviewId || undefined },
    await clock(),
  );
  if (input.returnTo === "queue") {
    revalidatePath("/reviews");
    redirect(`/reviews?logged=${row.patientId}`);
  }
  backToRtm(row.patientId, "logged");
});

export const correctRtmTimeAction = authedAction(correctRtmTimeFormSchema, roles, async (input, { actor, db }) => {
  const row = await logRtmTime(
    db,
    actor,
    { patientId: input.patientId, entryDate: input.entryDate, minutes: input.minutes, activity: input.activity, interactive: input.interactive === "yes", performedBy: input.performedBy, correctsId: input.correctsId },
    await clock(),
  );
  backToRtm(row.patientId, "corrected");
});

export const voidRtmTimeAction = authedAction(voidRtmTimeFormSchema, roles, async (input, { actor, db }) => {
  const row = await voidRtmTimeEntry(db, actor, input, await clock());
  backToRtm(row.patientId, "withdrawn");
});
