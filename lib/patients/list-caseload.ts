import "server-only";
import { and, eq, sql, type SQL } from "drizzle-orm";
import type { Db } from "@/db/client";
import { patients } from "@/db/schema";
import { actorAudit, recordAuditEvent } from "@/lib/audit/record-event";
import type { Actor } from "@/lib/auth/actor";
import { clinicTimeZone } from "@/lib/clinics/clinic-time-zone";
import { clinicToday, systemClock, type Clock } from "@/lib/time/clock";
import type { CaseloadQuery } from "@/lib/validation/patient";
import { awaitingReview, nameSearch, overdueOn, worklistColumns, worklistOrder } from "./caseload-sql";

export const CASELOAD_PAGE_SIZE = 20;

/** Whose worklist: always one clinic and one clinician (the signed-in one, for the page). */
export type CaseloadScope = { clinicId: string; clinicianId: string };

function whereFor(scope: CaseloadScope, q: CaseloadQuery, today: string): SQL {
  const conds: SQL[] = [eq(patients.clinicId, scope.clinicId), eq(patients.clinicianId, scope.clinicianId)];
  if (q.status !== "all") conds.push(eq(patients.status, q.status));
  if (q.review) conds.push(awaitingReview(q.review));
  if (q.redFlag) conds.push(eq(patients.openRedFlag, true));
  if (q.overdue) conds.push(overdueOn(today));
  conds.push(...nameSearch(q.q));
  return and(...conds)!;
}

/** One page of the worklist, exported so tests can EXPLAIN exactly what the page runs. */
export function caseloadPageQuery(db: Db, scope: CaseloadScope, q: CaseloadQuery, today: string) {
  return db
    .select(worklistColumns)
    .from(patients)
    .where(whereFor(scope, q, today))
    .orderBy(...worklistOrder(q.sort, q.dir))
    .limit(CASELOAD_PAGE_SIZE)
    .offset((q.page - 1) * CASELOAD_PAGE_SIZE);
}

export function caseloadCountQuery(db: Db, scope: CaseloadScope, q: CaseloadQuery, today: string) {
  return db.select({ total: sql<number>`count(*)::int` }).from(patients).where(whereFor(scope, q, today));
}

/**
 * The signed-in clinician's worklist: their own patients in this clinic, "needs me first" unless
 * another sort is asked for, filtered and paged in the database. `today` is the clinic's day
 * (its time zone), returned so the page marks overdue reassessments against the same day.
 */
export async function listCaseload(db: Db, actor: Actor, q: CaseloadQuery, clock: Clock = systemClock) {
  const today = clinicToday(clock, await clinicTimeZone(db, actor.clinicId));
  const scope = { clinicId: actor.clinicId, clinicianId: actor.userId };
  const [rows, [count]] = await Promise.all([caseloadPageQuery(db, scope, q, today), caseloadCountQuery(db, scope, q, today)]);
  // A list shows names and clinical status: that is a read of patient data, so it is audited too.
  await recordAuditEvent(db, {
    ...actorAudit(actor),
    action: "patient.list",
    entityType: "caseload",
    detail: {
      page: q.page,
      searched: Boolean(q.q),
      sort: q.sort,
      filtered: Boolean(q.review || q.redFlag || q.overdue || q.status !== "active"),
      shown: rows.length,
    },
  });
  return { rows, total: count?.total ?? 0, page: q.page, pageSize: CASELOAD_PAGE_SIZE, today };
}
