import "server-only";
import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { createDraft } from "@/lib/assessments/create-draft";
import { finalizeAssessment } from "@/lib/assessments/finalize-assessment";
import { inputToStepForms } from "@/lib/assessments/input-to-steps";
import { recordReferral } from "@/lib/assessments/record-referral";
import { saveStep } from "@/lib/assessments/save-step";
import type { Actor } from "@/lib/auth/actor";
import { recordCheckIn } from "@/lib/checkins/record-check-in";
import { recordNextMorning } from "@/lib/checkins/record-next-morning";
import { addDays, assessmentInputSchema } from "@/lib/clinical";
import vignettes from "@/lib/clinical/fixtures/vignettes.json";
import { getClinicSettings } from "@/lib/clinics/get-clinic-settings";
import { createPlan } from "@/lib/plans/create-plan";
import { publishPlan } from "@/lib/plans/publish-plan";
import { decideReview } from "@/lib/reviews/decide-review";
import { clinicToday, fixedClock, systemClock, timeZoneOf, type Clock } from "@/lib/time/clock";
import { FORM_STEP_KEYS, gateFormSchema, stepFormSchemas } from "@/lib/validation/assessment";
import { morningFormSchema, sessionFormSchema, SYMPTOM_FIELD } from "@/lib/validation/checkin";
import type { Db } from "./client";
import { checkInReviews, clinics, patients, users } from "./schema";

// A few finalized assessments and three published plans with weeks of check-ins for the demo
// clinic, so a first look shows verdicts, red flags, history charts, plans and a "Needs review"
// queue with an urgent report, a flare (regress) and a patient ready to progress. Everything goes
// through the services a clinician and a patient's phone use (step schemas, publishPlan, the
// check-in forms through the patient's link, decideReview), each with a clock set on the day it
// happens, counted back from the clinic's real today: nothing here writes clinical rows directly.

type SymptomField = (typeof SYMPTOM_FIELD)[keyof typeof SYMPTOM_FIELD];

/** One logged session `day` days before today (18:00 clinic time) and, unless `morning` is null, its answer the morning after (07:30). */
type Session = {
  kind: "session";
  day: number;
  activity: "run" | "strength" | "cross_training";
  minutes: number;
  km?: number;
  effort: number;
  pain: number;
  done?: "as_planned" | "shortened";
  sharp?: boolean;
  symptom?: SymptomField;
  note?: string;
  morning: { pain: number; compared: "better" | "same" | "worse" } | null;
};
/** The clinician approves the plan's pending "progress" suggestion `day` days before today (13:00). */
type Approve = { kind: "approve"; day: number };
type Story = { publishedDaysAgo: number; events: Array<Session | Approve> };

const green = (day: number, activity: Session["activity"], minutes: number, pain: number, o: Partial<Session> = {}): Session => ({
  kind: "session",
  day,
  activity,
  minutes,
  effort: activity === "strength" ? 5 : 4,
  pain,
  morning: { pain: 1, compared: pain <= 1 ? "better" : "same" },
  ...o,
});

// Progress (Maya Lindqvist, knee, weak calves): a green first stage, approved on day 8; three more
// weeks in "rebuild" with one amber session two weeks ago; the last week all green, so the stage's
// two weeks are done and the engine suggests moving on.
const LINDQVIST: Story = {
  publishedDaysAgo: 30,
  events: [
    green(29, "run", 20, 3, { km: 3 }),
    green(27, "strength", 25, 2),
    green(25, "run", 20, 2, { km: 3.2 }),
    green(23, "run", 25, 2, { km: 3.5 }),
    { kind: "approve", day: 22 },
    green(21, "strength", 30, 2),
    green(19, "run", 25, 3, { km: 4 }),
    green(17, "run", 30, 4, { km: 4.5, effort: 6, note: "Hills on the way back, knee ached a bit", morning: { pain: 1, compared: "same" } }),
    green(15, "strength", 30, 2),
    green(13, "run", 25, 2, { km: 4 }),
    green(11, "run", 30, 2, { km: 4.6 }),
    green(9, "strength", 30, 1),
    green(6, "run", 30, 2, { km: 4.8 }),
    green(4, "strength", 35, 1),
    green(2, "run", 35, 2, { km: 5.2 }),
  ],
};

