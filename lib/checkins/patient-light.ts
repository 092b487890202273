import type { CheckInReview } from "@/lib/clinical";
import type { PlanContent } from "@/lib/validation/plan";

// Pure: the check-in review as the patient reads it — one light and plain words. The review's
// suggestion is for the clinician (it changes nothing by itself); what the patient is told is
// what the plan they hold already says for that light, plus the two things that act at once:
// an urgent symptom (go now), and a session that broke the red light (stop it for today).

export type PatientLight = {
  level: "urgent" | "red" | "amber" | "green";
  heading: string;
  /** What to do, first line first. */
  say: string[];
  /** The review's suggestion, for the audit trail and tests (never shown as a verdict). */
  suggestion: CheckInReview["suggestion"];
};

/** Holds that ask the patient to keep steady rather than say anything went wrong. */
const AMBER_HOLDS = new Set(["checkins.amber", "checkins.stiffness_lingers"]);

export const URGENT_WORDS = {
  heading: "Stop training and get urgent medical help now",
  say: [
    "One of the symptoms you ticked can be a sign of something serious that needs checking today.",
    "Call 999 (or your local emergency number) or go to the nearest emergency department now. If you are in the US, call 911.",
    "Do not wait for your clinic to reply, and do not train until a doctor has seen you.",
    "Then let your clinic know what happened.",
  ],
} as const;

const ruleThen = (content: PlanContent | null, level: "green" | "amber" | "red") => content?.painRules.find((p) => p.level === level)?.then;

export function patientLightOf(review: CheckInReview, content: PlanContent | null): PatientLight {
  const ids = new Set(review.reasons.map((r) => r.ruleId));
  const s = review.suggestion;
  if (s === "urgent_care") return { level: "urgent", heading: URGENT_WORDS.heading, say: [...URGENT_WORDS.say], suggestion: s };
  if (s === "seek_care") {
    const say = ["Stop the sessions that bring on your symptoms and contact your clinic in the next day or two, before you train again."];
    if (ids.has("checkins.nerve_signs")) say.push("Tingling or numbness running down the leg needs your clinician to take a look.");
    if (ids.has("checkins.unwell")) say.push("Do not train while you have a fever or feel unwell.");
    if (ids.has("checkins.worse_week_to_week") || ids.has("checkins.no_tolerable_dose")) say.push("Your pain has not settled with the changes so far, so the plan needs a fresh look.");
    return { level: "red", heading: "Red: pause and contact your clinic", say, suggestion: s };
  }
  if (s === "regress") {
    const say = [ruleThen(content, "red") ?? "Stop that activity for today. Next time, do 10-20 % less than before, and tell your clinician if it happens twice."];
    say.push("Your clinician will see your check-ins and may change your stage.");
    return { level: "red", heading: "Red: that was too much", say, suggestion: s };
  }
  if (s === "hold" && [...ids].some((id) => AMBER_HOLDS.has(id))) {
    const say = [ruleThen(content, "amber") ?? "Shorten the session, keep the effort easy, and do not step up this week."];
    if (ids.has("checkins.stiffness_lingers")) say.push("Morning stiffness has lasted over half an hour more than once this week: keep to the same amount of training until it settles.");
    return { level: "amber", heading: "Amber: keep it steady", say, suggestion: s };
  }
  const say = [ruleThen(content, "green") ?? "Carry on as planned."];
  if (s === "progress") say.push("Your sessions this stage look good. Your clinician will review moving you to the next stage.");
  if (ids.has("checkins.lighter_week_due")) say.push("A planned lighter week is due: shorter sessions and no hard efforts this week.");
  if (ids.has("checkins.awaiting_24h")) say.push("The morning after each session, tell us how it feels here: that answer counts as much as the session.");
  if (ids.has("checkins.paused_until_cleared")) say.push("Keep to what the plan allows until a doctor has cleared you.");
  return { level: "green", heading: "Green: carry on with your plan", say, suggestion: s };
}
