"use server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { amendAssessment } from "@/lib/assessments/amend-assessment";
import { finalizeAssessment } from "@/lib/assessments/finalize-assessment";
import { recordReferral } from "@/lib/assessments/record-referral";
import { saveStep } from "@/lib/assessments/save-step";
import { authedAction } from "@/lib/auth/authed-action";
import {
  amendFormSchemas,
  finalizeFormSchema,
  gateFormSchema,
  stepByKey,
  stepFormSchemas,
  type FormStepKey,
} from "@/lib/validation/assessment";

// Thin adapters (conventions §3): session → role → the step's own zod schema → service →
// redirect. The clinic and patient scope is enforced by the services.

const CLINICAL_ROLES = ["clinician", "admin"] as const;
const base = (patientId: string, assessmentId: string) => `/patients/${patientId}/assessments/${assessmentId}`;

function stepAction(step: FormStepKey) {
  return authedAction(stepFormSchemas[step], { roles: CLINICAL_ROLES }, async (input, { actor, db }) => {
    const { assessmentId, patientId, version, intent, ...values } = input as Record<string, unknown> & {
      assessmentId: string;
      patientId: string;
      version: number;
      intent?: "next" | "exit";
    };
    const n = stepByKey(step).n;
    await saveStep(db, actor, { assessmentId, patientId, version, step, values, nextStep: intent === "exit" ? n : n + 1 });
    revalidatePath(`/patients/${patientId}`);
    redirect(intent === "exit" ? `/patients/${patientId}?draftSaved=1` : `${base(patientId, assessmentId)}/step/${n + 1}`);
  });
}

export const saveLoadStep = stepAction("load");
export const saveComplaintStep = stepAction("complaint");
export const saveRedFlagsStep = stepAction("redFlags");
export const saveCapacityStep = stepAction("capacity");
export const saveRecoveryStep = stepAction("recovery");
export const saveOutcomesStep = stepAction("outcomes");

export const recordGateAction = authedAction(gateFormSchema, { roles: CLINICAL_ROLES }, async (input, { actor, db }) => {
  const row = await recordReferral(db, actor, input);
  revalidatePath(`/patients/${input.patientId}`);
  redirect(row.status === "final" ? `${base(input.patientId, input.assessmentId)}?referral=1` : `${base(input.patientId, input.assessmentId)}/step/7?gate=1`);
});

export const finalizeAction = authedAction(finalizeFormSchema, { roles: CLINICAL_ROLES }, async (input, { actor, db }) => {
  await finalizeAssessment(db, actor, input);
  revalidatePath(`/patients/${input.patientId}`);
  redirect(`${base(input.patientId, input.assessmentId)}?finalized=1`);
});

function amendAction(step: FormStepKey) {
  return authedAction(amendFormSchemas[step], { roles: CLINICAL_ROLES }, async (input, { actor, db }) => {
    const { assessmentId, patientId, amendmentSeq, reason, ...values } = input as Record<string, unknown> & {
      assessmentId: string;
      patientId: string;
      amendmentSeq: number;
      reason: string;
    };
    await amendAssessment(db, actor, { assessmentId, patientId, amendmentSeq, reason, step, values });
    revalidatePath(`/patients/${patientId}`);
    redirect(`${base(patientId, assessmentId)}?amended=1`);
  });
}

export const amendLoadStep = amendAction("load");
export const amendComplaintStep = amendAction("complaint");
export const amendRedFlagsStep = amendAction("redFlags");
export const amendCapacityStep = amendAction("capacity");
export const amendRecoveryStep = amendAction("recovery");
export const amendOutcomesStep = amendAction("outcomes");
