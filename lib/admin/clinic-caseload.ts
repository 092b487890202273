import "server-only";
import { startOfWeek } from "date-fns";
import { and, asc, desc, eq, gte, inArray, ne, sql, type SQL } from "drizzle-orm";
import type { Db } from "@/db/client";
import { patients, plans, users } from "@/db/schema";
import { actorAudit, recordAuditEvent } from "@/lib/audit/record-event";
import type { Actor } from "@/lib/auth/actor";
import { clinicTimeZone } from "@/lib/clinics/clinic-time-zone";
import { AppError } from "@/lib/errors";
import { recordStatusChange } from "@/lib/patients/update-patient";
import { awaitingReview, nameSearch, overdueOn, worklistColumns, worklistOrder } from "@/lib/patients/caseload-sql";
import { clinicToday, systemClock, type Clock } from "@/lib/time/clock";
import type { ClinicCaseloadQuery } from "@/lib/validation/admin";

export const CLINIC_CASELOAD_PAGE_SIZE = 25;
const EXPORT_MAX = 100_000;

function whereFor(clinicId: string, q: ClinicCaseloadQuery, today: string): SQL {
  const conds: SQL[] = [eq(patients.clinicId, clinicId)];
  if (q.status !== "all") conds.push(eq(patients.status, q.status));
  if (q.clinician) conds.push(eq(patients.clinicianId, q.clinician));
  if (q.verdict) conds.push(eq(patients.lastVerdict, q.verdict));
  if (q.flag === "red_flag") conds.push(eq(patients.openRedFlag, true));
  if (q.flag === "overdue") conds.push(overdueOn(today));
  if (q.review) conds.push(awaitingReview(q.review));
  conds.push(...nameSearch(q.q));
  return and(...conds)!;
}

/**
 * ORDER BY for each sort: the worklist's shared sorts (lib/patients/caseload-sql.ts), and the
 * admin's own. Every one matches an index exactly or in reverse, ties broken by id in the same
 * direction, and empty values last, so a page is read off an index, never by sorting the clinic's
 * whole caseload (tests/integration/caseload-indexes.test.ts).
 */
function orderFor(q: ClinicCaseloadQuery): SQL[] {
  const d = q.dir === "desc" ? desc : asc;
  switch (q.sort) {
    case "clinician":
      return [d(users.name), d(patients.lastName), d(patients.firstName), d(patients.id)];
    case "lastAssessed":
      return [sql`${patients.lastAssessedAt} ${sql.raw(q.dir)} nulls last`, sql`${patients.id} ${sql.raw(q.dir)} nulls last`];
    case "status":
      return [d(patients.status), d(patients.lastName), d(patients.firstName), d(patients.id)];
    default:
      return worklistOrder(q.sort, q.dir);
  }
}

/** The page's row query, exported so tests can EXPLAIN exactly what the page runs. */
export function rowsQuery(db: Db, clinicId: string, q: ClinicCaseloadQuery, today: string) {
  return db
    .select({ ...worklistColumns, clinicianId: patients.clinicianId, clinicianName: users.name })
    .from(patients)
    .innerJoin(users, and(eq(users.clinicId, patients.clinicId), eq(users.id, patients.clinicianId)))
    .where(whereFor(clinicId, q, today))
    .orderBy(...orderFor(q));
}

/** One page of every clinician's patients, filtered and sorted in the database. */
export function pageQuery(db: Db, clinicId: string, q: ClinicCaseloadQuery, today: string) {
  return rowsQuery(db, clinicId, q, today).limit(CLINIC_CASELOAD_PAGE_SIZE).offset((q.page - 1) * CLINIC_CASELOAD_PAGE_SIZE);
}

export function countQuery(db: Db, clinicId: string, q: ClinicCaseloadQuery, today: string) {
  return db.select({ n: sql<number>`count(*)::int` }).from(patients).where(whereFor(clinicId, q, today));
}