// Regress (Ines Carvalho, training-volume jump): moved on after a green week, steady in the new
// stage, then a session three days ago with sharp pain at 7/10 and a worse morning: a flare.
const CARVALHO: Story = {
  publishedDaysAgo: 20,
  events: [
    green(19, "cross_training", 30, 2),
    green(17, "strength", 40, 3),
    green(15, "cross_training", 35, 2),
    green(13, "strength", 40, 2),
    { kind: "approve", day: 12 },
    green(11, "strength", 45, 2),
    green(9, "cross_training", 40, 3),
    green(7, "strength", 45, 2),
    green(5, "cross_training", 40, 2),
    {
      kind: "session", day: 3, activity: "strength", minutes: 25, effort: 8, pain: 7, done: "shortened", sharp: true,
      note: "Box jumps in the class, sharp pain on landing, stopped early",
      morning: { pain: 5, compared: "worse" },
    },
  ],
};

// Urgent (Tom Brennan, acute back): calmed down and moved on, then yesterday evening numbness in
// the saddle area ticked on the session form.
const BRENNAN: Story = {
  publishedDaysAgo: 16,
  events: [
    green(15, "strength", 20, 3),
    green(13, "strength", 25, 3),
    green(11, "cross_training", 30, 2),
    green(9, "strength", 30, 2),
    { kind: "approve", day: 8 },
    green(7, "strength", 35, 2),
    green(5, "cross_training", 30, 2),
    green(3, "strength", 40, 3),
    { kind: "session", day: 1, activity: "strength", minutes: 20, effort: 6, pain: 5, done: "shortened", symptom: "symptom_saddle", note: "Odd numb feeling when sitting after deadlifts", morning: null },
  ],
};

const HISTORY: Array<{ lastName: string; vignette: string; psfs: Array<[string, number]>; referral?: string; assessedDaysAgo: number; story?: Story }> = [
  { lastName: "Lindqvist", vignette: "runner-knee-weak-calves", psfs: [["Running 5 km", 4], ["Stairs", 7]], assessedDaysAgo: LINDQVIST.publishedDaysAgo, story: LINDQVIST },
  { lastName: "Brennan", vignette: "lifter-acute-back-tweak", psfs: [["Deadlift", 2], ["Putting on socks", 5]], assessedDaysAgo: BRENNAN.publishedDaysAgo, story: BRENNAN },
  { lastName: "Carvalho", vignette: "crossfit-volume-jump", psfs: [["Box jumps", 5]], assessedDaysAgo: CARVALHO.publishedDaysAgo, story: CARVALHO },
  { lastName: "Bianchi", vignette: "radicular-tingling", psfs: [["Running 30 min", 3]], referral: "Dr Amal Idris, sports physician", assessedDaysAgo: 3 },
  { lastName: "Sato", vignette: "strong-runner-mild-ache", psfs: [["Track intervals", 8]], assessedDaysAgo: 6 },
  { lastName: "Martin", vignette: "one-bad-day-push", psfs: [["Squat", 9]], assessedDaysAgo: 9 },
];

/** The instant a wall-clock time on a calendar day has in a time zone (two passes settle DST edges). */
export function instantIn(day: string, hour: number, minute: number, timeZone: string): Date {
  const wall = Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10)), hour, minute);
  const f = new Intl.DateTimeFormat("en-CA", { timeZone, hourCycle: "h23", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit" });
  let at = wall;
  for (let i = 0; i < 2; i++) {
    const p = Object.fromEntries(f.formatToParts(new Date(at)).map((x) => [x.type, x.value]));
    const seen = Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day), Number(p.hour), Number(p.minute));
    at += wall - seen;
  }
  return new Date(at);
}

const PHONE = { ip: null, userAgent: "demo seed (patient's phone)" };

async function playStory(db: Db, actor: Actor, patientId: string, planId: string, token: string, story: Story, at: (daysAgo: number, h: number, m?: number) => Clock, dayAgo: (n: number) => string) {
  for (const e of story.events) {
    if (e.kind === "approve") {
      const [pending] = await db
        .select()
        .from(checkInReviews)
        .where(and(eq(checkInReviews.clinicId, actor.clinicId), eq(checkInReviews.planId, planId), eq(checkInReviews.status, "pending")))
        .limit(1);
      if (pending?.suggestion !== "progress") throw new Error(`demo seed: expected a pending "progress" review to approve, found ${pending?.suggestion ?? "none"}`);
      await decideReview(db, actor, { patientId, reviewId: pending.id, reviewVersion: pending.version, decision: { kind: "approve" } }, at(e.day, 13));
      continue;
    }
    const sessionDay = dayAgo(e.day);
    const form = sessionFormSchema.parse({
      idempotencyKey: randomUUID(),
      sessionDate: sessionDay,
      activity: e.activity,
      done: e.done ?? "as_planned",
      minutes: String(e.minutes),
      ...(e.km !== undefined ? { distance: String(e.km) } : {}),
      effortRpe: String(e.effort),
      painDuringNrs: String(e.pain),
      ...(e.sharp ? { sharpPain: "on" } : {}),
      ...(e.symptom ? { [e.symptom]: "on" } : { symptom_none: "on" }),
      note: e.note ?? "",
    });
    const r = await recordCheckIn(db, token, form, PHONE, at(e.day, 18));
    if (r.kind !== "ok") throw new Error(`demo seed: session of ${sessionDay} not stored: ${JSON.stringify(r)}`);
    if (!e.morning) continue;
    const m = morningFormSchema.parse({
      idempotencyKey: randomUUID(),
      checkInId: r.checkInId,
      morningPainNrs: String(e.morning.pain),
      comparedWithBefore: e.morning.compared,
      symptom_none: "on",
    });
    const mr = await recordNextMorning(db, token, m, PHONE, at(e.day - 1, 7, 30));
    if (mr.kind !== "ok") throw new Error(`demo seed: morning after ${sessionDay} not stored: ${JSON.stringify(mr)}`);
  }
}

