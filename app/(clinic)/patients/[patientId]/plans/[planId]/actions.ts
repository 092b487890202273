"use server";
import { revalidatePath } from "next/cache";
import { authedAction } from "@/lib/auth/authed-action";
import { issuePatientLink } from "@/lib/plans/issue-patient-link";
import { publishPlan } from "@/lib/plans/publish-plan";
import { revokePatientLink } from "@/lib/plans/revoke-patient-link";
import { savePlanVersion } from "@/lib/plans/save-plan-version";
import { linkDaysSchema, planEditPostSchema, planRefFormSchema } from "@/lib/validation/plan";
import { AppError } from "@/lib/errors";

// Thin adapters (conventions §3): session → role → zod → service → revalidate. The clinic and
// patient scope is enforced by the services. A new link's path comes back once, in `message`:
// only its hash is stored.

const ROLES = ["clinician", "admin"] as const;
const page = (patientId: string, planId: string) => `/patients/${patientId}/plans/${planId}`;

export const savePlanAction = authedAction(planEditPostSchema, { roles: ROLES }, async (input, { actor, db }) => {
  const r = await savePlanVersion(db, actor, input);
  revalidatePath(page(input.patientId, input.planId));
  return { ok: true, message: `Saved as version ${r.version}.${r.overrides.length ? " Changes beyond the engine's limits were recorded with your reasons." : ""}` };
});

export const publishPlanAction = authedAction(planRefFormSchema, { roles: ROLES }, async (input, { actor, db }) => {
  if (input.version === undefined) throw new AppError("invalid", "plan", "Choose the version to publish.");
  const r = await publishPlan(db, actor, { patientId: input.patientId, planId: input.planId, version: input.version });
  revalidatePath(page(input.patientId, input.planId));
  revalidatePath(`/patients/${input.patientId}`);
  return { ok: true, message: r.link ? `link:${r.link.path}` : `Version ${input.version} published. The patient's link now shows it.` };
});

export const issueLinkAction = authedAction(linkDaysSchema, { roles: ROLES }, async (input, { actor, db }) => {
  const r = await issuePatientLink(db, actor, input);
  revalidatePath(page(input.patientId, input.planId));
  return { ok: true, message: `link:${r.path}` };
});

export const revokeLinkAction = authedAction(planRefFormSchema, { roles: ROLES }, async (input, { actor, db }) => {
  const r = await revokePatientLink(db, actor, input);
  revalidatePath(page(input.patientId, input.planId));
  return { ok: true, message: r.revoked ? "Link revoked. It no longer opens the plan." : "There was no live link to revoke." };
});
