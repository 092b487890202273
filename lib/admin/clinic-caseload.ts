import "server-only";
import { startOfWeek } from "date-fns";
import { and, asc, desc, eq, gte, ilike, inArray, lt, or, sql, type SQL, type SQLWrapper } from "drizzle-orm";
import type { Db } from "@/db/client";
import { patients, plans, users } from "@/db/schema";
import { actorAudit, recordAuditEvent } from "@/lib/audit/record-event";
import type { Actor } from "@/lib/auth/actor";
import { AppError } from "@/lib/errors";
import { recordStatusChange } from "@/lib/patients/update-patient";
import type { ClinicCaseloadQuery } from "@/lib/validation/admin";

export const CLINIC_CASELOAD_PAGE_SIZE = 25;
const EXPORT_MAX = 100_000;

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);
const today = () => new Date().toISOString().slice(0, 10);

function whereFor(clinicId: string, q: ClinicCaseloadQuery): SQL {
  const conds: SQL[] = [eq(patients.clinicId, clinicId)];
  if (q.status !== "all") conds.push(eq(patients.status, q.status));
  if (q.clinician) conds.push(eq(patients.clinicianId, q.clinician));
  if (q.verdict) conds.push(eq(patients.lastVerdict, q.verdict));
  if (q.flag === "red_flag") conds.push(eq(patients.openRedFlag, true));
  if (q.flag === "overdue") conds.push(lt(patients.nextReassessmentDue, today()));
  if (q.q) {
    for (const w of q.q.split(/\s+/).filter(Boolean).slice(0, 4)) {
      const p = `%${escapeLike(w)}%`;
      conds.push(or(ilike(patients.firstName, p), ilike(patients.lastName, p))!);
    }
  }
  return and(...conds)!;
}

// Verdicts sort by caution, not alphabetically. The same expression is indexed (migration 0008).
const verdictRank = sql`array_position(array['push','modify','back_off','refer','urgent_referral']::text[], ${patients.lastVerdict})`;

/**
 * ORDER BY for each sort. Every one matches an index exactly or in reverse, ties broken by id in
 * the same direction, and empty values always last, so a page is read off an index, never by
 * sorting the clinic's whole caseload (tests/integration/caseload-indexes.test.ts).
 */
function orderFor(q: ClinicCaseloadQuery): SQL[] {
  const d = q.dir === "desc" ? desc : asc;
  const nullsLast = (col: SQLWrapper) => sql`${col} ${sql.raw(q.dir)} nulls last`;
  const byId = nullsLast(patients.id); // id is never null; spelled out to match the indexes
  switch (q.sort) {
    case "clinician":
      return [d(users.name), d(patients.lastName), d(patients.firstName), d(patients.id)];
    case "lastAssessed":
      return [nullsLast(patients.lastAssessedAt), byId];
    case "verdict":
      return [nullsLast(verdictRank), byId];
    case "due":
      return [nullsLast(patients.nextReassessmentDue), byId];
    case "status":
      return [d(patients.status), d(patients.lastName), d(patients.firstName), d(patients.id)];
    default:
      return [d(patients.lastName), d(patients.firstName), d(patients.id)];
  }
}

/** The page's row query, exported so tests can EXPLAIN exactly what the page runs. */
export function rowsQuery(db: Db, clinicId: string, q: ClinicCaseloadQuery) {
  return db
    .select({
      id: patients.id,
      firstName: patients.firstName,
      lastName: patients.lastName,
      sport: patients.sport,
      status: patients.status,
      clinicianId: patients.clinicianId,
      clinicianName: users.name,
      lastAssessedAt: patients.lastAssessedAt,
      lastVerdict: patients.lastVerdict,
      currentStage: patients.currentStage,
      openRedFlag: patients.openRedFlag,
      nextReassessmentDue: patients.nextReassessmentDue,
    })
    .from(patients)
    .innerJoin(users, and(eq(users.clinicId, patients.clinicId), eq(users.id, patients.clinicianId)))
    .where(whereFor(clinicId, q))
    .orderBy(...orderFor(q));
}

/** One page of every clinician's patients, filtered and sorted in the database. */
export function pageQuery(db: Db, clinicId: string, q: ClinicCaseloadQuery) {
  return rowsQuery(db, clinicId, q).limit(CLINIC_CASELOAD_PAGE_SIZE).offset((q.page - 1) * CLINIC_CASELOAD_PAGE_SIZE);
}

export function countQuery(db: Db, clinicId: string, q: ClinicCaseloadQuery) {
  return db.select({ n: sql<number>`count(*)::int` }).from(patients).where(whereFor(clinicId, q));
}