/** The clinic's own calendar day, which "overdue" is measured against on every admin screen. */
export async function clinicDay(db: Db, clinicId: string, clock: Clock = systemClock) {
  return clinicToday(clock, await clinicTimeZone(db, clinicId));
}

export async function listClinicCaseload(db: Db, actor: Actor, q: ClinicCaseloadQuery, opts: { knownTotal?: number; today?: string } = {}) {
  const today = opts.today ?? (await clinicDay(db, actor.clinicId));
  const [rows, [count]] = await Promise.all([
    pageQuery(db, actor.clinicId, q, today),
    opts.knownTotal !== undefined ? Promise.resolve([{ n: opts.knownTotal }]) : countQuery(db, actor.clinicId, q, today),
  ]);
  await recordAuditEvent(db, { ...actorAudit(actor), action: "patient.list", entityType: "clinic_caseload", detail: { page: q.page, shown: rows.length } });
  return { rows, total: count?.n ?? 0, pageSize: CLINIC_CASELOAD_PAGE_SIZE, today };
}

export async function exportClinicCaseload(db: Db, actor: Actor, q: ClinicCaseloadQuery, clock: Clock = systemClock) {
  const rows = await rowsQuery(db, actor.clinicId, q, await clinicDay(db, actor.clinicId, clock)).limit(EXPORT_MAX);
  await recordAuditEvent(db, { ...actorAudit(actor), action: "patient.export", entityType: "clinic_caseload", detail: { rows: rows.length } });
  return rows;
}

const activeOf = (clinicId: string) => and(eq(patients.clinicId, clinicId), eq(patients.status, "active"));
const countOf = (db: Db, where: SQL | undefined) => db.select({ n: sql<number>`count(*)::int` }).from(patients).where(where);

/**
 * The numbers at the top of the dashboard. Narrow queries rather than one pass with FILTER: each
 * reads only its own index range (red flags: a partial index; overdue and plans published this
 * week: a date range; urgent reports and reviews waiting: the review queue's priority range in
 * patients_review_idx), and only "active" walks the clinic's narrow counts index.
 */
export function countsQueries(db: Db, clinicId: string, today: string) {
  return {
    active: countOf(db, activeOf(clinicId)),
    redFlags: countOf(db, and(activeOf(clinicId), eq(patients.openRedFlag, true))),
    overdue: countOf(db, and(activeOf(clinicId), overdueOn(today))),
    urgentReports: countOf(db, and(activeOf(clinicId), awaitingReview("urgent"))),
    reviewsWaiting: countOf(db, and(activeOf(clinicId), awaitingReview("waiting"))),
    plansPublishedThisWeek: db
      .select({ n: sql<number>`count(*)::int` })
      .from(plans)
      .where(and(eq(plans.clinicId, clinicId), gte(plans.publishedAt, startOfWeek(new Date(), { weekStartsOn: 1 })))),
  };
}

export async function caseloadCounts(db: Db, actor: Actor, opts: { today?: string } = {}) {
  const q = countsQueries(db, actor.clinicId, opts.today ?? (await clinicDay(db, actor.clinicId)));
  const [active, redFlags, overdue, urgentReports, reviewsWaiting, published] = await Promise.all([
    q.active,
    q.redFlags,
    q.overdue,
    q.urgentReports,
    q.reviewsWaiting,
    q.plansPublishedThisWeek,
  ]);
  const n = (r: Array<{ n: number }>) => r[0]?.n ?? 0;
  return {
    active: n(active),
    redFlags: n(redFlags),
    overdue: n(overdue),
    urgentReports: n(urgentReports),
    reviewsWaiting: n(reviewsWaiting),
    plansPublishedThisWeek: n(published),
  };
}

/** The unfiltered view's total is the dashboard's "active patients": no need to count twice. */
export const isDefaultView = (q: ClinicCaseloadQuery) => q.status === "active" && !q.q && !q.clinician && !q.flag && !q.verdict && !q.review;

