import "server-only";
import { and, asc, desc, eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { assessmentAmendments, assessmentReferrals, assessments, clinics, patients, type Assessment, type AssessmentAmendment } from "@/db/schema";
import { engineSettingsSchema, type EngineSettingsInput } from "@/lib/clinical";
import type { Actor } from "@/lib/auth/actor";
import { AppError } from "@/lib/errors";

// Queries shared by the assessment services. Every one takes the caller's clinic: another
// clinic's assessment is "not found", and the caller learns nothing about whether it exists.

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const notFound = () => new AppError("not_found", "assessment", "Assessment not found");

export const conflictMessage =
  "This assessment was saved in another tab or by someone else after you opened this page. Nothing was overwritten: reload to see the latest answers, then apply your changes again.";

export async function patientFacts(db: DbOrTx, actor: Actor, patientId: string) {
  if (!UUID.test(patientId)) throw new AppError("not_found", "patient", "Patient not found");
  const [p] = await db
    .select({ id: patients.id, dateOfBirth: patients.dateOfBirth, sex: patients.sex, sport: patients.sport, level: patients.level })
    .from(patients)
    .where(and(eq(patients.clinicId, actor.clinicId), eq(patients.id, patientId)))
    .limit(1);
  if (!p) throw new AppError("not_found", "patient", "Patient not found");
  return p;
}

/** The assessment row, scoped to the caller's clinic and the patient in the URL; optionally locked. */
export async function findAssessment(db: DbOrTx, actor: Actor, patientId: string, assessmentId: string, opts: { lock?: boolean } = {}) {
  if (!UUID.test(assessmentId) || !UUID.test(patientId)) throw notFound();
  const q = db
    .select()
    .from(assessments)
    .where(and(eq(assessments.clinicId, actor.clinicId), eq(assessments.patientId, patientId), eq(assessments.id, assessmentId)))
    .limit(1);
  const [row] = opts.lock ? await q.for("update") : await q;
  if (!row) throw notFound();
  return row;
}

export async function amendmentsOf(db: DbOrTx, clinicId: string, assessmentId: string) {
  return db
    .select()
    .from(assessmentAmendments)
    .where(and(eq(assessmentAmendments.clinicId, clinicId), eq(assessmentAmendments.assessmentId, assessmentId)))
    .orderBy(asc(assessmentAmendments.seq));
}

/** What a final assessment says now: the latest amendment if there is one, else the original. */
export function effectiveSnapshot(a: Assessment, amendments: readonly AssessmentAmendment[]) {
  const last = amendments.at(-1);
  if (last) return { draft: last.draft, input: last.input, evaluation: last.evaluation, rulesetVersion: last.rulesetVersion, amendedAt: last.createdAt };
  return { draft: a.draft, input: a.input!, evaluation: a.evaluation!, rulesetVersion: a.rulesetVersion!, amendedAt: null };
}

/** The patient's most recent final assessment (before `before`, if given), with its effective snapshot. */
export async function lastFinal(db: DbOrTx, clinicId: string, patientId: string, excludeId?: string) {
  const rows = await db
    .select()
    .from(assessments)
    .where(and(eq(assessments.clinicId, clinicId), eq(assessments.patientId, patientId), eq(assessments.status, "final")))
    .orderBy(desc(assessments.finalizedAt))
    .limit(2);
  const row = rows.find((r) => r.id !== excludeId);
  if (!row) return null;
  return { row, ...effectiveSnapshot(row, await amendmentsOf(db, clinicId, row.id)) };
}

/** The thresholds the clinic changed (clinic settings), validated; the engine defaults the rest. */
export async function clinicEngineSettings(db: DbOrTx, clinicId: string): Promise<EngineSettingsInput> {
  const [c] = await db.select({ settings: clinics.settings }).from(clinics).where(eq(clinics.id, clinicId)).limit(1);
  const parsed = engineSettingsSchema.safeParse(c?.settings.engine ?? {});
  return parsed.success ? parsed.data : {};
}

/**
 * Whether a refer-tier decision has its referral (or override) on record: at finalize on the row
 * itself, or afterwards in `assessment_referrals` (an amendment that turned the verdict to refer).
 */
export async function referralRecorded(db: DbOrTx, clinicId: string, a: Pick<Assessment, "id" | "referralTo" | "referralDate" | "overrideReason">) {
  if ((a.referralTo && a.referralDate) || a.overrideReason) return true;
  const [later] = await db
    .select({ id: assessmentReferrals.id })
    .from(assessmentReferrals)
    .where(and(eq(assessmentReferrals.clinicId, clinicId), eq(assessmentReferrals.assessmentId, a.id)))
    .limit(1);
  return Boolean(later);
}

/** The latest referral recorded after finalize, if any (shown on the assessment page). */
export async function latestLaterReferral(db: DbOrTx, clinicId: string, assessmentId: string) {
  const [row] = await db
    .select()
    .from(assessmentReferrals)
    .where(and(eq(assessmentReferrals.clinicId, clinicId), eq(assessmentReferrals.assessmentId, assessmentId)))
    .orderBy(desc(assessmentReferrals.createdAt))
    .limit(1);
  return row ?? null;
}
