import { engineSettingsSchema, reviewBatch } from "@/lib/clinical";
import { authedRoute, jsonResponse, readJson } from "@/lib/auth/authed-route";
import { getClinicSettings } from "@/lib/clinics/get-clinic-settings";

/**
 * POST /api/v1/review-checkins — the check-in review over HTTP, speaking check-in contract v1
 * (shared/clinical/checkins.md). Body: one CheckInReviewInput (→ one CheckInReview) or an array
 * (→ an array in the same order). Invalid input: 422 with every field error by contract path.
 * Nothing is stored and no patient is read, so nothing is audited here; the clinic's own engine
 * settings (pain limits, sessions to progress, cut size) apply.
 */
export const POST = authedRoute({ roles: ["clinician", "admin"] }, async (req, { actor, db }) => {
  const body = await readJson(req);
  if (!body.ok) return body.response;
  const clinic = await getClinicSettings(db, actor.clinicId);
  const settings = engineSettingsSchema.safeParse(clinic.engine ?? {});
  const result = reviewBatch(body.body, { settings: settings.success ? settings.data : undefined });
  if (result.kind === "single") {
    return result.ok
      ? jsonResponse(200, result.review)
      : jsonResponse(422, { error: { code: "invalid:checkin_review_input", message: "The input does not match check-in contract v1.", fieldErrors: result.errors } });
  }
  if (result.invalid > 0) {
    return jsonResponse(422, {
      error: { code: "invalid:checkin_review_input", message: `${result.invalid} of ${result.items.length} inputs do not match check-in contract v1.` },
      items: result.items,
    });
  }
  return jsonResponse(200, result.items);
});