/**
 * Adds the demo history to patients that have no assessment yet (so a second run adds nothing).
 * Days are counted back from `clock`'s today in the clinic's time zone; every event is dated at
 * least a day in the past.
 */
export async function seedDemoHistory(db: Db, clinicName = "Loadwise Demo Clinic", clock: Clock = systemClock) {
  const [clinic] = await db.select().from(clinics).where(eq(clinics.name, clinicName)).limit(1);
  if (!clinic) return 0;
  const timeZone = timeZoneOf((await getClinicSettings(db, clinic.id)).timeZone);
  const today = clinicToday(clock, timeZone);
  // "n days ago at hh:mm", clinic time: a stopped clock for the services.
  const at = (daysAgo: number, h: number, m = 0) => fixedClock(instantIn(addDays(today, -daysAgo), h, m, timeZone));
  let made = 0;
  for (const h of HISTORY) {
    const [row] = await db
      .select({ patient: patients, clinician: users })
      .from(patients)
      .innerJoin(users, and(eq(users.clinicId, patients.clinicId), eq(users.id, patients.clinicianId)))
      .where(and(eq(patients.clinicId, clinic.id), eq(patients.lastName, h.lastName)))
      .limit(1);
    const vignette = (vignettes as Array<{ id: string; input: unknown }>).find((v) => v.id === h.vignette);
    if (!row || !vignette || row.patient.lastAssessedAt) continue;
    const actor: Actor = {
      clinicId: clinic.id,
      userId: row.clinician.id,
      role: row.clinician.role,
      name: row.clinician.name,
      email: row.clinician.email,
      sessionId: "00000000-0000-0000-0000-000000000000",
      ip: null,
      userAgent: "demo seed",
    };
    const patientId = row.patient.id;
    const forms = inputToStepForms(assessmentInputSchema.parse(vignette.input), h.psfs);
    let { assessment } = await createDraft(db, actor, patientId, at(h.assessedDaysAgo, 9, 15));
    const meta = () => ({ assessmentId: assessment.id, patientId, version: String(assessment.version) });
    for (const [n, key] of FORM_STEP_KEYS.entries()) {
      const values = stepFormSchemas[key].parse({ ...forms[key], ...meta() }) as Record<string, unknown>;
      assessment = await saveStep(db, actor, { patientId, assessmentId: assessment.id, version: assessment.version, step: key, values, nextStep: n + 2 });
    }
    if (h.referral) {
      const gate = gateFormSchema.parse({ ...meta(), gate: "referral", referralTo: h.referral, referralDate: addDays(today, -h.assessedDaysAgo) });
      assessment = await recordReferral(db, actor, gate);
    }
    const final = await finalizeAssessment(db, actor, { patientId, assessmentId: assessment.id, version: assessment.version }, at(h.assessedDaysAgo, 10));
    if (h.story) {
      const { plan } = await createPlan(db, actor, { patientId, assessmentId: final.id }, at(h.story.publishedDaysAgo, 10, 30));
      const published = await publishPlan(db, actor, { patientId, planId: plan.id, version: plan.version }, at(h.story.publishedDaysAgo, 10, 45));
      // The token is shown once, in the link path (/p/<token>), as the clinician would copy it.
      if (!published.link) throw new Error("demo seed: publishing issued no patient link");
      await playStory(db, actor, patientId, plan.id, published.link.path.slice(3), h.story, at, (n) => addDays(today, -n));
    }
    made++;
  }
  return made;
}
