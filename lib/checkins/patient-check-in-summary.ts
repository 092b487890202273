import "server-only";
import { and, asc, desc, eq, gte, isNotNull, lte, max } from "drizzle-orm";
import type { Db } from "@/db/client";
import { checkIns, patients, planLinks, planPositions, plans } from "@/db/schema";
import { actorAudit, recordAuditEvent } from "@/lib/audit/record-event";
import type { Actor } from "@/lib/auth/actor";
import { addDays, engineSettingsSchema, resolveSettings } from "@/lib/clinical";
import { getClinicSettings } from "@/lib/clinics/get-clinic-settings";
import { AppError } from "@/lib/errors";
import { findVersion, isUuid, liveLink } from "@/lib/plans/internal";
import { clinicToday, dayIn, formatClinicTime, systemClock, timeZoneOf, type Clock } from "@/lib/time/clock";
import { CHART_MAX_DAYS, painChartSeries, type PainChartSeries } from "./chart-series";
import { getCheckInView } from "./get-check-in-view";

// The clinician's view of a patient's current plan and check-ins (issue 13): the latest published
// plan, where the patient is in it, the state of their link, the check-ins at a glance and the
// pain chart. Every query names the caller's clinic; another clinic's patient is "not found".
// The figures at a glance are the check-in review's own stats, from the same review the patient's
// light comes from (getCheckInView), so the clinician and the patient never read two counts.

export type LinkState =
  | { state: "live"; expiresAt: string }
  | { state: "expired"; expiredAt: string }
  | { state: "revoked"; revokedAt: string }
  | { state: "none" };

export type CurrentPlanSummary = {
  planId: string;
  publishedVersion: number;
  /** When it was published, in the clinic's time zone. */
  publishedAt: string;
  /** Where the patient is; null when no position is recorded or its stage is not in this version. */
  stage: { number: number; of: number; title: string; startedOn: string; doseCutPct: number } | null;
  link: LinkState;
};

export type CheckInGlance = {
  sessionsLast7Days: number;
  dataDaysLast30: number;
  flaresInStage: number;
  /** The clinic-local day the patient last sent a session or a morning answer, if ever. */
  lastCheckInOn: string | null;
};

export type PatientCheckInSummary = {
  today: string;
  timeZone: string;
  plan: CurrentPlanSummary | null;
  /** Null when there is no plan, or no stage of the published version to review against. */
  glance: CheckInGlance | null;
  chart: PainChartSeries | null;
};

const patientNotFound = () => new AppError("not_found", "patient", "Patient not found");

