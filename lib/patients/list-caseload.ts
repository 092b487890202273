import "server-only";
import { and, asc, eq, ilike, or, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { patients } from "@/db/schema";
import { actorAudit, recordAuditEvent } from "@/lib/audit/record-event";
import type { Actor } from "@/lib/auth/actor";

export const CASELOAD_PAGE_SIZE = 20;

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/** The signed-in clinician's own patients, searchable by name, a page at a time. */
export async function listCaseload(db: Db, actor: Actor, query: { q?: string; page: number }) {
  const conditions = [eq(patients.clinicId, actor.clinicId), eq(patients.clinicianId, actor.userId)];
  if (query.q) {
    const words = query.q.split(/\s+/).filter(Boolean).slice(0, 4);
    for (const w of words) {
      const pattern = `%${escapeLike(w)}%`;
      conditions.push(or(ilike(patients.firstName, pattern), ilike(patients.lastName, pattern))!);
    }
  }
  const where = and(...conditions);
  const offset = (query.page - 1) * CASELOAD_PAGE_SIZE;
  const [rows, [count]] = await Promise.all([
    db
      .select({
        id: patients.id,
        firstName: patients.firstName,
        lastName: patients.lastName,
        dateOfBirth: patients.dateOfBirth,
        sport: patients.sport,
        level: patients.level,
        status: patients.status,
        updatedAt: patients.updatedAt,
      })
      .from(patients)
      .where(where)
      .orderBy(asc(patients.lastName), asc(patients.firstName), asc(patients.id))
      .limit(CASELOAD_PAGE_SIZE)
      .offset(offset),
    db.select({ total: sql<number>`count(*)::int` }).from(patients).where(where),
  ]);
  // A list shows names and sports: that is a read of patient data, so it is audited too.
  await recordAuditEvent(db, {
    ...actorAudit(actor),
    action: "patient.list",
    entityType: "caseload",
    detail: { page: query.page, searched: Boolean(query.q), shown: rows.length },
  });
  return { rows, total: count?.total ?? 0, page: query.page, pageSize: CASELOAD_PAGE_SIZE };
}
