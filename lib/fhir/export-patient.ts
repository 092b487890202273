import "server-only";
import { and, asc, desc, eq, inArray } from "drizzle-orm";
import type { Bundle } from "@medplum/fhirtypes";
import type { Db } from "@/db/client";
import {
  assessmentAmendments, assessmentReferrals, assessments, checkInReviews, checkIns, clinics, patients, planPositions, plans, planVersions, users,
} from "@/db/schema";
import { actorAudit, recordAuditEvent } from "@/lib/audit/record-event";
import type { Actor } from "@/lib/auth/actor";
import { effectiveSnapshot } from "@/lib/assessments/internal";
import { AppError } from "@/lib/errors";
import { buildPatientBundle } from "./bundle";
import type { ExportAssessment, ExportData } from "./types";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const patientNotFound = () => new AppError("not_found", "patient", "Patient not found");

/**
 * Reads everything one patient's FHIR export needs, every query with the caller's clinic. Another
 * clinic's patient (or assessment) is "not found". Drafts never leave; amendments are applied.
 */
export async function loadExportData(db: Db, actor: Actor, patientId: string): Promise<ExportData> {
  if (!UUID.test(patientId)) throw patientNotFound();
  const c = actor.clinicId;
  const [patient] = await db.select().from(patients).where(and(eq(patients.clinicId, c), eq(patients.id, patientId))).limit(1);
  if (!patient) throw patientNotFound();
  const [clinic] = await db.select({ id: clinics.id, name: clinics.name }).from(clinics).where(eq(clinics.id, c)).limit(1);
  const finals = await db
    .select()
    .from(assessments)
    .where(and(eq(assessments.clinicId, c), eq(assessments.patientId, patientId), eq(assessments.status, "final")))
    .orderBy(asc(assessments.finalizedAt), asc(assessments.id));
  const ids = finals.map((a) => a.id);
  const amendments = ids.length
    ? await db.select().from(assessmentAmendments).where(and(eq(assessmentAmendments.clinicId, c), inArray(assessmentAmendments.assessmentId, ids))).orderBy(asc(assessmentAmendments.seq))
    : [];
  const referrals = ids.length
    ? await db.select().from(assessmentReferrals).where(and(eq(assessmentReferrals.clinicId, c), inArray(assessmentReferrals.assessmentId, ids))).orderBy(desc(assessmentReferrals.createdAt))
    : [];
  const planRows = await db.select().from(plans).where(and(eq(plans.clinicId, c), eq(plans.patientId, patientId)));
  const published = planRows.filter((p) => p.publishedVersion !== null);
  const planIds = published.map((p) => p.id);
  const versions = planIds.length ? await db.select().from(planVersions).where(and(eq(planVersions.clinicId, c), inArray(planVersions.planId, planIds))) : [];
  const positions = planIds.length
    ? await db.select().from(planPositions).where(and(eq(planPositions.clinicId, c), inArray(planPositions.planId, planIds))).orderBy(desc(planPositions.seq))
    : [];
  const checkInRows = planIds.length
    ? await db.select().from(checkIns).where(and(eq(checkIns.clinicId, c), eq(checkIns.patientId, patientId), inArray(checkIns.planId, planIds))).orderBy(asc(checkIns.sessionDate), asc(checkIns.createdAt))
    : [];
  const reviewRows = await db
    .select()
    .from(checkInReviews)
    .where(and(eq(checkInReviews.clinicId, c), eq(checkInReviews.patientId, patientId)))
    .orderBy(asc(checkInReviews.createdAt));
  const userRows = await db.select({ id: users.id, name: users.name }).from(users).where(eq(users.clinicId, c));

  const exportAssessments: ExportAssessment[] = finals.map((row) => {
    const own = amendments.filter((m) => m.assessmentId === row.id);
    const snap = effectiveSnapshot(row, own);
    const later = referrals.find((r) => r.assessmentId === row.id && r.referralTo && r.referralDate);
    const referral = later ? { to: later.referralTo!, date: later.referralDate! } : row.referralTo && row.referralDate ? { to: row.referralTo, date: row.referralDate } : null;
    const p = published.find((x) => x.assessmentId === row.id);
    const version = p ? versions.find((v) => v.planId === p.id && v.version === p.publishedVersion) : undefined;
    return {
      row,
      input: snap.input,
      evaluation: snap.evaluation,
      rulesetVersion: snap.rulesetVersion,
      amendedAt: snap.amendedAt,
      referral,
      plan: p && version ? { row: p, published: version, currentStageKey: positions.find((x) => x.planId === p.id)?.stageKey ?? null } : null,
    };
  });
  return {
    patient,
    clinic: clinic ?? { id: c, name: "Clinic" },
    users: Object.fromEntries(userRows.map((u) => [u.id, u])),
    assessments: exportAssessments,
    checkIns: checkInRows,
    reviews: reviewRows,
  };
}

/** The patient's FHIR Bundle (or one final assessment's), audited once as an export. */
export async function exportPatientFhir(db: Db, actor: Actor, patientId: string, opts: { assessmentId?: string; now?: Date } = {}): Promise<Bundle> {
  const data = await loadExportData(db, actor, patientId);
  if (opts.assessmentId !== undefined && !data.assessments.some((a) => a.row.id === opts.assessmentId)) {
    throw new AppError("not_found", "assessment", "Final assessment not found");
  }
  const bundle = buildPatientBundle(data, { now: opts.now ?? new Date(), onlyAssessmentId: opts.assessmentId });
  await recordAuditEvent(db, {
    ...actorAudit(actor),
    action: "patient.fhir_export",
    entityType: opts.assessmentId ? "assessment" : "patient",
    entityId: opts.assessmentId ?? patientId,
    patientId,
    detail: { scope: opts.assessmentId ? "assessment" : "patient", resources: bundle.entry?.length ?? 0 },
  });
  return bundle;
}