export async function getPatientCheckInSummary(db: Db, actor: Actor, patientId: string, clock: Clock = systemClock): Promise<PatientCheckInSummary> {
  if (!isUuid(patientId)) throw patientNotFound();
  const [patient] = await db
    .select({ id: patients.id })
    .from(patients)
    .where(and(eq(patients.clinicId, actor.clinicId), eq(patients.id, patientId)))
    .limit(1);
  if (!patient) throw patientNotFound();

  const settings = await getClinicSettings(db, actor.clinicId);
  const timeZone = timeZoneOf(settings.timeZone);
  const now = clock.now();
  const today = clinicToday(clock, timeZone);

  // A plan withdrawn by an amendment has no published version (ADR 0013): it is not current.
  const [plan] = await db
    .select()
    .from(plans)
    .where(and(eq(plans.clinicId, actor.clinicId), eq(plans.patientId, patient.id), isNotNull(plans.publishedVersion)))
    .orderBy(desc(plans.publishedAt), desc(plans.createdAt))
    .limit(1);

  await recordAuditEvent(db, {
    ...actorAudit(actor),
    action: "checkins.view",
    entityType: plan ? "plan" : "patient",
    entityId: plan ? plan.id : patient.id,
    patientId: patient.id,
    detail: plan ? { publishedVersion: plan.publishedVersion } : {},
  });
  if (!plan || plan.publishedVersion === null || plan.publishedAt === null) return { today, timeZone, plan: null, glance: null, chart: null };

  const { content } = await findVersion(db, actor.clinicId, plan.id, plan.publishedVersion);
  const positions = await db
    .select({ seq: planPositions.seq, stageKey: planPositions.stageKey, startedOn: planPositions.startedOn, doseCutPct: planPositions.doseCutPct })
    .from(planPositions)
    .where(and(eq(planPositions.clinicId, actor.clinicId), eq(planPositions.planId, plan.id)))
    .orderBy(asc(planPositions.seq));
  const current = positions.at(-1);
  const stageIndex = current ? content.stages.findIndex((s) => s.key === current.stageKey) : -1;
  const stage =
    current && stageIndex >= 0
      ? { number: stageIndex + 1, of: content.stages.length, title: content.stages[stageIndex]!.title, startedOn: current.startedOn, doseCutPct: current.doseCutPct }
      : null;

  const link = await linkState(db, actor.clinicId, plan.id, now, timeZone);

  // The review's stats, exactly as the patient's page computes them (the plan row is the caller's clinic's).
  const view = await getCheckInView(db, plan, { withheld: false }, clock);
  const [last] = await db
    .select({ logged: max(checkIns.createdAt), morning: max(checkIns.morningAt) })
    .from(checkIns)
    .where(and(eq(checkIns.clinicId, actor.clinicId), eq(checkIns.planId, plan.id)));
  const lastAt = [last?.logged, last?.morning].filter((d): d is Date => d instanceof Date).reduce<Date | null>((a, b) => (a && a > b ? a : b), null);
  const glance: CheckInGlance | null = stage
    ? {
        sessionsLast7Days: view.review?.stats.sessionsLast7Days ?? 0,
        dataDaysLast30: view.review?.stats.dataDaysLast30 ?? 0,
        flaresInStage: view.review?.stats.flaresInStage ?? 0,
        lastCheckInOn: lastAt ? dayIn(lastAt, timeZone) : null,
      }
    : null;

  const rows = await db
    .select({
      id: checkIns.id,
      sessionDate: checkIns.sessionDate,
      activity: checkIns.activity,
      done: checkIns.done,
      painDuringNrs: checkIns.painDuringNrs,
      morningPainNrs: checkIns.morningPainNrs,
      morningComparedWithBefore: checkIns.morningComparedWithBefore,
      createdAt: checkIns.createdAt,
    })
    .from(checkIns)
    .where(
      and(
        eq(checkIns.clinicId, actor.clinicId),
        eq(checkIns.planId, plan.id),
        gte(checkIns.sessionDate, addDays(today, -(CHART_MAX_DAYS - 1))),
        lte(checkIns.sessionDate, today),
      ),
    );
  // The band and limit are the numbers the review judges pain by: the clinic's painGreenMax and
  // painAcceptableMax over the cited defaults. A plan's painRules are words for the patient only.
  const engine = engineSettingsSchema.safeParse(settings.engine ?? {});
  const limits = resolveSettings(engine.success ? engine.data : undefined);
  const chart = painChartSeries({ today, checkIns: rows, positions, stages: content.stages, greenMax: limits.painGreenMax, acceptableMax: limits.painAcceptableMax });

  return {
    today,
    timeZone,
    plan: { planId: plan.id, publishedVersion: plan.publishedVersion, publishedAt: formatClinicTime(plan.publishedAt, timeZone), stage, link },
    glance,
    chart,
  };
}

/** The plan's link as the clinician needs to know it: live (until when), expired, revoked, or never issued. */
async function linkState(db: Db, clinicId: string, planId: string, now: Date, timeZone: string): Promise<LinkState> {
  const live = await liveLink(db, clinicId, planId);
  if (live) {
    return live.expiresAt.getTime() > now.getTime()
      ? { state: "live", expiresAt: formatClinicTime(live.expiresAt, timeZone) }
      : { state: "expired", expiredAt: formatClinicTime(live.expiresAt, timeZone) };
  }
  const [last] = await db
    .select({ revokedAt: planLinks.revokedAt })
    .from(planLinks)
    .where(and(eq(planLinks.clinicId, clinicId), eq(planLinks.planId, planId), isNotNull(planLinks.revokedAt)))
    .orderBy(desc(planLinks.revokedAt))
    .limit(1);
  return last?.revokedAt ? { state: "revoked", revokedAt: formatClinicTime(last.revokedAt, timeZone) } : { state: "none" };
}