export async function listClinicians(db: Db, actor: Actor) {
  return db
    .select({ id: users.id, name: users.name, active: users.active })
    .from(users)
    .where(eq(users.clinicId, actor.clinicId))
    .orderBy(asc(users.name));
}

/**
 * Hands patients to another active clinician of the same clinic; one audit event per patient.
 * `assignedTo` is who each patient was with when the admin's page was drawn: a patient moved by
 * someone else since is a conflict and nothing changes (ADR 0004). The update's own WHERE does
 * the check, so of two admins reassigning at once the second re-reads the first's row and misses.
 */
export async function reassignPatients(db: Db, actor: Actor, input: { patientIds: string[]; clinicianId: string; assignedTo: Record<string, string> }) {
  return db.transaction(async (tx) => {
    const [target] = await tx
      .select({ id: users.id })
      .from(users)
      .where(and(eq(users.clinicId, actor.clinicId), eq(users.id, input.clinicianId), eq(users.active, true)));
    if (!target) throw new AppError("invalid", "reassign", "Choose an active clinician of this clinic.", { clinicianId: ["Choose an active clinician"] });
    const ids = [...new Set(input.patientIds.map((id) => id.toLowerCase()))];
    const unseen = ids.filter((id) => !input.assignedTo[id]);
    if (unseen.length) throw new AppError("invalid", "reassign", "The page was out of date. Reload it and select the patients again.");
    const seen = sql.join(
      ids.map((id) => sql`(${id}::uuid, ${input.assignedTo[id]}::uuid)`),
      sql`, `,
    );
    const moved = await tx
      .update(patients)
      .set({ clinicianId: input.clinicianId, updatedAt: new Date() })
      .where(and(eq(patients.clinicId, actor.clinicId), inArray(patients.id, ids), sql`(${patients.id}, ${patients.clinicianId}) in (${seen})`))
      .returning({ id: patients.id });
    if (moved.length !== ids.length) {
      const found = await tx
        .select({ id: patients.id })
        .from(patients)
        .where(and(eq(patients.clinicId, actor.clinicId), inArray(patients.id, ids)));
      if (found.length !== ids.length) throw new AppError("not_found", "patient", "Some selected patients were not found. Nothing was changed.");
      const n = ids.length - moved.length;
      throw new AppError(
        "conflict",
        "reassign",
        `${n === 1 ? "One of the selected patients was" : `${n} of the selected patients were`} handed to another clinician after this page was loaded. Nothing was changed: reload to see who has them now, then try again.`,
      );
    }
    for (const p of moved) {
      await recordAuditEvent(tx, {
        ...actorAudit(actor),
        action: "patient.reassign",
        entityType: "patient",
        entityId: p.id,
        patientId: p.id,
        detail: { from: input.assignedTo[p.id], to: input.clinicianId },
      });
    }
    return moved.length;
  });
}

/**
 * Discharges or reactivates the selected patients. Only a patient whose status really changes is
 * updated and audited: when two admins discharge the same patient at once, the second waits on the
 * first's row lock, then finds nothing left to change, so the discharge (and its closing of
 * pending reviews) happens and is recorded once.
 */
export async function setPatientsStatus(db: Db, actor: Actor, input: { patientIds: string[]; status: "active" | "discharged" }) {
  return db.transaction(async (tx) => {
    const selected = and(eq(patients.clinicId, actor.clinicId), inArray(patients.id, input.patientIds));
    const found = await tx.select({ id: patients.id }).from(patients).where(selected);
    if (found.length !== new Set(input.patientIds).size) throw new AppError("not_found", "patient", "Some selected patients were not found. Nothing was changed.");
    const changed = await tx
      .update(patients)
      .set({ status: input.status, updatedAt: new Date(), version: sql`${patients.version} + 1` })
      .where(and(selected, ne(patients.status, input.status)))
      .returning({ id: patients.id });
    for (const p of changed) await recordStatusChange(tx, actor, p.id, input.status);
    return { changed: changed.length, unchanged: found.length - changed.length };
  });
}
