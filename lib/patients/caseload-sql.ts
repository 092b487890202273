import "server-only";
import { asc, desc, eq, ilike, isNotNull, isNull, lt, lte, or, sql, type SQL, type SQLWrapper } from "drizzle-orm";
import { patients } from "@/db/schema";
import { queuePriority } from "@/lib/reviews/queue-order";
import type { ReviewFilter, WorklistSort } from "@/lib/validation/worklist";

// The SQL both caseloads share: "My caseload" (lib/patients/list-caseload.ts) and the admin's
// clinic caseload (lib/admin/clinic-caseload.ts). One place, so a sort or a filter means the same
// on both screens and in the CSV, and each keeps matching the index that serves it
// (tests/integration/caseload-indexes.test.ts).

/** The worklist's columns, selected the same way by both caseloads and the export. */
export const worklistColumns = {
  id: patients.id,
  firstName: patients.firstName,
  lastName: patients.lastName,
  dateOfBirth: patients.dateOfBirth,
  sport: patients.sport,
  level: patients.level,
  status: patients.status,
  lastAssessedAt: patients.lastAssessedAt,
  lastVerdict: patients.lastVerdict,
  currentStage: patients.currentStage,
  openRedFlag: patients.openRedFlag,
  nextReassessmentDue: patients.nextReassessmentDue,
  lastCheckInOn: patients.lastCheckInOn,
  reviewSuggestion: patients.reviewSuggestion,
  reviewWaitingSince: patients.reviewWaitingSince,
  flaresLast7Days: patients.flaresLast7Days,
  dataDaysLast30: patients.dataDaysLast30,
  checkInStatsOn: patients.checkInStatsOn,
};

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/** Each word of a name search must match the first or the last name; wildcards are literal. */
export function nameSearch(q: string | undefined): SQL[] {
  if (!q) return [];
  return q
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 4)
    .map((w) => {
      const p = `%${escapeLike(w)}%`;
      return or(ilike(patients.firstName, p), ilike(patients.lastName, p))!;
    });
}

/** Due before the clinic's own today (lib/time/clock.ts clinicToday), not the server's UTC day. */
export const overdueOn = (today: string) => lt(patients.nextReassessmentDue, today);

/**
 * The "awaiting review" filters. They read review_priority, not review_suggestion: the two are
 * written together from the pending review (lib/reviews/refresh-review.ts, priority =
 * queuePriority(suggestion)), and only the priority is in the worklist indexes
 * (patients_review_idx, patients_clinician_review_idx), so these stay index range reads.
 */
export function awaitingReview(filter: ReviewFilter): SQL {
  switch (filter) {
    case "waiting":
      return isNotNull(patients.reviewPriority);
    case "care":
      return lte(patients.reviewPriority, queuePriority("seek_care"));
    case "urgent":
      return eq(patients.reviewPriority, queuePriority("urgent_care"));
    case "none":
      return isNull(patients.reviewPriority);
  }
}

// Verdicts sort by caution, not alphabetically. The same expression is indexed (migration 0008).
const verdictRank = sql`array_position(array['push','modify','back_off','refer','urgent_referral']::text[], ${patients.lastVerdict})`;

/**
 * ORDER BY for each shared sort. Every one matches an index exactly or in reverse, ties broken by
 * id in the same direction, so a page is read off an index, never by sorting the whole caseload.
 *  - review ("needs me first"): urgent, seek care, regress, progress, nothing waiting; oldest
 *    first within each. One direction only (the query schemas pin it to asc).
 *  - verdict, due: ascending or descending, empty values last either way (two indexes each).
 *  - lastCheckIn, flares, dataDays: one index each, newest/most first with empty last; the
 *    reverse reads it backwards, so oldest first puts "never checked in" first, which is also
 *    what it means: longer ago than any date.
 */
export function worklistOrder(sort: WorklistSort, dir: "asc" | "desc"): SQL[] {
  const d = dir === "desc" ? desc : asc;
  const nullsLast = (col: SQLWrapper) => sql`${col} ${sql.raw(dir)} nulls last`;
  // id is never null; the null ordering is spelled out to match the indexes.
  const byId = nullsLast(patients.id);
  const oneIndex = (col: SQLWrapper) => sql`${col} ${sql.raw(dir === "desc" ? "desc nulls last" : "asc nulls first")}`;
  switch (sort) {
    case "review":
      return [sql`${patients.reviewPriority} asc nulls last`, sql`${patients.reviewWaitingSince} asc nulls last`, sql`${patients.id} asc nulls last`];
    case "verdict":
      return [nullsLast(verdictRank), byId];
    case "due":
      return [nullsLast(patients.nextReassessmentDue), byId];
    case "lastCheckIn":
      return [oneIndex(patients.lastCheckInOn), oneIndex(patients.id)];
    case "flares":
      return [oneIndex(patients.flaresLast7Days), oneIndex(patients.id)];
    case "dataDays":
      return [oneIndex(patients.dataDaysLast30), oneIndex(patients.id)];
    case "name":
      return [d(patients.lastName), d(patients.firstName), d(patients.id)];
  }
}
