import "server-only";
import { and, asc, desc, eq, gte, lt, sql, type SQL } from "drizzle-orm";
import type { Db } from "@/db/client";
import { auditEvents, patients, users } from "@/db/schema";
import { actorAudit, recordAuditEvent } from "@/lib/audit/record-event";
import type { Actor } from "@/lib/auth/actor";
import type { AuditQuery } from "@/lib/validation/admin";

export const AUDIT_PAGE_SIZE = 50;
export const AUDIT_EXPORT_MAX = 100_000;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The clinic's patients whose name contains `text` (case-insensitive), as a subquery. */
function patientsNamed(clinicId: string, text: string) {
  const pattern = `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return sql`(select ${patients.id} from ${patients} where ${patients.clinicId} = ${clinicId}
    and (${patients.firstName} || ' ' || ${patients.lastName}) ilike ${pattern})`;
}

function whereFor(clinicId: string, q: AuditQuery): SQL {
  const conds: SQL[] = [eq(auditEvents.clinicId, clinicId)];
  if (q.user) conds.push(eq(auditEvents.actorUserId, q.user));
  if (q.patient) {
    conds.push(UUID.test(q.patient) ? eq(auditEvents.patientId, q.patient) : sql`${auditEvents.patientId} in ${patientsNamed(clinicId, q.patient)}`);
  }
  if (q.views) conds.push(sql`${auditEvents.action} ~ '\.(view|list|pdf|export|show)$'`);
  if (q.action) conds.push(eq(auditEvents.action, q.action));
  if (q.from) conds.push(gte(auditEvents.at, new Date(`${q.from}T00:00:00Z`)));
  // `to` is inclusive of the whole day (UTC).
  if (q.to) conds.push(lt(auditEvents.at, new Date(new Date(`${q.to}T00:00:00Z`).getTime() + 86_400_000)));
  return and(...conds)!;
}

const sortColumns = {
  at: auditEvents.at,
  action: auditEvents.action,
  user: users.name,
  patient: patients.lastName,
  ip: auditEvents.ip,
} as const;

function baseQuery(db: Db, clinicId: string, q: AuditQuery) {
  const dir = q.dir === "asc" ? asc : desc;
  return db
    .select({
      id: auditEvents.id,
      at: auditEvents.at,
      action: auditEvents.action,
      entityType: auditEvents.entityType,
      entityId: auditEvents.entityId,
      actorUserId: auditEvents.actorUserId,
      actorName: users.name,
      patientId: auditEvents.patientId,
      patientName: sql<string | null>`case when ${patients.id} is null then null else ${patients.firstName} || ' ' || ${patients.lastName} end`,
      ip: auditEvents.ip,
      userAgent: auditEvents.userAgent,
      detail: auditEvents.detail,
    })
    .from(auditEvents)
    .leftJoin(users, and(eq(users.clinicId, auditEvents.clinicId), eq(users.id, auditEvents.actorUserId)))
    .leftJoin(patients, and(eq(patients.clinicId, auditEvents.clinicId), eq(patients.id, auditEvents.patientId)))
    .where(whereFor(clinicId, q))
    .orderBy(dir(sortColumns[q.sort]), dir(auditEvents.id));
}

/** One page of the clinic's audit trail, filtered and sorted in the database. */
export async function listAuditEvents(db: Db, actor: Actor, q: AuditQuery) {
  const [rows, [count]] = await Promise.all([
    baseQuery(db, actor.clinicId, q).limit(AUDIT_PAGE_SIZE).offset((q.page - 1) * AUDIT_PAGE_SIZE),
    db.select({ n: sql<number>`count(*)::int` }).from(auditEvents).where(whereFor(actor.clinicId, q)),
  ]);
  return { rows, total: count?.n ?? 0, pageSize: AUDIT_PAGE_SIZE };
}

/** Every row matching the filters (capped), for CSV export. Reading the trail is itself audited. */
export async function exportAuditEvents(db: Db, actor: Actor, q: AuditQuery) {
  const rows = await baseQuery(db, actor.clinicId, q).limit(AUDIT_EXPORT_MAX);
  await recordAuditEvent(db, { ...actorAudit(actor), action: "audit.export", entityType: "audit_trail", detail: { rows: rows.length, filters: { ...q, page: undefined } } });
  return rows;
}

/** How many of the clinic's patients a typed name matches (0: say so, never ignore it silently). */
export async function countPatientsMatching(db: Db, actor: Actor, text: string): Promise<number> {
  if (UUID.test(text)) return 1;
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(patients).where(sql`${patients.id} in ${patientsNamed(actor.clinicId, text)}`);
  return row?.n ?? 0;
}

/**
 * For "who looked at this record": distinct viewers per day (UTC) under the same filters, each
 * with how many reads they made. A patient's own link views have no user and are grouped as one.
 */
export async function viewersByDay(db: Db, actor: Actor, q: AuditQuery) {
  const day = sql<string>`to_char(date_trunc('day', ${auditEvents.at} at time zone 'UTC'), 'YYYY-MM-DD')`;
  return db
    .select({ day, actorUserId: auditEvents.actorUserId, actorName: users.name, reads: sql<number>`count(*)::int`, action: sql<string>`min(${auditEvents.action})` })
    .from(auditEvents)
    .leftJoin(users, and(eq(users.clinicId, auditEvents.clinicId), eq(users.id, auditEvents.actorUserId)))
    .where(and(whereFor(actor.clinicId, q), sql`${auditEvents.action} ~ '\.(view|list|pdf|export|show)$'`))
    .groupBy(day, auditEvents.actorUserId, users.name)
    .orderBy(desc(day), asc(users.name))
    .limit(500);
}

/** The users and actions to offer as filters. */
export async function auditFilterOptions(db: Db, actor: Actor) {
  const [people, actions] = await Promise.all([
    db.select({ id: users.id, name: users.name }).from(users).where(eq(users.clinicId, actor.clinicId)).orderBy(asc(users.name)),
    db.selectDistinct({ action: auditEvents.action }).from(auditEvents).where(eq(auditEvents.clinicId, actor.clinicId)).orderBy(asc(auditEvents.action)),
  ]);
  return { people, actions: actions.map((a) => a.action) };
}
