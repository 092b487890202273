import "server-only";
import type { DbOrTx } from "@/db/client";
import type { CheckInRow, PlanRow } from "@/db/schema";
import { addDays, type CheckInReview } from "@/lib/clinical";
import { unitOf, type DistanceUnit } from "@/lib/plans/units";
import { loadReviewContext } from "@/lib/reviews/review-context";
import { systemClock, type Clock } from "@/lib/time/clock";
import { patientLightOf, type PatientLight } from "./patient-light";
import { positionText, type PositionText } from "./position-text";
import { LOG_WINDOW_DAYS } from "./record-check-in";

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

export async function getCheckInView(db: DbOrTx, plan: PlanRow, opts: { withheld: boolean }, clock: Clock = systemClock): Promise<CheckInView> {
  const { settings, today, timeZone, content, position, rows, review } = await loadReviewContext(db, plan, clock);
  const yesterday = addDays(today, -1);
  const morningDue = rows.filter((r) => r.sessionDate === yesterday && r.morningAt === null && r.done !== "skipped");
  let light: PatientLight | null = null;
  if (review && content) light = patientLightOf(review, content);
  else if (rows.length > 0 && opts.withheld) {
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
