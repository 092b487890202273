"use server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { authedAction } from "@/lib/auth/authed-action";
import { createPatient } from "@/lib/patients/create-patient";
import { updatePatient } from "@/lib/patients/update-patient";
import { setReminderConsent } from "@/lib/reminders/set-reminder-consent";
import { reminderConsentSchema } from "@/lib/validation/reminders";
import { patientFormSchema, patientUpdateSchema } from "@/lib/validation/patient";

const CLINICAL_ROLES = ["clinician", "admin"] as const;

export const createPatientAction = authedAction(patientFormSchema, { roles: CLINICAL_ROLES }, async (input, { actor, db }) => {
  const patient = await createPatient(db, actor, input);
  revalidatePath("/patients");
  redirect(`/patients/${patient.id}?created=1`);
});

export const updatePatientAction = authedAction(patientUpdateSchema, { roles: CLINICAL_ROLES }, async (input, { actor, db }) => {
  const patient = await updatePatient(db, actor, input);
  revalidatePath("/patients");
  redirect(`/patients/${patient.id}?saved=1`);
});

export const setReminderConsentAction = authedAction(reminderConsentSchema, { roles: CLINICAL_ROLES }, async (input, { actor, db }) => {
  const row = await setReminderConsent(db, actor, input);
  revalidatePath(`/patients/${row.id}`);
  return {
    ok: true,
    message: input.consent === "yes" ? "Recorded: the patient agreed to reminders." : "Recorded: no reminders for this patient.",
    values: { version: String(row.version), consent: input.consent },
  };
});
