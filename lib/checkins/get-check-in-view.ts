import "server-only";
import { and, desc, eq, gte } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { checkIns, type CheckInRow, type PlanRow } from "@/db/schema";
import { addDays, engineSettingsSchema, reviewCheckIns, type CheckInReview } from "@/lib/clinical";
import { getClinicSettings } from "@/lib/clinics/get-clinic-settings";
import { findVersion } from "@/lib/plans/internal";
import { currentPlanPosition } from "@/lib/plans/set-plan-position";
import { unitOf, type DistanceUnit } from "@/lib/plans/units";
import { clinicToday, systemClock, timeZoneOf, type Clock } from "@/lib/time/clock";
import type { PlanContent } from "@/lib/validation/plan";
import { patientLightOf, type PatientLight } from "./patient-light";
import { positionText, type PositionText } from "./position-text";
import { LOG_WINDOW_DAYS } from "./record-check-in";
import { buildCheckInReviewInput } from "./review-input";

// What the patient's page needs about check-ins: today (clinic time), the days a session may be
// logged for, sessions waiting for their morning answer, their history, where they are, and the
// light the review gives now. The review runs on the published version, the current position and
// the check-ins, with the clinic's own engine settings, on `today` from the one clock.

export type CheckInView = {
  today: string;
  timeZone: string;
  units: DistanceUnit;
  logDays: string[];
  morningDue: CheckInRow[];
  history: CheckInRow[];
  position: PositionText | null;
  light: PatientLight | null;
  review: CheckInReview | null;
};

/** The review reads the last 30 days (RTM days, the 3-week trend, new symptoms) and the whole stage, at most this far back. */
const READ_BACK_MAX_DAYS = 120;

export async function getCheckInView(db: DbOrTx, plan: PlanRow, opts: { withheld: boolean }, clock: Clock = systemClock): Promise<CheckInView> {
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
  const yesterday = addDays(today, -1);
  const morningDue = rows.filter((r) => r.sessionDate === yesterday && r.morningAt === null && r.done !== "skipped");

  let content: PlanContent | null = null;
  if (plan.publishedVersion !== null) content = (await findVersion(db, plan.clinicId, plan.id, plan.publishedVersion)).content;
  let review: CheckInReview | null = null;
  let light: PatientLight | null = null;
  if (content && position && content.stages.some((s) => s.key === position.stageKey) && rows.length > 0) {
    const engine = engineSettingsSchema.safeParse(settings.engine ?? {});
    review = reviewCheckIns(
      buildCheckInReviewInput({ today, content, enginePlan: plan.enginePlan, position, checkIns: rows }),
      engine.success ? engine.data : undefined,
    );
    light = patientLightOf(review, content);
  } else if (rows.length > 0 && opts.withheld) {
    // The plan is withheld (ADR 0013): no light from it, but an urgent symptom is still told at once.
    const urgent = rows.some((r) => r.saddleNumbness || r.bladderOrBowelChange || r.bothLegs || r.calfSwellingRednessHeat || r.chestPainOrBreathlessness);
    if (urgent) light = patientLightOf({ suggestion: "urgent_care", reasons: [] } as unknown as CheckInReview, null);
  }
  return {
    today,
    timeZone,
    units: unitOf(settings.units),
    logDays: Array.from({ length: LOG_WINDOW_DAYS }, (_, i) => addDays(today, -i)),
    morningDue,
    history: rows.slice(0, 60),
    position: content && position ? positionText(content, position, today) : null,
    light,
    review,
  };
}
