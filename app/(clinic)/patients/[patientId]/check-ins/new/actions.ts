"use server";
import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { authedAction } from "@/lib/auth/authed-action";
import { recordClinicianCheckIn } from "@/lib/checkins/record-clinician-check-in";
import { clockForRequest } from "@/lib/time/request-clock";
import { paperCheckInSchema } from "@/lib/validation/paper-check-in";

// Thin adapter: session → role → zod → service. The service checks the clinic, the patient, the
// plan and the dates; a saved row comes back to a fresh form (save and add another).
export const recordPaperCheckInAction = authedAction(paperCheckInSchema, { roles: ["clinician", "admin"] }, async (input, { actor, db }) => {
  await recordClinicianCheckIn(db, actor, input, clockForRequest(await headers()));
  revalidatePath(`/patients/${input.patientId}`);
  redirect(`/patients/${input.patientId}/check-ins/new?saved=${input.sessionDate}`);
});
