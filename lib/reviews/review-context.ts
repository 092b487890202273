import "server-only";
import { and, desc, eq, gte } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { checkIns, type CheckInRow, type PlanPosition, type PlanRow } from "@/db/schema";
import { addDays, engineSettingsSchema, reviewCheckIns, type CheckInReview, type CheckInReviewInput, type EngineSettings } from "@/lib/clinical";
import { buildCheckInReviewInput } from "@/lib/checkins/review-input";
import { getClinicSettings } from "@/lib/clinics/get-clinic-settings";
import { findVersion } from "@/lib/plans/internal";
import { currentPlanPosition } from "@/lib/plans/set-plan-position";
import { clinicToday, systemClock, timeZoneOf, type Clock } from "@/lib/time/clock";
import type { PlanContent } from "@/lib/validation/plan";

// Everything one review of a plan reads, loaded once: the clinic's settings and today (its time
// zone, from the one clock), the published version, the patient's position and the check-ins.
// The patient's page, the clinician's queue and the worklist all review through this, so they
// can never disagree about what the engine said.

/** The review reads the last 30 days (RTM days, the 3-week trend, new symptoms) and the whole stage, at most this far back. */
export const READ_BACK_MAX_DAYS = 120;

export type ReviewContextRows = {
  settings: Awaited<ReturnType<typeof getClinicSettings>>;
  engine: Partial<EngineSettings> | undefined;
  today: string;
  timeZone: string;
  content: PlanContent | null;
  position: PlanPosition | null;
  /** Newest first. */
  rows: CheckInRow[];
  /** Null when there is nothing to review: no published content, no position, or no check-in. */
  input: CheckInReviewInput | null;
  review: CheckInReview | null;
};

export async function loadReviewContext(db: DbOrTx, plan: PlanRow, clock: Clock = systemClock): Promise<ReviewContextRows> {
  const settings = await getClinicSettings(db, plan.clinicId);
  const timeZone = timeZoneOf(settings.timeZone);
  const today = clinicToday(clock, timeZone);
  const position = await currentPlanPosition(db, plan.clinicId, plan.id);
  const last30 = addDays(today, -29);
  const oldest = addDays(today, -READ_BACK_MAX_DAYS);
  const from = position && position.startedOn < last30 ? (position.startedOn > oldest ? position.startedOn : oldest) : last30;
  const rows = await db
    .select()
    .from(checkIns)
    .where(and(eq(checkIns.clinicId, plan.clinicId), eq(checkIns.planId, plan.id), gte(checkIns.sessionDate, from)))
    .orderBy(desc(checkIns.sessionDate), desc(checkIns.createdAt));
  const content = plan.publishedVersion !== null ? (await findVersion(db, plan.clinicId, plan.id, plan.publishedVersion)).content : null;
  const parsed = engineSettingsSchema.safeParse(settings.engine ?? {});
  const engine = parsed.success ? parsed.data : undefined;
  let input: CheckInReviewInput | null = null;
  let review: CheckInReview | null = null;
  if (content && position && content.stages.some((s) => s.key === position.stageKey) && rows.length > 0) {
    input = buildCheckInReviewInput({ today, content, enginePlan: plan.enginePlan, position, checkIns: rows });
    review = reviewCheckIns(input, engine);
  }
  return { settings, engine, today, timeZone, content, position, rows, input, review };
}
