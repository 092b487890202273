"use server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { createDraft } from "@/lib/assessments/create-draft";
import { authedAction } from "@/lib/auth/authed-action";
import { createDraftFormSchema } from "@/lib/validation/assessment";

const CLINICAL_ROLES = ["clinician", "admin"] as const;

/** "New assessment": opens the patient's draft (resuming an open one) at the step it was left on. */
export const createDraftAction = authedAction(createDraftFormSchema, { roles: CLINICAL_ROLES }, async (input, { actor, db }) => {
  const { assessment } = await createDraft(db, actor, input.patientId);
  revalidatePath(`/patients/${input.patientId}`);
  redirect(`/patients/${input.patientId}/assessments/${assessment.id}/step/${assessment.currentStep}`);
});
