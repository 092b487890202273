"use server";
import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import { authedAction } from "@/lib/auth/authed-action";
import { issuePatientLink } from "@/lib/plans/issue-patient-link";
import { publishPlan } from "@/lib/plans/publish-plan";
import { requestOrigin } from "@/lib/plans/request-origin";
import { revokePatientLink } from "@/lib/plans/revoke-patient-link";
import { showPatientLink, type ShownLink } from "@/lib/plans/show-patient-link";
import { savePlanVersion } from "@/lib/plans/save-plan-version";
import { linkDaysSchema, planEditPostSchema, planRefFormSchema } from "@/lib/validation/plan";
import { AppError } from "@/lib/errors";

// Thin adapters (conventions §3): session → role → zod → service → revalidate. The clinic and
// patient scope is enforced by the services. A link comes back in `message` as `link:<url>`, with
// the same origin the PDF and its QR code print (APP_URL when set), so screen and paper agree.

const ROLES = ["clinician", "admin"] as const;
const page = (patientId: string, planId: string) => `/patients/${patientId}/plans/${planId}`;
const linkMessage = async (path: string) => `link:${requestOrigin(await headers())}${path}`;

/** Why a live link cannot be shown, in the clinician's words: each ends by offering a new link. */
const notShown: Record<Exclude<ShownLink["state"], "shown">, string> = {
  none: "There is no live link to show. Issue a link to give the patient one.",
  expired: "The link has expired, so it no longer opens the plan. Issue a new link to give the patient one.",
  not_kept:
    "This link was issued before Loadwise kept links to show again, so it cannot be shown. It still works for the patient if they have it; to hand one over now, issue a new link (that ends this one).",
  unreadable:
    "This link cannot be read on this server any more (its encryption key was changed), so it cannot be shown. It still works for the patient if they have it; to hand one over now, issue a new link (that ends this one).",
};

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
  return { ok: true, message: r.link ? await linkMessage(r.link.path) : `Version ${input.version} published. The patient's link now shows it.` };
});

export const issueLinkAction = authedAction(linkDaysSchema, { roles: ROLES }, async (input, { actor, db }) => {
  const r = await issuePatientLink(db, actor, input);
  revalidatePath(page(input.patientId, input.planId));
  return { ok: true, message: await linkMessage(r.path) };
});

/** The same live link again, for copying, its QR code or the printed PDF: nothing is revoked or renewed. */
export const showLinkAction = authedAction(planRefFormSchema, { roles: ROLES }, async (input, { actor, db }) => {
  const r = await showPatientLink(db, actor, input, { origin: requestOrigin(await headers()) });
  if (r.state !== "shown") return { ok: false, formError: notShown[r.state] };
  return { ok: true, message: `link:${r.url}` };
});

export const revokeLinkAction = authedAction(planRefFormSchema, { roles: ROLES }, async (input, { actor, db }) => {
  const r = await revokePatientLink(db, actor, input);
  revalidatePath(page(input.patientId, input.planId));
  return { ok: true, message: r.revoked ? "Link revoked. It no longer opens the plan." : "There was no live link to revoke." };
});