export async function listClinicCaseload(db: Db, actor: Actor, q: ClinicCaseloadQuery, opts: { knownTotal?: number } = {}) {
  const [rows, [count]] = await Promise.all([
    pageQuery(db, actor.clinicId, q),
    opts.knownTotal !== undefined ? Promise.resolve([{ n: opts.knownTotal }]) : countQuery(db, actor.clinicId, q),
  ]);
  await recordAuditEvent(db, { ...actorAudit(actor), action: "patient.list", entityType: "clinic_caseload", detail: { page: q.page, shown: rows.length } });
  return { rows, total: count?.n ?? 0, pageSize: CLINIC_CASELOAD_PAGE_SIZE };
}

export async function exportClinicCaseload(db: Db, actor: Actor, q: ClinicCaseloadQuery) {
  const rows = await rowsQuery(db, actor.clinicId, q).limit(EXPORT_MAX);
  await recordAuditEvent(db, { ...actorAudit(actor), action: "patient.export", entityType: "clinic_caseload", detail: { rows: rows.length } });
  return rows;
}

const activeOf = (clinicId: string) => and(eq(patients.clinicId, clinicId), eq(patients.status, "active"));
const countOf = (db: Db, where: SQL | undefined) => db.select({ n: sql<number>`count(*)::int` }).from(patients).where(where);

/**
 * The numbers at the top of the dashboard. Four narrow queries rather than one pass with FILTER:
 * each reads only its own index range (red flags: a partial index; overdue and plans published
 * this week: a date range), and only "active" walks the clinic's narrow counts index.
 */
export function countsQueries(db: Db, clinicId: string) {
  return {
    active: countOf(db, activeOf(clinicId)),
    redFlags: countOf(db, and(activeOf(clinicId), eq(patients.openRedFlag, true))),
    overdue: countOf(db, and(activeOf(clinicId), lt(patients.nextReassessmentDue, today()))),
    plansPublishedThisWeek: db
      .select({ n: sql<number>`count(*)::int` })
      .from(plans)
      .where(and(eq(plans.clinicId, clinicId), gte(plans.publishedAt, startOfWeek(new Date(), { weekStartsOn: 1 })))),
  };
}

export async function caseloadCounts(db: Db, actor: Actor) {
  const q = countsQueries(db, actor.clinicId);
  const [active, redFlags, overdue, published] = await Promise.all([q.active, q.redFlags, q.overdue, q.plansPublishedThisWeek]);
  return { active: active[0]?.n ?? 0, redFlags: redFlags[0]?.n ?? 0, overdue: overdue[0]?.n ?? 0, plansPublishedThisWeek: published[0]?.n ?? 0 };
}

/** The unfiltered view's total is the dashboard's "active patients": no need to count twice. */
export const isDefaultView = (q: ClinicCaseloadQuery) => q.status === "active" && !q.q && !q.clinician && !q.flag && !q.verdict;

export async function listClinicians(db: Db, actor: Actor) {
  return db
    .select({ id: users.id, name: users.name, active: users.active })
    .from(users)
    .where(eq(users.clinicId, actor.clinicId))
    .orderBy(asc(users.name));
}

/** Hands patients to another active clinician of the same clinic; one audit event per patient. */
export async function reassignPatients(db: Db, actor: Actor, input: { patientIds: string[]; clinicianId: string }) {
  return db.transaction(async (tx) => {
    const [target] = await tx
      .select({ id: users.id })
      .from(users)
      .where(and(eq(users.clinicId, actor.clinicId), eq(users.id, input.clinicianId), eq(users.active, true)));
    if (!target) throw new AppError("invalid", "reassign", "Choose an active clinician of this clinic.", { clinicianId: ["Choose an active clinician"] });
    const moved = await tx
      .update(patients)
      .set({ clinicianId: input.clinicianId, updatedAt: new Date() })
      .where(and(eq(patients.clinicId, actor.clinicId), inArray(patients.id, input.patientIds)))
      .returning({ id: patients.id });
    if (moved.length !== new Set(input.patientIds).size) throw new AppError("not_found", "patient", "Some selected patients were not found. Nothing was changed.");
    for (const p of moved) {
      await recordAuditEvent(tx, { ...actorAudit(actor), action: "patient.reassign", entityType: "patient", entityId: p.id, patientId: p.id, detail: { to: input.clinicianId } });
    }
    return moved.length;
  });
}

export async function setPatientsStatus(db: Db, actor: Actor, input: { patientIds: string[]; status: "active" | "discharged" }) {
  return db.transaction(async (tx) => {
    const changed = await tx
      .update(patients)
      .set({ status: input.status, updatedAt: new Date() })
      .where(and(eq(patients.clinicId, actor.clinicId), inArray(patients.id, input.patientIds)))
      .returning({ id: patients.id });
    if (changed.length !== new Set(input.patientIds).size) throw new AppError("not_found", "patient", "Some selected patients were not found. Nothing was changed.");
    for (const p of changed) await recordStatusChange(tx, actor, p.id, input.status);
    return changed.length;
  });
}
