import "server-only";
import { and, desc, eq, inArray } from "drizzle-orm";
import type { Db } from "@/db/client";
import { assessmentAmendments, assessments } from "@/db/schema";
import { actorAudit, recordAuditEvent } from "@/lib/audit/record-event";
import type { Actor } from "@/lib/auth/actor";
import { effectiveSnapshot, patientFacts } from "./internal";

/** A patient's assessments, newest first, each with its effective (latest amended) snapshot. Audited. */
export async function listAssessments(db: Db, actor: Actor, patientId: string) {
  await patientFacts(db, actor, patientId);
  const rows = await db
    .select()
    .from(assessments)
    .where(and(eq(assessments.clinicId, actor.clinicId), eq(assessments.patientId, patientId)))
    .orderBy(desc(assessments.createdAt));
  const ids = rows.filter((r) => r.status === "final").map((r) => r.id);
  const amendments = ids.length
    ? await db
        .select()
        .from(assessmentAmendments)
        .where(and(eq(assessmentAmendments.clinicId, actor.clinicId), inArray(assessmentAmendments.assessmentId, ids)))
        .orderBy(assessmentAmendments.seq)
    : [];
  if (rows.length) {
    await recordAuditEvent(db, {
      ...actorAudit(actor),
      action: "assessment.list",
      entityType: "assessment",
      patientId,
      detail: { count: rows.length },
    });
  }
  return rows.map((r) => {
    const own = amendments.filter((m) => m.assessmentId === r.id);
    return { assessment: r, amendmentCount: own.length, snapshot: r.status === "final" ? effectiveSnapshot(r, own) : null };
  });
}
export type AssessmentListItem = Awaited<ReturnType<typeof listAssessments>>[number];
