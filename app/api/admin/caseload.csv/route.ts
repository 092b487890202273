import { exportClinicCaseload } from "@/lib/admin/clinic-caseload";
import { authedRoute } from "@/lib/auth/authed-route";
import { csvResponse, toCsv } from "@/lib/csv";
import { clinicCaseloadQuerySchema } from "@/lib/validation/admin";

/**
 * The filtered clinic caseload as CSV, in the page's order. No free-text clinical notes leave
 * through it. Days are ISO dates (the clinic's calendar day); instants are ISO times in UTC.
 */
export const GET = authedRoute({ roles: ["admin"] }, async (req, { actor, db }) => {
  const q = clinicCaseloadQuerySchema.parse(Object.fromEntries(new URL(req.url).searchParams));
  const rows = await exportClinicCaseload(db, actor, q);
  const body = toCsv(
    [
      "patient_id",
      "first_name",
      "last_name",
      "sport",
      "status",
      "clinician",
      "last_assessed_utc",
      "last_verdict",
      "current_stage",
      "open_red_flag",
      "next_reassessment_due",
      "awaiting_review",
      "review_waiting_since_utc",
      "last_check_in",
      "flares_last_7_days",
      "data_days_last_30",
      "check_in_stats_on",
    ],
    rows.map((r) => [
      r.id,
      r.firstName,
      r.lastName,
      r.sport,
      r.status,
      r.clinicianName,
      r.lastAssessedAt,
      r.lastVerdict,
      r.currentStage,
      r.openRedFlag ? "yes" : "no",
      r.nextReassessmentDue,
      r.reviewSuggestion,
      r.reviewWaitingSince,
      r.lastCheckInOn,
      r.flaresLast7Days,
      r.dataDaysLast30,
      r.checkInStatsOn,
    ]),
  );
  return csvResponse(`caseload-${new Date().toISOString().slice(0, 10)}.csv`, body);
});
