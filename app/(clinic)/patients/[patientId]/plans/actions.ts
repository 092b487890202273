"use server";
import { redirect } from "next/navigation";
import { authedAction } from "@/lib/auth/authed-action";
import { createPlan } from "@/lib/plans/create-plan";
import { createPlanFormSchema } from "@/lib/validation/plan";

/** "Create plan" / "Open plan" on a final assessment: opens its plan, making it on first use. */
export const createPlanAction = authedAction(createPlanFormSchema, { roles: ["clinician", "admin"] }, async (input, { actor, db }) => {
  const { plan } = await createPlan(db, actor, input);
  redirect(`/patients/${plan.patientId}/plans/${plan.id}`);
});
